#include "algorithms/coverage_rows.hpp"

#include <algorithm>
#include <unordered_map>

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

  // Row content hash -> first row with it; rows sharing a hash are chained by next_row.
  std::unordered_map<std::uint64_t, std::uint32_t> first_row;
  std::vector<std::uint32_t> next_row;
  std::vector<std::uint32_t> row;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    if (!set.counts(network, fan)) continue;
    row.clear();
    for (NodeId fanbase : network.relations.follows.neighbours(fan))
      if (candidate_of[fanbase] != kNotCandidate) row.push_back(candidate_of[fanbase]);
    if (row.empty()) continue;
    std::ranges::sort(row);
    row.erase(std::unique(row.begin(), row.end()), row.end());
    const double weight = static_cast<double>(network.fans.weight(fan));
    ++rows.fans;
    if (row.size() == 1) {
      rows.solo[row[0]] += weight;
      continue;
    }
    const std::uint64_t hash = hash_row(row);
    auto [found, fresh] = first_row.try_emplace(hash, static_cast<std::uint32_t>(rows.rows()));
    if (!fresh) {
      std::uint32_t r = found->second;
      while (r != kNotCandidate && !std::ranges::equal(rows.row(r), row)) r = next_row[r];
      if (r != kNotCandidate) {
        rows.weights[r] += weight;
        continue;
      }
      // A new row whose hash collides: chain it after the first.
      next_row.push_back(next_row[found->second]);
      next_row[found->second] = static_cast<std::uint32_t>(rows.rows());
    } else {
      next_row.push_back(kNotCandidate);
    }
    rows.members.insert(rows.members.end(), row.begin(), row.end());
    rows.offsets.push_back(rows.members.size());
    rows.weights.push_back(weight);
  }
  return rows;
}

}  // namespace castgraph
