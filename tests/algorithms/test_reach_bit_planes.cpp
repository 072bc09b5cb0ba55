// Bit planes, with every instruction set this CPU runs, against the brute-force union on
// networks big enough for their own paths: many blocks of 2^15 fans, a block nobody
// follows into, hosts dense enough for whole chunks of 128 followers per block, hosts on
// two platforms, more than 64 hosts, weights and the region filter.
#include <catch2/catch.hpp>

#include <map>
#include <numeric>
#include <random>

#include "algorithms/host_set.hpp"
#include "algorithms/random_follow_network.hpp"
#include "algorithms/reach_bit_planes.hpp"
#include "graph/network_builder.hpp"

using namespace castgraph;
using castgraph::testing::reference_host_fans;
using castgraph::testing::reference_people;
using castgraph::testing::test_provinces;

namespace {

constexpr NodeId kBlock = NodeId{1} << 15;  // the planes' block of fan ids

// Six blocks of fans; those of block 2 follow nobody. Host h follows a fan with a
// probability falling with h, from 0.6 (a whole 128-fan chunk every ~200 fans) down to
// 0.001 (a few fans a block, all through the one-at-a-time tail); host 1 is on two
// platforms, with overlapping followers, so a fan on both is one person for it.
Network block_network(std::uint64_t seed, int hosts, bool weighted) {
  std::mt19937_64 rng(seed);
  NetworkBuilder builder;
  builder.add_platform("p0", "抖音", 1'000'000);
  builder.add_platform("p1", "快手", 1'000'000);
  std::vector<std::vector<NodeId>> fanbases(hosts);
  std::vector<double> chance(hosts);
  for (int h = 0; h < hosts; ++h) {
    const NodeId host =
        *builder.add_broadcaster("h" + std::to_string(h), "主播" + std::to_string(h));
    fanbases[h].push_back(*builder.add_fanbase(host, 0, 1000));
    if (h == 1) fanbases[h].push_back(*builder.add_fanbase(host, 1, 1000));
    chance[h] = h == 0 ? 0.6 : h < 10 ? 0.3 / h : 0.001;
  }
  std::uniform_real_distribution<double> unit(0, 1);
  for (NodeId f = 0; f < 6 * kBlock; ++f) {
    const std::uint64_t weight = weighted ? 1 + rng() % 5 : 1;
    const NodeId fan =
        *builder.add_fan("f" + std::to_string(f), weight, test_provinces()[rng() % 3]);
    if (f / kBlock == 2) continue;
    for (int h = 0; h < hosts; ++h)
      for (NodeId fanbase : fanbases[h])
        if (unit(rng) < chance[h]) builder.add_follow(fan, fanbase);
  }
  return std::move(builder).finish();
}

// Compares bit planes with each instruction set against sets built from the fans' side.
void check_planes(const Network& network, const std::vector<NodeId>& hosts,
                  std::string_view region) {
  const HostSet set = make_host_set(network, hosts, std::nullopt, region);
  const auto sets = reference_host_fans(network, hosts, std::nullopt, region);
  std::map<NodeId, int> hosts_per_fan;
  for (const auto& fans : sets)
    for (NodeId fan : fans) ++hosts_per_fan[fan];
  std::array<std::uint64_t, 3> frequency{};
  for (auto [fan, count] : hosts_per_fan)
    frequency[std::min(count, 3) - 1] += network.fans.weight(fan);
  for (PlaneIsa isa : supported_plane_isas()) {
    INFO("instruction set " << static_cast<int>(isa) << ", region '" << region << "'");
    ExactReach result;
    result.per_host.assign(hosts.size(), 0);
    result.exclusive.assign(hosts.size(), 0);
    reach_by_bit_planes(network, set, result, isa);
    CHECK(result.frequency == frequency);
    CHECK(result.unique == frequency[0] + frequency[1] + frequency[2]);
    for (std::size_t i = 0; i < hosts.size(); ++i) {
      std::uint64_t exclusive = 0;
      for (NodeId fan : sets[i])
        if (hosts_per_fan[fan] == 1) exclusive += network.fans.weight(fan);
      CHECK(result.per_host[i] == reference_people(network, sets[i]));
      CHECK(result.exclusive[i] == exclusive);
    }
  }
}

}  // namespace

TEST_CASE("bit planes match the brute-force union over many blocks with every instruction set") {
  for (bool weighted : {false, true}) {
    const Network network = block_network(weighted ? 2 : 1, 12, weighted);
    std::vector<NodeId> hosts(network.broadcasters.size());
    std::iota(hosts.begin(), hosts.end(), 0);
    INFO((weighted ? "weighted" : "unweighted"));
    check_planes(network, hosts, "");
    check_planes(network, hosts, "吉林");
    check_planes(network, {0}, "");         // one host: everyone is exclusive
    check_planes(network, {11, 0, 1}, "");  // a sparse host first
  }
}

TEST_CASE("bit planes fold 80 hosts, most touching only a few words of each block") {
  const Network network = block_network(3, 80, true);
  std::vector<NodeId> hosts(network.broadcasters.size());
  std::iota(hosts.begin(), hosts.end(), 0);
  std::shuffle(hosts.begin(), hosts.end(), std::mt19937_64(3));
  check_planes(network, hosts, "");
  check_planes(network, hosts, "黑龙江");
}

TEST_CASE("bit planes run on plain x86-64 or any CPU, and refuse an instruction set it lacks") {
  const std::vector<PlaneIsa> isas = supported_plane_isas();
  REQUIRE(!isas.empty());
  CHECK(isas.front() == PlaneIsa::plain);
  const Network network = block_network(4, 3, false);
  const HostSet set = make_host_set(network, std::vector<NodeId>{0, 1, 2});
  for (PlaneIsa isa : {PlaneIsa::bmi2, PlaneIsa::avx512}) {
    ExactReach result;
    result.per_host.assign(3, 0);
    result.exclusive.assign(3, 0);
    if (std::find(isas.begin(), isas.end(), isa) == isas.end())
      CHECK_THROWS_AS(reach_by_bit_planes(network, set, result, isa), std::invalid_argument);
    else
      CHECK_NOTHROW(reach_by_bit_planes(network, set, result, isa));
  }
}
