// The shipped samples as loaded networks, each read once per test program: many tests
// ask the same questions of samples/tiny and samples/liaoning.
#pragma once

#include "graph/network.hpp"
#include "loaders/dataset_loader.hpp"

namespace castgraph::testing {

inline const Network& tiny_network() {
  static const Network network = load_dataset(CASTGRAPH_SOURCE_DIR "/samples/tiny").network;
  return network;
}

inline const Network& liaoning_network() {
  static const Network network = load_dataset(CASTGRAPH_SOURCE_DIR "/samples/liaoning").network;
  return network;
}

}  // namespace castgraph::testing
