#include "algorithms/coverage_rows.hpp"

#include <algorithm>
#include <bit>
#include <numeric>
#include <optional>
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

  // A key that holds more members than fit: that fan's row is built from its follows.
  static constexpr std::uint64_t kTooLong = ~std::uint64_t{0};  // no row's key: see append

  // `key` with `local` appended (members come in ascending order), or kTooLong when the key
  // holds as many as fit: its first member, never 0, then sits in the top field. A key of
  // distinct ascending members is never all ones, so kTooLong is no key.
  std::uint64_t append(std::uint64_t key, std::uint32_t local) const {
    if (key == kTooLong || key >> (static_cast<std::size_t>(bits_) * (most_ - 1)) != 0)
      return kTooLong;
    return key << bits_ | (local + 1);
  }
  // True when `key`'s last member is `local` (so appending it again would repeat it).
  bool ends_with(std::uint64_t key, std::uint32_t local) const {
    return key != kTooLong && (key & last_field()) == local + 1;
  }
  // The local id of a key of one member, or nullopt for a longer one.
  std::optional<std::uint32_t> single(std::uint64_t key) const {
    if (key > last_field()) return std::nullopt;
    return static_cast<std::uint32_t>(key - 1);
  }
  // Appends the local ids of the key's members, in order.
  void locals(std::uint64_t key, std::vector<std::uint32_t>& members) const {
    const std::size_t at = members.size();
    for (; key != 0; key >>= bits_)
      members.push_back(static_cast<std::uint32_t>(key & last_field()) - 1);
    std::reverse(members.begin() + static_cast<std::ptrdiff_t>(at), members.end());
  }
  // The key shifted so that its first member fills the top field: aligned keys order as
  // their rows do lexicographically (members are ≥ 1 in a key, so a row that is a prefix
  // of another, padded with zeros, comes first), local ids ordering as the candidates.
  std::uint64_t aligned(std::uint64_t key) const {
    const int fields = (std::bit_width(key) + bits_ - 1) / bits_;
    const int shift = 64 - fields * bits_;
    return shift == 64 ? 0 : key << shift;
  }
  // Appends the global ids of an aligned key's members, in order.
  void unpack_aligned(std::uint64_t key, std::span<const std::uint32_t> global,
                      std::vector<std::uint32_t>& members) const {
    for (; key != 0; key <<= bits_) members.push_back(global[(key >> (64 - bits_)) - 1]);
  }

 private:
  std::uint64_t last_field() const { return (std::uint64_t{1} << bits_) - 1; }

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

// The candidates each fan follows, through the fanbases a HostSet keeps, as their indices
// in the set.
class FanCandidates {
 public:
  FanCandidates(const Network& network, const HostSet& set)
      : network_(network), set_(set), local_of_(network.fanbases.size(), kNotCandidate) {
    for (std::size_t c = 0; c < set.size(); ++c)
      for (NodeId fanbase : set.fanbases[c]) local_of_[fanbase] = static_cast<std::uint32_t>(c);
  }

  // The distinct candidates `fan` follows, ascending, into `row`; empty
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
  std::vector<std::uint32_t> local_of_;  // per fanbase of the network: its candidate
};

// The fans' rows, built from the followers' side: the modelled candidates' fanbases list
// their fans, so the rows need only those lists, which the greedy reads too, and never
// the fan -> fanbase follows (at scale 1, 117 M follows in 0.86 GB that nothing else of a
// plan touches). The fans are taken in blocks small enough for their keys to stay in
// cache; within a block the candidates come in local order, so each fan's row gets its
// members in ascending order. Each fanbase's followers are sorted by fan, so one cursor
// per fanbase walks them block by block. A row outgrowing its key (at scale 1 with 110
// candidates modelled, 0.4% of the fans follow ten or more) moves to a list of its own.
class FollowerRows {
 public:
  FollowerRows(const Network& network, const HostSet& set, std::span<const std::uint32_t> global,
               const RowPacking& packing)
      : fans_(network.fans.size()), packing_(packing) {
    for (std::uint32_t local = 0; local < global.size(); ++local)
      for (NodeId fanbase : set.fanbases[global[local]]) {
        const auto fans = network.relations.followers.neighbours(fanbase);
        if (!fans.empty()) runs_.push_back({fans.data(), fans.data() + fans.size(), local});
      }
    // Each block costs a look at every run's cursor: with thousands of candidates
    // modelled, larger blocks keep those looks to a sixteenth of the fans.
    block_ = std::bit_ceil(std::max(kSmallestBlock, kFansPerRun * runs_.size()));
    keys_.assign(block_, 0);
    spilled_at_.assign(block_, 0);
  }

  // Calls visit(fan, key, long_row) for every fan of at least one modelled candidate, in fan
  // order (the region filter not applied): its packed key, or kTooLong and its members'
  // local ids in long_row.
  template <typename Visit>
  void each(Visit visit) {
    for (std::size_t first = 0; first < fans_; first += block_) {
      const std::size_t end = std::min(fans_, first + block_);
      for (Run& run : runs_)
        for (; run.at != run.end && *run.at < end; ++run.at) add(*run.at - first, run.local);
      for (std::size_t i = 0; i < end - first; ++i) {
        if (keys_[i] == 0) continue;
        const std::span<const std::uint32_t> long_row = keys_[i] == RowPacking::kTooLong
                                                            ? spilled_[spilled_at_[i]]
                                                            : std::span<std::uint32_t>{};
        visit(static_cast<NodeId>(first + i), keys_[i], long_row);
        keys_[i] = 0;
      }
      spilled_count_ = 0;
    }
  }

