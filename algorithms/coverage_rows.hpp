// The follow data of a plan's candidates, compressed for bounds and integer programs:
// fans who follow the same set of candidate hosts merge into one weighted row, and a fan
// of a single candidate is only a weight on that host ("solo" people). Reach of any roster
// is then Σ solo of its hosts + Σ weight of the rows it touches, exactly as the follow
// scan counts it (platform and region filters applied, each person once).
//
// On samples/liaoning (12,000 candidates, 48,743 fans) this leaves 15,336 rows.
//
// For the LP bound only, rows may be built over some of the candidates (the "modelled"
// ones): a fan is then a row over the modelled candidates it follows, and each other
// candidate keeps its whole reach as its solo people, as if no one else reached its fans.
// That counts a roster holding an unmodelled candidate too high, never too low, which is
// all an upper bound needs (coverage_bound.hpp says why), and it leaves far fewer rows:
// on a scale-1 network the few hundred hosts that can matter to a roster of 50, not all.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "algorithms/host_set.hpp"
#include "graph/network.hpp"

namespace castgraph {

struct CoverageRows {
  // Per candidate: people no other modelled candidate reaches; for an unmodelled one, all
  // the people it reaches.
  std::vector<double> solo;
  std::vector<std::uint64_t> offsets;  // rows() + 1 entries into members
  std::vector<std::uint32_t> members;  // per row: its candidates (indices), ascending, ≥ 2
  std::vector<double> weights;         // per row: the people it stands for
  std::uint64_t fans = 0;              // fans reached by at least one modelled candidate
  std::size_t unmodelled = 0;          // candidates left out of the rows

  std::size_t candidates() const { return solo.size(); }
  std::size_t rows() const { return weights.size(); }
  std::span<const std::uint32_t> row(std::size_t r) const {
    return std::span(members).subspan(offsets[r], offsets[r + 1] - offsets[r]);
  }
  // People reached by the candidates marked in `chosen` (parallel to solo): exact when
  // every chosen candidate is modelled, too high otherwise. O(members).
  double reach(std::span<const char> chosen) const;
};

// Rows for the hosts of `set`, indexed as set.hosts (a fanbase counts only if the set keeps
// it; a fan only if the set's region filter passes), in canonical order (below). With
// `modelled` (parallel to set.hosts), rows only over the candidates it marks, and each
// other candidate's solo is its entry of `alone` (candidate_reach's). Read from the
// followers of the modelled candidates' fanbases (the fan -> fanbase follows only for the
// rare fan of more modelled candidates than a 64-bit key holds): O(those followers +
// fans / 65,536 · those fanbases) time, and O(rows) memory beyond the result, plus the sort.
CoverageRows compress_coverage(const Network& network, const HostSet& set,
                               std::span<const char> modelled = {},
                               std::span<const double> alone = {});

// What each candidate of `set` is worth to a roster, from one scan of the follows.
struct CandidateReach {
  std::vector<double> alone;  // people it reaches by itself
  std::vector<double> added;  // people it would add to the roster (0 for the roster's own)
};

// The candidates' reach alone and added to `roster` (indices into set.hosts), with the
// set's filters. O(follows of the counted fans).
CandidateReach candidate_reach(const Network& network, const HostSet& set,
                               std::span<const std::size_t> roster);

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
