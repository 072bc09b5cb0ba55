#include "algorithms/plan_ilp.hpp"

#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <memory>

#include "algorithms/coverage_bound.hpp"

namespace castgraph {
namespace {

// Owns a glp_prob (one owner per C handle, as STYLE.md asks).
struct ProblemDeleter {
  void operator()(glp_prob* problem) const { glp_delete_prob(problem); }
};
using GlpProblem = std::unique_ptr<glp_prob, ProblemDeleter>;

// Column numbers: x_c is column c + 1, z_r is column candidates + r + 1.
struct Model {
  GlpProblem lp{glp_create_prob()};
  int candidates = 0;
  int x(std::size_t c) const { return static_cast<int>(c) + 1; }
  int z(std::size_t r) const { return candidates + static_cast<int>(r) + 1; }
};

// Appends the row lower ≤ Σ coefficient·column ≤ upper (GLPK arrays are 1-based).
void add_row(glp_prob* lp, std::vector<int>& columns, std::vector<double>& coefficients, int type,
             double lower, double upper) {
  const int row = glp_add_rows(lp, 1);
  glp_set_row_bnds(lp, row, type, lower, upper);
  columns.insert(columns.begin(), 0);
  coefficients.insert(coefficients.begin(), 0.0);
  glp_set_mat_row(lp, row, static_cast<int>(columns.size()) - 1, columns.data(),
                  coefficients.data());
}

Model build_model(const CoverageRows& rows, const GreedyProblem& problem) {
  Model model;
  glp_prob* lp = model.lp.get();
  glp_set_obj_dir(lp, GLP_MAX);
  const std::size_t n = rows.candidates();
  model.candidates = static_cast<int>(n);
  glp_add_cols(lp, static_cast<int>(n + rows.rows()));
  double forced_cost = 0;
  for (std::size_t f : problem.forced) forced_cost += problem.budget ? problem.costs[f] : 0;
  std::vector<char> forced(n, 0);
  for (std::size_t f : problem.forced) forced[f] = 1;
  for (std::size_t c = 0; c < n; ++c) {
    glp_set_col_kind(lp, model.x(c), GLP_BV);
    glp_set_obj_coef(lp, model.x(c), rows.solo[c]);
    const bool unaffordable = problem.budget && !forced[c] &&
                              problem.costs[c] > (*problem.budget - forced_cost) * (1 + 1e-12);
    if (forced[c]) glp_set_col_bnds(lp, model.x(c), GLP_FX, 1, 1);
    if (unaffordable) glp_set_col_bnds(lp, model.x(c), GLP_FX, 0, 0);
  }
  std::vector<int> columns;
  std::vector<double> coefficients;
  for (std::size_t r = 0; r < rows.rows(); ++r) {
    glp_set_col_bnds(lp, model.z(r), GLP_DB, 0, 1);
    glp_set_obj_coef(lp, model.z(r), rows.weights[r]);
    columns.assign(1, model.z(r));
    coefficients.assign(1, 1.0);
    for (std::uint32_t c : rows.row(r)) columns.push_back(model.x(c)), coefficients.push_back(-1);
    add_row(lp, columns, coefficients, GLP_UP, 0, 0);  // z_r ≤ Σ x_c: row r + 1
  }
  auto add_sum = [&](auto&& coefficient_of, double most) {
    columns.clear(), coefficients.clear();
    for (std::size_t c = 0; c < n; ++c)
      if (const double a = coefficient_of(c); a != 0)
        columns.push_back(model.x(c)), coefficients.push_back(a);
    add_row(lp, columns, coefficients, GLP_UP, 0, most);
  };
  if (problem.k) add_sum([](std::size_t) { return 1.0; }, static_cast<double>(*problem.k));
  if (problem.budget) add_sum([&](std::size_t c) { return problem.costs[c]; }, *problem.budget);
  if (problem.max_per_group) {
    std::map<std::uint32_t, int> groups;
    for (std::uint32_t g : problem.groups)
      if (g != kNoGroup) ++groups[g];
    for (const auto& [group, members] : groups)
      if (static_cast<std::size_t>(members) > *problem.max_per_group)
        add_sum([&, g = group](std::size_t c) { return problem.groups[c] == g ? 1.0 : 0.0; },
                static_cast<double>(*problem.max_per_group));
  }
  return model;
}

// What the search callback reads and records.
struct Search {
  std::vector<double> start;  // 1-based column values of the starting roster
  bool offered = false;
  double best_bound = std::numeric_limits<double>::infinity();
  int nodes = 0;
};

void on_search_event(glp_tree* tree, void* info) {
  Search& search = *static_cast<Search*>(info);
  if (glp_ios_reason(tree) == GLP_IHEUR && !search.offered) {
    search.offered = true;
    glp_ios_heur_sol(tree, search.start.data());
  }
  // The best open subproblem's LP bound bounds every roster not yet ruled out.
  if (const int node = glp_ios_best_node(tree); node != 0)
    search.best_bound = glp_ios_node_bound(tree, node);
  glp_ios_tree_size(tree, nullptr, nullptr, &search.nodes);
}

// Column values of a roster (1-based, as glp_ios_heur_sol reads them).
std::vector<double> column_values(const Model& model, const CoverageRows& rows,
                                  std::span<const std::size_t> roster) {
  std::vector<double> values(static_cast<std::size_t>(model.candidates) + rows.rows() + 1, 0.0);
  std::vector<char> chosen(rows.candidates(), 0);
  for (std::size_t c : roster) chosen[c] = 1, values[model.x(c)] = 1;
  for (std::size_t r = 0; r < rows.rows(); ++r)
    values[model.z(r)] =
        std::ranges::any_of(rows.row(r), [&](std::uint32_t c) { return chosen[c] != 0; });
  return values;
}

}  // namespace

IlpSolution solve_coverage_ilp(const CoverageRows& rows, const GreedyProblem& problem,
                               std::span<const std::size_t> start, double time_limit_seconds) {
  const auto began = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  };
  auto milliseconds_left = [&] {
    if (time_limit_seconds <= 0) return std::numeric_limits<int>::max();
    return static_cast<int>(std::clamp((time_limit_seconds - elapsed()) * 1000, 1.0, 2e9));
  };
  glp_term_out(GLP_OFF);
  Model model = build_model(rows, problem);
  glp_prob* lp = model.lp.get();

