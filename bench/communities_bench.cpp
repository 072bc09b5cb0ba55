// communities_bench DATASET EDGES_OUT [min_shared] [top_k] [max_hosts_per_fan]: times the
// host projection (audience + collab layers) and Leiden / Louvain on it, prints their
// modularity, and writes the projected graph as "a b weight" lines so that another tool
// (bench/communities_bench.sh runs python-igraph) can cluster the very same graph.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "algorithms/communities.hpp"
#include "algorithms/projection.hpp"
#include "loaders/dataset_loader.hpp"

using namespace castgraph;

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: communities_bench DATASET EDGES_OUT [min_shared] [top_k] [max_hosts_per_fan]\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  const Network network = load_dataset(argv[1]).network;
  std::printf("castgraph load                 %8.2f s  %zu hosts, %llu follows, %zu fans\n", seconds_since(start),
              network.broadcasters.size(), static_cast<unsigned long long>(network.follow_count()),
              network.fans.size());
  CommunityOptions options;
  options.min_shared = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
  options.top_k = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 0;
  options.max_hosts_per_fan = argc > 5 ? std::strtoull(argv[5], nullptr, 10) : 0;
  start = std::chrono::steady_clock::now();
  const HostGraph graph = project_hosts(network, projection_options(options));
  std::printf("castgraph projection           %8.2f s  %zu edges (min_shared %llu, top_k %zu)\n",
              seconds_since(start), graph.edges.size(),
              static_cast<unsigned long long>(options.min_shared), options.top_k);
  {
    std::ofstream out(argv[2]);
    out.precision(17);
    out << graph.vertices << "\n";
    for (const WeightedEdge& edge : graph.edges) out << edge.a << ' ' << edge.b << ' ' << edge.weight << '\n';
  }
  for (CommunityMethod method : {CommunityMethod::leiden, CommunityMethod::louvain}) {
    options.method = method;
    start = std::chrono::steady_clock::now();
    const Communities found = find_communities(graph, options);
    std::printf("castgraph %-20s %8.2f s  modularity %.4f, %u communities\n",
                method == CommunityMethod::leiden ? "leiden stable" : "louvain",
                seconds_since(start), found.modularity, found.count);
  }
  options.method = CommunityMethod::leiden;
  options.leiden_iterations = 2;
  start = std::chrono::steady_clock::now();
  const Communities two = find_communities(graph, options);
  std::printf("castgraph leiden 2 passes      %8.2f s  modularity %.4f, %u communities\n", seconds_since(start),
              two.modularity, two.count);
  return 0;
}
