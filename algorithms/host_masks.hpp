// Which of a set of hosts reach each fan: the scan behind the exact overlap matrix. Every fan
// reached by the set is visited once, with a bitmask of the hosts (HostSet order) that reach it,
// and each host's own reach is summed on the way.
//
// Fan ids are cut into blocks whose masks take 256 KB, so they stay in the L2 cache
// while each chosen fanbase's follower list (sorted by fan) streams past once. Within a
// block, a fan is recorded in a "touched" list the first time any host reaches it; the
// visit walks that list and clears the masks behind it, so a query touching few fans
// costs little however many fans the network has. Time O(M + F + C · B) for M
// memberships, F distinct fans reached, C chosen fanbases and B blocks that hold any of
// them; memory 256 KB + 4 bytes per fan of the largest block.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "algorithms/host_set.hpp"
#include "graph/network.hpp"

namespace castgraph {

// The scan suits sets of up to this many hosts: beyond it, the masks' words per fan make
// each membership cost more, and a block holds fewer fans; overlap.cpp sorts instead.
inline constexpr std::size_t kMaxMaskHosts = 256;

// One fan as the visit sees it: its id, people (weight), and the hosts reaching it as
// `words` 64-bit words (bit h % 64 of word h / 64 for host h).
struct ReachedFan {
  NodeId fan;
  std::uint64_t people;
  std::span<const std::uint64_t> hosts;
};

class HostMaskScan {
 public:
  HostMaskScan(const Network& network, const HostSet& set);

  // Calls visit(const ReachedFan&) once for every fan the set reaches (region filter
  // applied), block by block in fan order, in first-reached order within a block.
  template <class Visit>
  void scan(Visit&& visit);

  // People each host reaches (HostSet order), filled by scan().
  const std::vector<std::uint64_t>& own_reach() const { return own_; }
  std::size_t words() const { return words_; }

 private:
  struct Cursor {
    const NodeId* next;
    const NodeId* end;
    std::uint32_t host;
  };
  // Adds one fanbase's followers in [first, limit) to the masks. kWords is the number
  // of mask words when known at compile time (1 or 2: up to 128 hosts), 0 otherwise.
  template <bool kWeighted, bool kFiltered, std::size_t kWords>
  void fill(Cursor& cursor, NodeId first, NodeId limit);
  using Fill = void (HostMaskScan::*)(Cursor&, NodeId, NodeId);
  template <bool kWeighted, bool kFiltered>
  static Fill fill_for(std::size_t words);
  NodeId first_pending_block() const;

  const Network& network_;
  std::optional<std::uint32_t> province_code_;  // the set's place filter, and its column
  const std::uint32_t* place_codes_ = nullptr;
  std::size_t words_;
  NodeId block_fans_;
  std::vector<Cursor> cursors_;
  std::vector<std::uint64_t> masks_;  // block_fans_ × words_
  std::vector<NodeId> touched_;
  std::size_t touched_count_ = 0;
  std::vector<std::uint64_t> own_;
  Fill fill_;
};

template <class Visit>
void HostMaskScan::scan(Visit&& visit) {
  const bool weighted = !network_.fans.weights.empty();
  for (NodeId first = first_pending_block(); first != kNoNode; first = first_pending_block()) {
    const NodeId limit = first + std::min<NodeId>(block_fans_, kNoNode - first);
    for (Cursor& cursor : cursors_) (this->*fill_)(cursor, first, limit);
    for (std::size_t i = 0; i < touched_count_; ++i) {
      const NodeId fan = touched_[i];
      std::uint64_t* mask = masks_.data() + std::size_t{fan - first} * words_;
      visit(ReachedFan{fan, weighted ? network_.fans.weights[fan] : 1,
                       std::span<const std::uint64_t>(mask, words_)});
      std::fill_n(mask, words_, 0);
    }
    touched_count_ = 0;
  }
}

template <bool kWeighted, bool kFiltered, std::size_t kWords>
void HostMaskScan::fill(Cursor& cursor, NodeId first, NodeId limit) {
  // Locals, not members: the stores below are to 64-bit words that could alias a
  // member, which the compiler would then reload on every fan.
  const std::size_t words = kWords != 0 ? kWords : words_;
  const std::size_t word = cursor.host / 64;
  const std::uint64_t bit = std::uint64_t{1} << (cursor.host % 64);
  std::uint64_t* masks = masks_.data();
  NodeId* touched = touched_.data();
  std::size_t touched_count = touched_count_;
  std::uint64_t own = 0;
  const std::uint64_t* weights = kWeighted ? network_.fans.weights.span().data() : nullptr;
  const std::uint32_t* provinces = kFiltered ? place_codes_ : nullptr;
  const std::uint32_t province = kFiltered ? *province_code_ : 0;
  const NodeId* fan = cursor.next;
  for (; fan != cursor.end && *fan < limit; ++fan) {
    if (kFiltered && provinces[*fan] != province) continue;
    std::uint64_t* mask = masks + std::size_t{*fan - first} * words;
    // Branch-free: whether a fan was seen is data, and mispredictions cost more than the
    // few conditional moves. The touched slot is written always and kept when fresh.
    bool fresh = true;
    for (std::size_t w = 0; w < words; ++w) fresh &= mask[w] == 0;
    const bool new_for_host = (mask[word] & bit) == 0;
    own += new_for_host ? (kWeighted ? weights[*fan] : 1) : 0;
    mask[word] |= bit;
    touched[touched_count] = *fan;
    touched_count += fresh;
  }
  cursor.next = fan;
  touched_count_ = touched_count;
  own_[cursor.host] += own;
}

template <bool kWeighted, bool kFiltered>
HostMaskScan::Fill HostMaskScan::fill_for(std::size_t words) {
  if (words == 1) return &HostMaskScan::fill<kWeighted, kFiltered, 1>;
  if (words == 2) return &HostMaskScan::fill<kWeighted, kFiltered, 2>;
  return &HostMaskScan::fill<kWeighted, kFiltered, 0>;
}

}  // namespace castgraph
