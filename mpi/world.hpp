// World: this process's place among the MPI ranks of castgraph-mpi, and the few
// collective operations the commands need, each counting the bytes it sends so that
// --verbose can say what a command moved.
//
// Every collective here must be called by every rank in the same order. A rank that fails
// on its own (bad data in its range, a look-up that fails) must not skip one, or the
// others wait for ever: so local work that can throw runs inside agree_on() (failure.hpp),
// which turns a failure on any rank into the same exception on all of them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace castgraph::mpi {

class World {
 public:
  World(int& argc, char**& argv);  // MPI_Init
  ~World();                        // MPI_Finalize
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool root() const { return rank_ == 0; }
  // Ends every rank with `status`: for a failure the others cannot be told of.
  [[noreturn]] void abort(int status);
  // Bytes this rank has handed to collectives so far (payloads, not MPI's headers).
  std::uint64_t bytes_sent() const { return bytes_sent_; }
  // The most bytes one round of exchange() sends from, or receives into, one rank; the
  // same on every rank. Open MPI counts and offsets are int, so at most 2^31 - 1.
  static constexpr std::uint64_t kDefaultRoundBytes = std::uint64_t{1} << 30;
  static constexpr std::uint64_t kMaxRoundBytes = (std::uint64_t{1} << 31) - 1;
  void set_round_bytes(std::uint64_t bytes) { round_bytes_ = bytes; }
  // The rounds exchange() has taken so far (at least one per call).
  std::uint64_t exchange_rounds() const { return exchange_rounds_; }
  // The most bytes one call of MPI sends in the other collectives (gatherings, broadcasts,
  // reductions), which send larger messages in pieces: Open MPI counts in int. The same on
  // every rank; a test makes it tiny (stop_for_tests.hpp) to check that pieces join up.
  static constexpr std::uint64_t kDefaultPieceBytes = std::uint64_t{1} << 30;
  std::uint64_t piece_bytes() const { return piece_bytes_; }
  // The messages so far that were longer than one piece, and the pieces they took.
  std::uint64_t cut_messages() const { return cut_messages_; }
  std::uint64_t message_pieces() const { return message_pieces_; }

  // Every collective below takes messages of any size (above 2 GiB in pieces).
  //
  // The element-wise sum, max or min of `values` over all ranks, on every rank.
  std::vector<std::uint64_t> sum(std::vector<std::uint64_t> values);
  std::uint64_t sum(std::uint64_t value) { return sum(std::vector{value})[0]; }
  // The element-wise sum over all ranks on the root only (MPI_Reduce); other ranks get
  // their own values back. Half an all-reduce, for answers only the root reads.
  std::vector<std::uint64_t> sum_at_root(std::vector<std::uint64_t> values);
  std::uint64_t max(std::uint64_t value);
  // The element-wise max of `bytes` over all ranks, on every rank: HyperLogLog registers
  // merge so. Reduced in pieces of at most round_bytes, which bounds MPI's own copies.
  std::vector<std::uint8_t> max(std::vector<std::uint8_t> bytes);
  std::uint64_t min(std::uint64_t value);
  // The exact sum of 128-bit integers (summed on every rank from an all-gather).
  unsigned __int128 sum(unsigned __int128 value);
  // The sum over the ranks before this one (0 on rank 0).
  std::uint64_t sum_before(std::uint64_t value);
  // Every rank's `values` (all of one length), rank by rank.
  std::vector<std::uint64_t> gather_all(const std::vector<std::uint64_t>& values);
  // Every rank's bytes, rank by rank.
  std::vector<std::string> gather_all(const std::string& bytes);
  // `to[r]` goes to rank r; returns what each rank sent to this one, rank by rank. Any
  // size: it moves in rounds of at most round_bytes per rank (see set_round_bytes).
  std::vector<std::string> exchange(const std::vector<std::string>& to);
  // Rank `from`'s `bytes`, on every rank.
  std::string broadcast(std::string bytes, int from);

 private:
  int rank_ = 0, size_ = 1;
  std::uint64_t bytes_sent_ = 0;
  std::uint64_t round_bytes_ = kDefaultRoundBytes;
  std::uint64_t exchange_rounds_ = 0;
  std::uint64_t piece_bytes_ = kDefaultPieceBytes;
  std::uint64_t cut_messages_ = 0, message_pieces_ = 0;
  // in_pieces (pieces.hpp), counting the messages it cuts.
  template <typename Send>
  void in_counted_pieces(std::uint64_t total, std::uint64_t piece, Send&& send);
};

}  // namespace castgraph::mpi
