#include "cli/focused_open.hpp"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/load_progress.hpp"
#include "graph/errors.hpp"
#include "loaders/dataset_cache.hpp"
#include "loaders/focused_load.hpp"

namespace castgraph::cli {

namespace {

void say(const DatasetOptions& options, const std::string& text) {
  if (options.verbose) std::cerr << "castgraph: " << text << "\n";
}

// True when the cache holds an entry for the directory as it is now: mapping it answers
// faster than any load.
bool cached(const DatasetOptions& options, TextEncoding encoding) {
  if (!options.cache) return false;
  const auto cache = cache_directory();
  if (!cache) return false;
  try {
    std::error_code error;
    return std::filesystem::exists(dataset_cache_entry(*cache, options.path, encoding).file, error);
  } catch (const IoError&) {
    return false;
  }
}

// The fanbases of the hosts `hosts` names in the catalogue, as a mask by fanbase id; nullopt
// (and why) when the focused load is not for them. A host list that does not resolve is
// left to the full load, which reports it after any error in the files, as it always has.
std::optional<std::vector<bool>> fanbases_asked(const Network& catalogue,
                                                const HostListOptions& hosts, bool any_number,
                                                std::string& why) {
  std::vector<NodeId> resolved;
  try {
    std::ostringstream warnings;  // said again when the command resolves them
    resolved = resolve_host_options(catalogue, hosts, warnings);
  } catch (const std::exception&) {
    why = "the hosts did not resolve in the catalogue alone";
    return std::nullopt;
  }
  if (!any_number && (resolved.size() > kMostFocusedHosts ||
                      2 * resolved.size() >= catalogue.broadcasters.ids.size())) {
    why = fmt::format("{} hosts asked, more than a focused load is for", resolved.size());
    return std::nullopt;
  }
  std::vector<bool> kept(catalogue.fanbases.platform.size(), false);
  for (NodeId host : resolved)
    for (NodeId fanbase : catalogue.relations.owns.neighbours(host)) kept[fanbase] = true;
  return kept;
}

}  // namespace

void add_load_option(CLI::App& command, std::string& load) {
  command
      .add_option("--load", load,
                  "How to read a CSV directory that is not in the cache: focused builds only "
                  "the asked hosts' follows (every row of every file is still checked, with "
                  "the same errors); full builds the whole network; auto (the default) is "
                  "focused for up to 100 hosts, full otherwise. The answer is the same")
      ->check(CLI::IsMember({"auto", "full", "focused"}))
      ->capture_default_str();
}

void say_full_load_instead(const DatasetOptions& options, const std::string& why) {
  say(options, "load: full (" + why + ")");
}

std::optional<FocusedNetwork> open_focused(const DatasetOptions& options,
                                           const HostListOptions& hosts, const std::string& load) {
  if (load == "full") {
    say_full_load_instead(options, "--load full");
    return std::nullopt;
  }
  std::error_code error;
  if (!std::filesystem::is_directory(options.path, error)) return std::nullopt;
  const TextEncoding encoding = parse_text_encoding(options.encoding);
  const bool chosen = load == "focused";  // else auto: where it pays
  if (!chosen && cached(options, encoding)) {
    say_full_load_instead(options, "the cache holds this directory");
    return std::nullopt;
  }
  refuse_rejects_over_input(options);
  const auto start = std::chrono::steady_clock::now();
  LoadOptions catalogue_options{options.lenient, 1, nullptr};
  catalogue_options.encoding = encoding;
  std::string why;
  const auto kept =
      fanbases_asked(load_catalogue_only(options.path, catalogue_options), hosts, chosen, why);
  if (!kept) {
    say_full_load_instead(options, why);
    return std::nullopt;
  }
  LoadProgressLine progress;  // erased before anything else is printed
  LoadOptions load_options{options.lenient, 0, progress.callback()};
  load_options.encoding = encoding;
  FocusedLoad focused = load_focused(options.path, load_options, *kept);
  if (!focused.totals_within_limits) {
    say_full_load_instead(options, "a total might pass its limit on a row not kept");
    return std::nullopt;
  }
  if (focused.kept_follow_rows == 0 && focused.loaded.follow_rows > 0) {
    // The focused network would have no follows, and answer as a dataset without any.
    say_full_load_instead(options, "the hosts asked have no follows");
    return std::nullopt;
  }
  say(options,
      fmt::format("load: focused, {} of {} follows rows kept, from CSV in {:.2f} s; "
                  "the cache is not written",
                  focused.kept_follow_rows, focused.loaded.follow_rows,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()));
  return FocusedNetwork{std::move(focused.loaded.network), focused.least_fans, focused.most_fans,
                        focused.loaded.follow_rows, std::move(focused.loaded.rejects)};
}

}  // namespace castgraph::cli
