// Network: the whole livestream e-commerce network, immutable once built.
//
//   platform <-on- fanbase <-owns- broadcaster -member_of-> base
//                     ^                 |  ^
//                  follows           collab (weighted, symmetric)
//                     |
//                    fan (weight = the number of people it stands for)
//
// Each node kind has dense ids 0..n-1 (graph/ids.hpp); attributes are columns indexed
// by those ids; relations are Csr arrays, in both directions where queries need them.
// Built by NetworkBuilder (graph/network_builder.hpp) or opened from a snapshot.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/category_column.hpp"
#include "graph/csr.hpp"
#include "graph/interner.hpp"

namespace castgraph {

// An integer attribute that was left blank (a platform's population, say).
inline constexpr std::uint64_t kUnknownCount = std::numeric_limits<std::uint64_t>::max();

struct Platforms {
  Interner ids;
  StringTable names;
  Column<std::uint64_t> population;  // active users in the market; kUnknownCount if blank
  std::size_t size() const { return ids.size(); }
};

struct Bases {
  Interner ids;
  StringTable names;
  CategoryColumn province, city, kind;
  std::size_t size() const { return ids.size(); }
};

struct Broadcasters {
  Interner ids;
  StringTable names;
  Column<NodeId> base;  // kNoNode when the host belongs to no base
  CategoryColumn province, kind;
  Column<double> fee;  // yuan; NaN when unknown
  std::size_t size() const { return ids.size(); }
};

struct Fanbases {
  Column<NodeId> broadcaster;
  Column<NodeId> platform;
  Column<std::uint64_t> fans;  // declared fans
  StringTable handles;         // the account name on the platform; may be ""
  std::size_t size() const { return broadcaster.size(); }
};

struct Fans {
  Interner ids;
  Column<std::uint64_t> weights;  // empty when every fan weighs 1
  CategoryColumn province, city;
  std::size_t size() const { return ids.size(); }
  std::uint64_t weight(NodeId fan) const { return weights.empty() ? 1 : weights[fan]; }
};

struct Relations {
  Csr owns;                      // broadcaster -> its fanbases
  Csr platform_fanbases;         // platform -> fanbases on it (reverse of Fanbases::platform)
  Csr base_members;              // base -> broadcasters (reverse of Broadcasters::base)
  Csr follows;                   // fan -> fanbases, sorted, no repeats
  Csr followers;                 // fanbase -> fans, sorted, no repeats
  Csr collab;                    // broadcaster -> broadcaster, symmetric, no self loops
  Column<double> collab_weight;  // parallel to collab.targets(): summed co-stream weight
};

class Network {
 public:
  Platforms platforms;
  Bases bases;
  Broadcasters broadcasters;
  Fanbases fanbases;
  Fans fans;
  Relations relations;
  // Keeps borrowed Column memory alive (a memory-mapped snapshot); empty when every
  // Column owns its elements.
  std::shared_ptr<const void> storage;

  Network() = default;
  Network(Network&&) = default;
  Network& operator=(Network&&) = default;
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  std::uint64_t follow_count() const { return relations.follows.edges(); }
  // Undirected co-stream pairs.
  std::uint64_t collab_count() const { return relations.collab.edges() / 2; }
};

// Sum of fan weights: the number of people the fans stand for. O(fans).
// Saturates at 2^64 - 1 rather than wrapping.
std::uint64_t people(const Network& network);

// Declared fans of one host, summed over its fanbases, or only over the one on
// `platform` when given. Saturating.
std::uint64_t declared_fans(const Network& network, NodeId broadcaster,
                            std::optional<NodeId> platform = std::nullopt);

// Declared fans of all fanbases. Saturating.
std::uint64_t declared_fans_total(const Network& network);

// Hosts whose external id is `key`, else hosts whose name is exactly `key` (names need
// not be unique, so this may return several). O(1) for an id, O(hosts) for a name.
std::vector<NodeId> find_broadcasters(const Network& network, std::string_view key);

// The platform with external id or exact name `key`.
std::optional<NodeId> find_platform(const Network& network, std::string_view key);

// a + b, or 2^64 - 1 when that overflows.
inline std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  const std::uint64_t sum = a + b;
  return sum < a ? std::numeric_limits<std::uint64_t>::max() : sum;
}

}  // namespace castgraph
