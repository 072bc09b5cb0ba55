// The inner loops of exact reach by bit planes (reach_bit_planes.cpp): setting the bits
// of a block of followers, folding a host's plane into the "reached by at least 1, 2, 3
// hosts" planes, and counting people. Internal to that file, kept apart so that the scan
// can compile them once plainly and once more for newer x86-64 instruction sets.
//
// Every function is always_inline: a function compiled for a wider target inlines them
// and so compiles them for that target (GCC does not inline into a narrower one).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

#include "algorithms/reach_kernels.hpp"
#include "graph/ids.hpp"

#define CASTGRAPH_KERNEL [[gnu::always_inline]] inline

namespace castgraph::bit_planes {

inline constexpr NodeId kBlockFans = NodeId{1} << 15;
inline constexpr std::size_t kWords = kBlockFans / 64;  // 512 words: 4 KB a plane, in L1

using Plane = std::array<std::uint64_t, kWords>;

using reach_kernels::FanFilter;

// Sets the bit of each fan of the sorted list [fan, end) below `limit` in `plane`, whose
// block starts at `first` (a multiple of 64), and returns where the list reaches `limit`.
//
// Neighbours in the list often share a word (the largest hosts hold a fifth of all fans),
// and an OR into memory waits for the previous OR's store to the same word: walked in
// order, perf put 44% of the planes' time there. So a chunk of 128 fans is walked as 8
// interleaved lanes of 16: consecutive ORs hit different words, and a lane's next OR to a
// word comes 8 ORs later, when its store has landed. A chunk is taken whole when its last
// fan is below `limit`: one comparison per 128 fans finds the block's end without a
// search of its own (a separate forward scan cost 17%, std::lower_bound more).
template <bool kFiltered>
CASTGRAPH_KERNEL const NodeId* set_bits(const NodeId* fan, const NodeId* end, std::uint64_t* plane,
                                        NodeId first, NodeId limit, FanFilter filter) {
  const std::size_t first_word = first / 64;
  auto set = [&](NodeId f) {
    const std::uint64_t kept = reach_kernels::passes<kFiltered>(filter, f);
    plane[f / 64 - first_word] |= kept << (f % 64);
  };
  constexpr std::ptrdiff_t kLane = 16, kLanes = 8;
  while (end - fan >= kLanes * kLane && fan[kLanes * kLane - 1] < limit) {
    for (std::ptrdiff_t i = 0; i < kLane; ++i) {
      set(fan[i]);
      set(fan[i + kLane]);
      set(fan[i + 2 * kLane]);
      set(fan[i + 3 * kLane]);
      set(fan[i + 4 * kLane]);
      set(fan[i + 5 * kLane]);
      set(fan[i + 6 * kLane]);
      set(fan[i + 7 * kLane]);
    }
    fan += kLanes * kLane;
  }
  for (; fan != end && *fan < limit; ++fan) set(*fan);
  return fan;
}

// Asks for the cache lines of a list's next block, guessed as long as this block's share:
// a block reads some twenty short stretches of lists (one per fanbase), too short for the
// hardware prefetcher to get ahead of. One block's lists come to some 150 KB at the
// densest, which the L2 cache holds.
CASTGRAPH_KERNEL void prefetch_next_block(const NodeId* next, const NodeId* end,
                                          std::ptrdiff_t guess) {
  constexpr std::ptrdiff_t kLine = 64 / sizeof(NodeId);
  const NodeId* stop = next + std::min(guess, end - next);
  for (; next < stop; next += kLine) __builtin_prefetch(next, 0, 2);
}

// Moves the fans of `plane` one level up in `levels` (fans reached by at least 1, 2, 3 of
// the hosts folded so far). Only ANDs and ORs, kept apart from the counting so that the
// compiler does them several words at a time.
CASTGRAPH_KERNEL void raise_levels(const Plane& plane, std::array<Plane, 3>& levels) {
  const std::uint64_t* __restrict x = plane.data();
  std::uint64_t* __restrict one = levels[0].data();
  std::uint64_t* __restrict two = levels[1].data();
  std::uint64_t* __restrict three = levels[2].data();
  for (std::size_t w = 0; w < kWords; ++w) {
    three[w] |= two[w] & x[w];
    two[w] |= one[w] & x[w];
    one[w] |= x[w];
  }
}

// People among the fans whose bits are set in `word`, word `w` of the block starting at
// `first`: a popcount, or the sum of their weights.
template <bool kWeighted>
CASTGRAPH_KERNEL std::uint64_t people(std::uint64_t word, NodeId first, std::size_t w,
                                      const std::uint64_t* weights) {
  if constexpr (!kWeighted) {
    return static_cast<std::uint64_t>(std::popcount(word));
  } else {
    std::uint64_t total = 0;
    const std::size_t base = first + w * 64;
    for (; word != 0; word &= word - 1)
      total += reach_kernels::fan_people<true>(
          weights, static_cast<NodeId>(base + static_cast<std::size_t>(std::countr_zero(word))));
    return total;
  }
}

// Adds the people of `plane` to `own` and those no other host reaches (not in
// `two_or_more`) to `exclusive`, and clears the plane. Unweighted, the compiler counts
// several words per instruction where the target has a vector popcount.
template <bool kWeighted>
CASTGRAPH_KERNEL void count_host(Plane& plane, const Plane& two_or_more, NodeId first,
                                 const std::uint64_t* weights, std::uint64_t& own,
                                 std::uint64_t& exclusive) {
  std::uint64_t* __restrict x = plane.data();
  const std::uint64_t* __restrict two = two_or_more.data();
  std::uint64_t o = 0, e = 0;
  for (std::size_t w = 0; w < kWords; ++w) {
    o += people<kWeighted>(x[w], first, w, weights);
    e += people<kWeighted>(x[w] & ~two[w], first, w, weights);
    x[w] = 0;
  }
  own += o;
  exclusive += e;
}

// Adds the people reached by exactly 1, 2 and 3+ hosts to `frequency`, and clears the
// level planes for the next block.
template <bool kWeighted>
CASTGRAPH_KERNEL void count_levels(std::array<Plane, 3>& levels, NodeId first,
                                   const std::uint64_t* weights,
                                   std::array<std::uint64_t, 3>& frequency) {
  std::uint64_t* __restrict one = levels[0].data();
  std::uint64_t* __restrict two = levels[1].data();
  std::uint64_t* __restrict three = levels[2].data();
  std::uint64_t f1 = 0, f2 = 0, f3 = 0;
  for (std::size_t w = 0; w < kWords; ++w) {
    f1 += people<kWeighted>(one[w] & ~two[w], first, w, weights);
    f2 += people<kWeighted>(two[w] & ~three[w], first, w, weights);
    f3 += people<kWeighted>(three[w], first, w, weights);
    one[w] = two[w] = three[w] = 0;
  }
  frequency[0] += f1;
  frequency[1] += f2;
  frequency[2] += f3;
}

}  // namespace castgraph::bit_planes

#undef CASTGRAPH_KERNEL
