#include "algorithms/coverage_rows.hpp"

#include <algorithm>
#include <numeric>
#include <span>

namespace castgraph {
namespace {

constexpr std::uint32_t kNotCandidate = 0xFFFFFFFFu;

std::uint64_t hash_row(std::span<const std::uint32_t> row) {
  std::uint64_t hash = 0x9E3779B97F4A7C15ull ^ row.size();
  for (std::uint32_t c : row) {
    hash ^= c + 0x9E3779B97F4A7C15ull + (hash << 6) + (hash >> 2);
    hash *= 0xBF58476D1CE4E5B9ull;
  }
  return hash;
}

// Open addressing over row ids, keyed by a row's hash (kept per row), so that a lookup is
// one or two probes into a flat array rather than a node of a chained map.
class RowTable {
 public:
  RowTable() : slots_(std::size_t{1} << 16, kNotCandidate) {}

  // The row equal to `row` (of hash `hash`), or kNotCandidate.
  std::uint32_t find(const CoverageRows& rows, std::span<const std::uint32_t> row,
                     std::uint64_t hash) const {
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const std::uint32_t r = slots_[i];
      if (r == kNotCandidate) return kNotCandidate;
      if (hashes_[r] == hash && std::ranges::equal(rows.row(r), row)) return r;
    }
  }

  void insert(std::uint32_t r, std::uint64_t hash) {
    hashes_.push_back(hash);
    if (2 * hashes_.size() > slots_.size())
      grow();
    else
      place(r);
  }

 private:
  void place(std::uint32_t r) {
    std::size_t i = hashes_[r] & (slots_.size() - 1);
    while (slots_[i] != kNotCandidate) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = r;
  }
  void grow() {
    slots_.assign(slots_.size() * 2, kNotCandidate);
    for (std::uint32_t r = 0; r < hashes_.size(); ++r) place(r);
  }

  std::vector<std::uint32_t> slots_;
  std::vector<std::uint64_t> hashes_;  // per row
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

CoverageRows compress_coverage(const Network& network, const HostSet& set) {
  CoverageRows rows;
  rows.solo.assign(set.size(), 0.0);
  rows.offsets.push_back(0);
  std::vector<std::uint32_t> candidate_of(network.fanbases.size(), kNotCandidate);
  for (std::size_t c = 0; c < set.size(); ++c)
    for (NodeId fanbase : set.fanbases[c]) candidate_of[fanbase] = static_cast<std::uint32_t>(c);

  RowTable table;
  std::vector<std::uint32_t> row;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    if (!set.counts(network, fan)) continue;
    row.clear();
    for (NodeId fanbase : network.relations.follows.neighbours(fan))
      if (candidate_of[fanbase] != kNotCandidate) row.push_back(candidate_of[fanbase]);
    if (row.empty()) continue;
    if (row.size() > 1) {
      std::ranges::sort(row);
      row.erase(std::unique(row.begin(), row.end()), row.end());
    }
    const double weight = static_cast<double>(network.fans.weight(fan));
    ++rows.fans;
    if (row.size() == 1) {
      rows.solo[row[0]] += weight;
      continue;
    }
    const std::uint64_t hash = hash_row(row);
    if (const std::uint32_t r = table.find(rows, row, hash); r != kNotCandidate) {
      rows.weights[r] += weight;
      continue;
    }
    table.insert(static_cast<std::uint32_t>(rows.rows()), hash);
    rows.members.insert(rows.members.end(), row.begin(), row.end());
    rows.offsets.push_back(rows.members.size());
    rows.weights.push_back(weight);
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

}  // namespace castgraph
