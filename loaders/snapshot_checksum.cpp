#include <cstring>

#include "loaders/snapshot_format.hpp"

namespace castgraph::snapshot_detail {

namespace {
constexpr std::uint64_t kPrime1 = 0x9E3779B185EBCA87ULL;
constexpr std::uint64_t kPrime2 = 0xC2B2AE3D27D4EB4FULL;

constexpr std::uint64_t rotate(std::uint64_t x, int bits) {
  return (x << bits) | (x >> (64 - bits));
}
constexpr std::uint64_t round(std::uint64_t lane, std::uint64_t input) {
  return rotate(lane + input * kPrime2, 31) * kPrime1;
}
std::uint64_t load(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}
}  // namespace

std::uint64_t checksum(const char* data, std::size_t size) {
  std::uint64_t lanes[4] = {kPrime1 + kPrime2, kPrime2, 0, 0 - kPrime1};
  std::size_t i = 0;
  for (; i + 32 <= size; i += 32)
    for (int lane = 0; lane < 4; ++lane)
      lanes[lane] = round(lanes[lane], load(data + i + 8 * lane));
  std::uint64_t hash = rotate(lanes[0], 1) + rotate(lanes[1], 7) + rotate(lanes[2], 12) +
                       rotate(lanes[3], 18) + size;
  for (; i + 8 <= size; i += 8)
    hash = rotate(hash ^ round(0, load(data + i)), 27) * kPrime1 + kPrime2;
  for (; i < size; ++i)
    hash = rotate(hash ^ (static_cast<unsigned char>(data[i]) * kPrime1), 11) * kPrime2;
  hash ^= hash >> 33;
  hash *= kPrime2;
  hash ^= hash >> 29;
  return hash;
}

}  // namespace castgraph::snapshot_detail
