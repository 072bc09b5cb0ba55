// What a dataset holds, in counts: the rows of `castgraph info` and the summary of
// `castgraph report`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/network.hpp"

namespace castgraph::cli {

struct DatasetCount {
  const char* key;    // the JSON key of `castgraph info --json`, a contract for scripts
  const char* label;  // what the tables call it
  std::uint64_t value;
};

// platforms, bases, broadcasters, fanbases, fans, people, follows, collabs,
// declared_fans, components, in that order. O(V + E) for the connected components.
std::vector<DatasetCount> count_dataset(const Network& network);
// The same with components 0, for a caller that counts them another way. O(fans).
std::vector<DatasetCount> count_dataset_without_components(const Network& network);

// Whether the fans are the people themselves or a panel standing for more.
struct FanSample {
  bool census = true;            // every fan weighs 1 (or there are no fans)
  std::uint64_t min_weight = 1;  // over the fans; 1 without fans
  std::uint64_t max_weight = 1;
  const char* kind() const { return census ? "census" : "panel"; }
};

// The fans' weights, summed up. O(fans).
FanSample describe_fan_sample(const Network& network);

// "a census: every fan is one person" or "a panel: each fan stands for 1,000 people
// (weights 1,000 to 1,000)", for `info` and the report.
std::string fan_sample_words(const FanSample& sample);

}  // namespace castgraph::cli
