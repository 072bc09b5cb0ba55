#include "algorithms/reach_bit_planes.hpp"

#include <algorithm>
#include <stdexcept>

#include "algorithms/bit_plane_kernels.hpp"

namespace castgraph {
namespace {

using namespace bit_planes;

struct Cursor {
  const NodeId* next;
  const NodeId* end;
};

// The scan of one query. run() and everything it calls are inlined into the run_* entry
// points below, each compiled for one instruction set.
class PlaneScan {
 public:
  PlaneScan(const Network& network, const HostSet& set, ExactReach& result)
      : network_(network), set_(set), result_(result), planes_(set.size()), cursors_(set.size()) {
    for (std::size_t h = 0; h < set.size(); ++h)
      for (NodeId fanbase : set.fanbases[h]) {
        const std::span<const NodeId> fans = network.relations.followers.neighbours(fanbase);
        if (!fans.empty()) cursors_[h].push_back({fans.data(), fans.data() + fans.size()});
      }
  }

  template <bool kWeighted, bool kFiltered>
  [[gnu::always_inline]] void run() {
    for (NodeId first = first_pending_block(); first != kNoNode; first = first_pending_block()) {
      const NodeId limit = first + std::min<NodeId>(kBlockFans, kNoNode - first);
      touched_.clear();
      for (std::size_t h = 0; h < set_.size(); ++h)
        if (fill<kFiltered>(h, first, limit)) touched_.push_back(h);
      fold<kWeighted>(first);
    }
  }

 private:
  NodeId first_pending_block() const {
    NodeId smallest = kNoNode;
    for (const std::vector<Cursor>& host : cursors_)
      for (const Cursor& cursor : host)
        if (cursor.next != cursor.end) smallest = std::min(smallest, *cursor.next);
    return smallest == kNoNode ? kNoNode : smallest - smallest % kBlockFans;
  }

  // Sets host h's bits for its followers below `limit`; true when it set any. A host's
  // fanbases OR into one plane, so a fan on two of its platforms counts once for it.
  template <bool kFiltered>
  [[gnu::always_inline]] bool fill(std::size_t h, NodeId first, NodeId limit) {
    const FanFilter filter = reach_kernels::fan_filter(network_, set_);
    bool any = false;
    for (Cursor& cursor : cursors_[h]) {
      const NodeId* end =
          set_bits<kFiltered>(cursor.next, cursor.end, planes_[h].data(), first, limit, filter);
      prefetch_next_block(end, cursor.end, end - cursor.next);
      any |= end != cursor.next;
      cursor.next = end;
    }
    return any;
  }

  // Folds the touched planes into the level planes, counts, and clears them all.
  template <bool kWeighted>
  [[gnu::always_inline]] void fold(NodeId first) {
    const std::uint64_t* weights = reach_kernels::fan_weights(network_);
    for (std::size_t h : touched_) raise_levels(planes_[h], at_least_);
    for (std::size_t h : touched_)
      count_host<kWeighted>(planes_[h], at_least_[1], first, weights, result_.per_host[h],
                            result_.exclusive[h]);
    count_levels<kWeighted>(at_least_, first, weights, result_.frequency);
  }

