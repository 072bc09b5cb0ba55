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
#include <span>
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

// The model's inputs for a HostSet, derived once: the platforms involved (those on which
// the set's kept fanbases declare fans, in first-seen order), the market U, each
// platform's presence N_p/U and each host's share q_ip = min(1, f_ip/N_p) of platform p.
// reach_declared and the declared planning oracle (plan_oracle.hpp) both read it, so the
// same HostSet gives them the same numbers.
class DeclaredModel {
 public:
  // Throws UsageError when the set has a region filter (declared counts have no
  // provinces) or a platform involved has no population (or population 0); `advice` ends
  // that message (" or use follows (method exact)"). O(fanbases of the set · platforms).
  DeclaredModel(const Network& network, const HostSet& set, const std::vector<MessagePart>& advice);

  std::size_t hosts() const { return hosts_; }
  std::size_t platforms() const { return presence_.size(); }
  // U: the largest population among the platforms involved.
  double universe() const { return universe_; }
  // N_p / U.
  double presence(std::size_t platform) const { return presence_[platform]; }
  // q_ip: the share of platform p's people who are host i's fans (HostSet order).
  double share(std::size_t host, std::size_t platform) const {
    return shares_[host * platforms() + platform];
  }
  // Unique reach U·(1 − Π_p (1 − (N_p/U)(1 − M_p))) when a person on platform p is missed
  // by every chosen host with probability missed[p] = M_p = Π_i (1 − q_ip). O(platforms).
  double reach_given_missed(std::span<const double> missed) const;

 private:
  std::size_t hosts_ = 0;
  double universe_ = 0;
  std::vector<double> presence_;
  std::vector<double> shares_;  // [host][platform]
};

// The model above for the HostSet's kept fanbases (declared fans f > N are capped at N).
// Throws UsageError when a platform involved has no population (or population 0), when
// the set has a region filter (declared counts have no provinces), or when more than
// kMaxDeclaredPlatforms platforms are involved. O(2^P · hosts) for P platforms involved.
DeclaredReach reach_declared(const Network& network, const HostSet& set);

}  // namespace castgraph
