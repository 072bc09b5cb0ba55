#include "algorithms/reach_exact.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <new>

#include "algorithms/front_search.hpp"
#include "algorithms/reach_bit_planes.hpp"
#include "algorithms/reach_kernels.hpp"

namespace castgraph {
namespace {

using namespace reach_kernels;

// Two strategies, because neither wins everywhere: the byte scan's cost follows the
// memberships, the bit planes' the hosts times the blocks they touch, so planes pay off
// only when the chosen followers are dense (bit_planes_pay_off draws the line; the
// measurements behind it are in bench/RESULTS.md, "Exact reach strategies"). A bitmap per
// host (CRoaring) lost to both at every size measured, since building bitmaps from
// scattered follower ids costs more than the whole byte scan, and was removed; the tests
// check every strategy against a std::set union instead.

// The bitset scan's state byte per fan: bits 0-1 count the hosts reaching the fan,
// saturating at 3; bit 7 marks "already counted for the current host" while a host with
// several fanbases is scanned.
constexpr std::uint8_t kCountMask = 0x03;
constexpr std::uint8_t kSeenByHost = 0x80;

struct FreeDeleter {
  void operator()(void* memory) const { std::free(memory); }
};

// calloc rather than a vector: zeroed pages come from the kernel on first touch, so a
// query touching few fans does not pay for zeroing the whole block.
std::unique_ptr<std::uint8_t[], FreeDeleter> zeroed_bytes(std::size_t count) {
  void* memory = std::calloc(std::max<std::size_t>(count, 1), 1);
  if (memory == nullptr) throw std::bad_alloc();
  return std::unique_ptr<std::uint8_t[], FreeDeleter>(static_cast<std::uint8_t*>(memory));
}

// Pass 1 over one fanbase's followers in the block: counts each fan once more (unless the
// host already counted it) and returns the people newly counted for the host.
// The next state of a fan in pass 1, by whether its host marks fans it has counted and the
// state: counted once more (saturating at 3) unless already counted for this host.
constexpr std::array<std::array<std::uint8_t, 256>, 2> next_states() {
  std::array<std::array<std::uint8_t, 256>, 2> next{};
  for (int marking = 0; marking < 2; ++marking)
    for (int state = 0; state < 256; ++state) {
      const int count = state & kCountMask;
      next[marking][state] = static_cast<std::uint8_t>(
          state & kSeenByHost ? state : (count + (count < 3)) | (marking ? kSeenByHost : 0));
    }
  return next;
}
constexpr auto kNextState = next_states();

// Pass 1 when every fan weighs 1 and counts: the state moves by table, and the fans newly
// counted are those without the seen mark: about half the instructions of the general
// loop below (perf: the byte scan was bound by instructions more than by its L2 reads).
std::uint64_t count_pass_plain(const NodeId* fan, const NodeId* end, std::uint8_t* block,
                               NodeId first, std::uint8_t mark) {
  const std::uint8_t* next = kNextState[mark != 0].data();
  std::uint64_t seen = 0;
  for (const NodeId* f = fan; f != end; ++f) {
    std::uint8_t& s = block[*f - first];
    const std::uint8_t state = s;
    seen += state >> 7;
    s = next[state];
  }
  return static_cast<std::uint64_t>(end - fan) - seen;
}

template <bool kWeighted, bool kFiltered>
std::uint64_t count_pass(const NodeId* fan, const NodeId* end, std::uint8_t* block, NodeId first,
                         std::uint8_t mark, const std::uint64_t* weights, FanFilter filter) {
  if constexpr (!kWeighted && !kFiltered) return count_pass_plain(fan, end, block, first, mark);
  std::uint64_t own = 0;
  // Branch-free: whether a fan was seen is data, and mispredicted branches cost more than
  // the few conditional moves.
  for (; fan != end; ++fan) {
    std::uint8_t& s = block[*fan - first];
    const std::uint8_t state = s;
    const bool counted = !(state & kSeenByHost) && passes<kFiltered>(filter, *fan);
    own += counted ? fan_people<kWeighted>(weights, *fan) : 0;
    const std::uint8_t count = state & kCountMask;
    const auto next = static_cast<std::uint8_t>((count + (count < 3)) | mark);
    s = counted ? next : state;
  }
  return own;
}

struct Tally {
  std::uint64_t unique = 0, exclusive = 0;
  std::array<std::uint64_t, 3> frequency{};
};

// Pass 2: each fan is tallied at its first visit, then zeroed so later visits skip it
// (and the block is all zero again for the next one). A fan still at count 1 belongs to
// the host being scanned, and to no other.
// Pass 2 when every fan weighs 1: one add a fan, of a table entry that holds the three
// counts "exactly 1, 2, 3+" in 21-bit fields (a block has 2^18 fans, so none overflows).
Tally tally_pass_plain(const NodeId* fan, const NodeId* end, std::uint8_t* block, NodeId first) {
  constexpr std::array<std::uint64_t, 4> kField{0, 1, std::uint64_t{1} << 21,
                                                std::uint64_t{1} << 42};
  constexpr std::uint64_t kFieldMask = (std::uint64_t{1} << 21) - 1;
  std::uint64_t fields = 0;
  for (; fan != end; ++fan) {
    std::uint8_t& s = block[*fan - first];
    fields += kField[s & kCountMask];
    s = 0;
  }
  Tally tally;
  for (int k = 0; k < 3; ++k) tally.frequency[k] = (fields >> (21 * k)) & kFieldMask;
  tally.unique = tally.frequency[0] + tally.frequency[1] + tally.frequency[2];
  tally.exclusive = tally.frequency[0];
  return tally;
}

template <bool kWeighted>
Tally tally_pass(const NodeId* fan, const NodeId* end, std::uint8_t* block, NodeId first,
                 const std::uint64_t* weights) {
  if constexpr (!kWeighted) return tally_pass_plain(fan, end, block, first);
  Tally tally;
  for (; fan != end; ++fan) {
    std::uint8_t& s = block[*fan - first];
    const std::uint8_t count = s & kCountMask;
    const std::uint64_t w = fan_people<kWeighted>(weights, *fan);
    tally.frequency[0] += count == 1 ? w : 0;
    tally.frequency[1] += count == 2 ? w : 0;
    tally.frequency[2] += count == 3 ? w : 0;
    s = 0;
  }
  tally.unique = tally.frequency[0] + tally.frequency[1] + tally.frequency[2];
  tally.exclusive = tally.frequency[0];
  return tally;
}

// One block of fan ids: [first, first + kBlockFans). Every pass runs over one block
// before the next, so the state bytes stay in the L2 cache while the follower lists
// stream past once, and the scan needs 256 KB whatever the number of fans.
constexpr NodeId kBlockFans = NodeId{1} << 18;
static_assert(kBlockFans < (NodeId{1} << 21), "tally_pass_plain counts a block in 21-bit fields");

// A fanbase's followers still to scan; `block_end` marks those below the current block's
// end.
struct Cursor {
  const NodeId* next;
  const NodeId* end;
  const NodeId* block_end = nullptr;
};

template <bool kWeighted, bool kFiltered>
void scan_bitset(const Network& network, const HostSet& set, ExactReach& result) {
  const std::uint64_t* weights = fan_weights(network);
  const FanFilter filter = fan_filter(network, set);
  std::vector<std::vector<Cursor>> hosts;
  for (const std::vector<NodeId>& fanbases : set.fanbases) {
    std::vector<Cursor>& cursors = hosts.emplace_back();
    for (NodeId fanbase : largest_last(network, fanbases)) {
      const std::span<const NodeId> fans = network.relations.followers.neighbours(fanbase);
      cursors.push_back({fans.data(), fans.data() + fans.size()});
    }
  }
  auto state = zeroed_bytes(kBlockFans);
  for (std::uint64_t first = 0; first < network.fans.size(); first += kBlockFans) {
    const auto base = static_cast<NodeId>(first);
    for (std::vector<Cursor>& cursors : hosts)
      for (Cursor& c : cursors)
        c.block_end = lower_bound_from_front(
            c.next, c.end,
            static_cast<NodeId>(std::min<std::uint64_t>(first + kBlockFans, kNoNode)));
    for (std::size_t h = 0; h < hosts.size(); ++h) {
      const std::vector<Cursor>& cursors = hosts[h];
      for (std::size_t i = 0; i < cursors.size(); ++i) {
        const std::uint8_t mark = i + 1 == cursors.size() ? 0 : kSeenByHost;
        result.per_host[h] += count_pass<kWeighted, kFiltered>(
            cursors[i].next, cursors[i].block_end, state.get(), base, mark, weights, filter);
      }
      for (std::size_t i = 0; i + 1 < cursors.size(); ++i)
        for (const NodeId* fan = cursors[i].next; fan != cursors[i].block_end; ++fan)
          state[*fan - base] &= kCountMask;
    }
    for (std::size_t h = 0; h < hosts.size(); ++h) {
      for (Cursor& c : hosts[h]) {
        const Tally tally = tally_pass<kWeighted>(c.next, c.block_end, state.get(), base, weights);
        result.unique += tally.unique;
        result.exclusive[h] += tally.exclusive;
        for (int k = 0; k < 3; ++k) result.frequency[k] += tally.frequency[k];
        c.next = c.block_end;
      }
    }
  }
}

}  // namespace

std::uint64_t membership_count(const Network& network, const HostSet& set) {
  std::uint64_t total = 0;
  for (const std::vector<NodeId>& fanbases : set.fanbases)
    for (NodeId fanbase : fanbases) total += network.relations.followers.degree(fanbase);
  return total;
}

std::string_view strategy_name(ExactStrategy strategy) {
  switch (strategy) {
    case ExactStrategy::automatic:
      return "automatic";
    case ExactStrategy::bitset:
      return "bitset";
    case ExactStrategy::planes:
      return "planes";
  }
  return "?";
}

ExactReach reach_exact(const Network& network, const HostSet& set, ExactStrategy strategy) {
  ExactReach result;
  result.per_host.assign(set.size(), 0);
  result.exclusive.assign(set.size(), 0);
  result.memberships = membership_count(network, set);
  if (strategy == ExactStrategy::automatic)
    strategy = bit_planes_pay_off(network, set, result.memberships) ? ExactStrategy::planes
                                                                    : ExactStrategy::bitset;
  result.strategy = strategy;
  if (strategy == ExactStrategy::planes) {
    reach_by_bit_planes(network, set, result);
    return result;
  }
  dispatch_scan(network, set, [&]<bool kWeighted, bool kFiltered>() {
    scan_bitset<kWeighted, kFiltered>(network, set, result);
  });
  return result;
}

std::vector<NodeId> host_fans(const Network& network, const HostSet& set, std::size_t index) {
  std::vector<NodeId> fans;
  for (NodeId fanbase : set.fanbases[index]) {
    const auto middle = static_cast<std::ptrdiff_t>(fans.size());
    for (NodeId fan : network.relations.followers.neighbours(fanbase))
      if (set.counts(network, fan)) fans.push_back(fan);
    std::inplace_merge(fans.begin(), fans.begin() + middle, fans.end());
  }
  fans.erase(std::unique(fans.begin(), fans.end()), fans.end());
  return fans;
}

}  // namespace castgraph
