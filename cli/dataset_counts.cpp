#include "cli/dataset_counts.hpp"

#include "graph/whole_network.hpp"

namespace castgraph::cli {

std::vector<DatasetCount> count_dataset(const Network& network) {
  return {
      {"platforms", "platforms", network.platforms.size()},
      {"bases", "bases", network.bases.size()},
      {"broadcasters", "broadcasters (hosts)", network.broadcasters.size()},
      {"fanbases", "fanbases", network.fanbases.size()},
      {"fans", "distinct fans", network.fans.size()},
      {"people", "people (summed fan weights)", people(network)},
      {"follows", "follows", network.follow_count()},
      {"collabs", "collabs (host pairs)", network.collab_count()},
      {"declared_fans", "declared fans", declared_fans_total(network)},
      {"components", "connected components", count_components(network)},
  };
}

}  // namespace castgraph::cli
