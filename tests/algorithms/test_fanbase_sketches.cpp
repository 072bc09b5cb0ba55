// Stored fanbase sketches, sparse below a size and dense above it
// (algorithms/fanbase_sketches.hpp), against registers built the slow way: every fan
// inserted into a dense array per fanbase, from the fan -> fanbases side of the graph.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include "algorithms/fanbase_sketches.hpp"
#include "algorithms/random_follow_network.hpp"
#include "graph/fan_hash.hpp"
#include "graph/network_builder.hpp"

using namespace castgraph;
using castgraph::testing::random_network;
using castgraph::testing::RandomNetworkShape;

namespace {

using Registers = std::vector<std::uint8_t>;

// Each fanbase's dense registers, built from the follows side with no sparse step.
std::vector<Registers> reference_registers(const Network& network, int precision) {
  std::vector<Registers> sketches(network.fanbases.size(), Registers(hll_registers(precision)));
  for (NodeId fan = 0; fan < network.fans.size(); ++fan)
    for (NodeId fanbase : network.relations.follows.neighbours(fan))
      hll_insert_fan(sketches[fanbase], stable_fan_hash(network.fans.ids[fan]),
                     network.fans.weight(fan));
  return sketches;
}

Registers decoded(const Network& network, const FanbaseSketches& sketches, NodeId fanbase) {
  Registers registers(sketches.registers_per_sketch());
  sketches.merge_into(network, fanbase, registers);
  return registers;
}

// One host per entry of `sizes`, its one fanbase followed by that many fans of their own,
// of weight `weight`; fanbases in the order of `sizes`.
Network sized_network(const std::vector<int>& sizes, std::uint64_t weight = 1) {
  NetworkBuilder builder;
  builder.add_platform("p0", "抖音", 0);
  int next_fan = 0;
  for (std::size_t h = 0; h < sizes.size(); ++h) {
    const NodeId host = *builder.add_broadcaster("h" + std::to_string(h), "主播");
    const NodeId fanbase = *builder.add_fanbase(host, 0, 0);
    for (int i = 0; i < sizes[h]; ++i)
      builder.add_follow(*builder.add_fan("f" + std::to_string(next_fan++), weight), fanbase);
  }
  return std::move(builder).finish();
}

struct EditableSketches {
  int precision;
  std::vector<std::uint32_t> slots;
  std::vector<std::uint8_t> dense;
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> entries;

  explicit EditableSketches(const FanbaseSketches& from)
      : precision(from.precision),
        slots(from.dense_slot.begin(), from.dense_slot.end()),
        dense(from.dense_registers.begin(), from.dense_registers.end()),
        offsets(from.sparse_offsets.begin(), from.sparse_offsets.end()),
        entries(from.sparse_entries.begin(), from.sparse_entries.end()) {}
  FanbaseSketches sketches() const {
    FanbaseSketches result;
    result.precision = precision;
    result.dense_slot = Column(std::vector(slots));
    result.dense_registers = Column(std::vector(dense));
    result.sparse_offsets = Column(std::vector(offsets));
    result.sparse_entries = Column(std::vector(entries));
    return result;
  }
  // The first sparse fanbase with at least `least` entries.
  NodeId sparse_with(std::size_t least) const {
    for (NodeId f = 0; f + 1 < offsets.size(); ++f)
      if (slots[f] == kSparseSketch && offsets[f + 1] - offsets[f] >= least) return f;
    FAIL("no sparse fanbase with " << least << " entries");
    return 0;
  }
};

}  // namespace

TEST_CASE("stored sketches decode to exactly the registers of dense sketches") {
  const RandomNetworkShape shape{.platforms = 3, .hosts = 12, .fans = 3000};
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    const Network network = random_network(seed, shape);
    for (int precision : {6, 8, 12}) {
      INFO("precision " << precision);
      const FanbaseSketches stored = build_fanbase_sketches(network, precision);
      const std::vector<Registers> expected = reference_registers(network, precision);
      REQUIRE(sketch_layout_problem(stored, network.fanbases.size()) == std::nullopt);
      REQUIRE(sketch_value_problem(stored) == std::nullopt);
      for (NodeId fanbase = 0; fanbase < network.fanbases.size(); ++fanbase) {
        INFO("fanbase " << fanbase);
        CHECK(decoded(network, stored, fanbase) == expected[fanbase]);
      }
    }
  }
}

