// What a dataset holds, in counts: the rows of `castgraph info` and the summary of
// `castgraph report`.
#pragma once

#include <cstdint>
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

}  // namespace castgraph::cli
