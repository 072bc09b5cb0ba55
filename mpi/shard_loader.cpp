#include "mpi/shard_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "graph/value_rules.hpp"
#include "loaders/dataset_loading.hpp"
#include "mpi/agreement.hpp"
#include "mpi/fan_owner.hpp"
#include "mpi/record_range.hpp"
#include "mpi/shard_places.hpp"
#include "mpi/stop_for_tests.hpp"
#include "mpi/wire.hpp"

namespace castgraph::mpi {
namespace {

using namespace dataset_loading;
using Total = unsigned __int128;

// Opens `name` on every rank that has it; false (on all ranks) when no rank has it.
std::optional<DatasetFile> open_everywhere(World& world, Loading& loading, std::string_view name) {
  const bool here = DatasetFile::exists(loading.directory, name);
  if (world.max(here ? 1 : 0) == 0) return std::nullopt;
  std::optional<DatasetFile> file;
  agree_on(world, [&] { file.emplace(loading.open(name)); });
  return file;
}

void put_place(std::string& out, const DatasetFile::RowPlace& place) {
  put(out, std::uint64_t{place.line});
  put(out, place.begin);
  put(out, place.end);
  put(out, place.offset);
}

DatasetFile::RowPlace take_place(WireReader& in) {
  DatasetFile::RowPlace place{};
  place.line = in.number<std::uint64_t>();
  place.begin = in.number<std::uint64_t>();
  place.end = in.number<std::uint64_t>();
  place.offset = in.number<std::uint64_t>();
  return place;
}

// The totals of the ranks before this one, from each rank's own total (which may pass
// 2^64 on its own only in a file of exabytes, so each is saturated at 2^63 first).
Total total_before(World& world, Total mine) {
  const auto all = world.gather_all(
      std::vector<std::uint64_t>{static_cast<std::uint64_t>(std::min<Total>(mine, kMaxCount + 1))});
  Total before = 0;
  for (int r = 0; r < world.rank(); ++r) before += all[static_cast<std::size_t>(r)];
  return before;
}

// Collective. Lenient loading stops when more than half of the whole file's rows are bad
// (DatasetFile::next does so for one process): the ranks sum their ranges' rows, and the
// range holding the file's first bad row refuses, as one process would.
std::optional<LocalFailure> rejected_share(World& world, const DatasetFile& file) {
  const DatasetFile::Tally mine = file.tally();
  const auto sums = world.sum({mine.rows, mine.rejected});
  if (!mine.first_reject) return std::nullopt;  // another range holds the first bad row
  DatasetFile::Tally whole = mine;
  whole.rows = sums[0], whole.rejected = sums[1];
  return attempt([&] {
    DatasetFile::check_rejected_share({&whole, 1}, file.options(), file.name());
  });
}

// The rows a lenient load skipped in this rank's ranges, moved out of Loading::rejects:
// each file's are in file order, and a duplicate fan id is found by the fan's owner, in
// the order the owner added the rows (file order too).
struct RangeRejects {
  std::vector<Reject> fans, fan_duplicates, follows;
};

// Loading::rejects from `first` on, moved out.
std::vector<Reject> take_rejects(Loading& loading, std::size_t first) {
  std::vector<Reject> taken(
      std::make_move_iterator(loading.rejects.begin() + static_cast<std::ptrdiff_t>(first)),
      std::make_move_iterator(loading.rejects.end()));
  loading.rejects.resize(first);
  return taken;
}

struct FansRead {
  std::vector<std::uint64_t> weights;  // of the rows sent, in file order
  std::vector<DatasetFile::RowPlace> places;
};

// The places of the fans read from this rank's range, in the order they first appear.
struct PlacesRead {
  FirstSeenLabels provinces, cities;
};

void load_fans(World& world, Loading& loading, Total& fan_weights, PlacesRead& places,
               RangeRejects& rejects) {
  std::optional<DatasetFile> file = open_everywhere(world, loading, "fans.csv");
  if (!file) return;
  const std::size_t first_reject = loading.rejects.size();
  std::size_t id = 0;
  std::optional<std::size_t> weight, province, city;
  agree_on(world, [&] {
    id = file->require("id");
    weight = file->optional("weight"), province = file->optional("province"),
    city = file->optional("city");
  });
  const RecordRange range = record_range(world, file->bytes(), file->content_begin());
  file->read_range(range.begin, range.line, range.end);

  std::vector<std::string> to(static_cast<std::size_t>(world.size()));
  FansRead read;
  std::optional<LocalFailure> failure = attempt([&] {
    while (file->next()) {
      const auto fan = nonempty_id(*file, id, "fan");
      if (!fan) continue;
      const auto people = count_field(*file, weight, "weight", 1);
      if (!people) continue;
      std::string& out = to[static_cast<std::size_t>(fan_owner(*fan, world.size()))];
      put(out, *fan);
      put(out, *people);
      put(out, file->field(province));
      put(out, file->field(city));
      places.provinces.note(file->field(province));
      places.cities.note(file->field(city));
      const DatasetFile::RowPlace place = file->place(id);
      put_place(out, place);
      read.weights.push_back(*people);
      read.places.push_back(place);
    }
  });

  failure = earlier(failure, rejected_share(world, *file));
  rejects.fans = take_rejects(loading, first_reject);

  const std::vector<std::string> from = world.exchange(to);
  failure = earlier(failure, attempt([&] {
                      for (const std::string& rows : from) {
                        WireReader in(rows);
                        while (!in.done()) {
                          const std::string_view fan = in.text();
                          const auto people = in.number<std::uint64_t>();
                          const std::string_view where = in.text(), town = in.text();
                          const DatasetFile::RowPlace place = take_place(in);
                          if (!loading.builder.add_fan(fan, people, where, town))
                            file->reject_earlier(place, fmt::format("duplicate fan id '{}'", fan),
                                                 rejects.fan_duplicates);
                        }
                      }
                    }));

  // The row where the fans' weights pass their limit, in file order.
  Total mine = 0;
  for (std::uint64_t w : read.weights) mine += w;
  Total running = total_before(world, mine);
  failure =
      earlier(failure, attempt([&] {
                for (std::size_t i = 0; i < read.weights.size(); ++i)
                  if ((running += read.weights[i]) > kMaxCount)
                    file->refuse_earlier(read.places[i],
                                         count_total_problem("the total of the fans' weights"));
              }));
  agree(world, failure);
  fan_weights = world.sum(mine);
}

// Reads my range of follows.csv, calling send(owner, fan id, fanbase, place) for each
// good row in file order; strict, so the first bad row throws.
struct FollowColumns {
  std::size_t fan = 0, broadcaster = 0;
  std::optional<std::size_t> platform;
};

template <typename Send>
void read_follows(Loading& loading, DatasetFile& file, const FollowColumns& columns, int ranks,
                  Send&& send) {
  std::string recent_host, recent_platform;
  NodeId recent = kNoNode;
  while (file.next()) {
    const auto fan = nonempty_id(file, columns.fan, "fan");
    if (!fan) continue;
    NodeId fanbase = kNoNode;
    if (file.field(columns.broadcaster) == recent_host &&
        file.field(columns.platform) == recent_platform) {
      fanbase = recent;
    } else {
      const auto host = known_broadcaster(loading, file, columns.broadcaster);
      if (!host) continue;
      const auto found =
          followed_fanbase(loading, file, *host, columns.broadcaster, columns.platform);
      if (!found) continue;
      recent_host.assign(file.field(columns.broadcaster));
      recent_platform.assign(file.field(columns.platform));
      fanbase = recent = *found;
    }
    send(fan_owner(*fan, ranks), *fan, fanbase, file.place(columns.fan));
  }
}

// What one follows row added to the two totals it can pass: 1 to the fans' weights when
// it met its fan first, and its fan's weight to the follows' total.
struct RowAdds {
  std::uint64_t follow_weight = 0;
  bool new_fan = false;
};

// Only when a total passed its limit: the owners tell each reader what its rows added,
// and the reader finds the first row, in file order, past either limit. Collective.
std::optional<LocalFailure> row_past_limit(World& world, Loading& loading, DatasetFile& file,
                                           const FollowColumns& columns, const RecordRange& range,
                                           const std::vector<std::vector<RowAdds>>& adds_by_source,
                                           Total fan_weights_before_follows) {
  std::vector<std::string> to(adds_by_source.size());
  for (std::size_t r = 0; r < adds_by_source.size(); ++r)
    for (const RowAdds& add : adds_by_source[r]) {
      put(to[r], add.follow_weight);
      put(to[r], std::uint32_t{add.new_fan});
    }
  const std::vector<std::string> replies = world.exchange(to);
  std::vector<WireReader> from_owner(replies.begin(), replies.end());

  struct Row {
    DatasetFile::RowPlace place;
    RowAdds adds;
  };
  std::vector<Row> rows;
  Total people = 0, follow_weights = 0;
  std::vector<Reject> rejected_again;  // the first reading's, again
  DatasetFile again(loading.directory, "follows.csv", loading.options, rejected_again);
  again.read_range(range.begin, range.line, range.end);
  // The same rows as the first reading, which stopped (if at all) at the same bad row.
  (void)attempt([&] {
    read_follows(loading, again, columns, world.size(),
                 [&](int owner, std::string_view, NodeId, const DatasetFile::RowPlace& place) {
                   WireReader& in = from_owner[static_cast<std::size_t>(owner)];
                   RowAdds adds;
                   adds.follow_weight = in.number<std::uint64_t>();
                   adds.new_fan = in.number<std::uint32_t>() != 0;
                   people += adds.new_fan;
                   follow_weights += adds.follow_weight;
                   rows.push_back({place, adds});
                 });
  });
  Total people_running = fan_weights_before_follows + total_before(world, people);
  Total follow_running = total_before(world, follow_weights);
  return attempt([&] {
    for (const Row& row : rows) {
      if (row.adds.new_fan && ++people_running > kMaxCount)
        file.refuse_earlier(row.place, count_total_problem("the total of the fans' weights"));
      if ((follow_running += row.adds.follow_weight) > kMaxCount)
        file.refuse_earlier(row.place,
                            count_total_problem("the total weight of the fans of the follows"));
    }
  });
}

void load_follows(World& world, Loading& loading, Total fan_weights, RangeRejects& rejects) {
  std::optional<DatasetFile> file = open_everywhere(world, loading, "follows.csv");
  if (!file) return;
  const std::size_t first_reject = loading.rejects.size();
  FollowColumns columns;
  agree_on(world, [&] {
    columns.fan = file->require("fan");
    columns.broadcaster = file->require("broadcaster");
    columns.platform = file->optional("platform");
  });
  const RecordRange range = record_range(world, file->bytes(), file->content_begin());
  file->read_range(range.begin, range.line, range.end);

  std::vector<std::string> to(static_cast<std::size_t>(world.size()));
  std::optional<LocalFailure> failure = attempt([&] {
    read_follows(
        loading, *file, columns, world.size(),
        [&](int owner, std::string_view fan, NodeId fanbase, const DatasetFile::RowPlace&) {
          std::string& out = to[static_cast<std::size_t>(owner)];
          put(out, fan);
          put(out, std::uint32_t{fanbase});
        });
  });

  failure = earlier(failure, rejected_share(world, *file));
  rejects.follows = take_rejects(loading, first_reject);

  const std::vector<std::string> from = world.exchange(to);
  std::vector<std::vector<RowAdds>> adds_by_source(from.size());
  Total people = 0, follow_weights = 0;
  for (std::size_t r = 0; r < from.size(); ++r) {
    WireReader in(from[r]);
    while (!in.done()) {
      const std::string_view fan_id = in.text();
      const auto fanbase = static_cast<NodeId>(in.number<std::uint32_t>());
      const std::size_t fans_before = loading.builder.fan_count();
      const NodeId fan = loading.builder.intern_fan(fan_id);
      loading.builder.add_follow(fan, fanbase);
      RowAdds adds{loading.builder.fan_weight(fan), loading.builder.fan_count() > fans_before};
      people += adds.new_fan;
      follow_weights += adds.follow_weight;
      adds_by_source[r].push_back(adds);
      ++loading.follow_rows;
    }
  }
  // A total may pass its limit before the first bad row: the earlier of the two is the
  // error one process reports.
  const Total all_people = fan_weights + world.sum(people);
  const Total all_follow_weights = world.sum(follow_weights);
  if (all_people > kMaxCount || all_follow_weights > kMaxCount)
    failure = earlier(failure, row_past_limit(world, loading, *file, columns, range, adds_by_source,
                                              fan_weights));
  agree(world, failure);
}

void put_reject(std::string& out, const Reject& reject) {
  put(out, reject.where.file.string());
  put(out, std::uint64_t{reject.where.line});
  put(out, std::uint64_t{reject.where.column});
  put(out, reject.reason);
  put(out, reject.row);
}

std::vector<Reject> take_rejects(WireReader& in) {
  std::vector<Reject> rejects(in.number<std::uint64_t>());
  for (Reject& reject : rejects) {
    reject.where.file = std::string(in.text());
    reject.where.line = in.number<std::uint64_t>();
    reject.where.column = in.number<std::uint64_t>();
    reject.reason = std::string(in.text());
    reject.row = std::string(in.text());
  }
  return rejects;
}

void put_rejects(std::string& out, const std::vector<Reject>& rejects) {
  put(out, std::uint64_t{rejects.size()});
  for (const Reject& reject : rejects) put_reject(out, reject);
}

bool before_in_file(const Reject& a, const Reject& b) {
  return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
}

// Collective. Every rank's skipped rows on rank 0, in the order one process lists them:
// the catalogue's (read alike by every rank; rank 0's), fans.csv's ranges in rank order
// merged with the duplicates their owners found, follows.csv's ranges, then collabs'
// (rank 0's). `shared` is this rank's Loading::rejects: catalogue, then collabs from
// `collabs_from`. Empty on the other ranks.
std::vector<Reject> rejects_on_root(World& world, std::vector<Reject> shared,
                                    std::size_t collabs_from, const RangeRejects& mine) {
  std::vector<std::string> to(static_cast<std::size_t>(world.size()));
  put_rejects(to[0], mine.fans);
  put_rejects(to[0], mine.fan_duplicates);
  put_rejects(to[0], mine.follows);
  const std::vector<std::string> from = world.exchange(to);
  if (!world.root()) return {};
  std::vector<Reject> fans, duplicates, follows;
  for (const std::string& bytes : from) {
    WireReader in(bytes);
    for (std::vector<Reject>* list : {&fans, &duplicates, &follows}) {
      std::vector<Reject> part = take_rejects(in);
      std::move(part.begin(), part.end(), std::back_inserter(*list));
    }
  }
  std::stable_sort(duplicates.begin(), duplicates.end(), before_in_file);
  std::vector<Reject> all(
      std::make_move_iterator(shared.begin()),
      std::make_move_iterator(shared.begin() + static_cast<std::ptrdiff_t>(collabs_from)));
  // As load_dataset merges the duplicates its pipeline found (dataset_loader.cpp).
  const std::size_t fans_from = all.size();
  std::move(fans.begin(), fans.end(), std::back_inserter(all));
  const auto middle = static_cast<std::ptrdiff_t>(all.size());
  std::move(duplicates.begin(), duplicates.end(), std::back_inserter(all));
  std::inplace_merge(all.begin() + static_cast<std::ptrdiff_t>(fans_from), all.begin() + middle,
                     all.end(), before_in_file);
  std::move(follows.begin(), follows.end(), std::back_inserter(all));
  std::move(shared.begin() + static_cast<std::ptrdiff_t>(collabs_from), shared.end(),
            std::back_inserter(all));
  return all;
}

}  // namespace

ShardLoad load_shard(World& world, const std::filesystem::path& directory, bool lenient,
                     TextEncoding encoding) {
  LoadOptions options;
  options.threads = 1;
  options.lenient = lenient;
  options.encoding = encoding;
  Loading loading{directory, options, {}, {}, 0, {}, {}, {}, {}, {}};
  agree_on(world, [&] { load_catalogue(loading); });
  Total fan_weights = 0;
  PlacesRead places;
  RangeRejects rejects;
  load_fans(world, loading, fan_weights, places, rejects);
  load_follows(world, loading, fan_weights, rejects);
  const std::size_t collabs_from = loading.rejects.size();
  agree_on(world, [&] { load_collabs(loading); });
  ShardLoad loaded;
  agree_on(world, [&] { loaded.network = std::move(loading.builder).finish(); });
  agree_fan_places(world, loaded.network, places.provinces, places.cities);
  if (lenient)
    loaded.rejects = rejects_on_root(world, std::move(loading.rejects), collabs_from, rejects);
  stop_here_if_asked(world);
  return loaded;
}

}  // namespace castgraph::mpi
