#include "algorithms/host_lookup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <tuple>

#include "graph/errors.hpp"
#include "graph/name_folding.hpp"

namespace castgraph {
namespace {

// `text` with its line breaks written as \n: these messages list one host per line, and
// a name from the data or a key as typed must not start a line of its own.
std::string one_line(std::string_view text) {
  std::string line;
  for (char c : text) line += c == '\n' ? std::string("\\n") : std::string(1, c);
  return line;
}

// 9719213 -> "9,719,213", as the CLI's tables write counts.
std::string with_commas(std::uint64_t value) {
  std::string digits = std::to_string(value);
  for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3)
    digits.insert(static_cast<std::size_t>(at), 1, ',');
  return digits;
}

constexpr std::size_t kMostSuggestions = 5;

// Every host's id and name folded both ways, computed on first need and kept for the
// keys that follow, so that a list of a thousand keys folds the dataset's names once.
class FoldedHosts {
 public:
  explicit FoldedHosts(const Network& network) : network_(network) {}

  // Hosts whose id or name folds to what `key` folds to: `accents` false under
  // fold_name, true under fold_name_without_accents.
  std::vector<NodeId> matching(std::string_view key, bool accents) {
    const std::vector<std::string>& folded = table(accents);
    const std::string folded_key = accents ? fold_name_without_accents(key) : fold_name(key);
    const std::size_t hosts = network_.broadcasters.size();
    std::vector<NodeId> found;
    for (NodeId host = 0; host < hosts; ++host)
      if (folded[host] == folded_key || folded[hosts + host] == folded_key) found.push_back(host);
    return found;
  }

 private:
  // ids then names, folded.
  const std::vector<std::string>& table(bool accents) {
    std::vector<std::string>& folded = accents ? without_accents_ : plain_;
    if (!folded.empty() || network_.broadcasters.size() == 0) return folded;
    const auto fold = accents ? fold_name_without_accents : fold_name;
    for (NodeId host = 0; host < network_.broadcasters.size(); ++host)
      folded.push_back(fold(network_.broadcasters.ids[host]));
    for (NodeId host = 0; host < network_.broadcasters.size(); ++host)
      folded.push_back(fold(network_.broadcasters.names[host]));
    return folded;
  }

  const Network& network_;
  std::vector<std::string> plain_, without_accents_;
};

[[noreturn]] void throw_ambiguous(const Network& network, std::string_view key,
                                  const std::vector<NodeId>& hosts) {
  std::string listed;
  for (NodeId host : hosts) listed += "\n  " + describe_host_for_choice(network, host);
  throw UsageError("host name '" + one_line(key) + "' is ambiguous: it matches " +
                   std::to_string(hosts.size()) + " hosts; give one of the ids:" + listed);
}

// How near a host's name or id comes to the key, smaller is nearer: a name containing
// the key (or contained in it) first, the largest hosts first among those, since a
// person typing part of a name most likely means the well-known host; then the others
// by edit distance, larger hosts first at equal distance.
struct Nearness {
  bool contains = false;
  std::size_t distance = 0;
  std::uint64_t fans = 0;
  auto rank() const { return std::tuple(!contains, distance, ~fans); }
};

// The nearness of `text` (already folded) to `key` (folded, `key_length` code points),
// or nothing when it is too far to suggest: more than a third of the key's code points
// (at least one) must stay.
std::optional<Nearness> nearness(std::string_view key, std::size_t key_length,
                                 std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.find(key) != std::string_view::npos || key.find(text) != std::string_view::npos)
    return Nearness{true, 0, 0};
  const std::size_t distance = edit_distance(key, text);
  if (distance > std::max<std::size_t>(1, key_length / 3)) return std::nullopt;
  return Nearness{false, distance, 0};
}

std::string suggestions(const Network& network, std::string_view key) {
  const std::string folded = fold_name(key);
  const std::size_t key_length = code_points(folded).size();
  std::vector<std::pair<Nearness, NodeId>> near;
  for (NodeId host = 0; host < network.broadcasters.size(); ++host) {
    auto by_name = nearness(folded, key_length, fold_name(network.broadcasters.names[host]));
    auto by_id = nearness(folded, key_length, fold_name(network.broadcasters.ids[host]));
    if (!by_name && !by_id) continue;
    Nearness best = !by_id || (by_name && by_name->rank() < by_id->rank()) ? *by_name : *by_id;
    best.fans = declared_fans(network, host);
    near.emplace_back(best, host);
  }
  const std::size_t shown = std::min(near.size(), kMostSuggestions);
  std::partial_sort(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(shown), near.end(),
                    [](const auto& a, const auto& b) {
                      return std::tuple(a.first.rank(), a.second) <
                             std::tuple(b.first.rank(), b.second);
                    });
  std::string text;
  for (std::size_t i = 0; i < shown; ++i)
    text += "\n  " + describe_host_for_choice(network, near[i].second);
  return text;
}

}  // namespace

std::string describe_host_for_choice(const Network& network, NodeId host) {
  const Broadcasters& hosts = network.broadcasters;
  std::string text = one_line(fmt::format("{} {}", hosts.ids[host], hosts.names[host]));
  if (hosts.base[host] != kNoNode)
    text += one_line(fmt::format(": base {}", network.bases.names[hosts.base[host]]));
  else if (auto province = hosts.province[host]; !province.empty())
    text += one_line(fmt::format(": no base, {}", province));
  else
    text += ": no base";
  text += fmt::format(", {} declared fans", with_commas(declared_fans(network, host)));
  std::string platforms;
  for (NodeId fanbase : network.relations.owns.neighbours(host)) {
    const std::string_view name = network.platforms.names[network.fanbases.platform[fanbase]];
    if (platforms.find(name) == std::string::npos)
      platforms += (platforms.empty() ? "" : ", ") + std::string(name);
  }
  return text + (platforms.empty() ? " on no platform" : " on " + one_line(platforms));
}

namespace {

NodeId resolve_with(const Network& network, FoldedHosts& folded, std::string_view key) {
  std::vector<NodeId> found = find_broadcasters(network, key);
  if (found.empty()) found = folded.matching(key, false);
  if (found.empty()) found = folded.matching(key, true);
  if (found.size() == 1) return found.front();
  if (found.size() > 1) throw_ambiguous(network, key, found);
  const std::string near = suggestions(network, key);
  throw UsageError("no host has id or name '" + one_line(key) + "'" +
                   (near.empty() ? std::string() : "; did you mean:" + near));
}

}  // namespace

NodeId resolve_host(const Network& network, std::string_view key) {
  FoldedHosts folded(network);
  return resolve_with(network, folded, key);
}

ResolvedHosts resolve_host_list(const Network& network, std::span<const std::string> keys) {
  ResolvedHosts resolved;
  std::vector<bool> listed(network.broadcasters.size(), false);
  FoldedHosts folded(network);
  for (const std::string& key : keys) {
    const NodeId host = resolve_with(network, folded, key);
    if (listed[host]) {
      resolved.repeated.push_back(key);
      continue;
    }
    listed[host] = true;
    resolved.hosts.push_back(host);
  }
  return resolved;
}

std::vector<NodeId> resolve_hosts(const Network& network, std::span<const std::string> keys) {
  std::vector<NodeId> hosts;
  hosts.reserve(keys.size());
  FoldedHosts folded(network);
  for (const std::string& key : keys) hosts.push_back(resolve_with(network, folded, key));
  return hosts;
}

}  // namespace castgraph
