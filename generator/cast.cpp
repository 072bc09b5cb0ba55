// Building the cast: bases per city, hosts per base (base sizes are Zipf-like, so a few
// big bases hold many hosts), categories mostly from the base's speciality, kinds by
// size and category, and fan bases split over platforms. See cast.hpp.
#include "generator/cast.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "generator/fan_counts.hpp"
#include "generator/names.hpp"
#include "generator/random.hpp"

namespace castgraph::generator {
namespace {

// Index drawn with probability proportional to weights[i].
template <class Weights>
std::uint32_t weighted_pick(Rng& rng, const Weights& weights) {
  double total = 0;
  for (double w : weights) total += w;
  double u = rng.uniform() * total;
  std::uint32_t i = 0;
  for (double w : weights) {
    if (u < w) return i;
    u -= w;
    ++i;
  }
  return i - 1;
}

std::vector<double> city_weights(const ProvincePlan& plan) {
  std::vector<double> weights;
  for (const auto& city : plan.cities()) weights.push_back(city.population_millions);
  return weights;
}

std::vector<double> category_weights() {
  std::vector<double> weights;
  for (int c = 0; c < kCategoryCount; ++c)
    weights.push_back(category_info(static_cast<Category>(c)).audience_share);
  return weights;
}

std::string_view base_kind(Rng& rng, const ProvincePlan& plan) {
  if (plan.demo_bases)
    return rng.chance(plan.national_share) ? kBaseNationalDemo : kBaseProvincialDemo;
  const double u = rng.uniform();
  return u < 0.6 ? kBaseEcommerce : u < 0.85 ? kBaseMcn : kBaseTraining;
}

// Bases of one province: every city gets one before any gets a second.
void add_bases(Rng& rng, const ProvincePlan& plan, std::uint32_t province, Cast& cast,
               std::set<std::string>& used_names) {
  const auto cities = plan.cities();
  const auto weights = city_weights(plan);
  for (std::uint32_t i = 0; i < plan.bases; ++i) {
    const std::uint32_t city = i < cities.size() ? i : weighted_pick(rng, weights);
    const City& where = cities[city];
    const std::size_t special = rng.below(where.specialities.size());
    const auto kind = base_kind(rng, plan);
    std::string name;
    for (int attempt = 0; attempt < 64; ++attempt) {
      name = base_name(rng, kind, where.name, where.districts[rng.below(where.districts.size())],
                       where.speciality_words[special]);
      if (!used_names.contains(name)) break;
    }
    const std::string stem = name;
    for (int phase = 2; used_names.contains(name); ++phase)  // still taken: number it
      name = stem + "（" + std::to_string(phase) + "期）";
    used_names.insert(name);
    cast.bases.push_back({std::move(name), province, city, kind, where.specialities[special]});
  }
}

std::string_view host_kind(Rng& rng, std::uint64_t declared, Category category) {
  const double u = rng.uniform();
  if (declared >= 100'000) return u < 0.8 ? kInfluencer : u < 0.95 ? kFactory : kVillage;
  if (category == Category::farm || category == Category::fresh)
    return u < 0.35 ? kInfluencer : u < 0.55 ? kFactory : kVillage;
  return u < 0.5 ? kInfluencer : u < 0.9 ? kFactory : kVillage;
}

std::uint32_t platform_count(Rng& rng, std::uint64_t declared, std::size_t platforms) {
  const double u = rng.uniform();
  std::uint32_t m = declared >= 100'000 ? (u < 0.4   ? 2
                                           : u < 0.8 ? 3
                                                     : 4)
                                        : (u < 0.7    ? 1
                                           : u < 0.92 ? 2
                                                      : 3);
  m = std::min<std::uint32_t>(m, static_cast<std::uint32_t>(platforms));
  return static_cast<std::uint32_t>(
      std::min<std::uint64_t>(m, std::max<std::uint64_t>(declared, 1)));
}

// Splits the host's declared fans over platforms: the first takes 55-85%.
void add_fanbases(Rng& rng, const Preset& preset, std::uint32_t host_index, Cast& cast) {
  HostRecord& host = cast.hosts[host_index];
  const std::uint32_t m = platform_count(rng, host.declared, preset.platforms.size());
  std::vector<double> weights;
  for (const auto& platform : preset.platforms) weights.push_back(platform.host_share);
  std::vector<double> shares(m);
  shares[0] = m == 1 ? 1.0 : rng.between(0.55, 0.85);
  double rest = 0;
  for (std::uint32_t i = 1; i < m; ++i) rest += (shares[i] = rng.between(0.2, 1.0));
  for (std::uint32_t i = 1; i < m; ++i) shares[i] *= (1.0 - shares[0]) / rest;
  host.first_fanbase = static_cast<std::uint32_t>(cast.fanbases.size());
  host.fanbase_count = m;
  std::uint64_t given = 0;
  for (std::uint32_t i = 0; i < m; ++i) {
    const std::uint32_t platform = weighted_pick(rng, weights);
    weights[platform] = 0;  // without replacement
    std::uint64_t fans = 0;
    if (i > 0)
      fans = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(host.declared * shares[i]));
    given += fans;
    cast.fanbases.push_back({host_index, platform, fans, host_handle(rng, host.name, i == 0)});
  }
  cast.fanbases[host.first_fanbase].declared = host.declared - given;  // the remainder
}

// Zipf-like base sizes: the base of random rank r gets weight 1/(r+1)^0.8.
std::vector<double> base_weights(Rng& rng, std::uint32_t bases) {
  std::vector<double> weights(bases);
  for (std::uint32_t i = 0; i < bases; ++i) weights[i] = 1.0 / std::pow(i + 1.0, 0.8);
  for (std::size_t i = bases; i > 1; --i) std::swap(weights[i - 1], weights[rng.below(i)]);
  return weights;
}

void add_hosts(Rng& rng, const Preset& preset, const ProvincePlan& plan, std::uint32_t province,
               std::uint32_t first_base, Cast& cast) {
  const auto cities = plan.cities();
  const auto counts = calibrated_fan_counts(plan, rng);
  const auto weights = base_weights(rng, plan.bases);
  std::vector<double> mcn_weights(weights);
  bool any_mcn = false;
  for (std::uint32_t b = 0; b < plan.bases; ++b) {
    if (cast.bases[first_base + b].kind != kBaseMcn)
      mcn_weights[b] = 0;
    else
      any_mcn = true;
  }
  const auto city_w = city_weights(plan);
  const auto category_w = category_weights();
  for (std::uint64_t declared : counts) {
    HostRecord host;
    host.province = province;
    host.declared = declared;
    if (plan.bases > 0 && !rng.chance(preset.independent_share)) {
      const bool star = declared >= 1'000'000 && any_mcn && rng.chance(0.7);
      host.base = first_base + weighted_pick(rng, star ? mcn_weights : weights);
    }
    if (host.base != kNoBase) {
      const BaseRecord& base = cast.bases[host.base];
      host.city = base.city;
      host.category =
          rng.chance(0.7) ? base.speciality : static_cast<Category>(weighted_pick(rng, category_w));
    } else {
      host.city = weighted_pick(rng, city_w);
      host.category = static_cast<Category>(weighted_pick(rng, category_w));
    }
    host.kind = host_kind(rng, declared, host.category);
    host.fee = host_fee(declared, rng.between(0.8, 1.2));
    const City& city = cities[host.city];
    const auto& products = category_info(host.category).products;
    const std::string_view product =
        host.base != kNoBase && rng.chance(0.5)
            ? city.speciality_words[rng.below(city.speciality_words.size())]
            : products[rng.below(products.size())];
    host.name = host_name(rng, city.name, product);
    cast.hosts.push_back(std::move(host));
    add_fanbases(rng, preset, static_cast<std::uint32_t>(cast.hosts.size() - 1), cast);
  }
}

}  // namespace

std::uint64_t host_fee(std::uint64_t declared_fans, double jitter) {
  const double fee = (500.0 + std::pow(static_cast<double>(declared_fans), 0.8)) * jitter;
  return static_cast<std::uint64_t>(std::llround(fee / 100.0)) * 100;
}

Cast build_cast(const Preset& preset, std::uint64_t seed) {
  Rng rng(seed, "cast");
  Cast cast;
  std::set<std::string> used_names;
  for (std::uint32_t p = 0; p < preset.provinces.size(); ++p)
    add_bases(rng, preset.provinces[p], p, cast, used_names);
  std::uint32_t first_base = 0;
  for (std::uint32_t p = 0; p < preset.provinces.size(); ++p) {
    add_hosts(rng, preset, preset.provinces[p], p, first_base, cast);
    first_base += preset.provinces[p].bases;
  }
  return cast;
}

}  // namespace castgraph::generator
