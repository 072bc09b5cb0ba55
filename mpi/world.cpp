#include "mpi/world.hpp"

#include <mpi.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace castgraph::mpi {
namespace {

// Open MPI counts in int: exchange() splits into rounds below that; elsewhere a larger
// message (a gathering or broadcast of over 2 GiB) is refused instead of silently
// truncated.
int as_count(std::size_t bytes) {
  if (bytes > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw std::length_error("an MPI message of more than 2 GiB (use more ranks)");
  return static_cast<int>(bytes);
}

}  // namespace

World::World(int& argc, char**& argv) {
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

World::~World() { MPI_Finalize(); }

void World::abort(int status) {
  MPI_Abort(MPI_COMM_WORLD, status);
  std::abort();  // MPI_Abort does not return; this tells the compiler so
}

std::vector<std::uint64_t> World::sum(std::vector<std::uint64_t> values) {
  bytes_sent_ += values.size() * sizeof(std::uint64_t);
  MPI_Allreduce(MPI_IN_PLACE, values.data(), as_count(values.size()), MPI_UINT64_T, MPI_SUM,
                MPI_COMM_WORLD);
  return values;
}

std::vector<std::uint64_t> World::sum_at_root(std::vector<std::uint64_t> values) {
  bytes_sent_ += values.size() * sizeof(std::uint64_t);
  if (root())
    MPI_Reduce(MPI_IN_PLACE, values.data(), as_count(values.size()), MPI_UINT64_T, MPI_SUM, 0,
               MPI_COMM_WORLD);
  else
    MPI_Reduce(values.data(), nullptr, as_count(values.size()), MPI_UINT64_T, MPI_SUM, 0,
               MPI_COMM_WORLD);
  return values;
}

std::uint64_t World::max(std::uint64_t value) {
  bytes_sent_ += sizeof value;
  MPI_Allreduce(MPI_IN_PLACE, &value, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
  return value;
}

std::vector<std::uint8_t> World::max(std::vector<std::uint8_t> bytes) {
  bytes_sent_ += bytes.size();
  for (std::size_t at = 0; at < bytes.size(); at += round_bytes_) {
    const std::size_t piece = std::min<std::uint64_t>(round_bytes_, bytes.size() - at);
    MPI_Allreduce(MPI_IN_PLACE, bytes.data() + at, as_count(piece), MPI_UINT8_T, MPI_MAX,
                  MPI_COMM_WORLD);
  }
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
  std::vector<std::uint64_t> all(values.size() * static_cast<std::size_t>(size_));
  bytes_sent_ += values.size() * sizeof(std::uint64_t);
  MPI_Allgather(values.data(), as_count(values.size()), MPI_UINT64_T, all.data(),
                as_count(values.size()), MPI_UINT64_T, MPI_COMM_WORLD);
  return all;
}

std::vector<std::string> World::gather_all(const std::string& bytes) {
  const auto sizes = gather_all(std::vector<std::uint64_t>{bytes.size()});
  std::vector<int> counts(sizes.size()), displacements(sizes.size());
  std::size_t total = 0;
  for (std::size_t r = 0; r < sizes.size(); ++r) {
    counts[r] = as_count(sizes[r]);
    displacements[r] = as_count(total);
    total += sizes[r];
  }
  std::string all(total, '\0');
  bytes_sent_ += bytes.size();
  MPI_Allgatherv(bytes.data(), as_count(bytes.size()), MPI_BYTE, all.data(), counts.data(),
                 displacements.data(), MPI_BYTE, MPI_COMM_WORLD);
  std::vector<std::string> each;
  for (std::size_t r = 0; r < sizes.size(); ++r)
    each.push_back(all.substr(static_cast<std::size_t>(displacements[r]), sizes[r]));
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
  MPI_Bcast(bytes.data(), as_count(size), MPI_BYTE, from, MPI_COMM_WORLD);
  return bytes;
}

}  // namespace castgraph::mpi
