#include "algorithms/reached_fans.hpp"

#include <numeric>

#include "algorithms/reach_kernels.hpp"

namespace castgraph {

using namespace reach_kernels;

ReachedFans::ReachedFans(const Network& network, HostSet set)
    : network_(network), set_(std::move(set)), reached_((network.fans.size() + 63) / 64, 0) {
  for (std::vector<NodeId>& fanbases : set_.fanbases)
    fanbases = largest_last(network, std::move(fanbases));
}

std::uint64_t ReachedFans::gain(std::size_t index) {
  const std::size_t before = marked_.size();
  const std::uint64_t people = scan(index, /*keep=*/false);
  unmark_from(before);
  return people;
}

std::uint64_t ReachedFans::add(std::size_t index) {
  const std::uint64_t people = scan(index, /*keep=*/true);
  people_ += people;
  return people;
}

void ReachedFans::clear() {
  unmark_from(0);
  people_ = 0;
}

void ReachedFans::unmark_from(std::size_t first) {
  for (std::size_t i = first; i < marked_.size(); ++i)
    reached_[marked_[i] >> 6] ^= std::uint64_t{1} << (marked_[i] & 63);
  marked_.resize(first);
}

std::uint64_t ReachedFans::scan(std::size_t index, bool keep) {
  std::uint64_t people = 0;
  dispatch_scan(network_, set_, [&]<bool kWeighted, bool kFiltered>() {
    people = scan_fanbases<kWeighted, kFiltered>(index, keep);
  });
  return people;
}

template <bool kWeighted, bool kFiltered>
std::uint64_t ReachedFans::scan_fanbases(std::size_t index, bool keep) {
  const std::uint64_t* weights = fan_weights(network_);
  const FanFilter filter = fan_filter(network_, set_);
  const std::vector<NodeId>& fanbases = set_.fanbases[index];
  std::uint64_t people = 0;
  for (std::size_t i = 0; i < fanbases.size(); ++i) {
    const bool mark = keep || i + 1 < fanbases.size();
    for (NodeId fan : network_.relations.followers.neighbours(fanbases[i])) {
      std::uint64_t& word = reached_[fan >> 6];
      const std::uint64_t bit = std::uint64_t{1} << (fan & 63);
      if ((word & bit) != 0 || !passes<kFiltered>(filter, fan)) continue;
      people += fan_people<kWeighted>(weights, fan);
      if (mark) {
        word |= bit;
        marked_.push_back(fan);
      }
    }
  }
  return people;
}

std::vector<std::uint64_t> per_host_reach(const Network& network) {
  std::vector<NodeId> everyone(network.broadcasters.size());
  std::iota(everyone.begin(), everyone.end(), NodeId{0});
  ReachedFans fans(network, make_host_set(network, everyone));
  std::vector<std::uint64_t> reach(everyone.size());
  for (std::size_t h = 0; h < everyone.size(); ++h) reach[h] = fans.gain(h);
  return reach;
}

}  // namespace castgraph
