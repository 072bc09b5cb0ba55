// Compressed rows in canonical order, and merged from disjoint sets of fans (as
// castgraph-mpi's ranks compress theirs) back into the rows of all the fans.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>

#include "algorithms/coverage_rows.hpp"
#include "algorithms/host_set.hpp"
#include "random_planning_network.hpp"

using namespace castgraph;
using castgraph::testing::random_planning_network;

namespace {

CoverageRows rows_of(std::uint64_t seed) {
  const Network network = random_planning_network(seed);
  std::vector<NodeId> hosts(network.broadcasters.size());
  std::iota(hosts.begin(), hosts.end(), 0);
  return compress_coverage(network, make_host_set(network, hosts));
}

void add_row(CoverageRows& rows, std::span<const std::uint32_t> row, double weight) {
  rows.members.insert(rows.members.end(), row.begin(), row.end());
  rows.offsets.push_back(rows.members.size());
  rows.weights.push_back(weight);
}

}  // namespace

TEST_CASE("compressed rows come in canonical order: by their members") {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const CoverageRows rows = rows_of(seed);
    REQUIRE(rows.rows() > 1);
    for (std::size_t r = 1; r < rows.rows(); ++r)
      CHECK(std::ranges::lexicographical_compare(rows.row(r - 1), rows.row(r)));
  }
}

TEST_CASE("rows split over parts, in any order, merge back into the rows of all the fans") {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const CoverageRows whole = rows_of(seed);
    std::mt19937_64 random(seed);
    // Three parts: each row goes whole to one part, or its people split over two of them
    // (a fan set's row found on several ranks), the parts' rows shuffled.
    std::vector<CoverageRows> parts(3);
    std::vector<std::vector<std::size_t>> order(3);
    for (CoverageRows& part : parts) {
      part.solo.assign(whole.candidates(), 0.0);
      part.offsets.push_back(0);
    }
    for (std::size_t c = 0; c < whole.candidates(); ++c) {
      const double first = std::floor(whole.solo[c] / 2);
      parts[0].solo[c] = first;
      parts[2].solo[c] = whole.solo[c] - first;
    }
    std::vector<std::size_t> rows(whole.rows());
    std::iota(rows.begin(), rows.end(), 0);
    std::ranges::shuffle(rows, random);
    for (std::size_t r : rows) {
      const std::size_t p = random() % 3;
      const double w = whole.weights[r];
      if (w >= 2 && random() % 2) {
        const double some = std::floor(w / 3) + 1;
        add_row(parts[p], whole.row(r), some);
        add_row(parts[(p + 1) % 3], whole.row(r), w - some);
      } else {
        add_row(parts[p], whole.row(r), w);
      }
    }
    parts[0].fans = whole.fans / 2, parts[1].fans = whole.fans - whole.fans / 2;
    const CoverageRows merged = merge_coverage(parts);
    INFO("seed " << seed);
    CHECK(merged.solo == whole.solo);
    CHECK(merged.offsets == whole.offsets);
    CHECK(merged.members == whole.members);
    CHECK(merged.weights == whole.weights);
    CHECK(merged.fans == whole.fans);
  }
}
