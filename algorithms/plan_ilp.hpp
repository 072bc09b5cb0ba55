// The best roster, proven, from the integer program of maximum coverage over compressed
// rows (coverage_rows.hpp; the model is written out in coverage_bound.hpp), solved by
// GLPK's branch and cut (glp_intopt) after its simplex solves the LP relaxation.
//
// GLPK rather than COIN-OR CBC: it is already a dependency (igraph needs it), and on these
// models the LP relaxation is almost always integral or within a few people of it, so the
// time goes into one simplex and a short search either way (bench/RESULTS.md compares the
// two on the same model files).
//
// The search starts from a known roster (the greedy's) as its incumbent, so that a time
// limit always returns a roster at least as good. The LP's duals are also turned into
// Lagrangian multipliers and evaluated exactly (lagrangian_bound), a bound that does not
// rest on the simplex's floating-point tolerances.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "algorithms/coverage_rows.hpp"
#include "algorithms/lazy_greedy.hpp"

namespace castgraph {

struct IlpSolution {
  std::vector<std::size_t> roster;  // indices into problem.hosts, ascending
  double value = 0;                 // its reach, counted over the rows
  double upper_bound = 0;           // ≥ the reach of every feasible roster, ≥ value
  double lp_bound = 0;              // the certified LP bound (Lagrangian at the LP's duals)
  bool proven_optimal = false;      // the search finished
  double seconds = 0;               // wall time of simplex and search
  std::uint64_t nodes = 0;          // branch-and-bound subproblems the search solved
};

// Solves `problem` (k, budget, caps and forced hosts, as lazy_greedy reads them) over
// `rows`, starting from the roster `start` (indices into problem.hosts, feasible), for at
// most `time_limit_seconds` of wall time (≤ 0: no limit). Exponential in the worst case;
// one simplex over rows + candidates columns and rows otherwise.
IlpSolution solve_coverage_ilp(const CoverageRows& rows, const GreedyProblem& problem,
                               std::span<const std::size_t> start, double time_limit_seconds);

}  // namespace castgraph
