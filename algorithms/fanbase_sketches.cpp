#include "algorithms/fanbase_sketches.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "graph/errors.hpp"
#include "graph/fan_hash.hpp"

namespace castgraph {

namespace {

constexpr std::uint32_t kValueMask = (std::uint32_t{1} << kSparseValueBits) - 1;

std::uint32_t entry_index(std::uint32_t entry) { return entry >> kSparseValueBits; }
std::uint8_t entry_value(std::uint32_t entry) {
  return static_cast<std::uint8_t>(entry & kValueMask);
}

// The most a register holds at `precision`: the rank of the first one bit among the hash's
// remaining 64 - p bits, or 64 - p + 1 when they are all zero.
int most_register_value(int precision) { return 64 - precision + 1; }

// The hashed items hll_insert_fan inserts for the fanbase's fans: the cost of rebuilding
// its sketch from its follows.
std::uint64_t items_of(const Network& network, NodeId fanbase, std::size_t m) {
  std::uint64_t items = 0;
  for (NodeId fan : network.relations.followers.neighbours(fanbase))
    items += std::min<std::uint64_t>(network.fans.weight(fan), kDirectInsertLimit * m);
  return items;
}

void insert_followers(const Network& network, NodeId fanbase, std::span<std::uint8_t> into) {
  for (NodeId fan : network.relations.followers.neighbours(fanbase))
    hll_insert_fan(into, stable_fan_hash(network.fans.ids[fan]), network.fans.weight(fan));
}

// Appends the sketch in `registers` to `sketches`, sparse or dense.
void append_sketch(std::span<const std::uint8_t> registers, int precision,
                   std::vector<std::uint32_t>& slots, std::vector<std::uint8_t>& dense,
                   std::vector<std::uint64_t>& offsets, std::vector<std::uint32_t>& entries) {
  const auto nonzero = static_cast<std::size_t>(
      std::ranges::count_if(registers, [](std::uint8_t value) { return value != 0; }));
  if (stores_sparsely(nonzero, precision)) {
    slots.push_back(kSparseSketch);
    for (std::uint32_t j = 0; j < registers.size(); ++j)
      if (registers[j] != 0) entries.push_back(j << kSparseValueBits | registers[j]);
  } else {
    slots.push_back(static_cast<std::uint32_t>(dense.size() / registers.size()));
    dense.insert(dense.end(), registers.begin(), registers.end());
  }
  offsets.push_back(entries.size());
}

}  // namespace

bool stores_sparsely(std::size_t nonzero_registers, int precision) {
  return nonzero_registers * kSparseEntryBytes < hll_registers(precision);
}

bool rebuilds_from_follows(std::size_t fans, std::uint64_t items, int precision) {
  const std::size_t m = hll_registers(precision);
  return fans <= m / 16 && items <= kDirectInsertLimit * m;
}

void FanbaseSketches::merge_into(const Network& network, NodeId fanbase,
                                 std::span<std::uint8_t> into) const {
  const std::size_t m = registers_per_sketch();
  if (into.size() != m)
    throw UsageError("cannot merge HyperLogLog sketches of different precision");
  const std::uint32_t slot = dense_slot[fanbase];
  if (slot == kFromFollows) {
    insert_followers(network, fanbase, into);
    return;
  }
  if (slot != kSparseSketch) {
    merge_registers(into, dense_registers.range(std::size_t{slot} * m, m));
    return;
  }
  const std::uint64_t first = sparse_offsets[fanbase];
  const std::uint64_t end = sparse_offsets[fanbase + 1];
  for (std::uint32_t entry : sparse_entries.range(first, end - first)) {
    // A stored index beyond 2^p can only come from a crafted file (the checksums catch
    // damage); it is folded into range rather than written outside `into`, and
    // `castgraph check` reports it (sketch_value_problem).
    std::uint8_t& value = into[entry_index(entry) & (m - 1)];
    value = std::max(value, entry_value(entry));
  }
}

FanbaseSketches build_fanbase_sketches(const Network& network, int precision) {
  const std::size_t m = hll_registers(precision);
  std::vector<std::uint8_t> registers(m);
  std::vector<std::uint32_t> slots;
  std::vector<std::uint8_t> dense;
  std::vector<std::uint64_t> offsets{0};
  std::vector<std::uint32_t> entries;
  slots.reserve(network.fanbases.size());
  offsets.reserve(network.fanbases.size() + 1);
  for (NodeId fanbase = 0; fanbase < network.fanbases.size(); ++fanbase) {
    const std::size_t fans = network.relations.followers.neighbours(fanbase).size();
    if (rebuilds_from_follows(fans, items_of(network, fanbase, m), precision)) {
      slots.push_back(kFromFollows);
      offsets.push_back(entries.size());
      continue;
    }
    std::ranges::fill(registers, 0);
    insert_followers(network, fanbase, registers);
    append_sketch(registers, precision, slots, dense, offsets, entries);
  }
  FanbaseSketches sketches;
  sketches.precision = precision;
  sketches.dense_slot = Column(std::move(slots));
  sketches.dense_registers = Column(std::move(dense));
  sketches.sparse_offsets = Column(std::move(offsets));
  sketches.sparse_entries = Column(std::move(entries));
  return sketches;
}

std::optional<std::string> sketch_layout_problem(const FanbaseSketches& sketches,
                                                 std::size_t fanbases) {
  const std::size_t m = sketches.registers_per_sketch();
  if (sketches.dense_slot.size() != fanbases)
    return fmt::format("holds {} dense slots for {} fanbases", sketches.dense_slot.size(),
                       fanbases);
  if (sketches.sparse_offsets.size() != fanbases + 1)
    return fmt::format("holds {} sparse offsets for {} fanbases (one more than fanbases needed)",
                       sketches.sparse_offsets.size(), fanbases);
  if (sketches.dense_registers.size() % m != 0)
    return fmt::format("holds {} dense register bytes, not a whole number of {}-register rows",
                       sketches.dense_registers.size(), m);
  const auto offsets = sketches.sparse_offsets.span();
  if (offsets.front() != 0 || offsets.back() != sketches.sparse_entries.size())
    return fmt::format("sparse offsets run from {} to {}, not from 0 to the {} entries",
                       offsets.front(), offsets.back(), sketches.sparse_entries.size());
  std::uint64_t rows = 0;
  for (std::size_t f = 0; f < fanbases; ++f) {
    if (offsets[f] > offsets[f + 1])
      return fmt::format("sparse offsets of fanbase {} decrease ({} then {})", f, offsets[f],
                         offsets[f + 1]);
    const std::uint32_t slot = sketches.dense_slot[f];
    if (slot == kSparseSketch) continue;
    if (slot == kFromFollows) {
      if (offsets[f] != offsets[f + 1])
        return fmt::format("fanbase {} is rebuilt from its follows but has sparse entries", f);
      continue;
    }
    if (slot != rows)
      return fmt::format("fanbase {} has dense row {}, expected {} (rows in fanbase order)", f,
                         slot, rows);
    if (offsets[f] != offsets[f + 1])
      return fmt::format("fanbase {} has a dense row and sparse entries too", f);
    ++rows;
  }
  if (rows * m != sketches.dense_registers.size())
    return fmt::format("{} fanbases are dense but {} dense rows are stored", rows,
                       sketches.dense_registers.size() / m);
  return std::nullopt;
}

std::optional<std::string> sketch_value_problem(const FanbaseSketches& sketches) {
  const std::size_t m = sketches.registers_per_sketch();
  const int most = most_register_value(sketches.precision);
  const auto offsets = sketches.sparse_offsets.span();
  const auto entries = sketches.sparse_entries.span();
  for (std::size_t f = 0; f + 1 < offsets.size(); ++f) {
    for (std::uint64_t e = offsets[f]; e < offsets[f + 1]; ++e) {
      const std::uint32_t index = entry_index(entries[e]);
      const int value = entry_value(entries[e]);
      if (index >= m)
        return fmt::format(
            "sparse entry {} (fanbase {}) names register {}; at precision {} "
            "there are {}",
            e, f, index, sketches.precision, m);
      if (value == 0 || value > most)
        return fmt::format(
            "sparse entry {} (fanbase {}) holds {}; at precision {} a stored "
            "register holds from 1 to {}",
            e, f, value, sketches.precision, most);
      if (e > offsets[f] && index <= entry_index(entries[e - 1]))
        return fmt::format(
            "sparse entries of fanbase {} are not in increasing register order "
            "(register {} after {})",
            f, index, entry_index(entries[e - 1]));
    }
  }
  const auto registers = sketches.dense_registers.span();
  const auto bad = std::ranges::find_if(registers, [most](std::uint8_t r) { return r > most; });
  if (bad != registers.end())
    return fmt::format("dense register {} holds {}; at precision {} a register holds at most {}",
                       bad - registers.begin(), *bad, sketches.precision, most);
  return std::nullopt;
}

}  // namespace castgraph
