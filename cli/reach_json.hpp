// A reach answer as JSON, the one way `reach --json` spells it, in castgraph and
// castgraph-mpi alike (print_reach_answer, reach_command.hpp): {method, estimate, people,
// panel_members, standard_error, census, counts, unique_reach, gross_reach, duplication,
// frequency, ..., per_host:[{id, name, declared_fans, reach, exclusive, share}]}, as
// `reach --help` lists the keys.
// In cli/ because JSON is how the command line speaks; reach() stays JSON-free.
#pragma once

#include <nlohmann/json.hpp>

#include "cli/reach_command.hpp"
#include "graph/network.hpp"

namespace castgraph::cli {

// Keys in the order of `reach --help`; null for what the method does not know (a panel's
// members on a model, a sketch's error on a count, ...). The options give the filters
// (platform, region, city) and --by. O(hosts + breakdown groups + model factors).
nlohmann::ordered_json to_json(const ReachAnswer& answer, const Network& network,
                               const ReachCommandOptions& options);

}  // namespace castgraph::cli
