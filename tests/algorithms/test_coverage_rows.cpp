// compress_coverage reads the modelled candidates' followers (fanbase -> fans) in blocks
// of fans and packs short rows into 64-bit keys. Checked here against the plainest
// construction from the other side of the graph: each fan's follows (fan -> fanbases),
// its set of modelled candidates, equal sets summed in a std::map (whose order of vectors
// is the lexicographic, canonical one). The networks are large enough for several blocks
// of fans, rows too long for a key, fans following two fanbases of one host, weights,
// and the platform and region filters.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "algorithms/coverage_rows.hpp"
#include "algorithms/host_set.hpp"
#include "graph/network_builder.hpp"

using namespace castgraph;

namespace {

// `hosts` hosts with one or two fanbases on 2 platforms, and `fans` fans of weight 1-3 in
// two provinces following 0-6 fanbases skewed toward the low ids, and one in fifty a
// "superfan" following 12-30 fanbases (rows longer than a key holds).
Network random_network(std::uint64_t seed, int hosts, int fans) {
  std::mt19937_64 rng(seed);
  auto uniform = [&](int low, int high) { return std::uniform_int_distribution(low, high)(rng); };
  NetworkBuilder builder;
  builder.add_platform("p0", "平台0", 10'000);
  builder.add_platform("p1", "平台1", 4'000);
  const std::vector<std::string> provinces{"辽宁", "吉林"};
  std::vector<NodeId> fanbases;
  for (int h = 0; h < hosts; ++h) {
    const NodeId id = *builder.add_broadcaster("h" + std::to_string(h), "主播" + std::to_string(h),
                                               kNoNode, "辽宁", "influencer", 1000.0);
    for (NodeId p = 0; p < 2; ++p)
      if (p == static_cast<NodeId>(h % 2) || uniform(0, 1) == 0)
        fanbases.push_back(*builder.add_fanbase(id, p, 1000));
  }
  const int last = static_cast<int>(fanbases.size()) - 1;
  for (int f = 0; f < fans; ++f) {
    const NodeId fan =
        *builder.add_fan("f" + std::to_string(f), static_cast<std::uint64_t>(uniform(1, 3)),
                         provinces[uniform(0, 1)]);
    std::set<NodeId> follows;
    for (int k = uniform(0, 49) == 0 ? uniform(12, 30) : uniform(0, 6); k > 0; --k)
      follows.insert(fanbases[std::min(uniform(0, last), uniform(0, last))]);
    for (NodeId fanbase : follows) builder.add_follow(fan, fanbase);
  }
  return std::move(builder).finish();
}

// The rows as the fan side gives them: per fan, the modelled candidates it follows.
CoverageRows reference_rows(const Network& network, const HostSet& set,
                            const std::vector<char>& modelled, const std::vector<double>& alone) {
  std::vector<std::uint32_t> candidate_of(network.fanbases.size(), 0xFFFFFFFFu);
  for (std::uint32_t c = 0; c < set.size(); ++c)
    if (modelled[c])
      for (NodeId fanbase : set.fanbases[c]) candidate_of[fanbase] = c;
  CoverageRows rows;
  rows.solo.assign(set.size(), 0.0);
  for (std::size_t c = 0; c < set.size(); ++c)
    if (!modelled[c]) rows.solo[c] = alone[c], ++rows.unmodelled;
  std::map<std::vector<std::uint32_t>, double> merged;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    if (!set.counts(network, fan)) continue;
    std::set<std::uint32_t> row;
    for (NodeId fanbase : network.relations.follows.neighbours(fan))
      if (candidate_of[fanbase] != 0xFFFFFFFFu) row.insert(candidate_of[fanbase]);
    if (row.empty()) continue;
    ++rows.fans;
    const double weight = static_cast<double>(network.fans.weight(fan));
    if (row.size() == 1)
      rows.solo[*row.begin()] += weight;
    else
      merged[std::vector<std::uint32_t>(row.begin(), row.end())] += weight;
  }
  rows.offsets.push_back(0);
  for (const auto& [members, weight] : merged) {
    rows.members.insert(rows.members.end(), members.begin(), members.end());
    rows.offsets.push_back(rows.members.size());
    rows.weights.push_back(weight);
  }
  return rows;
}

}  // namespace

TEST_CASE("rows built from the followers equal the rows of each fan's follows, in order") {
  std::mt19937_64 rng(5);
  // 40,000 fans: several blocks. 100 candidates modelled: 7 bits a member, 9 to a key, so
  // superfans' rows are too long for one; 600: 10 bits, 6 to a key; and every candidate.
  for (const auto& [hosts, share] :
       {std::pair{200, 0.5}, std::pair{1200, 0.5}, std::pair{150, 1.0}, std::pair{40, 0.2}}) {
    const Network network = random_network(rng(), hosts, 40'000);
    std::vector<NodeId> all(network.broadcasters.size());
    for (NodeId h = 0; h < all.size(); ++h) all[h] = h;
    for (int filters = 0; filters < 3; ++filters) {
      const std::optional<NodeId> platform = filters == 1 ? std::optional<NodeId>{1} : std::nullopt;
      const std::string region = filters == 2 ? "吉林" : "";
      const HostSet set = make_host_set(network, all, platform, region);
      std::vector<char> modelled(set.size());
      for (char& m : modelled) m = std::bernoulli_distribution(share)(rng);
      std::vector<double> alone(set.size());
      for (double& a : alone) a = std::uniform_int_distribution(0, 900)(rng);
      const CoverageRows expected = reference_rows(network, set, modelled, alone);
      const CoverageRows rows = share == 1.0 ? compress_coverage(network, set)
                                             : compress_coverage(network, set, modelled, alone);
      INFO("hosts " << hosts << ", share modelled " << share << ", filters " << filters);
      REQUIRE(expected.rows() > 10);
      std::size_t longest = 0;
      for (std::size_t r = 0; r < expected.rows(); ++r)
        longest = std::max(longest, expected.row(r).size());
      if (share == 0.5) REQUIRE(longest > 9);  // longer than a key holds
      if (share == 1.0) REQUIRE(rows.unmodelled == 0);
      CHECK(rows.solo == expected.solo);
      CHECK(rows.fans == expected.fans);
      CHECK(rows.unmodelled == expected.unmodelled);
      CHECK(rows.offsets == expected.offsets);
      CHECK(rows.members == expected.members);
      CHECK(rows.weights == expected.weights);
    }
  }
}
