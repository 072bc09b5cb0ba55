#include "algorithms/host_masks.hpp"

namespace castgraph {
namespace {

// The masks of one block take this many bytes: a fraction of a typical L2 cache (1 MB on
// the machine of bench/RESULTS.md), leaving room for the touched list and the follower
// lists streaming through.
constexpr std::size_t kMaskBytes = std::size_t{256} << 10;

}  // namespace

HostMaskScan::HostMaskScan(const Network& network, const HostSet& set)
    : network_(network),
      province_code_(set.province_code),
      place_codes_(set.province_code ? set.place_column(network).codes().span().data() : nullptr),
      words_(std::max<std::size_t>(1, (set.size() + 63) / 64)),
      block_fans_(static_cast<NodeId>(std::max<std::size_t>(1024, kMaskBytes / 8 / words_))),
      masks_(std::size_t{block_fans_} * words_, 0),
      touched_(std::size_t{block_fans_} + 1),  // +1: fill() writes one slot past the kept ones
      own_(set.size(), 0),
      fill_(!network.fans.weights.empty()
                ? (set.province_code ? fill_for<true, true>(words_) : fill_for<true, false>(words_))
                : (set.province_code ? fill_for<false, true>(words_)
                                     : fill_for<false, false>(words_))) {
  for (std::size_t h = 0; h < set.size(); ++h) {
    for (NodeId fanbase : set.fanbases[h]) {
      const std::span<const NodeId> fans = network.relations.followers.neighbours(fanbase);
      if (!fans.empty())
        cursors_.push_back({fans.data(), fans.data() + fans.size(), static_cast<std::uint32_t>(h)});
    }
  }
}

// The start of the block holding the smallest fan not yet scanned, so blocks that no
// chosen fanbase reaches are skipped; kNoNode when every cursor is done.
NodeId HostMaskScan::first_pending_block() const {
  NodeId smallest = kNoNode;
  for (const Cursor& cursor : cursors_)
    if (cursor.next != cursor.end) smallest = std::min(smallest, *cursor.next);
  return smallest == kNoNode ? kNoNode : smallest - smallest % block_fans_;
}

}  // namespace castgraph
