#include "algorithms/coverage_rows.hpp"

#include <algorithm>
#include <bit>
#include <numeric>
#include <span>

namespace castgraph {
namespace {

constexpr std::uint32_t kNotCandidate = 0xFFFFFFFFu;
constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ull;  // 2^64 / φ, odd: a bijection

// A short row is its own key: its members' local ids + 1 (modelled candidates numbered in
// order), `bits` apiece, the first highest, so that equal keys are equal rows and 0 is no
// row. With the ~100 candidates a roster of 50 needs, 7 bits each: rows of up to 9 pack;
// with all 12,000 candidates of the generated networks, rows of up to 4.
class RowPacking {
 public:
  explicit RowPacking(std::size_t modelled)
      : bits_(std::max(1, static_cast<int>(std::bit_width(modelled)))),
        most_(64 / static_cast<std::size_t>(bits_)) {}

  bool fits(std::span<const std::uint32_t> row) const { return row.size() <= most_; }
  std::uint64_t pack(std::span<const std::uint32_t> row) const {
    std::uint64_t key = 0;
    for (std::uint32_t local : row) key = key << bits_ | (local + 1);
    return key;
  }
  // Appends the global ids of the key's members, in order.
  void unpack(std::uint64_t key, std::span<const std::uint32_t> global,
              std::vector<std::uint32_t>& members) const {
    const std::size_t at = members.size();
    for (; key != 0; key >>= bits_)
      members.push_back(global[(key & ((std::uint64_t{1} << bits_) - 1)) - 1]);
    std::reverse(members.begin() + static_cast<std::ptrdiff_t>(at), members.end());
  }

 private:
  int bits_;
  std::size_t most_;
};

// Packed rows merged by key. A hash table of millions of rows misses the cache on nearly
// every fan (that was 40% of the LP bound's time at scale 1), so fans' keys are first
// dealt into 256 partitions by their hash, and each partition's buffer is then merged
// into that partition's own table, small enough to stay in cache while it is worked on
// (radix-partitioned aggregation). Deterministic: the rows come out partition by
// partition, in table order, which depends only on the keys and their order.
class PackedRows {
 public:
  PackedRows()
      : cache_(std::size_t{1} << kCacheBits), pending_(kPartitions), tables_(kPartitions) {}

  // Most fans share their row with many others (at scale 1, 22 M fans make 0.36 M packed
  // rows), so a small direct-mapped cache in front sums repeats where they hit in cache
  // and passes on only what it evicts.
  void add(std::uint64_t key, double weight) {
    Entry& cached = cache_[(key * kGolden) >> (64 - kCacheBits)];
    if (cached.key == key) {
      cached.weight += weight;
      return;
    }
    if (cached.key != 0) deal(cached);
    cached = {key, weight};
  }

  // Calls visit(key, weight) once per distinct key.
  template <typename Visit>
  void each(Visit visit) {
    for (Entry& cached : cache_)
      if (cached.key != 0) deal(cached), cached = {};
    flush();
    for (const Table& table : tables_)
      for (const Entry& entry : table.slots)
        if (entry.key != 0) visit(entry.key, entry.weight);
  }

 private:
  static constexpr int kPartitionBits = 8;
  static constexpr std::size_t kPartitions = std::size_t{1} << kPartitionBits;
  static constexpr std::size_t kFlushEvery = std::size_t{1} << 20;  // 16 MB of entries
  static constexpr int kCacheBits = 13;                             // 128 KB

  struct Entry {
    std::uint64_t key = 0;
    double weight = 0;
  };
  struct Table {
    std::vector<Entry> slots = std::vector<Entry>(16);
    int bits = 4;  // log2(slots)
    std::size_t size = 0;
  };

  void deal(const Entry& entry) {
    pending_[(entry.key * kGolden) >> (64 - kPartitionBits)].push_back(entry);
    if (++pending_count_ == kFlushEvery) flush();
  }

  // The hash bits below the partition's pick the slot.
  static std::size_t home(std::uint64_t key, int bits) {
    return static_cast<std::size_t>(((key * kGolden) << kPartitionBits) >> (64 - bits));
  }
  static Entry& slot_for(Table& table, std::uint64_t key) {
    const std::size_t mask = table.slots.size() - 1;
    std::size_t i = home(key, table.bits);
    while (table.slots[i].key != 0 && table.slots[i].key != key) i = (i + 1) & mask;
    return table.slots[i];
  }
  static void merge(Table& table, const Entry& entry) {
    if (2 * (table.size + 1) > table.slots.size()) {
      std::vector<Entry> old(table.slots.size() * 2);
      old.swap(table.slots);
      ++table.bits;
      for (const Entry& moved : old)
        if (moved.key != 0) slot_for(table, moved.key) = moved;
    }
    Entry& slot = slot_for(table, entry.key);
    if (slot.key == 0) slot.key = entry.key, ++table.size;
    slot.weight += entry.weight;
  }
  void flush() {
    for (std::size_t p = 0; p < kPartitions; ++p) {
      for (const Entry& entry : pending_[p]) merge(tables_[p], entry);
      pending_[p].clear();
    }
    pending_count_ = 0;
  }

