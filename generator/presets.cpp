// The preset table. Liaoning's figures are published (its first internet-celebrity
// economy week); Jilin's base count is published (159 demo bases) and the rest of Jilin
// and Heilongjiang is scaled from Liaoning in proportion. Details: generator/PRESETS.md.
#include "generator/presets.hpp"

namespace castgraph::generator {
namespace {

std::vector<PlatformSpec> all_platforms() {
  return {
      {"抖音", "Douyin", 700'000'000, 0.40},
      {"快手", "Kuaishou", 380'000'000, 0.32},
      {"淘宝直播", "Taobao Live", 100'000'000, 0.10},
      {"微信视频号", "WeChat Channels", 800'000'000, 0.12},
      {"陌陌", "Momo", 100'000'000, 0.06},
  };
}

// Liaoning: 12,000 hosts, > 116 million declared fans, > 70 above 100k, > 30 above 1M,
// several at 9-10M, none at 10M or more.
ProvincePlan liaoning_plan() {
  return {.province = &liaoning(),
          .hosts = 12'000,
          .bases = 120,
          .declared_total = 116'800'000,
          .top_bands = {{4, 9'000'000, 9'950'000, 0.5},
                        {30, 1'000'000, 9'000'000, 2.2},
                        {44, 100'000, 1'000'000, 1.3}}};
}

// Jilin: 159 demo bases (published); hosts at 50 per base and fans per host as in
// Liaoning, so 7,950 hosts and 77.4 million declared fans; tiers scaled likewise.
ProvincePlan jilin_plan() {
  return {.province = &jilin(),
          .hosts = 7'950,
          .bases = 159,
          .declared_total = 77'400'000,
          .top_bands = {{2, 9'000'000, 9'950'000, 0.5},
                        {20, 1'000'000, 9'000'000, 2.2},
                        {30, 100'000, 1'000'000, 1.3}},
          .demo_bases = true,
          .national_share = 0.15};
}

// Heilongjiang: scaled from Liaoning by population (31.9 vs 42.6 million residents).
ProvincePlan heilongjiang_plan() {
  return {.province = &heilongjiang(),
          .hosts = 9'000,
          .bases = 90,
          .declared_total = 87'600'000,
          .top_bands = {{3, 9'000'000, 9'950'000, 0.5},
                        {22, 1'000'000, 9'000'000, 2.2},
                        {33, 100'000, 1'000'000, 1.3}}};
}

ProvincePlan tiny_plan() {
  return {.province = &liaoning(),
          .city_limit = 3,
          .hosts = 36,
          .bases = 4,
          .declared_total = 400'000,
          .top_bands = {{1, 150'000, 200'000, 1.0}, {1, 100'000, 150'000, 1.0}},
          .bottom_low = 200,
          .bottom_high = 100'000};
}

std::vector<Preset> make_presets() {
  std::vector<Preset> all;
  all.push_back({.name = "liaoning",
                 .summary = "Liaoning's internet-celebrity economy week: 12,000 hosts, 116.8M "
                            "declared fans, 14 cities, 120 bases, 5 platforms",
                 .provinces = {liaoning_plan()},
                 .platforms = all_platforms(),
                 .outside_share = 0.45,
                 .pool_per_row = 0.55,
                 .independent_share = 0.12});
  all.push_back({.name = "jilin",
                 .summary = "Jilin: 159 national/provincial e-commerce demo bases, 7,950 hosts, "
                            "77.4M declared fans",
                 .provinces = {jilin_plan()},
                 .platforms = all_platforms(),
                 .outside_share = 0.45,
                 .pool_per_row = 0.55,
                 .independent_share = 0.12});
  all.push_back({.name = "northeast",
                 .summary = "Heilongjiang, Jilin and Liaoning together: 28,950 hosts, 281.8M "
                            "declared fans, audiences overlapping mostly within a province",
                 .provinces = {heilongjiang_plan(), jilin_plan(), liaoning_plan()},
                 .platforms = all_platforms(),
                 .outside_share = 0.30,
                 .pool_per_row = 0.55,
                 .independent_share = 0.12});
  auto tiny_platforms = all_platforms();
  tiny_platforms.resize(3);
  all.push_back({.name = "tiny",
                 .summary = "36 hosts in 3 Liaoning cities, 4 bases, 3 platforms, 400k declared "
                            "fans: for tests and demos",
                 .provinces = {tiny_plan()},
                 .platforms = std::move(tiny_platforms),
                 .outside_share = 0.30,
                 .pool_per_row = 0.55,
                 .independent_share = 0.10});
  return all;
}

}  // namespace

const std::vector<Preset>& presets() {
  static const std::vector<Preset> all = make_presets();
  return all;
}

const Preset* find_preset(std::string_view name) {
  for (const auto& preset : presets())
    if (preset.name == name) return &preset;
  return nullptr;
}

std::uint32_t host_count(const Preset& preset) {
  std::uint32_t total = 0;
  for (const auto& plan : preset.provinces) total += plan.hosts;
  return total;
}

std::uint64_t declared_total(const Preset& preset) {
  std::uint64_t total = 0;
  for (const auto& plan : preset.provinces) total += plan.declared_total;
  return total;
}

}  // namespace castgraph::generator
