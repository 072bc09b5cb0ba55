// One HyperLogLog per fanbase, stored sized to the data. A dense sketch is 2^p bytes
// however few fans it has seen (the liaoning sample: 16,676 fanbases, 273 MB of sketches
// for 1.8 MB of follows). Each fanbase's sketch now takes one of three forms, the
// cheapest that keeps a query fast:
//
//   - from follows: nothing stored. The fan list is the fanbase's follower list, which
//     the snapshot stores anyway; a query rebuilds the registers from it, exactly as the
//     dense sketch was built. Chosen when that costs about what merging a dense sketch
//     does: at most 2^p / 16 fans (one id hash each) and 2 · 2^p hashed items.
//   - sparse: the non-zero registers as sorted (register, value) pairs, 4 bytes each:
//     the sparse representation of HyperLogLog++ (Heule, Nunkesser and Hall, EDBT 2013,
//     section 5.3), at the sketch's own precision p rather than HLL++'s p' = 25. Chosen
//     when the pairs take fewer bytes than the dense registers.
//   - dense: 2^p register bytes.
//
// All three give back exactly the registers the dense sketch would hold: every
// estimate, union and stated error (hyperloglog.hpp: 1.04/sqrt(2^p)) is what it was with
// dense sketches, byte for byte, and the forms merge by the same register-wise max. A
// fanbase of n fans of weight 1 takes min(0 if n is small, 4n, 2^p) bytes, so the sketches
// grow with the follows instead of with fanbases · 2^p.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "algorithms/hyperloglog.hpp"
#include "graph/network.hpp"

namespace castgraph {

// A sparse entry: register index << 8 | value. Sorted by index, so by entry.
inline constexpr int kSparseValueBits = 8;
inline constexpr std::size_t kSparseEntryBytes = sizeof(std::uint32_t);
// dense_slot of a fanbase whose sketch is sparse, and of one rebuilt from its follows.
inline constexpr std::uint32_t kSparseSketch = 0xFFFFFFFF;
inline constexpr std::uint32_t kFromFollows = 0xFFFFFFFE;

// Plain arrays (Columns), so a snapshot stores them as they are and a query reads them
// in place, without copying.
struct FanbaseSketches {
  int precision = kDefaultHllPrecision;
  // Per fanbase: its row of dense_registers, kSparseSketch or kFromFollows. Rows are
  // numbered 0, 1, 2, ... in fanbase order.
  Column<std::uint32_t> dense_slot;
  Column<std::uint8_t> dense_registers;  // 2^precision bytes a row
  // fanbases + 1 offsets: fanbase f's sparse entries are [offsets[f], offsets[f + 1]),
  // an empty range for a dense fanbase and for one rebuilt from its follows.
  Column<std::uint64_t> sparse_offsets;
  Column<std::uint32_t> sparse_entries;

  std::size_t registers_per_sketch() const { return std::size_t{1} << precision; }
  // into[j] = max(into[j], register j of `fanbase`'s sketch); `into` has 2^precision
  // registers and `network` is the one the sketches were built from. O(2^p) for a dense
  // sketch, O(its entries) for a sparse one, O(its fans + items) for one from follows.
  void merge_into(const Network& network, NodeId fanbase, std::span<std::uint8_t> into) const;
};

// Stores a sketch sparsely when its entries take fewer bytes than its dense registers:
// non-zero registers · kSparseEntryBytes < 2^p.
bool stores_sparsely(std::size_t nonzero_registers, int precision);

// Stores nothing, and rebuilds from the follows at query time, when the fanbase has at
// most 2^p / 16 fans and their items (Σ min(weight, 2 · 2^p), what hll_insert_fan
// hashes) number at most 2 · 2^p.
bool rebuilds_from_follows(std::size_t fans, std::uint64_t items, int precision);

// A sketch of every fanbase's followers, each fan inserted with its weight under its
// stable hash (graph/fan_hash.hpp), so the result does not depend on file order.
// O(Σ over follows of min(weight, 2m) + fanbases · m) time; O(m) scratch beside the result.
FanbaseSketches build_fanbase_sketches(const Network& network,
                                       int precision = kDefaultHllPrecision);

// What is wrong with the layout of `sketches` for `fanbases` fanbases, or nullopt: array
// sizes, dense rows numbered in order and each used once, sparse offsets in order and in
// range, dense fanbases and those from follows with no sparse entries. Every query relies on these;
// O(fanbases).
std::optional<std::string> sketch_layout_problem(const FanbaseSketches& sketches,
                                                 std::size_t fanbases);

// What is wrong with the values, or nullopt: each sparse list strictly increasing in
// register index, indexes below 2^p, values from 1 to the most a register holds at
// precision p (64 - p + 1), and no dense register above that. Reads every entry and
// register: for `castgraph check`. O(size). Call after sketch_layout_problem.
std::optional<std::string> sketch_value_problem(const FanbaseSketches& sketches);

}  // namespace castgraph
