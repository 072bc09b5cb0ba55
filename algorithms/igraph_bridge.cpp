#include "igraph_bridge.hpp"

#include <omp.h>

#include <mutex>

namespace castgraph::igraph_bridge {
namespace {

// The last error igraph reported on this thread; read by check().
thread_local std::string last_error;

void record_error(const char* reason, const char* file, int line, igraph_error_t code) {
  last_error = std::string(igraph_strerror(code)) + ": " + (reason ? reason : "") + " (" +
               (file ? file : "?") + ":" + std::to_string(line) + ")";
  // What igraph's own non-aborting handlers do: free the temporaries of the failed call.
  IGRAPH_FINALLY_FREE();
}

void ignore_warning(const char*, const char*, int) {}

}  // namespace

void install_igraph_error_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    igraph_set_error_handler(record_error);
    igraph_set_warning_handler(ignore_warning);
  });
}

void check(igraph_error_t code, const char* what) {
  if (code == IGRAPH_SUCCESS) return;
  std::string message = std::string("igraph ") + what + " failed";
  if (!last_error.empty()) message += ": " + std::exchange(last_error, {});
  throw IgraphError(message);
}

IntVector::IntVector(igraph_integer_t size) {
  install_igraph_error_handler();
  check(igraph_vector_int_init(&vector_, size), "vector_int_init");
  owned_ = true;
}
IntVector::~IntVector() {
  if (owned_) igraph_vector_int_destroy(&vector_);
}
IntVector& IntVector::operator=(IntVector&& other) noexcept {
  if (this != &other) {
    if (owned_) igraph_vector_int_destroy(&vector_);
    vector_ = std::exchange(other.vector_, igraph_vector_int_t{});
    owned_ = std::exchange(other.owned_, false);
  }
  return *this;
}

RealVector::RealVector(igraph_integer_t size) {
  install_igraph_error_handler();
  check(igraph_vector_init(&vector_, size), "vector_init");
  owned_ = true;
}
RealVector::RealVector(std::span<const double> values)
    : RealVector(static_cast<igraph_integer_t>(values.size())) {
  for (std::size_t i = 0; i < values.size(); ++i) VECTOR(vector_)[i] = values[i];
}
RealVector::~RealVector() {
  if (owned_) igraph_vector_destroy(&vector_);
}
RealVector& RealVector::operator=(RealVector&& other) noexcept {
  if (this != &other) {
    if (owned_) igraph_vector_destroy(&vector_);
    vector_ = std::exchange(other.vector_, igraph_vector_t{});
    owned_ = std::exchange(other.owned_, false);
  }
  return *this;
}
std::vector<double> RealVector::to_std() const {
  std::vector<double> values(size());
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = VECTOR(vector_)[i];
  return values;
}

Graph::Graph(igraph_integer_t vertices) {
  install_igraph_error_handler();
  check(igraph_empty(&graph_, vertices, IGRAPH_UNDIRECTED), "empty");
  owned_ = true;
}

Graph::Graph(const HostGraph& graph) : Graph(static_cast<igraph_integer_t>(graph.vertices)) {
  IntVector ends(static_cast<igraph_integer_t>(2 * graph.edges.size()));
  for (std::size_t e = 0; e < graph.edges.size(); ++e) {
    ends[2 * e] = graph.edges[e].a;
    ends[2 * e + 1] = graph.edges[e].b;
  }
  check(igraph_add_edges(&graph_, ends.c_struct(), nullptr), "add_edges");
}

Graph Graph::famous(const char* name) {
  install_igraph_error_handler();
  igraph_t graph;
  check(igraph_famous(&graph, name), "famous");
  return Graph(Adopt{}, graph);
}

Graph::~Graph() {
  if (owned_) igraph_destroy(&graph_);
}
Graph& Graph::operator=(Graph&& other) noexcept {
  if (this != &other) {
    if (owned_) igraph_destroy(&graph_);
    graph_ = std::exchange(other.graph_, igraph_t{});
    owned_ = std::exchange(other.owned_, false);
  }
  return *this;
}

RealVector edge_weights(const HostGraph& graph) {
  RealVector weights(static_cast<igraph_integer_t>(graph.edges.size()));
  for (std::size_t e = 0; e < graph.edges.size(); ++e)
    VECTOR(*weights.c_struct())[e] = graph.edges[e].weight;
  return weights;
}

void seed_rng(std::uint64_t seed) {
  install_igraph_error_handler();
  check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed)), "rng_seed");
}

OneOpenMpThread::OneOpenMpThread() : threads_before_(omp_get_max_threads()) {
  omp_set_num_threads(1);
}

OneOpenMpThread::~OneOpenMpThread() { omp_set_num_threads(threads_before_); }

}  // namespace castgraph::igraph_bridge
