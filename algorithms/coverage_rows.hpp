// The follow data of a plan's candidates, compressed for bounds and integer programs:
// fans who follow the same set of candidate hosts merge into one weighted row, and a fan
// of a single candidate is only a weight on that host ("solo" people). Reach of any roster
// is then Σ solo of its hosts + Σ weight of the rows it touches, exactly as the follow
// scan counts it (platform and region filters applied, each person once).
//
// On samples/liaoning (12,000 candidates, 48,743 fans) this leaves 15,336 rows.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "algorithms/host_set.hpp"
#include "graph/network.hpp"

namespace castgraph {

struct CoverageRows {
  std::vector<double> solo;            // per candidate: people no other candidate reaches
  std::vector<std::uint64_t> offsets;  // rows() + 1 entries into members
  std::vector<std::uint32_t> members;  // per row: its candidates (indices), ascending, ≥ 2
  std::vector<double> weights;         // per row: the people it stands for
  std::uint64_t fans = 0;              // fans reached by at least one candidate

  std::size_t candidates() const { return solo.size(); }
  std::size_t rows() const { return weights.size(); }
  std::span<const std::uint32_t> row(std::size_t r) const {
    return std::span(members).subspan(offsets[r], offsets[r + 1] - offsets[r]);
  }
  // People reached by the candidates marked in `chosen` (parallel to solo). O(members).
  double reach(std::span<const char> chosen) const;
};

// Rows for the hosts of `set`, indexed as set.hosts (a fanbase counts only if the set keeps
// it; a fan only if the set's region filter passes), in canonical order (below).
// O(follows of the counted fans, which is every follow without a region filter) time,
// O(fans of the candidates) hash work, plus the sort.
CoverageRows compress_coverage(const Network& network, const HostSet& set);

// Puts the rows in canonical order: by their members, lexicographically. The bounds sum
// over rows in floating point, so a fixed order makes them independent of the order of
// the fans in the files, and of how the fans are split over MPI ranks. O(R log R · row).
void sort_rows(CoverageRows& rows);

// The rows of the union of disjoint sets of fans, given each set's rows over the same
// candidates (as castgraph-mpi's ranks compress theirs): equal rows merge, weights and
// solo people add up, in canonical order. Equals compress_coverage over all the fans
// (weights are whole numbers, so the sums are exact below 2^53 people). UsageError-free;
// the parts must have one candidate count. O(total members · log).
CoverageRows merge_coverage(std::span<const CoverageRows> parts);

}  // namespace castgraph
