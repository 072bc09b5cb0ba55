// Boost Graph Library adapter for WholeNetwork: graph_traits, out_edges, vertices and
// a vertex_index map over the Csr arrays, with no copy. It models IncidenceGraph and
// VertexListGraph, which is what BGL's traversal algorithms (connected_components,
// breadth_first_search, depth_first_search) need.
//
// BGL headers are heavy to compile: include this only from .cpp files.
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include "graph/whole_network.hpp"

namespace castgraph {

struct WholeNetworkEdge {
  WholeNetwork::Vertex source = 0;
  WholeNetwork::Vertex target = 0;
  friend bool operator==(const WholeNetworkEdge&, const WholeNetworkEdge&) = default;
};

// Walks the (up to three) neighbour runs of one vertex as a sequence of edges.
class WholeNetworkOutEdgeIterator
    : public boost::iterator_facade<WholeNetworkOutEdgeIterator, WholeNetworkEdge,
                                    boost::forward_traversal_tag, WholeNetworkEdge> {
 public:
  WholeNetworkOutEdgeIterator() = default;
  WholeNetworkOutEdgeIterator(WholeNetwork::Vertex source, const WholeNetwork::Segments& segments,
                              bool at_end)
      : source_(source), segments_(segments), segment_(at_end ? segments.size() : 0) {
    if (!at_end) {
      at_ = segments_[0].begin;
      skip_empty();
    }
  }

 private:
  friend class boost::iterator_core_access;
  void skip_empty() {
    while (segment_ < segments_.size() && at_ == segments_[segment_].end) {
      if (++segment_ < segments_.size()) at_ = segments_[segment_].begin;
    }
    if (segment_ == segments_.size()) at_ = nullptr;
  }
  void increment() {
    ++at_;
    skip_empty();
  }
  bool equal(const WholeNetworkOutEdgeIterator& other) const {
    return segment_ == other.segment_ && at_ == other.at_;
  }
  WholeNetworkEdge dereference() const { return {source_, segments_[segment_].offset + *at_}; }

  WholeNetwork::Vertex source_ = 0;
  WholeNetwork::Segments segments_{};
  std::size_t segment_ = 0;
  const NodeId* at_ = nullptr;
};

struct WholeNetworkTraversal : boost::incidence_graph_tag, boost::vertex_list_graph_tag {};

// --- the BGL free functions, found by argument-dependent lookup ---
inline WholeNetwork::Vertex source(const WholeNetworkEdge& e, const WholeNetwork&) {
  return e.source;
}
inline WholeNetwork::Vertex target(const WholeNetworkEdge& e, const WholeNetwork&) {
  return e.target;
}

inline std::pair<WholeNetworkOutEdgeIterator, WholeNetworkOutEdgeIterator> out_edges(
    WholeNetwork::Vertex v, const WholeNetwork& g) {
  const auto segments = g.neighbours(v);
  return {WholeNetworkOutEdgeIterator(v, segments, false),
          WholeNetworkOutEdgeIterator(v, segments, true)};
}
inline std::uint64_t out_degree(WholeNetwork::Vertex v, const WholeNetwork& g) {
  return g.degree(v);
}

inline std::pair<boost::counting_iterator<WholeNetwork::Vertex>,
                 boost::counting_iterator<WholeNetwork::Vertex>>
vertices(const WholeNetwork& g) {
  return {boost::counting_iterator<WholeNetwork::Vertex>(0),
          boost::counting_iterator<WholeNetwork::Vertex>(g.vertex_count())};
}
inline std::uint64_t num_vertices(const WholeNetwork& g) { return g.vertex_count(); }

inline boost::typed_identity_property_map<WholeNetwork::Vertex> get(boost::vertex_index_t,
                                                                    const WholeNetwork&) {
  return {};
}

}  // namespace castgraph

namespace boost {

template <>
struct graph_traits<castgraph::WholeNetwork> {
  using vertex_descriptor = castgraph::WholeNetwork::Vertex;
  using edge_descriptor = castgraph::WholeNetworkEdge;
  using directed_category = undirected_tag;
  using edge_parallel_category = disallow_parallel_edge_tag;
  using traversal_category = castgraph::WholeNetworkTraversal;
  using out_edge_iterator = castgraph::WholeNetworkOutEdgeIterator;
  using vertex_iterator = counting_iterator<vertex_descriptor>;
  using degree_size_type = std::uint64_t;
  using vertices_size_type = std::uint64_t;
  using edges_size_type = std::uint64_t;
  static vertex_descriptor null_vertex() { return ~vertex_descriptor{0}; }
};

template <>
struct property_map<castgraph::WholeNetwork, vertex_index_t> {
  using type = typed_identity_property_map<castgraph::WholeNetwork::Vertex>;
  using const_type = type;
};

}  // namespace boost