TEST_CASE("each fanbase takes the form its size calls for") {
  // At p = 8 (256 registers): from follows up to 16 fans and 512 items; sparse while
  // fewer than 64 registers are set; dense above.
  //   fanbase:  0    1    2     3     4      5
  //   fans:     0    5    16    40    200    2000
  const Network network = sized_network({0, 5, 16, 40, 200, 2000});
  const FanbaseSketches stored = build_fanbase_sketches(network, 8);
  const std::vector<Registers> expected = reference_registers(network, 8);
  auto nonzero = [&](NodeId f) {
    return std::ranges::count_if(expected[f], [](std::uint8_t r) { return r != 0; });
  };
  CHECK(stored.dense_slot[0] == kFromFollows);
  CHECK(stored.dense_slot[1] == kFromFollows);
  CHECK(stored.dense_slot[2] == kFromFollows);
  REQUIRE(nonzero(3) < 64);  // 40 items rarely share a register of 256
  CHECK(stored.dense_slot[3] == kSparseSketch);
  CHECK(stored.sparse_offsets[4] - stored.sparse_offsets[3] ==
        static_cast<std::uint64_t>(nonzero(3)));
  CHECK(stored.dense_slot[4] == 0);  // the first dense row
  CHECK(stored.dense_slot[5] == 1);
  CHECK(stored.dense_registers.size() == 2 * 256);
  CHECK(stored.sparse_entries.size() == static_cast<std::size_t>(nonzero(3)));
  for (NodeId f = 0; f < 6; ++f) CHECK(decoded(network, stored, f) == expected[f]);

  // Weight counts as items: three fans of 300 people each are 900 items, too many to
  // rebuild at query time, and set nearly every register.
  const Network heavy = sized_network({3}, 300);
  CHECK(build_fanbase_sketches(heavy, 8).dense_slot[0] == 0);
  CHECK(rebuilds_from_follows(16, 512, 8));
  CHECK(!rebuilds_from_follows(17, 17, 8));
  CHECK(!rebuilds_from_follows(3, 513, 8));
}

TEST_CASE("a union of sketches of every form is the union of their registers") {
  const Network network = sized_network({0, 5, 16, 40, 200, 2000, 3});
  const FanbaseSketches stored = build_fanbase_sketches(network, 8);
  const std::vector<Registers> expected = reference_registers(network, 8);
  Registers merged(256), reference(256);
  for (NodeId fanbase = 0; fanbase < network.fanbases.size(); ++fanbase) {
    stored.merge_into(network, fanbase, merged);
    std::ranges::transform(reference, expected[fanbase], reference.begin(),
                           [](std::uint8_t a, std::uint8_t b) { return std::max(a, b); });
  }
  CHECK(merged == reference);
  CHECK(hll_estimate(merged) == hll_estimate(reference));
}

TEST_CASE("at the default precision a few fans store nothing, a few thousand 4 bytes a register") {
  //   fanbase 0: 3 fans     fanbase 1: 1,500 fans     fanbase 2: nobody
  const Network network = sized_network({3, 1500, 0});
  const FanbaseSketches stored = build_fanbase_sketches(network, 14);
  CHECK(stored.dense_registers.size() == 0);
  CHECK(stored.dense_slot[0] == kFromFollows);
  CHECK(stored.dense_slot[1] == kSparseSketch);
  CHECK(stored.dense_slot[2] == kFromFollows);
  CHECK(stored.sparse_entries.size() <= 1500);  // 1,500 fans set at most 1,500 registers
  CHECK(stored.sparse_entries.size() > 1400);   // and rarely share one of 16,384
  CHECK(hll_estimate(decoded(network, stored, 0)) == Approx(3).epsilon(0.01));
  CHECK(hll_estimate(decoded(network, stored, 1)) ==
        Approx(1500).epsilon(3 * hll_relative_error(14)));
}

TEST_CASE("sketches do not depend on the order fans and follows were read in") {
  // The same fans and follows added in two orders: dense NodeIds differ, sketches do not.
  std::vector<std::pair<std::string, int>> follows;  // fan id, fanbase
  for (int f = 0; f < 2000; ++f)
    for (int b = 0; b < 2; ++b)
      if ((f + b) % 3 != 0) follows.emplace_back("fan" + std::to_string(f), b);
  auto build = [&](std::uint64_t shuffle_seed) {
    std::mt19937_64 rng(shuffle_seed);
    std::vector<int> fans(2000);
    std::iota(fans.begin(), fans.end(), 0);
    std::shuffle(fans.begin(), fans.end(), rng);
    auto order = follows;
    std::shuffle(order.begin(), order.end(), rng);
    NetworkBuilder builder;
    builder.add_platform("p0", "抖音", 0);
    for (int b = 0; b < 2; ++b) {
      const NodeId host = *builder.add_broadcaster("h" + std::to_string(b), "主播");
      builder.add_fanbase(host, 0, 0);
    }
    for (int f : fans) builder.add_fan("fan" + std::to_string(f), 1 + f % 3);
    for (const auto& [fan, fanbase] : order)
      builder.add_follow(builder.intern_fan(fan), static_cast<NodeId>(fanbase));
    return std::move(builder).finish();
  };
  const Network a = build(1), b = build(2);
  REQUIRE(a.fans.ids[0] != b.fans.ids[0]);  // the orders did differ
  for (int precision : {10, 16}) {          // stored sparse or dense; rebuilt from follows
    const FanbaseSketches sa = build_fanbase_sketches(a, precision);
    const FanbaseSketches sb = build_fanbase_sketches(b, precision);
    for (NodeId fanbase = 0; fanbase < 2; ++fanbase)
      CHECK(decoded(a, sa, fanbase) == decoded(b, sb, fanbase));
  }
}

