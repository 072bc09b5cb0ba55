// Writing a generated dataset: prepare the directory, build the cast, write the small
// files, stream follows.csv fan base by fan base, then fans.csv (the people who were
// drawn) and collabs.csv. Memory: the cast, the people pool and one fan base's rows.
//
// The files are written into a staging directory beside the output, which replaces the
// old directory in one atomic exchange once all seven are complete (StagedDirectory), so
// a run killed at any instant leaves the old dataset or the new one, never a dataset
// whose follows.csv is missing or from another run, which would load and answer wrongly.
#include "generator/generate.hpp"

#include <cmath>
#include <string>

#include "generator/audience.hpp"
#include "generator/cast.hpp"
#include "generator/collabs.hpp"
#include "generator/csv_writer.hpp"
#include "generator/fraud.hpp"
#include "generator/staged_directory.hpp"
#include "graph/errors.hpp"
#include "loaders/dataset_loader.hpp"

namespace castgraph::generator {
namespace {

namespace fs = std::filesystem;

std::uint64_t scaled(std::uint64_t declared, double scale) {
  return static_cast<std::uint64_t>(std::llround(static_cast<double>(declared) * scale));
}

std::string id(char prefix, std::uint64_t index) { return prefix + std::to_string(index + 1); }

void write_platforms(const Preset& preset, const fs::path& dir) {
  CsvWriter out(dir / "platforms.csv");
  out.field("id").field("name").field("population").end_row();
  for (std::size_t p = 0; p < preset.platforms.size(); ++p)
    out.field(id('p', p))
        .field(preset.platforms[p].name)
        .field(preset.platforms[p].population)
        .end_row();
  out.commit();
}

void write_bases(const Preset& preset, const Cast& cast, const fs::path& dir) {
  CsvWriter out(dir / "bases.csv");
  out.field("id").field("name").field("province").field("city").field("kind").end_row();
  for (std::size_t b = 0; b < cast.bases.size(); ++b) {
    const BaseRecord& base = cast.bases[b];
    const ProvincePlan& plan = preset.provinces[base.province];
    out.field(id('b', b))
        .field(base.name)
        .field(plan.province->name)
        .field(plan.cities()[base.city].name)
        .field(base.kind)
        .end_row();
  }
  out.commit();
}

void write_broadcasters(const Preset& preset, const Cast& cast, const fs::path& dir) {
  CsvWriter out(dir / "broadcasters.csv");
  out.field("id")
      .field("name")
      .field("base")
      .field("province")
      .field("kind")
      .field("fee")
      .end_row();
  for (std::size_t h = 0; h < cast.hosts.size(); ++h) {
    const HostRecord& host = cast.hosts[h];
    out.field(id('h', h))
        .field(host.name)
        .field(host.base == kNoBase ? "" : id('b', host.base))
        .field(preset.provinces[host.province].province->name)
        .field(host.kind)
        .field(host.fee)
        .end_row();
  }
  out.commit();
}

// `bought` holds, per fanbase, the declared fans that bot farms added (empty for none).
void write_fanbases(const Cast& cast, const std::vector<std::uint64_t>& bought,
                    const fs::path& dir) {
  CsvWriter out(dir / "fanbases.csv");
  out.field("broadcaster").field("platform").field("fans").field("handle").end_row();
  for (std::size_t f = 0; f < cast.fanbases.size(); ++f) {
    const FanbaseRecord& fb = cast.fanbases[f];
    out.field(id('h', fb.host))
        .field(id('p', fb.platform))
        .field(fb.declared + (bought.empty() ? 0 : bought[f]))
        .field(fb.handle)
        .end_row();
  }
  out.commit();
}

void write_collabs(const Cast& cast, std::uint64_t seed, const fs::path& dir,
                   GenerateReport& report) {
  CsvWriter out(dir / "collabs.csv");
  out.field("a").field("b").field("weight").field("kind").end_row();
  for (const Collab& c : generate_collabs(cast, seed)) {
    out.field(id('h', c.a)).field(id('h', c.b)).field(c.weight).field(c.kind).end_row();
    ++report.collabs;
  }
  out.commit();
}

std::uint64_t count_followers(const Audience& audience) {
  std::uint64_t followers = 0;
  audience.for_each_follower(
      [&](std::uint64_t, const PeopleRegion&, std::uint32_t) { ++followers; });
  return followers;
}

// Appends the farms' follow rows, and adds their follows to `bought` as declared fans
// (a bought follower counts in the platform's figure like any other).
void write_fake_follows(const Cast& cast, const PlantedFraud& fraud, double scale,
                        CsvWriter& follows, std::vector<std::uint64_t>& bought) {
  bought.assign(cast.fanbases.size(), 0);
  for (const FakeFollow& follow : fraud.follows) {
    const FanbaseRecord& fb = cast.fanbases[follow.fanbase];
    follows.raw("f");
    follows.raw(follow.fan + 1);
    follows.raw(",");
    follows.raw(id('h', fb.host));
    follows.raw(",");
    follows.raw(id('p', fb.platform));
    follows.raw("\n");
    follows.end_raw_row();
    ++bought[follow.fanbase];
  }
  for (auto& count : bought) count = scaled(count, 1.0 / scale);
}

// Each fake fan in the sample stands for as many fake accounts as a genuine fan stands for
// people, as the bought declared fans are scaled up alike (write_fake_follows).
void write_fake_fans(const Preset& preset, const PlantedFraud& fraud, std::uint64_t weight,
                     CsvWriter& fans) {
  const std::vector<FarmRegion> regions = farm_regions(preset);
  std::uint64_t fan = fraud.farms.empty() ? 0 : fraud.farms.front().first_fan;
  for (std::uint32_t region : fraud.fan_region) {
    fans.field("f" + std::to_string(++fan)).field(weight);
    fans.field(regions[region].province).field(regions[region].city).end_row();
  }
}

// follows.csv, streamed; then fans.csv from the people drawn (province and city names
// are built-in and need no quoting). Bot farms, when asked for, come last in both.
PlantedFraud write_audience(const Preset& preset, const Cast& cast, const GenerateOptions& options,
                            const fs::path& dir, GenerateReport& report,
                            std::vector<std::uint64_t>& bought) {
  std::uint64_t total = 0, largest = 0;
  for (const auto& fb : cast.fanbases) {
    total += scaled(fb.declared, options.scale);
    largest = std::max(largest, scaled(fb.declared, options.scale));
  }
  const auto pool = std::max<std::uint64_t>(
      {static_cast<std::uint64_t>(std::ceil(static_cast<double>(total) * preset.pool_per_row)),
       largest * 2, 64});
  Audience audience(preset, pool, mix(options.seed, stream_tag("audience")));
  report.people_pool = audience.pool_size();

  CsvWriter follows(dir / "follows.csv");
  follows.field("fan").field("broadcaster").field("platform").end_row();
  std::string suffix;
  for (std::uint32_t f = 0; f < cast.fanbases.size(); ++f) {
    const std::uint64_t rows = scaled(cast.fanbases[f].declared, options.scale);
    if (rows == 0) continue;
    suffix.assign(1, ',');
    suffix.append(id('h', cast.fanbases[f].host)).append(1, ',');
    suffix.append(id('p', cast.fanbases[f].platform)).append(1, '\n');
    for (std::uint32_t person : audience.draw(cast, f, rows)) {
      follows.raw("f");
      follows.raw(std::uint64_t{person} + 1);
      follows.raw(suffix);
      follows.end_raw_row();
    }
    report.follows += rows;
    if (options.progress) options.progress(report.follows, total);
  }
  PlantedFraud fraud;
  if (options.fraud > 0) {
    fraud = plant_farms(preset, cast, options.fraud, count_followers(audience),
                        audience.pool_size(), options.seed);
    write_fake_follows(cast, fraud, options.scale, follows, bought);
    report.farms = fraud.farms.size();
    report.fake_fans = fraud.fan_region.size();
    report.fake_follows = fraud.follows.size();
    report.follows += fraud.follows.size();
  }
  follows.commit();

  CsvWriter fans(dir / "fans.csv");
  fans.field("id").field("weight").field("province").field("city").end_row();
  // A sample of 1 in 1/scale: each sampled person stands for round(1/scale) people, so
  // reach from follows counts people at the declared fans' scale.
  report.fan_weight = fan_weight(options.scale);
  const std::string weight = "," + std::to_string(report.fan_weight) + ",";
  audience.for_each_follower(
      [&](std::uint64_t person, const PeopleRegion& region, std::uint32_t follows) {
        fans.raw("f");
        fans.raw(person + 1);
        fans.raw(weight);
        fans.raw(region.province);
        fans.raw(",");
        fans.raw(region.city);
        fans.raw("\n");
        fans.end_raw_row();
        ++report.fans;
        report.max_follows_per_fan = std::max<std::uint64_t>(report.max_follows_per_fan, follows);
      });
  write_fake_fans(preset, fraud, report.fan_weight, fans);
  report.fans += report.fake_fans;
  fans.commit();
  return fraud;
}

// The truth of this run beside the dataset, or no stale one when no farm was planted.
void publish_truth(const PlantedFraud& fraud, const Cast& cast, const fs::path& directory) {
  const fs::path truth = truth_directory(directory);
  if (!fraud.farms.empty()) return write_fraud_truth(fraud, cast, truth);
  std::error_code ignored;
  fs::remove(truth / "fraud.csv", ignored);
  fs::remove(truth / "farms.csv", ignored);
  fs::remove(truth, ignored);  // only when empty
}

}  // namespace

std::uint64_t fan_weight(double scale) {
  return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(1.0 / scale)));
}

