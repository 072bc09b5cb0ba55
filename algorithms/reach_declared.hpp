// Reach from declared fan counts alone, by the random duplication model of media
// planning (Agostini 1961; the "random duplication" or Sainsbury formula): within a
// platform of N people, host i's f_i fans are a random f_i of them, independently of the
// other hosts, so the platform's reach is N·(1 - Π(1 - f_i/N)).
//
// Across platforms the model is combined as independent: a person of the market
// U = max N_p (the largest population involved) is on platform p with probability N_p/U,
// independently of the other platforms, and then reached there as above. Hence
//   unique reach = U·(1 - Π_p (1 - R_p/U)),  R_p = N_p·(1 - Π_i (1 - f_ip/N_p)),
// which is R_p itself when one platform is involved (U then does not matter). Per-host
// reach, exclusive reach and the frequency distribution follow from the same model by
// conditioning on the set of platforms a person is on. This is a model estimate, not a
// count: the output must say so.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "algorithms/host_set.hpp"
#include "graph/errors.hpp"
#include "graph/network.hpp"

namespace castgraph {

struct DeclaredReach {
  double unique = 0;
  std::array<double, 3> frequency{};  // people reached by exactly 1, 2, 3+ hosts
  std::vector<double> per_host;       // HostSet order
  std::vector<double> exclusive;
  double universe = 0;        // U, the market the platforms are combined over
  std::size_t platforms = 0;  // platforms involved (with declared fans > 0)
};

inline constexpr std::size_t kMaxDeclaredPlatforms = 20;

// The platforms on which the set's kept fanbases declare fans, in first-seen order: the
// platforms the declared model combines. Throws UsageError naming the first of them with
// no population; `advice` ends that message (" or use follows (method exact)").
// O(fanbases of the set · platforms).
std::vector<NodeId> declared_platforms(const Network& network, const HostSet& set,
                                       const std::vector<MessagePart>& advice);

// The model above for the HostSet's kept fanbases (declared fans f > N are capped at N).
// Throws UsageError when a platform involved has no population (or population 0), when
// the set has a region filter (declared counts have no provinces), or when more than
// kMaxDeclaredPlatforms platforms are involved. O(2^P · hosts) for P platforms involved.
DeclaredReach reach_declared(const Network& network, const HostSet& set);

}  // namespace castgraph
