#include "algorithms/reach_bit_planes.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <stdexcept>

namespace castgraph {
namespace {

constexpr NodeId kBlockFans = NodeId{1} << 15;
constexpr std::size_t kWords = kBlockFans / 64;  // 512 words: 4 KB a plane

using Plane = std::array<std::uint64_t, kWords>;

struct Cursor {
  const NodeId* next;
  const NodeId* end;
};

// People among the fans whose bits are set in `word`, the fans of word index `w` of the
// block starting at `first`.
template <bool kWeighted>
std::uint64_t people(std::uint64_t word, NodeId first, std::size_t w, const std::uint64_t* weights) {
  if constexpr (!kWeighted) {
    return static_cast<std::uint64_t>(std::popcount(word));
  } else {
    std::uint64_t total = 0;
    const std::size_t base = first + w * 64;
    for (; word != 0; word &= word - 1) total += weights[base + static_cast<std::size_t>(std::countr_zero(word))];
    return total;
  }
}

class PlaneScan {
 public:
  PlaneScan(const Network& network, const HostSet& set, ExactReach& result)
      : network_(network), set_(set), result_(result), planes_(set.size()), cursors_(set.size()) {
    for (std::size_t h = 0; h < set.size(); ++h)
      for (NodeId fanbase : set.fanbases[h]) {
        const std::span<const NodeId> fans = network.relations.followers.neighbours(fanbase);
        if (!fans.empty()) cursors_[h].push_back({fans.data(), fans.data() + fans.size()});
      }
  }

  template <bool kWeighted, bool kFiltered>
  void run() {
    for (NodeId first = first_pending_block(); first != kNoNode; first = first_pending_block()) {
      const NodeId limit = first + std::min<NodeId>(kBlockFans, kNoNode - first);
      touched_.clear();
      for (std::size_t h = 0; h < set_.size(); ++h)
        if (fill<kFiltered>(h, first, limit)) touched_.push_back(h);
      fold<kWeighted>(first);
    }
  }

 private:
  NodeId first_pending_block() const {
    NodeId smallest = kNoNode;
    for (const std::vector<Cursor>& host : cursors_)
      for (const Cursor& cursor : host)
        if (cursor.next != cursor.end) smallest = std::min(smallest, *cursor.next);
    return smallest == kNoNode ? kNoNode : smallest - smallest % kBlockFans;
  }

  // Sets host h's bits for its followers below `limit`; true when it set any. A host's
  // fanbases OR into one plane, so a fan on two of its platforms counts once for it.
  template <bool kFiltered>
  bool fill(std::size_t h, NodeId first, NodeId limit) {
    std::uint64_t* plane = planes_[h].data();  // a local: the ORs may alias members
    const std::uint32_t* provinces = kFiltered ? network_.fans.province.codes().span().data() : nullptr;
    const std::uint32_t province = kFiltered ? *set_.province_code : 0;
    bool any = false;
    for (Cursor& cursor : cursors_[h]) {
      const NodeId* fan = cursor.next;
      for (; fan != cursor.end && *fan < limit; ++fan) {
        if (kFiltered && provinces[*fan] != province) continue;
        const NodeId offset = *fan - first;
        plane[offset / 64] |= std::uint64_t{1} << (offset % 64);
      }
      any |= fan != cursor.next;
      cursor.next = fan;
    }
    return any;
  }

  // Folds the touched planes into the level planes, counts, and clears them all.
  template <bool kWeighted>
  void fold(NodeId first) {
    const std::uint64_t* weights = kWeighted ? network_.fans.weights.span().data() : nullptr;
    for (std::size_t h : touched_) {
      const Plane& plane = planes_[h];
      std::uint64_t own = 0;
      for (std::size_t w = 0; w < kWords; ++w) {
        const std::uint64_t x = plane[w];
        at_least_[2][w] |= at_least_[1][w] & x;
        at_least_[1][w] |= at_least_[0][w] & x;
        at_least_[0][w] |= x;
        own += people<kWeighted>(x, first, w, weights);
      }
      result_.per_host[h] += own;
    }
    for (std::size_t h : touched_) {
      Plane& plane = planes_[h];
      std::uint64_t exclusive = 0;
      for (std::size_t w = 0; w < kWords; ++w)
        exclusive += people<kWeighted>(plane[w] & ~at_least_[1][w], first, w, weights);
      plane.fill(0);
      result_.exclusive[h] += exclusive;
    }
    for (std::size_t w = 0; w < kWords; ++w) {
      result_.frequency[0] += people<kWeighted>(at_least_[0][w] & ~at_least_[1][w], first, w, weights);
      result_.frequency[1] += people<kWeighted>(at_least_[1][w] & ~at_least_[2][w], first, w, weights);
      result_.frequency[2] += people<kWeighted>(at_least_[2][w], first, w, weights);
      at_least_[0][w] = at_least_[1][w] = at_least_[2][w] = 0;
    }
  }

  const Network& network_;
  const HostSet& set_;
  ExactReach& result_;
  std::vector<Plane> planes_;
  std::array<Plane, 3> at_least_{};  // fans reached by at least 1, 2, 3 hosts
  std::vector<std::vector<Cursor>> cursors_;
  std::vector<std::size_t> touched_;
};

}  // namespace

void reach_by_bit_planes(const Network& network, const HostSet& set, ExactReach& result) {
  if (set.size() > kMaxPlaneHosts)
    throw std::invalid_argument("reach_by_bit_planes: more hosts than kMaxPlaneHosts");
  PlaneScan scan(network, set, result);
  const bool weighted = !network.fans.weights.empty();
  const bool filtered = set.province_code.has_value();
  if (weighted && filtered) scan.run<true, true>();
  else if (weighted) scan.run<true, false>();
  else if (filtered) scan.run<false, true>();
  else scan.run<false, false>();
  result.unique = result.frequency[0] + result.frequency[1] + result.frequency[2];
}

// A host touching a block costs about 512 words × 3 planes of work there, which the
// byte scan's ~5 ns a membership pays back once the host has some hundred followers in
// the block: planes win when the memberships average 128 per host per block or more.
bool bit_planes_pay_off(const Network& network, const HostSet& set, std::uint64_t memberships) {
  if (set.size() > kMaxPlaneHosts || set.size() == 0) return false;
  const std::uint64_t blocks = (network.fans.size() + kBlockFans - 1) / kBlockFans;
  return memberships >= std::uint64_t{128} * set.size() * blocks;
}

}  // namespace castgraph