  IlpSolution solution;
  solution.roster.assign(start.begin(), start.end());
  std::ranges::sort(solution.roster);
  std::vector<char> chosen(rows.candidates(), 0);
  for (std::size_t c : start) chosen[c] = 1;
  solution.value = rows.reach(chosen);
  solution.upper_bound = std::numeric_limits<double>::infinity();

  glp_smcp simplex;
  glp_init_smcp(&simplex);
  simplex.msg_lev = GLP_MSG_OFF;
  simplex.tm_lim = milliseconds_left();
  if (glp_simplex(lp, &simplex) == 0 && glp_get_status(lp) == GLP_OPT) {
    // The LP's duals as multipliers: a bound checked in exact arithmetic order, not
    // taken on the simplex's word.
    std::vector<double> lambda(rows.rows());
    for (std::size_t r = 0; r < rows.rows(); ++r)
      lambda[r] = std::clamp(glp_get_row_dual(lp, static_cast<int>(r) + 1), 0.0, rows.weights[r]);
    std::vector<double> fractional;
    solution.lp_bound =
        std::max(solution.value, lagrangian_bound(rows, problem, lambda, fractional));
    solution.upper_bound = solution.lp_bound;
  } else {
    solution.seconds = elapsed();
    return solution;  // out of time in the simplex: the start roster, no bound
  }

  if (solution.upper_bound > solution.value * (1 + 1e-9) + 1e-9) {
    Search search{column_values(model, rows, start)};
    glp_iocp options;
    glp_init_iocp(&options);
    options.msg_lev = GLP_MSG_OFF;
    options.tm_lim = milliseconds_left();
    options.cb_func = on_search_event;
    options.cb_info = &search;
    const int code = glp_intopt(lp, &options);
    const int status = glp_mip_status(lp);
    solution.nodes = static_cast<std::uint64_t>(search.nodes);
    if (status == GLP_OPT || status == GLP_FEAS) {
      std::vector<std::size_t> roster;
      std::ranges::fill(chosen, 0);
      for (std::size_t c = 0; c < rows.candidates(); ++c)
        if (glp_mip_col_val(lp, model.x(c)) > 0.5) roster.push_back(c), chosen[c] = 1;
      if (const double value = rows.reach(chosen); value > solution.value)
        solution.roster = std::move(roster), solution.value = value;
    }
    if (code == 0 && status == GLP_OPT) {
      solution.upper_bound = solution.value;
    } else if (code == GLP_ETMLIM || code == GLP_EMIPGAP) {
      // The objective is a sum of whole people when weights are whole: round down.
      solution.upper_bound = std::min(solution.upper_bound, search.best_bound + 1e-6);
    }
  }
  solution.upper_bound = std::max(solution.upper_bound, solution.value);
  solution.proven_optimal = solution.upper_bound <= solution.value * (1 + 1e-9) + 1e-9;
  solution.seconds = elapsed();
  return solution;
}

}  // namespace castgraph
