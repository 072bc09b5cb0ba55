// The stages of load_dataset (dataset_loader.hpp) and the checks of one row, for a loader
// that reads fans.csv and follows.csv its own way (castgraph-mpi reads them in shards)
// yet must accept and refuse exactly the rows load_dataset does, with the same messages.
#pragma once

#include <filesystem>
#include <optional>
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

}  // namespace castgraph::dataset_loading
