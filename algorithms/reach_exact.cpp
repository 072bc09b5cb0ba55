#include "algorithms/reach_exact.hpp"

#include <roaring/roaring.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <new>

namespace castgraph {
namespace {

// Below this many memberships per fan of the network, building per-host bitmaps beats
// zeroing and scanning a byte per fan (measured with bench/reach_bench; see the note in
// reach_exact.hpp).
constexpr std::uint64_t kRoaringBelowFansPerMembership = 16;

// The bitset scan's state byte per fan: bits 0-1 count the hosts reaching the fan,
// saturating at 3; bit 7 marks "already counted for the current host" while a host with
// several fanbases is scanned.
constexpr std::uint8_t kCountMask = 0x03;
constexpr std::uint8_t kSeenByHost = 0x80;

struct FreeDeleter {
  void operator()(void* memory) const { std::free(memory); }
};

// calloc rather than a vector: the kernel hands out zeroed pages on first touch, so a
// query touching few fans does not pay for zeroing 10^8 bytes.
std::unique_ptr<std::uint8_t[], FreeDeleter> zeroed_bytes(std::size_t count) {
  void* memory = std::calloc(std::max<std::size_t>(count, 1), 1);
  if (memory == nullptr) throw std::bad_alloc();
  return std::unique_ptr<std::uint8_t[], FreeDeleter>(static_cast<std::uint8_t*>(memory));
}

// A host's kept fanbases, largest last: the last one needs no "seen" marks, so marking
// and unmarking costs only the smaller ones.
std::vector<NodeId> scan_order(const Network& network, const std::vector<NodeId>& fanbases) {
  std::vector<NodeId> order = fanbases;
  std::ranges::sort(order, {}, [&](NodeId fanbase) {
    return network.relations.followers.degree(fanbase);
  });
  return order;
}

template <bool kWeighted, bool kFiltered>
void scan_bitset(const Network& network, const HostSet& set, ExactReach& result) {
  const Csr& followers = network.relations.followers;
  const std::uint64_t* weights = network.fans.weights.span().data();
  auto weight = [&](NodeId fan) -> std::uint64_t { return kWeighted ? weights[fan] : 1; };
  auto counts = [&](NodeId fan) { return !kFiltered || set.counts(network, fan); };
  auto state = zeroed_bytes(network.fans.size());

  std::vector<std::vector<NodeId>> orders;
  for (const std::vector<NodeId>& fanbases : set.fanbases)
    orders.push_back(scan_order(network, fanbases));

  // Pass 1: count hosts per fan and each host's own reach.
  for (std::size_t h = 0; h < orders.size(); ++h) {
    std::uint64_t own = 0;
    for (std::size_t i = 0; i < orders[h].size(); ++i) {
      const std::uint8_t mark = i + 1 == orders[h].size() ? 0 : kSeenByHost;
      for (NodeId fan : followers.neighbours(orders[h][i])) {
        const std::uint8_t s = state[fan];
        if ((s & kSeenByHost) || !counts(fan)) continue;
        own += weight(fan);
        const std::uint8_t count = s & kCountMask;
        state[fan] = static_cast<std::uint8_t>((count + (count < 3)) | mark);
      }
    }
    for (std::size_t i = 0; i + 1 < orders[h].size(); ++i)
      for (NodeId fan : followers.neighbours(orders[h][i])) state[fan] &= kCountMask;
    result.per_host[h] = own;
  }
  // Pass 2: each fan is tallied at its first visit, then zeroed so later visits skip it.
  // A fan still at count 1 belongs to the host being scanned, and to no other.
  for (std::size_t h = 0; h < orders.size(); ++h) {
    for (NodeId fanbase : orders[h]) {
      for (NodeId fan : followers.neighbours(fanbase)) {
        const std::uint8_t count = state[fan] & kCountMask;
        if (count == 0) continue;
        const std::uint64_t w = weight(fan);
        result.unique += w;
        result.frequency[count - 1] += w;
        if (count == 1) result.exclusive[h] += w;
        state[fan] = 0;
      }
    }
  }
}

struct BitmapDeleter {
  void operator()(roaring_bitmap_t* bitmap) const { roaring_bitmap_free(bitmap); }
};
using Bitmap = std::unique_ptr<roaring_bitmap_t, BitmapDeleter>;

Bitmap make_bitmap(roaring_bitmap_t* raw) {
  if (raw == nullptr) throw std::bad_alloc();
  return Bitmap(raw);
}

Bitmap host_bitmap(const Network& network, const HostSet& set, std::size_t h) {
  Bitmap bitmap = make_bitmap(roaring_bitmap_create());
  std::vector<NodeId> kept;
  for (NodeId fanbase : set.fanbases[h]) {
    std::span<const NodeId> fans = network.relations.followers.neighbours(fanbase);
    if (set.province_code) {
      kept.clear();
      std::ranges::copy_if(fans, std::back_inserter(kept),
                           [&](NodeId fan) { return set.counts(network, fan); });
      fans = kept;
    }
    roaring_bitmap_add_many(bitmap.get(), fans.size(), fans.data());
  }
  return bitmap;
}

std::uint64_t people_in(const Network& network, const roaring_bitmap_t* bitmap) {
  if (network.fans.weights.empty()) return roaring_bitmap_get_cardinality(bitmap);
  struct Sum {
    const std::uint64_t* weights;
    std::uint64_t total = 0;
  } sum{network.fans.weights.span().data()};
  roaring_iterate(
      bitmap,
      [](std::uint32_t fan, void* param) {
        auto* s = static_cast<Sum*>(param);
        s->total += s->weights[fan];
        return true;
      },
      &sum);
  return sum.total;
}

// seen[k] holds the fans reached by more than k of the hosts combined so far
// (k = 0, 1, 2): folding in host B moves B's fans one level up.
void combine_roaring(const Network& network, const HostSet& set, ExactReach& result) {
  std::vector<Bitmap> hosts;
  for (std::size_t h = 0; h < set.size(); ++h) hosts.push_back(host_bitmap(network, set, h));
  std::array<Bitmap, 3> seen = {make_bitmap(roaring_bitmap_create()),
                                make_bitmap(roaring_bitmap_create()),
                                make_bitmap(roaring_bitmap_create())};
  for (const Bitmap& bitmap : hosts) {
    for (int level = 2; level > 0; --level) {
      Bitmap both = make_bitmap(roaring_bitmap_and(seen[level - 1].get(), bitmap.get()));
      roaring_bitmap_or_inplace(seen[level].get(), both.get());
    }
    roaring_bitmap_or_inplace(seen[0].get(), bitmap.get());
  }
  const bool weighted = !network.fans.weights.empty();
  for (std::size_t h = 0; h < hosts.size(); ++h) {
    result.per_host[h] = people_in(network, hosts[h].get());
    if (!weighted) {
      result.exclusive[h] = roaring_bitmap_andnot_cardinality(hosts[h].get(), seen[1].get());
    } else {
      Bitmap only = make_bitmap(roaring_bitmap_andnot(hosts[h].get(), seen[1].get()));
      result.exclusive[h] = people_in(network, only.get());
    }
  }
  std::array<std::uint64_t, 3> at_least{};
  for (int level = 0; level < 3; ++level) at_least[level] = people_in(network, seen[level].get());
  result.unique = at_least[0];
  result.frequency = {at_least[0] - at_least[1], at_least[1] - at_least[2], at_least[2]};
}

}  // namespace

std::uint64_t membership_count(const Network& network, const HostSet& set) {
  std::uint64_t total = 0;
  for (const std::vector<NodeId>& fanbases : set.fanbases)
    for (NodeId fanbase : fanbases) total += network.relations.followers.degree(fanbase);
  return total;
}

ExactReach reach_exact(const Network& network, const HostSet& set, ExactStrategy strategy) {
  ExactReach result;
  result.per_host.assign(set.size(), 0);
  result.exclusive.assign(set.size(), 0);
  result.memberships = membership_count(network, set);
  if (strategy == ExactStrategy::automatic)
    strategy = result.memberships * kRoaringBelowFansPerMembership < network.fans.size()
                   ? ExactStrategy::roaring
                   : ExactStrategy::bitset;
  result.strategy = strategy;
  if (strategy == ExactStrategy::roaring) {
    combine_roaring(network, set, result);
    return result;
  }
  const bool weighted = !network.fans.weights.empty();
  const bool filtered = set.province_code.has_value();
  if (weighted && filtered) scan_bitset<true, true>(network, set, result);
  else if (weighted) scan_bitset<true, false>(network, set, result);
  else if (filtered) scan_bitset<false, true>(network, set, result);
  else scan_bitset<false, false>(network, set, result);
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
