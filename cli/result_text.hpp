// Words for results that more than one command prints: how a reach number was counted,
// how a plan counted reach and why it stopped. Shared by reach, plan and report so that
// the terminal and the HTML report say the same thing.
#pragma once

#include <cstdint>
#include <string>

#include "algorithms/audience_places.hpp"
#include "algorithms/plan.hpp"
#include "algorithms/reach.hpp"
#include "graph/network.hpp"

namespace castgraph::cli {

// A reach or plan figure in whole people (or yuan): rounded, never below 0.
std::uint64_t round_people(double value);

// "exact count from follows (bitset scan of 115,149 follow edges)" on a census, "panel
// estimate (summed fan weights) from follows (...)" on a panel, "HyperLogLog
// estimate, ±1.63% ...", "model estimate from declared fans (...)".
std::string describe_reach_method(const ReachResult& result);
// The duplication model in words: hosts counted and modelled, and the fitted factors.
std::string describe_duplication_model(const ReachResult& result);

// Where an audience lives, for a table cell: "辽宁 78%, 吉林 9%, 黑龙江 4%".
std::string describe_places(const std::vector<PlaceShare>& places);

// A people figure with its error, for tables: "35,803,000 ± 190,000 (3580万 ± 19万)" for an
// estimate, "35,803 ± 0 (exact)" for a count, "36,933,981 (3693万, model)" for a model.
std::string people_with_error(const ReachResult& result);

// What a reach figure counts, in one sentence: "people: an estimate from 28,075 panel
// members (fans.csv weights, 1,000 people each on average); ± is one standard error
// (Horvitz–Thompson)", "people: an exact count (a census: every fan weighs 1)", ...
std::string describe_people(const ReachResult& result);

// What a plan was asked for: "10 hosts", "a budget of 2,000,000 yuan", or "3 hosts within
// a budget of 1,000,000 yuan".
std::string describe_plan_request(const PlanOptions& options);

// How a plan counted reach: "exact count from follows", ...
std::string describe_plan_method(const Plan& plan);

// Why a plan stopped: "k reached: 10 hosts booked", "budget spent: ...", ...
std::string describe_plan_stop(const Plan& plan, const PlanOptions& options);

// A warning of plan_roster in words, for stderr and the JSON's `warnings`: "included host
// h7 (…) adds no one under these filters (50,000 yuan)", ...
std::string describe_plan_warning(const Network& network, const PlanWarning& warning,
                                  const PlanOptions& options);

// "no roster within these limits reaches more than 35,803 people; this one reaches 100.0%
// of that (LP bound, proven optimal)".
std::string describe_plan_bound(const Plan& plan);

}  // namespace castgraph::cli