  const Network& network_;
  const HostSet& set_;
  ExactReach& result_;
  std::vector<Plane> planes_;
  std::array<Plane, 3> at_least_{};  // fans reached by at least 1, 2, 3 hosts
  std::vector<std::vector<Cursor>> cursors_;
  std::vector<std::size_t> touched_;
};

template <bool kWeighted, bool kFiltered>
void run_plain(PlaneScan& scan) {
  scan.run<kWeighted, kFiltered>();
}

// The same scan for newer x86-64, chosen at run time so that the build still runs on any
// x86-64: BMI2's shifts take any count register (four instructions a fan in set_bits
// instead of six), and AVX-512's vector popcount counts eight plane words at a time.
// What each gains on the dense query is measured in bench/RESULTS.md ("Exact reach
// strategies").
#if defined(__x86_64__) && defined(__GNUC__)
template <bool kWeighted, bool kFiltered>
__attribute__((target("bmi2"))) void run_bmi2(PlaneScan& scan) {
  scan.run<kWeighted, kFiltered>();
}

template <bool kWeighted, bool kFiltered>
__attribute__((target("bmi2,avx512f,avx512vl,avx512vpopcntdq"))) void run_avx512(PlaneScan& scan) {
  scan.run<kWeighted, kFiltered>();
}

bool cpu_runs(PlaneIsa isa) {
  if (isa == PlaneIsa::plain) return true;
  const bool bmi2 = __builtin_cpu_supports("bmi2");
  if (isa == PlaneIsa::bmi2) return bmi2;
  return bmi2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
         __builtin_cpu_supports("avx512vpopcntdq");
}
#else
template <bool kWeighted, bool kFiltered>
void run_bmi2(PlaneScan& scan) {
  run_plain<kWeighted, kFiltered>(scan);
}

template <bool kWeighted, bool kFiltered>
void run_avx512(PlaneScan& scan) {
  run_plain<kWeighted, kFiltered>(scan);
}

bool cpu_runs(PlaneIsa isa) { return isa == PlaneIsa::plain; }
#endif

template <bool kWeighted, bool kFiltered>
void run(PlaneScan& scan, PlaneIsa isa) {
  if (isa == PlaneIsa::avx512)
    run_avx512<kWeighted, kFiltered>(scan);
  else if (isa == PlaneIsa::bmi2)
    run_bmi2<kWeighted, kFiltered>(scan);
  else
    run_plain<kWeighted, kFiltered>(scan);
}

}  // namespace

std::vector<PlaneIsa> supported_plane_isas() {
  std::vector<PlaneIsa> isas;
  for (PlaneIsa isa : {PlaneIsa::plain, PlaneIsa::bmi2, PlaneIsa::avx512})
    if (cpu_runs(isa)) isas.push_back(isa);
  return isas;
}

void reach_by_bit_planes(const Network& network, const HostSet& set, ExactReach& result,
                         PlaneIsa isa) {
  if (set.size() > kMaxPlaneHosts)
    throw std::invalid_argument("reach_by_bit_planes: more hosts than kMaxPlaneHosts");
  if (isa == PlaneIsa::automatic) {
    static const PlaneIsa widest = supported_plane_isas().back();
    isa = widest;
  }
  if (!cpu_runs(isa))
    throw std::invalid_argument(
        "reach_by_bit_planes: this CPU lacks the instruction set asked for");
  PlaneScan scan(network, set, result);
  reach_kernels::dispatch_scan(network, set, [&]<bool kWeighted, bool kFiltered>() {
    run<kWeighted, kFiltered>(scan, isa);
  });
  result.unique = result.frequency[0] + result.frequency[1] + result.frequency[2];
}

// A host touching a block costs a fold of its plane there (512 words, three levels, two
// counts), fixed whatever its followers; the byte scan costs per membership. So planes
// win once a host has enough followers per block, and the line sits lower with AVX-512,
// whose fold counts eight words at a time, than without. The two thresholds (memberships
// a host a block) are where the two scans crossed on queries of rising density at scale
// 1: bench/RESULTS.md ("Exact reach strategies") has the runs; re-measure there when the
// scans change.
bool bit_planes_pay_off(std::uint64_t fans, std::size_t hosts, std::uint64_t memberships) {
  if (hosts > kMaxPlaneHosts || hosts == 0) return false;
  static const bool wide = supported_plane_isas().back() == PlaneIsa::avx512;
  const std::uint64_t per_host_and_block = wide ? 270 : 800;
  const std::uint64_t blocks = (fans + kBlockFans - 1) / kBlockFans;
  return memberships >= per_host_and_block * hosts * blocks;
}

bool bit_planes_pay_off(const Network& network, const HostSet& set, std::uint64_t memberships) {
  return bit_planes_pay_off(network.fans.size(), set.size(), memberships);
}

}  // namespace castgraph
