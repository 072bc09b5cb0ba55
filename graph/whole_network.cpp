#include "graph/whole_network.hpp"

#include <algorithm>

namespace castgraph {

namespace {
WholeNetwork::Segment run(std::span<const NodeId> ids, WholeNetwork::Vertex offset) {
  return {ids.data(), ids.data() + ids.size(), offset};
}
// A single-neighbour run from one column cell; empty when the cell is kNoNode.
WholeNetwork::Segment cell(const Column<NodeId>& column, NodeId row, WholeNetwork::Vertex offset) {
  const NodeId* at = column.span().data() + row;
  return {at, *at == kNoNode ? at : at + 1, offset};
}
}  // namespace

WholeNetwork::WholeNetwork(const Network& network) : network_(network) {
  const std::array<std::uint64_t, kNodeKindCount> sizes{
      network.platforms.size(), network.bases.size(), network.broadcasters.size(),
      network.fanbases.size(), network.fans.size()};
  for (int k = 0; k < kNodeKindCount; ++k) offsets_[k + 1] = offsets_[k] + sizes[k];
}

std::uint64_t WholeNetwork::edge_count() const {
  const auto& r = network_.relations;
  return r.owns.edges() + network_.fanbases.size() + r.base_members.edges() + r.follows.edges() +
         network_.collab_count();
}

NodeKind WholeNetwork::kind_of(Vertex v) const {
  const auto kind =
      std::upper_bound(offsets_.begin() + 1, offsets_.end(), v) - offsets_.begin() - 1;
  return static_cast<NodeKind>(kind);
}

WholeNetwork::Segments WholeNetwork::neighbours(Vertex v) const {
  const auto& r = network_.relations;
  const NodeKind kind = kind_of(v);
  const auto id = static_cast<NodeId>(v - offsets_[static_cast<int>(kind)]);
  auto at = [&](NodeKind k) { return offsets_[static_cast<int>(k)]; };
  switch (kind) {
    case NodeKind::platform:
      return {run(r.platform_fanbases.neighbours(id), at(NodeKind::fanbase))};
    case NodeKind::base:
      return {run(r.base_members.neighbours(id), at(NodeKind::broadcaster))};
    case NodeKind::broadcaster:
      return {run(r.owns.neighbours(id), at(NodeKind::fanbase)),
              cell(network_.broadcasters.base, id, at(NodeKind::base)),
              run(r.collab.neighbours(id), at(NodeKind::broadcaster))};
    case NodeKind::fanbase:
      return {cell(network_.fanbases.broadcaster, id, at(NodeKind::broadcaster)),
              cell(network_.fanbases.platform, id, at(NodeKind::platform)),
              run(r.followers.neighbours(id), at(NodeKind::fan))};
    case NodeKind::fan:
      return {run(r.follows.neighbours(id), at(NodeKind::fanbase))};
  }
  return {};
}

std::uint64_t WholeNetwork::degree(Vertex v) const {
  std::uint64_t total = 0;
  for (const Segment& segment : neighbours(v))
    total += static_cast<std::uint64_t>(segment.end - segment.begin);
  return total;
}

}  // namespace castgraph
