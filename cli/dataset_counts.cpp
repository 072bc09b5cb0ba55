#include "cli/dataset_counts.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "graph/whole_network.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {

std::vector<DatasetCount> count_dataset(const Network& network) {
  std::vector<DatasetCount> counts = count_dataset_without_components(network);
  counts.back().value = count_components(network);
  return counts;
}

std::vector<DatasetCount> count_dataset_without_components(const Network& network) {
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
      {"components", "connected components", 0},
  };
}

FanSample describe_fan_sample(const Network& network) {
  FanSample sample;
  if (network.fans.weights.empty() || network.fans.size() == 0) return sample;
  const auto weights = network.fans.weights.span();
  const auto [low, high] = std::ranges::minmax_element(weights);
  sample.min_weight = *low;
  sample.max_weight = *high;
  sample.census = sample.max_weight == 1;
  return sample;
}

std::string fan_sample_words(const FanSample& sample) {
  if (sample.census) return "a census: every fan is one person, and reach is an exact count";
  if (sample.min_weight == sample.max_weight)
    return fmt::format(
        "a panel: each fan stands for {} people, and reach is an estimate with a standard "
        "error",
        group_digits(sample.min_weight));
  return fmt::format(
      "a panel: each fan stands for {} to {} people, and reach is an estimate with a "
      "standard error",
      group_digits(sample.min_weight), group_digits(sample.max_weight));
}

}  // namespace castgraph::cli
