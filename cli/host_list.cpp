#include "cli/host_list.hpp"

#include <fmt/format.h>

#include <ostream>

#include "algorithms/host_lookup.hpp"
#include "cli/terminal_text.hpp"
#include "graph/errors.hpp"
#include "loaders/host_list_file.hpp"

namespace castgraph::cli {
namespace {

constexpr std::string_view kBlank = " \t";

// Reads the quoted item that starts at text[at] (the opening quote); returns it and
// leaves `at` just past the closing quote.
std::string quoted_item(std::string_view text, std::size_t& at) {
  std::string item;
  for (++at; at < text.size(); ++at) {
    if (text[at] != '"') {
      item += text[at];
    } else if (at + 1 < text.size() && text[at + 1] == '"') {
      item += '"';
      ++at;
    } else {
      ++at;
      return item;
    }
  }
  throw UsageError(fmt::format("the host list '{}' opens a quote it never closes", text));
}

}  // namespace

std::vector<std::string> split_host_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t at = 0;
  while (at <= text.size()) {
    at = std::min(text.find_first_not_of(kBlank, at), text.size());
    std::string item;
    if (at < text.size() && text[at] == '"') {
      item = quoted_item(text, at);
      at = std::min(text.find_first_not_of(kBlank, at), text.size());
      if (at < text.size() && text[at] != ',')
        throw UsageError(fmt::format(
            "in the host list '{}', a quoted name must be followed by a comma or the end", text));
    } else {
      const std::size_t end = std::min(text.find(',', at), text.size());
      std::string_view raw = text.substr(at, end - at);
      raw = raw.substr(0, raw.find_last_not_of(kBlank) + 1);
      item = raw;
      at = end;
    }
    if (!item.empty()) items.push_back(std::move(item));
    ++at;  // past the comma, or past the end
  }
  return items;
}

std::vector<std::string> HostListOptions::keys() const {
  std::vector<std::string> keys;
  const auto append = [&keys](std::vector<std::string> more) {
    keys.insert(keys.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
  };
  for (const std::string& value : values)
    for (std::string& item : split_host_list(value)) {
      if (item.size() > 1 && item.front() == '@')
        append(read_host_list_file(item.substr(1)));
      else
        keys.push_back(std::move(item));
    }
  for (const std::string& file : files) append(read_host_list_file(file));
  return keys;
}

CLI::Option* add_host_list_option(CLI::App& command, HostListOptions& options,
                                  const std::string& flag, const std::string& description,
                                  const std::string& file_flag) {
  CLI::Option* option =
      command
          .add_option(flag, options.values,
                      description +
                          ": ids or names, comma-separated (spaces around them are fine; "
                          "quote a name holding a comma: '\"刘一手, 大连\",h1'); names "
                          "match ignoring case, width and accents; @FILE reads them from "
                          "FILE")
          ->type_name("LIST");
  if (!file_flag.empty())
    command
        .add_option(file_flag, options.files,
                    "Read hosts from FILE: one id or name per line, or a CSV with an 'id' or "
                    "'name' column")
        ->type_name("FILE");
  return option;
}

std::vector<NodeId> resolve_host_options(const Network& network, const HostListOptions& options,
                                         std::ostream& warnings) {
  const std::vector<std::string> keys = options.keys();
  ResolvedHosts resolved = resolve_host_list(network, keys);
  for (const std::string& key : resolved.repeated) {
    const NodeId host = resolve_host(network, key);
    warnings << terminal_safe(fmt::format("castgraph: warning: '{}' names {} ({}) again; it "
                                          "counts once",
                                          key, network.broadcasters.ids[host],
                                          network.broadcasters.names[host]))
             << "\n";
  }
  return std::move(resolved.hosts);
}

}  // namespace castgraph::cli
