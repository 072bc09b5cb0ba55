// Dense node ids. Every node kind numbers its nodes 0..n-1 on its own, so an id is
// only meaningful together with its kind; 32 bits hold 4 billion nodes of a kind.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>

namespace castgraph {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

enum class NodeKind : std::uint8_t { platform, base, broadcaster, fanbase, fan };
inline constexpr int kNodeKindCount = 5;

constexpr std::string_view to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::platform:
      return "platform";
    case NodeKind::base:
      return "base";
    case NodeKind::broadcaster:
      return "broadcaster";
    case NodeKind::fanbase:
      return "fanbase";
    case NodeKind::fan:
      return "fan";
  }
  return "?";
}

}  // namespace castgraph