TEST_CASE("the layout and value checks find what a crafted file could hold") {
  const Network network = sized_network({0, 5, 40, 30, 200, 2000});
  const FanbaseSketches built = build_fanbase_sketches(network, 8);
  const std::size_t fanbases = network.fanbases.size();
  const EditableSketches intact(built);
  REQUIRE(intact.entries.size() > 2);
  REQUIRE(!intact.dense.empty());

  auto layout = [&](const EditableSketches& edited) {
    return sketch_layout_problem(edited.sketches(), fanbases).value_or("");
  };
  auto values = [&](const EditableSketches& edited) {
    const FanbaseSketches sketches = edited.sketches();
    REQUIRE(sketch_layout_problem(sketches, fanbases) == std::nullopt);
    return sketch_value_problem(sketches).value_or("");
  };
  CHECK(layout(intact).empty());
  CHECK(values(intact).empty());

  SECTION("a slot for each fanbase") {
    EditableSketches e = intact;
    e.slots.pop_back();
    CHECK_THAT(layout(e), Catch::Contains("dense slots for"));
  }
  SECTION("dense rows in fanbase order") {
    EditableSketches e = intact;
    const auto dense = std::ranges::find_if(e.slots, [](auto s) { return s < kFromFollows; });
    *dense += 1;
    CHECK_THAT(layout(e), Catch::Contains("expected 0 (rows in fanbase order)"));
  }
  SECTION("no entries for a fanbase rebuilt from its follows") {
    EditableSketches e = intact;
    REQUIRE(e.slots[1] == kFromFollows);
    e.offsets[2] = e.offsets[1] + 1;
    CHECK_THAT(layout(e), Catch::Contains("fanbase 1 is rebuilt from its follows but has sparse"));
  }
  SECTION("offsets never decrease") {
    EditableSketches e = intact;
    REQUIRE(e.slots[3] == kSparseSketch);
    REQUIRE(e.offsets[3] > 0);  // after fanbase 2's entries
    e.offsets[4] = e.offsets[3] - 1;
    CHECK_THAT(layout(e), Catch::Contains("sparse offsets of fanbase 3 decrease"));
  }
  SECTION("offsets end at the entries") {
    EditableSketches e = intact;
    e.entries.push_back(e.entries.back());
    CHECK_THAT(layout(e), Catch::Contains("not from 0 to the"));
  }
  SECTION("sparse entries in increasing register order") {
    EditableSketches e = intact;
    const NodeId f = e.sparse_with(2);
    std::swap(e.entries[e.offsets[f]], e.entries[e.offsets[f] + 1]);
    CHECK_THAT(values(e), Catch::Contains("not in increasing register order"));
  }
  SECTION("a register index below 2^p") {
    EditableSketches e = intact;
    const NodeId f = e.sparse_with(1);
    e.entries[e.offsets[f + 1] - 1] = (256u << 8) | 1u;
    CHECK_THAT(values(e), Catch::Contains("names register 256; at precision 8 there are 256"));
  }
  SECTION("a stored value from 1 to 64 - p + 1") {
    EditableSketches e = intact;
    const NodeId f = e.sparse_with(1);
    e.entries[e.offsets[f]] &= ~0xFFu;
    CHECK_THAT(values(e), Catch::Contains("holds 0; at precision 8 a stored register holds "
                                          "from 1 to 57"));
    e.entries[e.offsets[f]] |= 58u;
    CHECK_THAT(values(e), Catch::Contains("holds 58"));
  }
  SECTION("a dense register at most 64 - p + 1") {
    EditableSketches e = intact;
    e.dense[3] = 58;
    CHECK_THAT(values(e), Catch::Contains("dense register 3 holds 58"));
  }
}

TEST_CASE("the stable fan hash is XXH3-64 of the external id") {
  // Test vectors of XXH3_64bits with seed 0 from xxHash's own sanity checks
  // (cli/xsum_sanity_check.c): the empty input.
  CHECK(stable_fan_hash("") == 0x2D06800538D394C2ULL);
  CHECK(stable_fan_hash("f1") == stable_fan_hash(std::string("f1")));
  CHECK(stable_fan_hash("f1") != stable_fan_hash("f2"));
}