  std::vector<Entry> cache_;                 // direct-mapped by the key's top hash bits
  std::vector<std::vector<Entry>> pending_;  // per partition: keys not merged yet
  std::vector<Table> tables_;                // per partition
  std::size_t pending_count_ = 0;
};

// Rows too long to pack (a fan of five or more candidates; rare), merged through a hash
// table of row ids whose members are compared on a matching hash.
class LongRows {
 public:
  LongRows() : slots_(std::size_t{1} << 10, kNotCandidate) {}

  void add(std::span<const std::uint32_t> row, double weight) {
    const std::uint64_t hash = hash_row(row);
    std::size_t i = hash & (slots_.size() - 1);
    for (;; i = (i + 1) & (slots_.size() - 1)) {
      const std::uint32_t r = slots_[i];
      if (r == kNotCandidate) break;
      if (hashes_[r] == hash && std::ranges::equal(this->row(r), row)) {
        weights_[r] += weight;
        return;
      }
    }
    slots_[i] = static_cast<std::uint32_t>(weights_.size());
    hashes_.push_back(hash);
    members_.insert(members_.end(), row.begin(), row.end());
    offsets_.push_back(members_.size());
    weights_.push_back(weight);
    if (2 * weights_.size() > slots_.size()) grow();
  }

  std::size_t size() const { return weights_.size(); }
  std::span<const std::uint32_t> row(std::size_t r) const {
    return std::span(members_).subspan(offsets_[r], offsets_[r + 1] - offsets_[r]);
  }
  double weight(std::size_t r) const { return weights_[r]; }

 private:
  static std::uint64_t hash_row(std::span<const std::uint32_t> row) {
    std::uint64_t hash = kGolden ^ row.size();
    for (std::uint32_t c : row) {
      hash ^= c + kGolden + (hash << 6) + (hash >> 2);
      hash *= 0xBF58476D1CE4E5B9ull;
    }
    return hash;
  }
  void grow() {
    slots_.assign(slots_.size() * 2, kNotCandidate);
    for (std::uint32_t r = 0; r < hashes_.size(); ++r) {
      std::size_t i = hashes_[r] & (slots_.size() - 1);
      while (slots_[i] != kNotCandidate) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = r;
    }
  }

  std::vector<std::uint32_t> slots_;
  std::vector<std::uint64_t> hashes_;      // per row
  std::vector<std::uint64_t> offsets_{0};  // per row + 1
  std::vector<std::uint32_t> members_;
  std::vector<double> weights_;  // per row
};

// The candidates each fan follows, through the fanbases a HostSet keeps, as local ids:
// the candidates `only` marks (all when empty) numbered in order.
class FanCandidates {
 public:
  FanCandidates(const Network& network, const HostSet& set, std::span<const char> only = {})
      : network_(network), set_(set), local_of_(network.fanbases.size(), kNotCandidate) {
    for (std::size_t c = 0; c < set.size(); ++c) {
      if (!only.empty() && !only[c]) continue;
      for (NodeId fanbase : set.fanbases[c])
        local_of_[fanbase] = static_cast<std::uint32_t>(global_.size());
      global_.push_back(static_cast<std::uint32_t>(c));
    }
  }

  // Per local id, the candidate's index in the set.
  std::span<const std::uint32_t> global() const { return global_; }

  // The distinct local ids of the candidates `fan` follows, ascending, into `row`; empty
  // when the fan does not count (region filter) or follows none.
  void of(NodeId fan, std::vector<std::uint32_t>& row) const {
    row.clear();
    if (!set_.counts(network_, fan)) return;
    for (NodeId fanbase : network_.relations.follows.neighbours(fan)) {
      const std::uint32_t c = local_of_[fanbase];
      if (c == kNotCandidate) continue;
      // Insertion into a sorted row of a few: cheaper than a sort per fan.
      auto at = row.end();
      while (at != row.begin() && *(at - 1) > c) --at;
      if (at == row.begin() || *(at - 1) != c) row.insert(at, c);
    }
  }