 private:
  // 128 KB of keys at least: in cache (measured at scale 1: 2^12-2^16 fans differ by less
  // than the noise of a shared machine).
  static constexpr std::size_t kSmallestBlock = std::size_t{1} << 14;
  static constexpr std::size_t kFansPerRun = 16;

  struct Run {
    const NodeId* at;  // the next fan of this fanbase not yet keyed
    const NodeId* end;
    std::uint32_t local;  // the candidate's local id
  };

  // Makes `local` a member of the row of fan `i` of the block, once: a fan following two of
  // a candidate's fanbases meets it twice in a row.
  void add(std::size_t i, std::uint32_t local) {
    std::uint64_t& key = keys_[i];
    if (key == RowPacking::kTooLong) {
      std::vector<std::uint32_t>& row = spilled_[spilled_at_[i]];
      if (row.back() != local) row.push_back(local);
      return;
    }
    if (packing_.ends_with(key, local)) return;
    const std::uint64_t longer = packing_.append(key, local);
    if (longer == RowPacking::kTooLong) {
      if (spilled_count_ == spilled_.size()) spilled_.emplace_back();
      std::vector<std::uint32_t>& row = spilled_[spilled_count_];
      row.clear();
      packing_.locals(key, row);
      row.push_back(local);
      spilled_at_[i] = static_cast<std::uint32_t>(spilled_count_++);
    }
    key = longer;
  }

  std::size_t fans_;
  const RowPacking& packing_;
  std::size_t block_ = 0;  // fans per block
  std::vector<Run> runs_;  // per counted fanbase of the modelled candidates, in local order
  std::vector<std::uint64_t> keys_;                  // per fan of the block
  std::vector<std::uint32_t> spilled_at_;            // per fan of the block with kTooLong: its row
  std::vector<std::vector<std::uint32_t>> spilled_;  // the block's long rows (reused)
  std::size_t spilled_count_ = 0;                    // in use in this block
};

// Appends one row to `rows`.
void add_row(CoverageRows& rows, std::span<const std::uint32_t> members, double weight) {
  rows.members.insert(rows.members.end(), members.begin(), members.end());
  rows.offsets.push_back(rows.members.size());
  rows.weights.push_back(weight);
}

// Appends the merged rows to `rows` in canonical order (sort_rows'), without comparing
// member lists for most of them: the packed rows sort as their aligned keys (a sort of
// integers, where sort_rows' comparisons of spans were a quarter of the LP bound's time at
// scale 1); only the long rows are sorted by members, and the two runs then merged.
void put_in_canonical_order(PackedRows& packed, const LongRows& long_rows,
                            const RowPacking& packing, std::span<const std::uint32_t> global,
                            CoverageRows& rows) {
  std::vector<std::pair<std::uint64_t, double>> short_rows;  // aligned key, weight
  packed.each([&](std::uint64_t key, double weight) {
    short_rows.emplace_back(packing.aligned(key), weight);
  });
  std::ranges::sort(short_rows, {}, &std::pair<std::uint64_t, double>::first);
  CoverageRows longer;
  longer.offsets.push_back(0);
  std::vector<std::uint32_t> members;
  for (std::size_t r = 0; r < long_rows.size(); ++r) {
    members.clear();
    for (std::uint32_t local : long_rows.row(r)) members.push_back(global[local]);
    add_row(longer, members, long_rows.weight(r));
  }
  sort_rows(longer);
  std::size_t next_long = 0;
  for (const auto& [key, weight] : short_rows) {
    members.clear();
    packing.unpack_aligned(key, global, members);
    for (; next_long < longer.rows() &&
           std::ranges::lexicographical_compare(longer.row(next_long), members);
         ++next_long)
      add_row(rows, longer.row(next_long), longer.weights[next_long]);
    add_row(rows, members, weight);
  }
  for (; next_long < longer.rows(); ++next_long)
    add_row(rows, longer.row(next_long), longer.weights[next_long]);
}

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

  std::vector<std::uint32_t> global;  // per local id, the candidate's index in the set
  for (std::uint32_t c = 0; c < set.size(); ++c)
    if (modelled.empty() || modelled[c]) global.push_back(c);
  const RowPacking packing(global.size());
  PackedRows packed;
  LongRows long_rows;
  FollowerRows(network, set, global, packing)
      .each([&](NodeId fan, std::uint64_t key, std::span<const std::uint32_t> long_row) {
        if (!set.counts(network, fan)) return;
        const double weight = static_cast<double>(network.fans.weight(fan));
        ++rows.fans;
        if (const auto only = packing.single(key))
          rows.solo[global[*only]] += weight;
        else if (key != RowPacking::kTooLong)
          packed.add(key, weight);
        else
          long_rows.add(long_row, weight);
      });
  put_in_canonical_order(packed, long_rows, packing, global, rows);
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
  const FanCandidates candidates(network, set);
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
