// Loads the seven dataset files in dependency order (a file may only refer to ids
// defined by the files before it) into a NetworkBuilder. Each file has its own small
// function; DatasetFile handles CSV structure and the strict/lenient decision.
#include "loaders/dataset_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <thread>
#include <tuple>
#include <utility>

#include "graph/network_builder.hpp"
#include "graph/value_rules.hpp"
#include "loaders/batch_pipeline.hpp"
#include "loaders/dataset_file.hpp"
#include "loaders/dataset_loading.hpp"
#include "loaders/field_parsers.hpp"
#include "loaders/load_batches.hpp"

namespace castgraph {

namespace dataset_loading {

// The id in `column`, or nullopt (row rejected) when it is empty.
std::optional<std::string_view> nonempty_id(DatasetFile& file, std::size_t column,
                                            std::string_view kind) {
  const std::string_view id = file.field(column);
  if (!id.empty()) return id;
  file.reject(column, fmt::format("empty {} id", kind));
  return std::nullopt;
}

// The parsed count in `column`, `blank` when the cell is empty, nullopt when invalid.
std::optional<std::uint64_t> count_field(DatasetFile& file, std::optional<std::size_t> column,
                                         std::string_view what, std::uint64_t blank) {
  if (!column || trim(file.field(column)).empty()) return blank;
  auto parsed = parse_count(file.field(*column), what);
  if (parsed.ok()) return parsed.value;
  file.reject(*column, parsed.error);
  return std::nullopt;
}

std::optional<double> amount_field(DatasetFile& file, std::optional<std::size_t> column,
                                   std::string_view what, double blank) {
  if (!column || trim(file.field(column)).empty()) return blank;
  auto parsed = parse_amount(file.field(*column), what);
  if (parsed.ok()) return parsed.value;
  file.reject(*column, parsed.error);
  return std::nullopt;
}

void load_platforms(Loading& loading) {
  DatasetFile file = loading.open("platforms.csv");
  const auto id = file.require("id"), name = file.require("name");
  const auto population = file.optional("population");
  while (file.next()) {
    const auto platform = nonempty_id(file, id, "platform");
    if (!platform) continue;
    const auto people = count_field(file, population, "population", kUnknownCount);
    if (!people) continue;
    if (!loading.builder.add_platform(*platform, file.field(name), *people))
      file.reject(id, fmt::format("duplicate platform id '{}'", *platform));
  }
}

void load_bases(Loading& loading) {
  DatasetFile file = loading.open("bases.csv");
  const auto id = file.require("id"), name = file.require("name");
  const auto province = file.optional("province"), city = file.optional("city"),
             kind = file.optional("kind");
  while (file.next()) {
    const auto base = nonempty_id(file, id, "base");
    if (!base) continue;
    if (!loading.builder.add_base(*base, file.field(name), file.field(province), file.field(city),
                                  file.field(kind)))
      file.reject(id, fmt::format("duplicate base id '{}'", *base));
  }
}

void load_broadcasters(Loading& loading) {
  DatasetFile file = loading.open("broadcasters.csv");
  const auto id = file.require("id"), name = file.require("name");
  const auto base = file.optional("base"), province = file.optional("province"),
             kind = file.optional("kind"), fee = file.optional("fee");
  while (file.next()) {
    const auto host = nonempty_id(file, id, "broadcaster");
    if (!host) continue;
    NodeId base_id = kNoNode;
    if (const std::string_view base_key = file.field(base); !base_key.empty()) {
      const auto found = loading.builder.find_base(base_key);
      if (!found) {
        file.reject(*base, fmt::format("unknown base '{}' (not in bases.csv)", base_key));
        continue;
      }
      base_id = *found;
    }
    const auto yuan = amount_field(file, fee, "fee", NAN);
    if (!yuan) continue;
    if (!loading.builder.add_broadcaster(*host, file.field(name), base_id, file.field(province),
                                         file.field(kind), *yuan))
      file.reject(id, fmt::format("duplicate broadcaster id '{}'", *host));
    else if (!loading.fees.add(*yuan))
      file.refuse(*fee, amount_total_problem("the total of the fees"));
  }
}

std::optional<NodeId> known_broadcaster(Loading& loading, DatasetFile& file, std::size_t column) {
  const std::string_view key = file.field(column);
  if (auto host = loading.builder.find_broadcaster(key)) return host;
  file.reject(column, key.empty()
                          ? std::string("empty broadcaster id")
                          : fmt::format("unknown broadcaster '{}' (not in broadcasters.csv)", key));
  return std::nullopt;
}

std::optional<NodeId> known_platform(Loading& loading, DatasetFile& file, std::size_t column) {
  const std::string_view key = file.field(column);
  if (auto platform = loading.builder.find_platform(key)) return platform;
  file.reject(column, key.empty()
                          ? std::string("empty platform id")
                          : fmt::format("unknown platform '{}' (not in platforms.csv)", key));
  return std::nullopt;
}

void load_fanbases(Loading& loading) {
  DatasetFile file = loading.open("fanbases.csv");
  const auto broadcaster = file.require("broadcaster"), platform = file.require("platform"),
             fans = file.require("fans");
  const auto handle = file.optional("handle");
  while (file.next()) {
    const auto host = known_broadcaster(loading, file, broadcaster);
    if (!host) continue;
    const auto on = known_platform(loading, file, platform);
    if (!on) continue;
    if (trim(file.field(fans)).empty()) {
      file.reject(fans, "fans must be a non-negative integer, found an empty field");
      continue;
    }
    const auto declared = count_field(file, fans, "fans", 0);
    if (!declared) continue;
    if (!loading.builder.add_fanbase(*host, *on, *declared, file.field(handle)))
      file.reject(platform, fmt::format("duplicate fanbase: broadcaster '{}' already has one on "
                                        "platform '{}'",
                                        file.field(broadcaster), file.field(platform)));
    else if (!loading.declared_fans.add(*declared))
      file.refuse(fans, count_total_problem("the total of the declared fans"));
  }
}

}  // namespace dataset_loading

namespace {

using namespace dataset_loading;

// Appends `later` (in file order) to the rejects of one file that start at `first`
// (also in file order), keeping the whole in file order.
void merge_in_file_order(std::vector<Reject>& rejects, std::size_t first,
                         std::vector<Reject>& later) {
  const auto middle = static_cast<std::ptrdiff_t>(rejects.size());
  std::move(later.begin(), later.end(), std::back_inserter(rejects));
  std::inplace_merge(rejects.begin() + static_cast<std::ptrdiff_t>(first), rejects.begin() + middle,
                     rejects.end(), [](const Reject& a, const Reject& b) {
                       return std::tie(a.where.line, a.where.column) <
                              std::tie(b.where.line, b.where.column);
                     });
}

}  // namespace

namespace dataset_loading {

// Reading and checking the rows happens on the calling thread; adding the fans (interning
// their ids, which also finds duplicates) on the pipeline's thread. A duplicate is
// reported from there, so the rejects of the two threads are merged in file order, and a
// strict load that stops on this thread first lets the other finish, because an earlier
// duplicate is the error to report.
void load_fans(Loading& loading) {
  if (!DatasetFile::exists(loading.directory, "fans.csv")) return;
  DatasetFile file = loading.open("fans.csv");
  const FanColumns columns = FanColumns::of(file);
  std::vector<Reject> duplicates;
  BatchPipeline<FanBatch> pipeline(
      [&](FanBatch& batch) { batch.flush(loading.builder, file, duplicates, loading.fan_weights); },
      loading.threaded());
  const std::size_t first_reject = loading.rejects.size();
  try {
    while (file.next()) {
      const auto people = fan_row_weight(file, columns);
      if (!people) continue;
      pipeline.current().add(file, columns.id, *people, columns.province, columns.city);
      if (pipeline.current().full()) pipeline.submit();
    }
  } catch (const DataError&) {
    pipeline.finish();  // throws the other thread's error instead, when it found one
    throw;
  }
  pipeline.finish();
  merge_in_file_order(loading.rejects, first_reject, duplicates);
}

FanColumns FanColumns::of(const DatasetFile& file) {
  return {file.require("id"), file.optional("weight"), file.optional("province"),
          file.optional("city")};
}

std::optional<std::uint64_t> fan_row_weight(DatasetFile& file, const FanColumns& columns) {
  if (!nonempty_id(file, columns.id, "fan")) return std::nullopt;
  return count_field(file, columns.weight, "weight", 1);
}

std::string duplicate_fan_reason(std::string_view id) {
  return fmt::format("duplicate fan id '{}'", id);
}

void add_fan_weight(CountTotal& fan_weights, std::uint64_t weight, const DatasetFile& file,
                    const DatasetFile::RowPlace& row) {
  if (!fan_weights.add(weight))
    file.refuse_earlier(row, count_total_problem("the total of the fans' weights"));
}

// The fanbase a follows row points at: the host's fanbase on the named platform, or
// its only fanbase when the row names none.
std::optional<NodeId> followed_fanbase(Loading& loading, DatasetFile& file, NodeId host,
                                       std::size_t broadcaster_column,
                                       std::optional<std::size_t> platform_column) {
  const auto fanbases = loading.builder.fanbases_of(host);
  const std::string_view host_key = file.field(broadcaster_column);
  if (platform_column && !file.field(platform_column).empty()) {
    const auto platform = known_platform(loading, file, *platform_column);
    if (!platform) return std::nullopt;
    for (NodeId fanbase : fanbases)
      if (loading.builder.fanbase_platform(fanbase) == *platform) return fanbase;
    file.reject(*platform_column, fmt::format("broadcaster '{}' has no fanbase on platform '{}'",
                                              host_key, file.field(platform_column)));
    return std::nullopt;
  }
  if (fanbases.size() == 1) return fanbases[0];
  file.reject(broadcaster_column,
              fmt::format("no platform given and broadcaster '{}' has {} fanbases; the row must "
                          "name the platform",
                          host_key, fanbases.size()));
  return std::nullopt;
}

FollowColumns FollowColumns::of(const DatasetFile& file) {
  return {file.require("fan"), file.require("broadcaster"), file.optional("platform")};
}

std::optional<NodeId> follow_row_fanbase(Loading& loading, DatasetFile& file,
                                         const FollowColumns& columns, RecentFanbase& recent) {
  if (!nonempty_id(file, columns.fan, "fan")) return std::nullopt;
  const std::string_view host_key = file.field(columns.broadcaster);
  const std::string_view platform_key = file.field(columns.platform);
  if (const NodeId fanbase = recent.find(host_key, platform_key); fanbase != kNoNode)
    return fanbase;
  const auto host = known_broadcaster(loading, file, columns.broadcaster);
  if (!host) return std::nullopt;
  const auto found = followed_fanbase(loading, file, *host, columns.broadcaster, columns.platform);
  if (!found) return std::nullopt;
  return recent.remember(host_key, platform_key, *found);
}

}  // namespace dataset_loading

namespace {

// Once the first rows show the average row length, the follow lists are sized for the
// whole file at once (plus a tenth), instead of doubling and copying as they grow.
constexpr std::uint64_t kRowsToEstimateFrom = 4096;

std::size_t estimated_rows(const DatasetFile& file) {
  const double bytes_per_row = static_cast<double>(file.position()) / kRowsToEstimateFrom;
  return static_cast<std::size_t>(1.1 * static_cast<double>(file.size()) / bytes_per_row);
}

// Parsing and checking the rows happens here, on the calling thread; interning the fan
// ids, the memory-bound half, on the pipeline's thread (see batch_pipeline.hpp).
void load_follows(Loading& loading) {
  if (!DatasetFile::exists(loading.directory, "follows.csv")) return;
  DatasetFile file = loading.open("follows.csv");
  const FollowColumns columns = FollowColumns::of(file);
  // Only weighted fans can make the follows' weights pass their limit: one per row cannot.
  const bool weighted = loading.builder.weighted_fans();
  BatchPipeline<FollowBatch> pipeline(
      [&](FollowBatch& batch) {
        batch.flush(loading.builder, file, loading.fan_weights, loading.follow_weights);
      },
      loading.threaded());
  RecentFanbase recent;
  while (file.next()) {
    const auto fanbase = follow_row_fanbase(loading, file, columns, recent);
    if (!fanbase) continue;
    pipeline.current().add(file, columns.fan, *fanbase, weighted);
    if (++loading.follow_rows == kRowsToEstimateFrom)
      pipeline.current().reserve_follows(estimated_rows(file));
    if (pipeline.current().full()) pipeline.submit();
  }
  pipeline.finish();
}

}  // namespace

namespace dataset_loading {

void load_collabs(Loading& loading) {
  if (!DatasetFile::exists(loading.directory, "collabs.csv")) return;
  DatasetFile file = loading.open("collabs.csv");
  const auto a = file.require("a"), b = file.require("b");
  const auto weight = file.optional("weight");
  while (file.next()) {
    const auto first = known_broadcaster(loading, file, a);
    if (!first) continue;
    const auto second = known_broadcaster(loading, file, b);
    if (!second) continue;
    const auto streams = amount_field(file, weight, "weight", 1.0);
    if (!streams) continue;
    if (!loading.builder.add_collab(*first, *second, *streams))
      file.reject(b, fmt::format("broadcaster '{}' cannot collab with itself", file.field(a)));
    else if (!loading.collab_weights.add(*streams))
      file.refuse(*weight, amount_total_problem("the total of the collab weights"));
  }
}

}  // namespace dataset_loading

namespace {

void require_directory(const std::filesystem::path& directory) {
  std::error_code error;
  const auto status = std::filesystem::status(directory, error);
  if (!std::filesystem::exists(status))
    throw IoError(fmt::format("{}: no such dataset directory", directory.string()));
  if (!std::filesystem::is_directory(status))
    throw IoError(fmt::format("{}: not a dataset directory (expected a folder of CSV files)",
                              directory.string()));
}

}  // namespace

namespace dataset_loading {

void load_catalogue(Loading& loading) {
  require_directory(loading.directory);
  load_platforms(loading);
  load_bases(loading);
  load_broadcasters(loading);
  load_fanbases(loading);
}

}  // namespace dataset_loading

LoadResult load_dataset(const std::filesystem::path& directory, const LoadOptions& options) {
  using namespace dataset_loading;
  Loading loading{directory, options, {}, {}, 0, {}, {}, {}, {}, {}};
  load_catalogue(loading);
  load_fans(loading);
  load_follows(loading);
  load_collabs(loading);
  if (options.progress) options.progress({"building the network", 0, 0, 0});
  auto network = std::move(loading.builder).finish();
  return {std::move(network), std::move(loading.rejects), loading.follow_rows};
}

}  // namespace castgraph
