#include "mpi/shard_loader.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
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

struct FansRead {
  std::vector<std::uint64_t> weights;  // of the rows sent, in file order
  std::vector<DatasetFile::RowPlace> places;
};

// The places of the fans read from this rank's range, in the order they first appear.
struct PlacesRead {
  FirstSeenLabels provinces, cities;
};

void load_fans(World& world, Loading& loading, Total& fan_weights, PlacesRead& places) {
  std::optional<DatasetFile> file = open_everywhere(world, loading, "fans.csv");
  if (!file) return;
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
                            file->refuse_earlier(place, fmt::format("duplicate fan id '{}'", fan));
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
  DatasetFile again = loading.open("follows.csv");
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

void load_follows(World& world, Loading& loading, Total fan_weights) {
  std::optional<DatasetFile> file = open_everywhere(world, loading, "follows.csv");
  if (!file) return;
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

}  // namespace

Network load_shard(World& world, const std::filesystem::path& directory) {
  LoadOptions options;
  options.threads = 1;
  Loading loading{directory, options, {}, {}, 0, {}, {}, {}, {}, {}};
  agree_on(world, [&] { load_catalogue(loading); });
  Total fan_weights = 0;
  PlacesRead places;
  load_fans(world, loading, fan_weights, places);
  load_follows(world, loading, fan_weights);
  agree_on(world, [&] { load_collabs(loading); });
  Network network;
  agree_on(world, [&] { network = std::move(loading.builder).finish(); });
  agree_fan_places(world, network, places.provinces, places.cities);
  stop_here_if_asked(world);
  return network;
}

}  // namespace castgraph::mpi
