// Colour slots and numbers by size over the whole network; see identity.hpp.
#include "viz/identity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>

#include "viz/palette.hpp"

namespace castgraph::viz {
namespace {

// Slot of each item: its rank when ordered by `size` descending, ties by index.
std::vector<std::size_t> slots_by_size(const std::vector<std::size_t>& size) {
  std::vector<std::size_t> order(size.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return size[a] > size[b]; });
  std::vector<std::size_t> slot(size.size());
  for (std::size_t rank = 0; rank < order.size(); ++rank) slot[order[rank]] = rank;
  return slot;
}

}  // namespace

std::string category_fill(const Category& category) {
  if (category.slot == kNoSlot) return std::string(kNoneColor);
  return std::string(category_color(category.slot));
}

EntityIdentity::EntityIdentity(const Network& network) : network_(network) {
  std::vector<std::size_t> members(network.bases.size());
  for (NodeId b = 0; b < network.bases.size(); ++b)
    members[b] = network.relations.base_members.degree(b);
  base_slot_ = slots_by_size(members);

  std::vector<std::size_t> fanbases(network.platforms.size(), 0);
  for (NodeId f = 0; f < network.fanbases.size(); ++f) ++fanbases[network.fanbases.platform[f]];
  platform_slot_ = slots_by_size(fanbases);

  std::map<std::string, std::size_t> hosts_of_kind;  // by name: ties break by name
  for (NodeId h = 0; h < network.broadcasters.size(); ++h)
    if (!network.broadcasters.kind[h].empty())
      ++hosts_of_kind[std::string(network.broadcasters.kind[h])];
  std::vector<std::string> names;
  std::vector<std::size_t> counts;
  for (const auto& [name, count] : hosts_of_kind) names.push_back(name), counts.push_back(count);
  const std::vector<std::size_t> kind_slots = slots_by_size(counts);
  for (std::size_t i = 0; i < names.size(); ++i) kind_slot_[names[i]] = kind_slots[i];
}

// find_communities numbers communities by size already: the number is the slot.
Category community_category(std::uint32_t community) {
  const std::uint32_t number = community_number(community);
  return {fmt::format("community:{}", number), fmt::format("社区 {}", number), community};
}

Category EntityIdentity::community(std::uint32_t community) const {
  return community_category(community);
}

Category EntityIdentity::base(NodeId base) const {
  if (base == kNoNode) return {"none", "无基地 none", kNoSlot};
  return {fmt::format("base:{}", network_.bases.ids[base]), std::string(network_.bases.names[base]),
          base_slot_[base]};
}

Category EntityIdentity::platform(NodeId platform) const {
  if (platform == kNoNode) return {"none", "无平台 none", kNoSlot};
  return {fmt::format("platform:{}", network_.platforms.ids[platform]),
          std::string(network_.platforms.names[platform]), platform_slot_[platform]};
}

Category EntityIdentity::kind(std::string_view kind) const {
  const auto found = kind_slot_.find(std::string(kind));
  if (kind.empty() || found == kind_slot_.end()) return {"none", "未知 unknown", kNoSlot};
  return {fmt::format("kind:{}", kind), std::string(kind), found->second};
}

NodeId EntityIdentity::main_platform(NodeId host) const {
  NodeId best = kNoNode;
  std::uint64_t most = 0;
  for (NodeId fanbase : network_.relations.owns.neighbours(host)) {
    const NodeId platform = network_.fanbases.platform[fanbase];
    const std::uint64_t fans = network_.fanbases.fans[fanbase];
    if (best == kNoNode || fans > most || (fans == most && platform < best)) {
      best = platform;
      most = fans;
    }
  }
  return best;
}

}  // namespace castgraph::viz
