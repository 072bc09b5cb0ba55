// end_of_plain_run against the plain byte-by-byte loop it replaces, on random bytes drawn
// mostly from the bytes it must stop at, from every start, near the end of the input and
// across 16-byte blocks.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "loaders/csv_byte_scan.hpp"

using namespace castgraph;

namespace {

std::uint64_t byte_by_byte(const std::vector<unsigned char>& bytes, std::uint64_t i,
                           const csv_scan::Context& context) {
  while (i < bytes.size() && context.table[bytes[i]] == csv_scan::kPlain) ++i;
  return i;
}

// Long plain runs with an interesting byte now and then, so runs cross 16-byte blocks.
std::vector<unsigned char> random_bytes(std::mt19937& random, std::size_t size) {
  static constexpr unsigned char kInteresting[] = {',', '"', '\r', '\n', 0, 0x7F, 0x80, 0xC3, 0xFF, ' ', 'a'};
  std::uniform_int_distribution<int> which(0, 40), any(0, 255);
  std::vector<unsigned char> bytes(size);
  for (auto& byte : bytes) {
    const int pick = which(random);
    byte = pick < 11 ? kInteresting[pick] : pick < 14 ? static_cast<unsigned char>(any(random)) : 'x';
  }
  return bytes;
}

}  // namespace

TEST_CASE("end_of_plain_run stops where the byte loop stops", "[csv]") {
  std::mt19937 random(11);
  for (const auto* context : {&csv_scan::kUnquoted, &csv_scan::kQuoted}) {
    for (std::size_t size : {0, 1, 15, 16, 17, 31, 33, 100, 1000}) {
      for (int round = 0; round < 20; ++round) {
        const auto bytes = random_bytes(random, size);
        for (std::uint64_t start = 0; start <= size; ++start)
          REQUIRE(csv_scan::end_of_plain_run(bytes.data(), start, size, *context) ==
                  byte_by_byte(bytes, start, *context));
      }
    }
  }
}

TEST_CASE("end_of_plain_run finds a stop byte at every position of a long plain run", "[csv]") {
  for (const auto* context : {&csv_scan::kUnquoted, &csv_scan::kQuoted}) {
    for (unsigned char stop : {static_cast<unsigned char>(context->separator), (unsigned char)'\r',
                               (unsigned char)'\n', (unsigned char)0, (unsigned char)0x80,
                               (unsigned char)0xE4}) {
      for (std::size_t at = 0; at < 70; ++at) {
        std::vector<unsigned char> bytes(70, 'p');
        bytes[at] = stop;
        REQUIRE(csv_scan::end_of_plain_run(bytes.data(), 0, bytes.size(), *context) == at);
      }
    }
    const std::vector<unsigned char> plain(70, 'p');  // no stop at all: the end
    CHECK(csv_scan::end_of_plain_run(plain.data(), 3, plain.size(), *context) == 70);
  }
}
