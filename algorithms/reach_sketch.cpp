#include "algorithms/reach_sketch.hpp"

#include <algorithm>

#include "graph/fan_hash.hpp"

namespace castgraph {
namespace {

using Registers = std::vector<std::uint8_t>;

Registers host_registers(const Network& network, const HostSet& set, std::size_t h, std::size_t m,
                         const FanbaseSketches* prebuilt) {
  Registers registers(m, 0);
  if (prebuilt == nullptr) {
    insert_host_fans(network, set, h, registers);
    return registers;
  }
  for (NodeId fanbase : set.fanbases[h]) prebuilt->merge_into(network, fanbase, registers);
  return registers;
}

}  // namespace

void insert_host_fans(const Network& network, const HostSet& set, std::size_t index,
                      std::span<std::uint8_t> registers) {
  for (NodeId fanbase : set.fanbases[index])
    for (NodeId fan : network.relations.followers.neighbours(fanbase))
      if (set.counts(network, fan))
        hll_insert_fan(registers, stable_fan_hash(network.fans.ids[fan]), network.fans.weight(fan));
}

SketchReach reach_sketch(const Network& network, const HostSet& set, int precision,
                         const FanbaseSketches* prebuilt) {
  if (set.province_code) prebuilt = nullptr;  // stored sketches hold every province
  if (prebuilt != nullptr) precision = prebuilt->precision;
  const std::size_t m = hll_registers(precision);
  std::vector<Registers> hosts;
  for (std::size_t h = 0; h < set.size(); ++h)
    hosts.push_back(host_registers(network, set, h, m, prebuilt));
  return sketch_from_host_registers(hosts, precision);
}

std::vector<std::uint8_t> set_host_registers(const Network& network, const HostSet& set,
                                             int precision) {
  const std::size_t m = hll_registers(precision);
  std::vector<std::uint8_t> all(set.size() * m, 0);
  for (std::size_t h = 0; h < set.size(); ++h)
    insert_host_fans(network, set, h, std::span(all).subspan(h * m, m));
  return all;
}

SketchReach sketch_from_host_registers(const std::vector<std::vector<std::uint8_t>>& hosts,
                                       int precision) {
  const std::size_t m = hll_registers(precision);
  const std::size_t k = hosts.size();
  SketchReach result;
  result.precision = precision;
  result.relative_error = hll_relative_error(precision);
  for (const Registers& registers : hosts) result.per_host.push_back(hll_estimate(registers));
  // prefix[i] sketches hosts [0, i), suffix[i] hosts [i, k).
  std::vector<Registers> prefix(k + 1, Registers(m, 0)), suffix(k + 1, Registers(m, 0));
  for (std::size_t i = 0; i < k; ++i) {
    prefix[i + 1] = prefix[i];
    merge_registers(prefix[i + 1], hosts[i]);
  }
  for (std::size_t i = k; i-- > 0;) {
    suffix[i] = suffix[i + 1];
    merge_registers(suffix[i], hosts[i]);
  }
  result.unique = hll_estimate(prefix[k]);
  Registers others(m);
  for (std::size_t i = 0; i < k; ++i) {
    others = prefix[i];
    merge_registers(others, suffix[i + 1]);
    result.exclusive.push_back(std::max(0.0, result.unique - hll_estimate(others)));
  }
  return result;
}

}  // namespace castgraph
