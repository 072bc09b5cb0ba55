// communities_bench DATASET|SNAPSHOT EDGES_OUT [min_shared] [top_k] [max_hosts_per_fan]: times the
// host projection (audience + collab layers) and Leiden / Louvain on it, prints their
// modularity, and writes the projected graph as "a b weight" lines so that another tool
// (bench/communities_bench.sh runs python-igraph) can cluster the very same graph.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "algorithms/communities.hpp"
#include "algorithms/projection.hpp"
#include "bench/bench_clock.hpp"
#include "cli/dataset_options.hpp"

using namespace castgraph;

namespace {

// Wall and CPU seconds since construction: the bench machine is shared, so wall time
// alone says more about the neighbours than about castgraph.
struct Stopwatch {
  double wall = bench::wall_seconds();
  double cpu = bench::cpu_seconds();
  std::string text() const {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%8.2f s wall %8.2f s CPU", bench::wall_seconds() - wall,
                  bench::cpu_seconds() - cpu);
    return buffer;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: communities_bench DATASET|SNAPSHOT EDGES_OUT [min_shared] [top_k] "
                 "[max_hosts_per_fan]\n");
    return 2;
  }
  Stopwatch start;
  const Network network = cli::open_dataset(cli::DatasetOptions{argv[1]});
  std::printf("castgraph load                 %s  %zu hosts, %llu follows, %zu fans\n",
              start.text().c_str(), network.broadcasters.size(),
              static_cast<unsigned long long>(network.follow_count()), network.fans.size());
  CommunityOptions options;
  options.min_shared = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
  options.top_k = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 0;
  options.max_hosts_per_fan = argc > 5 ? std::strtoull(argv[5], nullptr, 10) : 0;
  start = Stopwatch{};
  const HostGraph graph = project_hosts(network, projection_options(options));
  std::printf("castgraph projection           %s  %zu edges (min_shared %llu, top_k %zu)\n",
              start.text().c_str(), graph.edges.size(),
              static_cast<unsigned long long>(options.min_shared), options.top_k);
  {
    std::ofstream out(argv[2]);
    out.precision(17);
    out << graph.vertices << "\n";
    for (const WeightedEdge& edge : graph.edges)
      out << edge.a << ' ' << edge.b << ' ' << edge.weight << '\n';
  }
  for (CommunityMethod method : {CommunityMethod::leiden, CommunityMethod::louvain}) {
    options.method = method;
    start = Stopwatch{};
    const Communities found = find_communities(graph, options);
    std::printf("castgraph %-20s %s  modularity %.4f, %u communities\n",
                method == CommunityMethod::leiden ? "leiden stable" : "louvain",
                start.text().c_str(), found.modularity, found.count);
  }
  options.method = CommunityMethod::leiden;
  options.leiden_iterations = 2;
  start = Stopwatch{};
  const Communities two = find_communities(graph, options);
  std::printf("castgraph leiden 2 passes      %s  modularity %.4f, %u communities\n",
              start.text().c_str(), two.modularity, two.count);
  return 0;
}
