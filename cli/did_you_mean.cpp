#include "cli/did_you_mean.hpp"

#include <algorithm>

#include "graph/name_folding.hpp"

namespace castgraph::cli {
namespace {

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands({})) names.push_back(command->get_name());
  return names;
}

// Every long flag `command` accepts, "--name" for each.
std::vector<std::string> long_flags(const CLI::App& command) {
  std::vector<std::string> flags;
  for (const CLI::Option* option : command.get_options())
    for (const std::string& name : option->get_lnames()) flags.push_back("--" + name);
  return flags;
}

const CLI::App* chosen_command(const CLI::App& app, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i)
    for (const CLI::App* command : app.get_subcommands({}))
      if (command->get_name() == argv[i]) return command;
  return nullptr;
}

}  // namespace

std::optional<std::string> nearest_word(std::string_view typed,
                                        const std::vector<std::string>& candidates) {
  const std::size_t reach = std::max<std::size_t>(2, code_points(typed).size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    const bool prefix = typed.size() >= 3 && (candidate.starts_with(typed) ||
                                              std::string_view(typed).starts_with(candidate));
    const std::size_t distance = edit_distance(typed, candidate);
    if (!prefix && distance > reach) continue;
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::optional<std::string> unknown_command_message(const CLI::App& app, int argc,
                                                   const char* const* argv) {
  if (argc < 2 || argv[1][0] == '-') return std::nullopt;
  const std::vector<std::string> names = command_names(app);
  const std::string typed = argv[1];
  if (std::ranges::find(names, typed) != names.end()) return std::nullopt;
  std::string message = "unknown command '" + typed + "'";
  if (auto near = nearest_word(typed, names)) return message + "; did you mean '" + *near + "'?";
  std::string listed;
  for (const std::string& name : names) listed += (listed.empty() ? "" : ", ") + name;
  return message + "; the commands are: " + listed;
}

std::string unknown_flag_hints(const CLI::App& app, int argc, const char* const* argv) {
  std::vector<std::string> known = long_flags(app);
  const CLI::App* command = chosen_command(app, argc, argv);
  if (command) {
    const std::vector<std::string> more = long_flags(*command);
    known.insert(known.end(), more.begin(), more.end());
  }
  std::string hints;
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--") break;  // what follows is data, not flags
    if (!argument.starts_with("--") || argument.size() < 3) continue;
    const std::string flag(argument.substr(0, argument.find('=')));
    if (std::ranges::find(known, flag) != known.end()) continue;
    hints += "unknown flag '" + flag + "'";
    if (auto near = nearest_word(flag, known)) hints += "; did you mean '" + *near + "'?";
    hints += "\n";
  }
  return hints;
}

}  // namespace castgraph::cli
