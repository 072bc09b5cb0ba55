// One identity per entity: the colour slot and the number a community, base, platform or
// kind keeps in every view, in the report, the CLI and the exports, from run to run.
// Slots go by size over the whole network, never by what one view happens to draw:
//
//   community  its number (find_communities numbers by size, largest first)
//   base       member hosts, descending; ties by base order in the dataset
//   platform   fanbases (hosts on it), descending; ties by platform order
//   kind       hosts of that kind, descending; ties by name
//
// The first kCategoryColors slots get their own colour (palette.hpp); the tail shares
// "other" grey; hosts with no base, platform or kind get kNoneColor. Tiers are ordered
// bands and take the sequential scheme instead (sequential_color).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "algorithms/communities.hpp"
#include "graph/network.hpp"

namespace castgraph::viz {

inline constexpr std::size_t kNoSlot = static_cast<std::size_t>(-1);

// What one colour in a legend stands for.
struct Category {
  std::string key;             // "community:1", "base:sy", "platform:douyin", "kind:…", "none"
  std::string label;           // shown in the legend: "社区 1", a base's name, ...
  std::size_t slot = kNoSlot;  // size rank over the whole network; kNoSlot for "none"
};

// The fill of a category: its own colour, "other" grey for the tail, kNoneColor for none.
std::string category_fill(const Category& category);

// A community's category: "社区 N" with N = community_number, slot = its index.
Category community_category(std::uint32_t community);

class EntityIdentity {
 public:
  // O(hosts + fanbases + bases log bases).
  explicit EntityIdentity(const Network& network);

  Category community(std::uint32_t community) const;
  Category base(NodeId base) const;  // kNoNode: "无基地 none"
  Category platform(NodeId platform) const;
  Category kind(std::string_view kind) const;

  // The platform holding most of a host's declared fans (ties: the earlier platform);
  // kNoNode when it has no fanbase.
  NodeId main_platform(NodeId host) const;

 private:
  const Network& network_;
  std::vector<std::size_t> base_slot_, platform_slot_;
  std::unordered_map<std::string, std::size_t> kind_slot_;
};

}  // namespace castgraph::viz
