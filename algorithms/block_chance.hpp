// How far a block of the fan x fanbase graph stands from chance. The null model is a random
// bipartite graph with the same degrees (Chung-Lu: fan u follows fanbase v with probability
// min(1, d_u d_v / M), M the follow edges), so a block is judged by its edges against the
// edges such a graph would put between the same fans and fanbases. Hosts of one base
// sharing a local audience, or big hosts sharing heavy followers, are dense in absolute
// terms but made of high-degree nodes, so chance already expects many edges there; a bot
// farm joins low-degree fans to a few small hosts, where chance expects almost none.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/csr.hpp"

namespace castgraph {

struct BlockChance {
  std::uint64_t edges = 0;  // follows inside the block
  double density = 0;       // edges / (fans x fanbases)
  double expected = 0;      // edges the degree-preserving null expects inside the block
  double lift = 0;          // edges / expected: how many times chance
};

// `fans` and `fanbases` sorted; `follows` fan -> fanbases, `followers` its transpose.
// O(block edges + fans x fanbases), or O(block edges + fans + fanbases) when that product
// exceeds 2^26 (then the expectation is not capped at one edge per pair, a little above).
BlockChance block_chance(const Csr& follows, const Csr& followers, std::span<const NodeId> fans,
                         std::span<const NodeId> fanbases);

// The degrees the null model reads, of the whole network: when `follows` holds only some
// of its fans (the fans one MPI rank gathered), the fanbases' degrees and the follow total
// still count every fan.
struct NetworkDegrees {
  std::vector<std::uint64_t> fanbase_followers;  // per fanbase
  std::uint64_t follows = 0;                     // follow edges, M
};

// The degrees of the network `follows` and `followers` describe. O(fanbases).
NetworkDegrees network_degrees(const Csr& follows, const Csr& followers);

// The same over `follows` (whose rows hold each fan's whole follow set) and `degrees`.
// The sums run over `fans` in the order given, so equal orders give equal bits.
BlockChance block_chance(const Csr& follows, const NetworkDegrees& degrees,
                         std::span<const NodeId> fans, std::span<const NodeId> fanbases);

}  // namespace castgraph
