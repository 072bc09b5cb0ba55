// count_components: the BGL adapter in real use. boost::connected_components runs a
// depth-first search over WholeNetwork; a two-bit colour map keeps the extra memory at
// a quarter byte per vertex, so it runs on networks with 10^8 fans.
#include <boost/graph/connected_components.hpp>
#include <boost/graph/two_bit_color_map.hpp>

#include "graph/bgl_whole_network.hpp"

namespace castgraph {

namespace {
// Only the number of components is wanted, so component labels go to a map that
// forgets them instead of an array of 4 bytes per vertex.
struct ForgetfulComponentMap {
  using key_type = WholeNetwork::Vertex;
  using value_type = std::uint64_t;
  using reference = std::uint64_t;
  using category = boost::writable_property_map_tag;
};
void put(ForgetfulComponentMap, WholeNetwork::Vertex, std::uint64_t) {}
}  // namespace

std::uint64_t count_components(const Network& network) {
  const WholeNetwork graph(network);
  if (graph.vertex_count() == 0) return 0;
  const auto index = get(boost::vertex_index, graph);
  boost::two_bit_color_map<decltype(index)> colors(graph.vertex_count(), index);
  return boost::connected_components(graph, ForgetfulComponentMap{}, boost::color_map(colors));
}

}  // namespace castgraph
