// Checking a Network's internal consistency: every column as long as its kind, every
// relation's offsets monotone and its targets within the target kind, every string and
// category index in range, every string valid UTF-8. A Network the CSV loader builds
// always passes; one opened from a snapshot must pass before it is used, so damaged data
// is refused instead of crashing a later query or answering wrongly.
//
// One list of rules, applied two ways: check_network runs them all now, O(nodes + edges
// + string bytes); defer_network_checks runs the O(1) ones (lengths) now and hands each
// per-element rule to the ColumnGuard of the column it reads (graph/column_guard.hpp),
// so a snapshot's rules run as far as its columns are read. Either way each rule runs
// once: check_network on a network whose rules were deferred reads the columns, which
// runs their rules, and does not run them again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "graph/network.hpp"

namespace castgraph {

// nullopt when consistent, else what is wrong ("follows: target 7 out of range (5 fanbases)").
// Reading a guarded column runs its guard first, which may throw instead.
std::optional<std::string> check_network(const Network& network);

// The length rules now (their problem, if any, is returned); every other rule attached
// to the guards of the columns it reads, or run now for a column without a guard.
std::optional<std::string> defer_network_checks(const Network& network);

// How many elements (values, offsets, slots, string bytes and ends) the rules have
// examined in this process, counting every run: a rule that runs twice counts twice.
// Tests read it to prove that each rule runs once.
std::uint64_t network_rule_elements();

}  // namespace castgraph