std::uint64_t follow_rows(const Preset& preset, double scale, std::uint64_t seed) {
  std::uint64_t total = 0;
  for (const auto& fb : build_cast(preset, seed).fanbases) total += scaled(fb.declared, scale);
  return total;
}

GenerateReport generate_dataset(const Preset& preset, const GenerateOptions& options,
                                const fs::path& directory) {
  if (!(options.scale > 0.0 && options.scale <= 1.0))
    throw UsageError("--scale must be in (0, 1]; 1 writes one follow row per declared fan");
  if (!(options.fraud >= 0.0 && options.fraud <= 1.0))
    throw UsageError("--fraud must be in [0, 1]: fake fans per genuine fan");
  StagedDirectory staging(directory, options.force, kDatasetFiles);
  const Cast cast = build_cast(preset, options.seed);
  GenerateReport report;
  report.platforms = preset.platforms.size();
  report.bases = cast.bases.size();
  report.hosts = cast.hosts.size();
  report.fanbases = cast.fanbases.size();
  for (const auto& fb : cast.fanbases) report.declared_total += fb.declared;
  write_platforms(preset, staging.path());
  write_bases(preset, cast, staging.path());
  write_broadcasters(preset, cast, staging.path());
  std::vector<std::uint64_t> bought;
  const PlantedFraud fraud = write_audience(preset, cast, options, staging.path(), report, bought);
  write_fanbases(cast, bought, staging.path());
  write_collabs(cast, options.seed, staging.path(), report);
  staging.publish();
  publish_truth(fraud, cast, directory);
  return report;
}

}  // namespace castgraph::generator
