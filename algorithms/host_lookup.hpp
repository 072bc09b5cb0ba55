// Finding hosts by what a person types: an id or a name, in any case or width, with or
// without accents; and, when nothing matches, the names they probably meant. Every
// command that takes hosts resolves them here, so `--hosts`, `--include` and a hosts
// file all match the same way.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network.hpp"

namespace castgraph {

// The host `key` names, tried in this order, each step only when the one before found
// nothing:
//   1. the external id or exact name (find_broadcasters);
//   2. id or name under NFKC case folding (fold_name): case and width ignored;
//   3. id or name with accents dropped as well (fold_name_without_accents).
// Throws UsageError when a step finds several hosts (listing each with its id, name,
// base, declared fans and platforms, so the caller can pick an id) or when no step
// finds one (suggesting up to five names: those containing the key or contained in it
// first, then the nearest by edit distance in code points, larger hosts before smaller
// at equal rank). O(hosts · |key| · |name|) when it must suggest, O(hosts) otherwise.
NodeId resolve_host(const Network& network, std::string_view key);

// The hosts `keys` name, each once, in the order first named, and the keys that named a
// host already listed (a repeat is the caller's to report, not an error).
struct ResolvedHosts {
  std::vector<NodeId> hosts;
  std::vector<std::string> repeated;
};
ResolvedHosts resolve_host_list(const Network& network, std::span<const std::string> keys);

// resolve_host for each key, in order; a host named twice appears twice.
std::vector<NodeId> resolve_hosts(const Network& network, std::span<const std::string> keys);

// "h2 张伟: base 沈阳基地, 1,200,000 declared fans on 抖音, 快手": who a host is, for a
// message that asks the reader to choose between hosts. O(fanbases of the host).
std::string describe_host_for_choice(const Network& network, NodeId host);

}  // namespace castgraph
