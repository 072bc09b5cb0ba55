#include "algorithms/audience_places.hpp"

#include <algorithm>

namespace castgraph {

std::vector<std::vector<PlaceShare>> audience_province_people(const Network& network) {
  const CategoryColumn& province = network.fans.province;
  const std::size_t places = province.labels().size();
  const std::size_t unknown = places;  // the slot of fans without a province
  std::vector<std::vector<PlaceShare>> out(network.broadcasters.size());
  std::vector<NodeId> last_host(network.fans.size(), kNoNode);  // counts a fan once per host
  std::vector<double> people(places + 1, 0.0);
  std::vector<std::size_t> touched;
  for (NodeId host = 0; host < network.broadcasters.size(); ++host) {
    touched.clear();
    for (NodeId fanbase : network.relations.owns.neighbours(host))
      for (NodeId fan : network.relations.followers.neighbours(fanbase)) {
        if (last_host[fan] == host) continue;
        last_host[fan] = host;
        const std::uint32_t code = province.code(fan);
        const bool known = code != kNoNode && !province.labels()[code].empty();
        const std::size_t slot = known ? code : unknown;
        if (people[slot] == 0) touched.push_back(slot);
        people[slot] += static_cast<double>(network.fans.weight(fan));
      }
    for (std::size_t slot : touched) {
      out[host].push_back({slot == unknown ? "unknown" : std::string(province.labels()[slot]),
                           people[slot], 0.0, slot != unknown});
      people[slot] = 0;
    }
  }
  return out;
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

std::vector<std::vector<PlaceShare>> audience_provinces(const Network& network, std::size_t count) {
  std::vector<std::vector<PlaceShare>> out = audience_province_people(network);
  for (std::vector<PlaceShare>& places : out) places = top_places(std::move(places), count);
  return out;
}

}  // namespace castgraph
