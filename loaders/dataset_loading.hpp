// The stages of load_dataset (dataset_loader.hpp) and the checks of one row, for a loader
// that reads fans.csv and follows.csv its own way (castgraph-mpi reads them in shards)
// yet must accept and refuse exactly the rows load_dataset does, with the same messages.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "graph/network_builder.hpp"
#include "graph/value_rules.hpp"
#include "loaders/dataset_file.hpp"
#include "loaders/dataset_loader.hpp"

namespace castgraph::dataset_loading {

struct Loading {
  const std::filesystem::path& directory;
  const LoadOptions& options;
  NetworkBuilder builder;
  std::vector<Reject> rejects;
  std::uint64_t follow_rows = 0;
  // The totals graph/value_rules.hpp bounds, summed as the rows are added.
  CountTotal declared_fans, fan_weights, follow_weights;
  AmountTotal fees, collab_weights;

  DatasetFile open(std::string_view name) { return DatasetFile(directory, name, options, rejects); }
  bool threaded() const {
    return options.threads == 0 ? std::thread::hardware_concurrency() > 1 : options.threads > 1;
  }
};

// platforms.csv, bases.csv, broadcasters.csv and fanbases.csv, after checking that the
// directory exists.
void load_catalogue(Loading& loading);
// fans.csv, when there is one: every fan with its weight and place; a repeated id is
// rejected at its row.
void load_fans(Loading& loading);

// The columns of fans.csv; throws DataError at line 1 when "id" is missing.
struct FanColumns {
  std::size_t id = 0;
  std::optional<std::size_t> weight, province, city;
  static FanColumns of(const DatasetFile& file);
};
// The checks load_fans makes on one fans.csv row before its id is looked at (a fan id, a
// weight): the fan's weight, or nullopt when the row was rejected.
std::optional<std::uint64_t> fan_row_weight(DatasetFile& file, const FanColumns& columns);
// Why the row of a fan id met before is rejected (at its id, after any other check; such
// a reject does not count towards the file's rejected share, see reject_earlier).
std::string duplicate_fan_reason(std::string_view id);
// Adds a declared fan's weight to the fans' weights; refuses the file at `row` when the
// total passes its limit.
void add_fan_weight(CountTotal& fan_weights, std::uint64_t weight, const DatasetFile& file,
                    const DatasetFile::RowPlace& row);
void load_collabs(Loading& loading);

// The id in `column`, or nullopt (row rejected) when it is empty.
std::optional<std::string_view> nonempty_id(DatasetFile& file, std::size_t column,
                                            std::string_view kind);
// The parsed count in `column`, `blank` when the cell is empty, nullopt when invalid.
std::optional<std::uint64_t> count_field(DatasetFile& file, std::optional<std::size_t> column,
                                         std::string_view what, std::uint64_t blank);
std::optional<NodeId> known_broadcaster(Loading& loading, DatasetFile& file, std::size_t column);
// The fanbase a follows row points at: the host's fanbase on the named platform, or its
// only fanbase when the row names none.
std::optional<NodeId> followed_fanbase(Loading& loading, DatasetFile& file, NodeId host,
                                       std::size_t broadcaster_column,
                                       std::optional<std::size_t> platform_column);

// The columns of follows.csv; throws DataError at line 1 when a required one is missing.
struct FollowColumns {
  std::size_t fan = 0, broadcaster = 0;
  std::optional<std::size_t> platform;
  static FollowColumns of(const DatasetFile& file);
};

// follows.csv is usually grouped by host, so the fanbase of the row before is the likely
// answer: comparing two short fields is cheaper than two hash lookups. Only rows that
// resolved cleanly are remembered, so a bad row is always checked (and reported) in full.
class RecentFanbase {
 public:
  NodeId find(std::string_view host, std::string_view platform) const {
    return host == host_ && platform == platform_ ? fanbase_ : kNoNode;
  }
  NodeId remember(std::string_view host, std::string_view platform, NodeId fanbase) {
    host_.assign(host);
    platform_.assign(platform);
    return fanbase_ = fanbase;
  }

 private:
  std::string host_, platform_;
  NodeId fanbase_ = kNoNode;
};

// Every check load_dataset makes on one follows.csv row (a fan id, a known host, the
// fanbase the row names): the row's fanbase, or nullopt when the row was rejected. Only
// reads `loading.builder` (its const lookups), so several threads, each with its own
// file and `recent`, may check rows at once while nobody adds hosts or fanbases.
std::optional<NodeId> follow_row_fanbase(Loading& loading, DatasetFile& file,
                                         const FollowColumns& columns, RecentFanbase& recent);

}  // namespace castgraph::dataset_loading
