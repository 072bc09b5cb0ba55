// Tiers on samples/tiny, against the answers worked out by hand in samples/tiny/README.md.
#include <catch2/catch.hpp>

#include "algorithms/tiers.hpp"
#include "graph/errors.hpp"
#include "loaders/dataset_loader.hpp"
#include "support/samples.hpp"

using namespace castgraph;
using castgraph::testing::tiny_network;

namespace {
std::vector<std::uint64_t> hosts_per_band(const TierTable& table) {
  std::vector<std::uint64_t> hosts;
  for (const auto& band : table.bands) hosts.push_back(band.hosts);
  return hosts;
}
}  // namespace

TEST_CASE("tiny sample: each host falls in exactly one band", "[tiers]") {
  const TierTable table = tiers(tiny_network());
  REQUIRE(table.bands.size() == 4);
  CHECK(table.bands[0].name == "<100k");
  CHECK(table.bands[3].name == "10M+");
  // h4 99,999 + h6 30,000 + h8 0 | h3 150,000 + h5 100,000 | h2 1.2M + h7 3M | h1 10.3M
  CHECK(hosts_per_band(table) == std::vector<std::uint64_t>{3, 2, 2, 1});
  CHECK(table.bands[0].fans == 129'999);
  CHECK(table.bands[1].fans == 250'000);
  CHECK(table.bands[2].fans == 4'200'000);
  CHECK(table.bands[3].fans == 10'300'000);
  CHECK(table.cumulative[0].hosts == 5);
  CHECK(table.cumulative[1].hosts == 3);
  CHECK(table.cumulative[2].hosts == 1);
}

TEST_CASE("tiny sample: one platform's tiers count only its fanbases and its hosts", "[tiers]") {
  TierOptions options;
  options.platform = *find_platform(tiny_network(), "douyin");
  const TierTable table = tiers(tiny_network(), options);
  // h4 99,999 | - | h1 9.5M, h2 1.2M, h7 2.5M | -
  CHECK(hosts_per_band(table) == std::vector<std::uint64_t>{1, 0, 3, 0});
  CHECK(table.bands[2].fans == 13'200'000);
}

TEST_CASE("tiny sample: tiers by base keep hosts without a base in their own group", "[tiers]") {
  const auto groups = tiers_by(tiny_network(), TierGrouping::base);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].key == "sy");
  CHECK(groups[0].name == "沈阳直播电商基地");
  CHECK(hosts_per_band(groups[0].table) == std::vector<std::uint64_t>{1, 0, 1, 1});
  CHECK(groups[2].key.empty());
  CHECK(hosts_per_band(groups[2].table) == std::vector<std::uint64_t>{1, 1, 0, 0});
}

TEST_CASE("tiny sample: tiers by platform put a host on two platforms in both", "[tiers]") {
  const auto groups = tiers_by(tiny_network(), TierGrouping::platform);
  REQUIRE(groups.size() == 3);
  std::uint64_t placements = 0;
  for (const auto& group : groups)
    for (const auto& band : group.table.bands) placements += band.hosts;
  CHECK(placements == 10);  // one per fanbase
}

TEST_CASE("a host exactly on a threshold belongs to the band it reaches", "[tiers]") {
  const std::vector<std::uint64_t> thresholds{100, 1000};
  CHECK(tier_band(0, thresholds) == 0);
  CHECK(tier_band(99, thresholds) == 0);
  CHECK(tier_band(100, thresholds) == 1);
  CHECK(tier_band(999, thresholds) == 1);
  CHECK(tier_band(1000, thresholds) == 2);
}

TEST_CASE("thresholds given in 万 and 亿 are named in 万 and 亿", "[tiers]") {
  CHECK(threshold_name(100'000, TierUnits::chinese) == "10万");
  CHECK(threshold_name(15'000, TierUnits::chinese) == "1.5万");
  CHECK(threshold_name(10'000'000, TierUnits::chinese) == "1000万");
  CHECK(threshold_name(100'000'000, TierUnits::chinese) == "1亿");
  CHECK(threshold_name(250'000'000, TierUnits::chinese) == "2.5亿");
  CHECK(threshold_name(12'345, TierUnits::chinese) == "12345");  // never a rounded bound
  CHECK(threshold_name(999, TierUnits::chinese) == "999");
  TierOptions options;
  options.thresholds = {100'000, 1'000'000};
  options.units = TierUnits::chinese;
  const TierTable table = tiers(tiny_network(), options);
  REQUIRE(table.bands.size() == 3);
  CHECK(table.bands[0].name == "<10万");
  CHECK(table.bands[1].name == "10万-100万");
  CHECK(table.bands[2].name == "100万+");
  CHECK(table.cumulative[0].name == "10万+");
}

TEST_CASE("thresholds are named the short way and must increase", "[tiers]") {
  CHECK(threshold_name(100'000) == "100k");
  CHECK(threshold_name(1'000'000) == "1M");
  CHECK(threshold_name(2'500'000) == "2.5M");
  CHECK(threshold_name(999) == "999");
  CHECK(threshold_name(123'456) == "123456");
  TierOptions options;
  options.thresholds = {10, 10};
  CHECK_THROWS_AS(tiers(tiny_network(), options), UsageError);
  options.thresholds = {};
  CHECK_THROWS_AS(tiers(tiny_network(), options), UsageError);
}
