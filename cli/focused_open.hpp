// Opening a CSV directory for a question about a few hosts (reach --hosts): when no cache
// entry holds the directory, only the asked hosts' follows are built (loaders/
// focused_load.hpp), every row of every file still checked as the full load checks it.
// --load full (or a question the focused network cannot answer as the full one would)
// takes the full load; --verbose says which ran and why.
#pragma once

#include <CLI/CLI.hpp>
#include <exception>
#include <optional>
#include <sstream>
#include <string>

#include "cli/dataset_options.hpp"
#include "cli/host_list.hpp"
#include "graph/network.hpp"

namespace castgraph::cli {

// At most this many hosts, and fewer than half of the dataset's, make a focused load
// worth trying.
inline constexpr std::size_t kMostFocusedHosts = 100;

// Adds --load auto|full|focused to `command`.
void add_load_option(CLI::App& command, std::string& load);

struct FocusedNetwork {
  Network network;  // the catalogue, the asked hosts' follows and their fans
  // The full network's fans number from least_fans to most_fans (FocusedLoad).
  std::uint64_t least_fans = 0, most_fans = 0;
  std::uint64_t follow_rows = 0;  // good rows of follows.csv, kept or not
  std::vector<Reject> rejects;    // to report (report_rejects) once the answer is used
};

// The focused network for the hosts `hosts` names; nullopt when the full load is to run instead
// (`load` is "full", the dataset is a snapshot or in the cache, the hosts are many or do not
// resolve, they have no follows while others have, or a total might pass its limit on a
// row not kept). Throws as open_dataset.
std::optional<FocusedNetwork> open_focused(const DatasetOptions& options,
                                           const HostListOptions& hosts, const std::string& load);

// Says on stderr, under --verbose, why the focused network is set aside for a full load.
void say_full_load_instead(const DatasetOptions& options, const std::string& why);

// An answer computed on a focused network, with the warnings it gave: the caller reports
// the rejects, then the warnings, then prints, so the order is the full load's.
template <typename Answer>
struct FocusedAnswer {
  FocusedNetwork focused;
  Answer answer;
  std::string warnings;
};

// The answer `compute(focused, warnings)` gives on the focused network for `hosts`; nullopt
// when the full load is to run instead: `unfit` says why the question needs it ("" when it
// does not; not asked under --load full), open_focused declines, or the question fails on the
// focused network (an unknown --platform, say: the full load reports it after the rejects,
// as always). `compute` may return an Answer or a std::optional<Answer> (nullopt: declined).
template <typename Answer, typename Compute>
std::optional<FocusedAnswer<Answer>> answer_on_focused_load(const DatasetOptions& dataset,
                                                            const HostListOptions& hosts,
                                                            const std::string& load,
                                                            const std::string& unfit,
                                                            Compute compute) {
  if (load != "full" && !unfit.empty()) {
    say_full_load_instead(dataset, unfit);
    return std::nullopt;
  }
  std::optional<FocusedNetwork> focused = open_focused(dataset, hosts, load);
  if (!focused) return std::nullopt;
  std::ostringstream warnings;  // shown only when this answer is the one printed
  std::optional<Answer> answer;
  try {
    answer = compute(*focused, warnings);
  } catch (const std::exception&) {
    say_full_load_instead(dataset, "the question failed on the focused network");
    return std::nullopt;
  }
  if (!answer) return std::nullopt;
  return FocusedAnswer<Answer>{std::move(*focused), std::move(*answer), warnings.str()};
}

}  // namespace castgraph::cli
