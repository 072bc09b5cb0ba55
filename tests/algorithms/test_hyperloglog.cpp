#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "algorithms/hyperloglog.hpp"
#include "graph/errors.hpp"

using namespace castgraph;

namespace {

std::vector<std::uint8_t> registers_for(int precision) {
  return std::vector<std::uint8_t>(hll_registers(precision), 0);
}

}  // namespace

TEST_CASE("an empty sketch estimates zero and a few items nearly exactly") {
  auto registers = registers_for(14);
  CHECK(hll_estimate(registers) == 0);
  for (NodeId fan = 0; fan < 100; ++fan) hll_insert_fan(registers, fan, 1);
  CHECK(hll_estimate(registers) == Approx(100).epsilon(0.02));
}

TEST_CASE("inserting the same fan again changes nothing") {
  auto once = registers_for(12), twice = registers_for(12);
  for (NodeId fan = 0; fan < 5000; ++fan) {
    hll_insert_fan(once, fan, fan % 7 + 1);
    hll_insert_fan(twice, fan, fan % 7 + 1);
    hll_insert_fan(twice, fan, fan % 7 + 1);
  }
  CHECK(once == twice);
}

TEST_CASE("merging two sketches equals sketching the union") {
  auto a = registers_for(12), b = registers_for(12), both = registers_for(12);
  for (NodeId fan = 0; fan < 30'000; ++fan) {
    if (fan < 20'000) hll_insert_fan(a, fan, 1);
    if (fan >= 10'000) hll_insert_fan(b, fan, 1);
    hll_insert_fan(both, fan, 1);
  }
  merge_registers(a, b);
  CHECK(a == both);
}

// 30 seeds × 10^6 items: about 0.5 s in a release build, a few seconds under ASan.
TEST_CASE("10^6 distinct items are estimated within 3 standard errors over many seeds") {
  constexpr int kPrecision = 14;
  constexpr std::uint64_t kItems = 1'000'000;
  const double sigma = hll_relative_error(kPrecision);
  double squared = 0;
  int seeds = 0;
  for (std::uint64_t seed = 1; seed <= 30; ++seed, ++seeds) {
    auto registers = registers_for(kPrecision);
    for (std::uint64_t item = 0; item < kItems; ++item)
      hll_insert_hash(registers, fan_item_hash(static_cast<NodeId>(item), seed << 32));
    const double error = hll_estimate(registers) / kItems - 1;
    INFO("seed " << seed << ": relative error " << error);
    CHECK(std::abs(error) < 3 * sigma);
    squared += error * error;
  }
  // The observed spread matches the promised 1.04/sqrt(m) (a loose band for 30 samples).
  const double observed = std::sqrt(squared / seeds);
  CHECK(observed > 0.5 * sigma);
  CHECK(observed < 1.5 * sigma);
}

TEST_CASE("a weighted fan counts as that many people") {
  constexpr int kPrecision = 12;
  const double sigma = hll_relative_error(kPrecision);
  SECTION("one fan standing for a million people, drawn register by register") {
    for (NodeId fan = 0; fan < 10; ++fan) {
      auto registers = registers_for(kPrecision);
      hll_insert_fan(registers, fan, 1'000'000);
      CHECK(std::abs(hll_estimate(registers) / 1e6 - 1) < 3 * sigma);
    }
  }
  SECTION("many panel members of moderate weight, inserted item by item") {
    auto registers = registers_for(kPrecision);
    for (NodeId fan = 0; fan < 2000; ++fan) hll_insert_fan(registers, fan, 50);
    CHECK(std::abs(hll_estimate(registers) / 100'000 - 1) < 3 * sigma);
  }
  SECTION("heavy and light fans together, and the union deduplicates heavy fans") {
    auto a = registers_for(kPrecision), b = registers_for(kPrecision);
    for (NodeId fan = 0; fan < 100; ++fan) hll_insert_fan(a, fan, 20'000);    // 2,000,000
    for (NodeId fan = 50; fan < 150; ++fan) hll_insert_fan(b, fan, 20'000);   // 1,000,000 new
    for (NodeId fan = 1000; fan < 501'000; ++fan) hll_insert_fan(b, fan, 1);  // 500,000
    merge_registers(a, b);
    CHECK(std::abs(hll_estimate(a) / 3.5e6 - 1) < 3 * sigma);
  }
}

TEST_CASE("precision outside 4..16 is a usage error that names the range") {
  CHECK_THROWS_AS(hll_registers(3), UsageError);
  CHECK_THROWS_AS(hll_registers(17), UsageError);
  CHECK_THROWS_WITH(hll_registers(18), "HyperLogLog precision must be between 4 and 16; got 18");
  CHECK(hll_registers(16) == 65536);
  CHECK(hll_relative_error(14) == Approx(1.04 / 128));
  auto small = registers_for(4), large = registers_for(5);
  CHECK_THROWS_AS(merge_registers(small, large), UsageError);
}
