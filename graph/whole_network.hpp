// WholeNetwork: every node of every kind as one undirected graph, without copying.
// Global vertex numbers run platforms, then bases, broadcasters, fanbases, fans; the
// neighbours of a vertex are read straight from the Network's Csr relations and
// columns. graph/bgl_whole_network.hpp makes this a Boost Graph (BGL) graph.
#pragma once

#include <array>
#include <cstdint>

#include "graph/network.hpp"

namespace castgraph {

class WholeNetwork {
 public:
  using Vertex = std::uint64_t;

  // A run of neighbours that all have the same kind: local ids plus that kind's offset.
  struct Segment {
    const NodeId* begin = nullptr;
    const NodeId* end = nullptr;
    Vertex offset = 0;
  };
  // At most three runs per vertex (a fanbase: its host, its platform, its fans).
  using Segments = std::array<Segment, 3>;

  explicit WholeNetwork(const Network& network);

  Vertex vertex_count() const { return offsets_[kNodeKindCount]; }
  // Undirected edges: owns + on + member_of + follows + collab.
  std::uint64_t edge_count() const;
  Vertex vertex(NodeKind kind, NodeId id) const { return offsets_[static_cast<int>(kind)] + id; }
  NodeKind kind_of(Vertex v) const;
  Segments neighbours(Vertex v) const;
  std::uint64_t degree(Vertex v) const;

 private:
  const Network& network_;
  std::array<Vertex, kNodeKindCount + 1> offsets_{};
};

// Number of connected components of the whole network (isolated nodes count as one
// each). Uses boost::connected_components over WholeNetwork: O(V + E).
std::uint64_t count_components(const Network& network);

}  // namespace castgraph
