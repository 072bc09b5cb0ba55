// The one bridge between castgraph and igraph's C API (internal: only algorithms/*.cpp
// include it; igraph types never appear in a public header).
//
// One owner type per igraph handle, after Graphviz's cgraph++: copy deleted, move by
// std::exchange, c_struct() for the non-owning pointer igraph functions take. igraph
// reports errors through a handler; install_igraph_error_handler() replaces the default
// one (which aborts) once per process with one that frees igraph's own temporaries and
// records the message, and check() turns the returned code into an IgraphError.
//
// igraph 0.10.2 is not thread-safe: call it from one thread at a time.
#pragma once

// Reached only through algorithms/'s private include path; this stops an include of the
// full path from another folder.
#ifndef CASTGRAPH_INSIDE_ALGORITHMS
#error "private to algorithms/: include its public headers instead"
#endif

#include <igraph.h>

#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "algorithms/projection.hpp"
#include "graph/errors.hpp"

namespace castgraph::igraph_bridge {

// An igraph call failed (out of memory, invalid argument, ...).
class IgraphError : public ExternalError {
 public:
  using ExternalError::ExternalError;
};

// Installs the error handler (and a warning handler that stays silent: the library never
// prints). Idempotent and cheap; every owner constructor calls it.
void install_igraph_error_handler();

// Throws IgraphError naming `what` and igraph's reason when `code` is not IGRAPH_SUCCESS.
void check(igraph_error_t code, const char* what);

class IntVector {
 public:
  explicit IntVector(igraph_integer_t size = 0);
  ~IntVector();
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
  IntVector(IntVector&& other) noexcept
      : vector_(std::exchange(other.vector_, igraph_vector_int_t{})),
        owned_(std::exchange(other.owned_, false)) {}
  IntVector& operator=(IntVector&& other) noexcept;

  igraph_vector_int_t* c_struct() { return &vector_; }
  const igraph_vector_int_t* c_struct() const { return &vector_; }
  std::size_t size() const { return static_cast<std::size_t>(igraph_vector_int_size(&vector_)); }
  igraph_integer_t operator[](std::size_t i) const { return VECTOR(vector_)[i]; }
  igraph_integer_t& operator[](std::size_t i) { return VECTOR(vector_)[i]; }

 private:
  igraph_vector_int_t vector_{};
  bool owned_ = false;
};

class RealVector {
 public:
  explicit RealVector(igraph_integer_t size = 0);
  explicit RealVector(std::span<const double> values);
  ~RealVector();
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
  RealVector(RealVector&& other) noexcept
      : vector_(std::exchange(other.vector_, igraph_vector_t{})),
        owned_(std::exchange(other.owned_, false)) {}
  RealVector& operator=(RealVector&& other) noexcept;

  igraph_vector_t* c_struct() { return &vector_; }
  const igraph_vector_t* c_struct() const { return &vector_; }
  std::size_t size() const { return static_cast<std::size_t>(igraph_vector_size(&vector_)); }
  double operator[](std::size_t i) const { return VECTOR(vector_)[i]; }
  std::vector<double> to_std() const;

 private:
  igraph_vector_t vector_{};
  bool owned_ = false;
};

class Graph {
 public:
  // An undirected graph with `vertices` vertices and no edges.
  explicit Graph(igraph_integer_t vertices = 0);
  // The undirected graph of `graph`, edges in its order (so weights() lines up).
  explicit Graph(const HostGraph& graph);
  // A graph from igraph's catalogue (igraph_famous), e.g. "Zachary".
  static Graph famous(const char* name);
  ~Graph();
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;
  Graph(Graph&& other) noexcept
      : graph_(std::exchange(other.graph_, igraph_t{})),
        owned_(std::exchange(other.owned_, false)) {}
  Graph& operator=(Graph&& other) noexcept;

  igraph_t* c_struct() { return &graph_; }
  const igraph_t* c_struct() const { return &graph_; }
  igraph_integer_t vertices() const { return igraph_vcount(&graph_); }
  igraph_integer_t edges() const { return igraph_ecount(&graph_); }

 private:
  struct Adopt {};
  Graph(Adopt, igraph_t graph) : graph_(graph), owned_(true) {}
  igraph_t graph_{};
  bool owned_ = false;
};

// The weights of `graph`'s edges, in order.
RealVector edge_weights(const HostGraph& graph);

// Seeds igraph's default generator, so that the randomised algorithm run next repeats.
void seed_rng(std::uint64_t seed);

// While one lives, igraph's OpenMP code runs on the calling thread alone. Debian's igraph
// solves PageRank with PRPACK, whose OpenMP threads add up partial sums in an order that
// changes from run to run: five runs on liaoning's audience graph gave five answers in
// the last digits. One thread gives one answer; the solve takes milliseconds at 12,000
// hosts. Restores the thread count it found.
class OneOpenMpThread {
 public:
  OneOpenMpThread();
  ~OneOpenMpThread();
  OneOpenMpThread(const OneOpenMpThread&) = delete;
  OneOpenMpThread& operator=(const OneOpenMpThread&) = delete;

 private:
  int threads_before_;
};

}  // namespace castgraph::igraph_bridge
