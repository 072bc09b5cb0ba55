#include "mpi/world.hpp"

#include <mpi.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "mpi/pieces.hpp"
#include "mpi/stop_for_tests.hpp"

namespace castgraph::mpi {
namespace {

// Open MPI counts in int: exchange() splits into rounds below that, the other collectives
// into pieces (pieces.hpp); a larger count is refused instead of silently truncated.
int as_count(std::size_t bytes) {
  if (bytes > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw std::length_error("an MPI message of more than 2 GiB (use more ranks)");
  return static_cast<int>(bytes);
}

}  // namespace

template <typename Send>
void World::in_counted_pieces(std::uint64_t total, std::uint64_t piece, Send&& send) {
  if (total > piece) ++cut_messages_;
  in_pieces(total, piece, [&](std::uint64_t at, int n) {
    if (total > piece) ++message_pieces_;
    send(at, n);
  });
}

World::World(int& argc, char**& argv) {
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  piece_bytes_ = piece_bytes_for_tests().value_or(kDefaultPieceBytes);
}

World::~World() { MPI_Finalize(); }

void World::abort(int status) {
  MPI_Abort(MPI_COMM_WORLD, status);
  std::abort();  // MPI_Abort does not return; this tells the compiler so
}

std::vector<std::uint64_t> World::sum(std::vector<std::uint64_t> values) {
  bytes_sent_ += values.size() * sizeof(std::uint64_t);
  in_counted_pieces(
      values.size(), elements_in(piece_bytes_, sizeof(std::uint64_t)), [&](auto at, int n) {
        MPI_Allreduce(MPI_IN_PLACE, values.data() + at, n, MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD);
      });
  return values;
}

std::vector<std::uint64_t> World::sum_at_root(std::vector<std::uint64_t> values) {
  bytes_sent_ += values.size() * sizeof(std::uint64_t);
  in_counted_pieces(
      values.size(), elements_in(piece_bytes_, sizeof(std::uint64_t)), [&](auto at, int n) {
        if (root())
          MPI_Reduce(MPI_IN_PLACE, values.data() + at, n, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
        else
          MPI_Reduce(values.data() + at, nullptr, n, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
      });
  return values;
}

std::uint64_t World::max(std::uint64_t value) {
  bytes_sent_ += sizeof value;
  MPI_Allreduce(MPI_IN_PLACE, &value, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
  return value;
}

std::vector<std::uint8_t> World::max(std::vector<std::uint8_t> bytes) {
  bytes_sent_ += bytes.size();
  in_counted_pieces(bytes.size(), std::min(round_bytes_, piece_bytes_), [&](auto at, int n) {
    MPI_Allreduce(MPI_IN_PLACE, bytes.data() + at, n, MPI_UINT8_T, MPI_MAX, MPI_COMM_WORLD);
  });
  return bytes;
}

std::uint64_t World::min(std::uint64_t value) {
  bytes_sent_ += sizeof value;
  MPI_Allreduce(MPI_IN_PLACE, &value, 1, MPI_UINT64_T, MPI_MIN, MPI_COMM_WORLD);
  return value;
}

unsigned __int128 World::sum(unsigned __int128 value) {
  const auto halves = gather_all(std::vector<std::uint64_t>{
      static_cast<std::uint64_t>(value), static_cast<std::uint64_t>(value >> 64)});
  unsigned __int128 total = 0;
  for (std::size_t r = 0; r < halves.size(); r += 2)
    total += (static_cast<unsigned __int128>(halves[r + 1]) << 64) | halves[r];
  return total;
}

std::uint64_t World::sum_before(std::uint64_t value) {
  std::uint64_t before = 0;
  bytes_sent_ += sizeof value;
  MPI_Exscan(&value, &before, 1, MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD);
  return rank_ == 0 ? 0 : before;  // MPI leaves rank 0's result undefined
}

std::vector<std::uint64_t> World::gather_all(const std::vector<std::uint64_t>& values) {
  const auto ranks = static_cast<std::size_t>(size_);
  const std::size_t length = values.size();
  std::vector<std::uint64_t> all(length * ranks), piece;
  bytes_sent_ += length * sizeof(std::uint64_t);
  // Each piece gathers `n` values of every rank: at most piece_bytes_ in all.
  const std::uint64_t share = elements_in(piece_bytes_ / ranks, sizeof(std::uint64_t));
  in_counted_pieces(length, share, [&](std::uint64_t at, int n) {
    piece.resize(static_cast<std::size_t>(n) * ranks);
    MPI_Allgather(values.data() + at, n, MPI_UINT64_T, piece.data(), n, MPI_UINT64_T,
                  MPI_COMM_WORLD);
    for (std::size_t r = 0; r < ranks; ++r)
      std::copy_n(piece.begin() + static_cast<std::ptrdiff_t>(r * static_cast<std::size_t>(n)), n,
                  all.begin() + static_cast<std::ptrdiff_t>(r * length + at));
  });
  return all;
}

std::vector<std::string> World::gather_all(const std::string& bytes) {
  const auto ranks = static_cast<std::size_t>(size_);
  const auto sizes = gather_all(std::vector<std::uint64_t>{bytes.size()});
  std::vector<std::string> each(ranks);
  for (std::size_t r = 0; r < ranks; ++r) each[r].reserve(sizes[r]);
  bytes_sent_ += bytes.size();
  // Piece by piece of the longest: each rank sends up to `share` bytes of its own a call
  // (none once it has sent all), so that one call gathers at most piece_bytes_.
  const std::uint64_t share = std::max<std::uint64_t>(1, piece_bytes_ / ranks);
  std::vector<int> counts(ranks), displacements(ranks);
  std::string piece;
  in_counted_pieces(
      *std::max_element(sizes.begin(), sizes.end()), share, [&](std::uint64_t at, int n) {
        std::size_t total = 0;
        for (std::size_t r = 0; r < ranks; ++r) {
          counts[r] =
              sizes[r] > at ? static_cast<int>(std::min<std::uint64_t>(n, sizes[r] - at)) : 0;
          displacements[r] = as_count(total);
          total += static_cast<std::size_t>(counts[r]);
        }
        piece.resize(total);
        const std::size_t from = std::min<std::size_t>(at, bytes.size());
        MPI_Allgatherv(bytes.data() + from, counts[static_cast<std::size_t>(rank_)], MPI_BYTE,
                       piece.data(), counts.data(), displacements.data(), MPI_BYTE, MPI_COMM_WORLD);
        for (std::size_t r = 0; r < ranks; ++r)
          each[r].append(piece, static_cast<std::size_t>(displacements[r]),
                         static_cast<std::size_t>(counts[r]));
      });
  return each;
}

std::vector<std::string> World::exchange(const std::vector<std::string>& to) {
  const auto ranks = static_cast<std::size_t>(size_);
  // Each round sends at most `share` bytes to each rank, so that one round's send buffer,
  // and the receive buffer the ranks fill, each hold at most round_bytes_: int counts
  // and offsets suffice whatever the total, and the copies made for MPI stay bounded.
  // Fans spread evenly over ranks by their hash, so equal shares waste little.
  const std::uint64_t share = std::max<std::uint64_t>(1, round_bytes_ / ranks);
  std::uint64_t rounds_needed = 1;
  for (const std::string& bytes : to)
    rounds_needed = std::max<std::uint64_t>(rounds_needed, (bytes.size() + share - 1) / share);
  const std::uint64_t rounds = max(rounds_needed);
  std::vector<int> send_counts(ranks), send_offsets(ranks), receive_counts(ranks),
      receive_offsets(ranks);
  std::vector<std::string> from(ranks);
  std::string outgoing, incoming;
  for (std::uint64_t round = 0; round < rounds; ++round) {
    outgoing.clear();
    for (std::size_t r = 0; r < ranks; ++r) {
      const std::size_t begin = std::min<std::uint64_t>(to[r].size(), round * share);
      const std::size_t length = std::min<std::uint64_t>(to[r].size() - begin, share);
      send_counts[r] = as_count(length);
      send_offsets[r] = as_count(outgoing.size());
      outgoing.append(to[r], begin, length);
    }
    bytes_sent_ += ranks * sizeof(int) + outgoing.size();
    MPI_Alltoall(send_counts.data(), 1, MPI_INT, receive_counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
    std::size_t total = 0;
    for (std::size_t r = 0; r < ranks; ++r) {
      receive_offsets[r] = as_count(total);
      total += static_cast<std::size_t>(receive_counts[r]);
    }
    incoming.resize(total);
    MPI_Alltoallv(outgoing.data(), send_counts.data(), send_offsets.data(), MPI_BYTE,
                  incoming.data(), receive_counts.data(), receive_offsets.data(), MPI_BYTE,
                  MPI_COMM_WORLD);
    for (std::size_t r = 0; r < ranks; ++r)
      from[r].append(incoming, static_cast<std::size_t>(receive_offsets[r]),
                     static_cast<std::size_t>(receive_counts[r]));
    ++exchange_rounds_;
  }
  return from;
}

std::string World::broadcast(std::string bytes, int from) {
  std::uint64_t size = bytes.size();
  if (rank_ == from) bytes_sent_ += sizeof size + bytes.size();
  MPI_Bcast(&size, 1, MPI_UINT64_T, from, MPI_COMM_WORLD);
  bytes.resize(size);
  in_counted_pieces(size, piece_bytes_, [&](std::uint64_t at, int n) {
    MPI_Bcast(bytes.data() + at, n, MPI_BYTE, from, MPI_COMM_WORLD);
  });
  return bytes;
}

}  // namespace castgraph::mpi