 private:
  const Network& network_;
  const HostSet& set_;
  std::vector<std::uint32_t> local_of_;  // per fanbase of the network
  std::vector<std::uint32_t> global_;    // per local id
};

}  // namespace

double CoverageRows::reach(std::span<const char> chosen) const {
  double people = 0;
  for (std::size_t c = 0; c < candidates(); ++c)
    if (chosen[c]) people += solo[c];
  for (std::size_t r = 0; r < rows(); ++r)
    if (std::ranges::any_of(row(r), [&](std::uint32_t c) { return chosen[c] != 0; }))
      people += weights[r];
  return people;
}

CoverageRows compress_coverage(const Network& network, const HostSet& set,
                               std::span<const char> modelled, std::span<const double> alone) {
  CoverageRows rows;
  rows.solo.assign(set.size(), 0.0);
  rows.offsets.push_back(0);
  if (!modelled.empty())
    for (std::size_t c = 0; c < set.size(); ++c)
      if (!modelled[c]) rows.solo[c] = alone[c], ++rows.unmodelled;

  const FanCandidates candidates(network, set, modelled);
  const std::span<const std::uint32_t> global = candidates.global();
  const RowPacking packing(global.size());
  PackedRows packed;
  LongRows long_rows;
  std::vector<std::uint32_t> row;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    candidates.of(fan, row);
    if (row.empty()) continue;
    const double weight = static_cast<double>(network.fans.weight(fan));
    ++rows.fans;
    if (row.size() == 1)
      rows.solo[global[row[0]]] += weight;
    else if (packing.fits(row))
      packed.add(packing.pack(row), weight);
    else
      long_rows.add(row, weight);
  }
  packed.each([&](std::uint64_t key, double weight) {
    packing.unpack(key, global, rows.members);
    rows.offsets.push_back(rows.members.size());
    rows.weights.push_back(weight);
  });
  for (std::size_t r = 0; r < long_rows.size(); ++r) {
    for (std::uint32_t local : long_rows.row(r)) rows.members.push_back(global[local]);
    rows.offsets.push_back(rows.members.size());
    rows.weights.push_back(long_rows.weight(r));
  }
  sort_rows(rows);
  return rows;
}

void sort_rows(CoverageRows& rows) {
  std::vector<std::uint32_t> order(rows.rows());
  std::iota(order.begin(), order.end(), 0u);
  std::ranges::sort(order, [&](std::uint32_t a, std::uint32_t b) {
    return std::ranges::lexicographical_compare(rows.row(a), rows.row(b));
  });
  CoverageRows sorted;
  sorted.solo = std::move(rows.solo);
  sorted.fans = rows.fans;
  sorted.unmodelled = rows.unmodelled;
  sorted.offsets.reserve(rows.offsets.size());
  sorted.offsets.push_back(0);
  sorted.members.reserve(rows.members.size());
  sorted.weights.reserve(rows.weights.size());
  for (std::uint32_t r : order) {
    const auto row = rows.row(r);
    sorted.members.insert(sorted.members.end(), row.begin(), row.end());
    sorted.offsets.push_back(sorted.members.size());
    sorted.weights.push_back(rows.weights[r]);
  }
  rows = std::move(sorted);
}

CoverageRows merge_coverage(std::span<const CoverageRows> parts) {
  CoverageRows all;
  all.offsets.push_back(0);
  if (!parts.empty()) all.solo.assign(parts[0].candidates(), 0.0);
  for (const CoverageRows& part : parts) {
    for (std::size_t c = 0; c < part.candidates(); ++c) all.solo[c] += part.solo[c];
    all.fans += part.fans;
    all.members.insert(all.members.end(), part.members.begin(), part.members.end());
    for (std::size_t r = 0; r < part.rows(); ++r) {
      all.offsets.push_back(all.offsets.back() + part.row(r).size());
      all.weights.push_back(part.weights[r]);
    }
  }
  sort_rows(all);
  // Equal rows are now neighbours: keep the first of each run, with the run's weight.
  CoverageRows merged;
  merged.solo = std::move(all.solo);
  merged.fans = all.fans;
  // Every part models the same candidates, so each counts the same ones left unmodelled.
  merged.unmodelled = parts.empty() ? 0 : parts[0].unmodelled;
  merged.offsets.push_back(0);
  for (std::size_t r = 0; r < all.rows(); ++r) {
    if (r > 0 && std::ranges::equal(all.row(r), all.row(r - 1))) {
      merged.weights.back() += all.weights[r];
      continue;
    }
    const auto row = all.row(r);
    merged.members.insert(merged.members.end(), row.begin(), row.end());
    merged.offsets.push_back(merged.members.size());
    merged.weights.push_back(all.weights[r]);
  }
  return merged;
}

CandidateReach candidate_reach(const Network& network, const HostSet& set,
                               std::span<const std::size_t> roster) {
  CandidateReach reach{std::vector<double>(set.size(), 0.0), std::vector<double>(set.size(), 0.0)};
  std::vector<char> in_roster(set.size(), 0);
  for (std::size_t c : roster) in_roster[c] = 1;
  const FanCandidates candidates(network, set);  // every candidate: local ids are indices
  std::vector<std::uint32_t> row;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    candidates.of(fan, row);
    if (row.empty()) continue;
    const double weight = static_cast<double>(network.fans.weight(fan));
    bool reached = false;
    for (std::uint32_t c : row) {
      reach.alone[c] += weight;
      reached = reached || in_roster[c];
    }
    if (!reached)
      for (std::uint32_t c : row) reach.added[c] += weight;
  }
  return reach;
}

}  // namespace castgraph
