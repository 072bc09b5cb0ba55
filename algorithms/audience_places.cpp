#include "algorithms/audience_places.hpp"

#include <algorithm>
#include <numeric>

namespace castgraph {

namespace {

// The distinct fans of one host: a fan following two of its fanbases counts once. A host
// with one fanbase needs no work (a fanbase's followers are sorted and distinct); others
// merge their sorted lists one by one, in linear time per list (a host has a fanbase per
// platform, a handful). O(fanbases x d) for d follows of the host.
struct MergeBuffers {
  std::vector<NodeId> merged, spare;
};

std::span<const NodeId> distinct_fans(const Network& network, NodeId host, MergeBuffers& buffers) {
  std::vector<NodeId>&merged = buffers.merged, &spare = buffers.spare;
  const std::span<const NodeId> fanbases = network.relations.owns.neighbours(host);
  if (fanbases.size() == 1) return network.relations.followers.neighbours(fanbases[0]);
  merged.clear();
  for (NodeId fanbase : fanbases) {
    const std::span<const NodeId> fans = network.relations.followers.neighbours(fanbase);
    spare.resize(merged.size() + fans.size());
    spare.erase(
        std::set_union(merged.begin(), merged.end(), fans.begin(), fans.end(), spare.begin()),
        spare.end());
    std::swap(merged, spare);
  }
  return merged;
}

// One host's people per province (share left 0), in no order.
std::vector<PlaceShare> province_people(const Network& network, NodeId host, MergeBuffers& buffers,
                                        std::vector<double>& people) {
  const CategoryColumn& province = network.fans.province;
  const std::size_t unknown = province.labels().size();  // the slot of fans without one
  std::vector<std::size_t> touched;
  for (NodeId fan : distinct_fans(network, host, buffers)) {
    const std::uint32_t code = province.code(fan);
    const bool known = code != kNoNode && !province.labels()[code].empty();
    const std::size_t slot = known ? code : unknown;
    if (people[slot] == 0) touched.push_back(slot);
    people[slot] += static_cast<double>(network.fans.weight(fan));
  }
  std::vector<PlaceShare> out;
  for (std::size_t slot : touched) {
    out.push_back({slot == unknown ? "unknown" : std::string(province.labels()[slot]), people[slot],
                   0.0, slot != unknown});
    people[slot] = 0;
  }
  return out;
}

}  // namespace

std::vector<std::vector<PlaceShare>> audience_province_people(const Network& network,
                                                              std::span<const NodeId> hosts) {
  std::vector<std::vector<PlaceShare>> out(network.broadcasters.size());
  MergeBuffers buffers;
  std::vector<double> people(network.fans.province.labels().size() + 1, 0.0);
  for (NodeId host : hosts) out[host] = province_people(network, host, buffers, people);
  return out;
}

std::vector<std::vector<PlaceShare>> audience_province_people(const Network& network) {
  std::vector<NodeId> every(network.broadcasters.size());
  std::iota(every.begin(), every.end(), NodeId{0});
  return audience_province_people(network, every);
}

std::vector<PlaceShare> top_places(std::vector<PlaceShare> places, std::size_t count) {
  double total = 0;
  for (const PlaceShare& place : places) total += place.people;
  for (PlaceShare& place : places) place.share = total > 0 ? place.people / total : 0.0;
  // Ties: a known place before "unknown", then by name, so that the order is stable.
  std::ranges::sort(places, [](const PlaceShare& a, const PlaceShare& b) {
    if (a.people != b.people) return a.people > b.people;
    if (a.known != b.known) return a.known;
    return a.place < b.place;
  });
  if (places.size() > count) places.resize(count);
  return places;
}

std::vector<std::vector<PlaceShare>> audience_provinces(const Network& network,
                                                        std::span<const NodeId> hosts,
                                                        std::size_t count) {
  std::vector<std::vector<PlaceShare>> out = audience_province_people(network, hosts);
  for (std::vector<PlaceShare>& places : out) places = top_places(std::move(places), count);
  return out;
}

std::vector<std::vector<PlaceShare>> audience_provinces(const Network& network, std::size_t count) {
  std::vector<NodeId> every(network.broadcasters.size());
  std::iota(every.begin(), every.end(), NodeId{0});
  return audience_provinces(network, every, count);
}

}  // namespace castgraph
