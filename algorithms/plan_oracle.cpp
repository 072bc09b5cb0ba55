#include "algorithms/plan_oracle.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "algorithms/host_set.hpp"
#include "algorithms/hyperloglog.hpp"
#include "algorithms/reach_declared.hpp"
#include "graph/errors.hpp"

namespace castgraph {
namespace {

// Candidate host -> its row in the HostSet, for O(1) look-up by host id.
std::vector<std::uint32_t> index_of(const Network& network, const HostSet& set) {
  std::vector<std::uint32_t> index(network.broadcasters.size(), kNoNode);
  for (std::size_t i = 0; i < set.size(); ++i) index[set.hosts[i]] = static_cast<std::uint32_t>(i);
  return index;
}

// Coverage over the follows: a bit per fan says "already reached by the set".
// A host's fanbases are scanned largest last: fans of the earlier ones are marked as they
// are counted (a person following the host on two platforms counts once), the last one
// only counts, and the marks are undone afterwards unless the host is being added.
class ExactOracle final : public ReachOracle {
 public:
  ExactOracle(const Network& network, HostSet set)
      : network_(network),
        set_(std::move(set)),
        index_(index_of(network, set_)),
        reached_((network.fans.size() + 63) / 64, 0) {
    weights_ = network.fans.weights.empty() ? nullptr : network.fans.weights.span().data();
    if (set_.province_code) codes_ = network.fans.province.codes().span().data();
    for (std::vector<NodeId>& fanbases : set_.fanbases)
      std::ranges::sort(fanbases, {}, [&](NodeId fanbase) {
        return network.relations.followers.degree(fanbase);
      });
  }

  ReachMethod method() const override { return ReachMethod::exact; }
  double value() const override { return static_cast<double>(value_); }

  double gain(NodeId host) override {
    ++evaluations_;
    const std::size_t before = marked_.size();
    const std::uint64_t people = scan(host, /*mark_all=*/false);
    for (std::size_t i = before; i < marked_.size(); ++i) flip(marked_[i]);
    marked_.resize(before);
    return static_cast<double>(people);
  }

  double add(NodeId host) override {
    ++evaluations_;
    const std::uint64_t people = scan(host, /*mark_all=*/true);
    value_ += people;
    return static_cast<double>(people);
  }

  void clear() override {
    for (NodeId fan : marked_) flip(fan);
    marked_.clear();
    value_ = 0;
  }

 private:
  bool is_reached(NodeId fan) const { return reached_[fan >> 6] >> (fan & 63) & 1; }
  void flip(NodeId fan) { reached_[fan >> 6] ^= std::uint64_t{1} << (fan & 63); }

  std::uint64_t scan(NodeId host, bool mark_all) {
    const std::vector<NodeId>& fanbases = set_.fanbases[index_[host]];
    std::uint64_t people = 0;
    for (std::size_t i = 0; i < fanbases.size(); ++i) {
      const bool mark = mark_all || i + 1 < fanbases.size();
      for (NodeId fan : network_.relations.followers.neighbours(fanbases[i])) {
        if (is_reached(fan) || (codes_ != nullptr && codes_[fan] != *set_.province_code)) continue;
        people += weights_ == nullptr ? 1 : weights_[fan];
        if (mark) {
          flip(fan);
          marked_.push_back(fan);
        }
      }
    }
    return people;
  }

  const Network& network_;
  HostSet set_;
  std::vector<std::uint32_t> index_;
  std::vector<std::uint64_t> reached_;
  std::vector<NodeId> marked_;  // fans whose bit is set: the set's, then a query's
  const std::uint64_t* weights_ = nullptr;
  const std::uint32_t* codes_ = nullptr;
  std::uint64_t value_ = 0;
};

// HyperLogLog registers per candidate, built once from the follows (platform and region
// filters applied); the set is the register-wise max of its hosts'.
class SketchOracle final : public ReachOracle {
 public:
  SketchOracle(const Network& network, const HostSet& set, int precision)
      : index_(index_of(network, set)),
        m_(hll_registers(precision)),
        registers_(set.size() * m_, 0),
        union_(m_, 0),
        scratch_(m_, 0) {
    for (std::size_t h = 0; h < set.size(); ++h) {
      std::span<std::uint8_t> host = std::span(registers_).subspan(h * m_, m_);
      for (NodeId fanbase : set.fanbases[h])
        for (NodeId fan : network.relations.followers.neighbours(fanbase))
          if (set.counts(network, fan)) hll_insert_fan(host, fan, network.fans.weight(fan));
    }
    value_ = hll_estimate(union_);
  }

  ReachMethod method() const override { return ReachMethod::sketch; }
  double value() const override { return value_; }

  double gain(NodeId host) override {
    ++evaluations_;
    scratch_ = union_;
    merge_registers(scratch_, of(host));
    return std::max(0.0, hll_estimate(scratch_) - value_);
  }

  double add(NodeId host) override {
    ++evaluations_;
    merge_registers(union_, of(host));
    const double before = value_;
    value_ = std::max(before, hll_estimate(union_));
    return value_ - before;
  }

  void clear() override {
    std::ranges::fill(union_, 0);
    value_ = hll_estimate(union_);
  }

 private:
  std::span<const std::uint8_t> of(NodeId host) const {
    return std::span(registers_).subspan(std::size_t{index_[host]} * m_, m_);
  }

  std::vector<std::uint32_t> index_;
  std::size_t m_;
  std::vector<std::uint8_t> registers_;  // candidate-major
  std::vector<std::uint8_t> union_, scratch_;
  double value_ = 0;
};

// The random duplication model of reach_declared.hpp, kept incrementally: per platform p
// the probability a person on p is missed by every chosen host, M_p = Π_i (1 − q_ip);
// reach = U·(1 − Π_p (1 − (N_p/U)(1 − M_p))). U is the largest population among the
// platforms any candidate is on, fixed for the whole plan so that the function does not
// change as hosts are added (reach --method declared takes U over the chosen hosts only,
// which agrees whenever one platform is involved or the largest is among the chosen).
class DeclaredOracle final : public ReachOracle {
 public:
  DeclaredOracle(const Network& network, const HostSet& set) : index_(index_of(network, set)) {
    if (set.province_code)
      throw UsageError({"declared fan counts have no provinces, so ", Parameter{"region"},
                        " needs follows (", Parameter{"method"}, " exact or sketch)"});
    const std::vector<NodeId> involved =
        declared_platforms(network, set,
                           {", plan on one platform (", Parameter{"platform"}, ") or use follows (",
                            Parameter{"method"}, " exact)"});
    for (NodeId platform : involved) {
      const std::uint64_t population = network.platforms.population[platform];
      universe_ = std::max(universe_, static_cast<double>(population));
    }
    platforms_ = involved.size();
    for (NodeId platform : involved)
      presence_.push_back(static_cast<double>(network.platforms.population[platform]) / universe_);
    keep_.assign(set.size() * platforms_, 1.0);
    for (std::size_t h = 0; h < set.size(); ++h)
      for (NodeId fanbase : set.fanbases[h]) {
        const auto column = std::ranges::find(involved, network.fanbases.platform[fanbase]);
        if (column == involved.end()) continue;
        const double population = static_cast<double>(network.platforms.population[*column]);
        keep_[h * platforms_ + (column - involved.begin())] =
            1.0 - std::min(1.0, static_cast<double>(network.fanbases.fans[fanbase]) / population);
      }
    missed_.assign(platforms_, 1.0);
  }

  ReachMethod method() const override { return ReachMethod::declared; }
  double value() const override { return value_; }

  double gain(NodeId host) override {
    ++evaluations_;
    return std::max(0.0, reach_with(host) - value_);
  }

  double add(NodeId host) override {
    ++evaluations_;
    const double before = value_;
    const double* keep = &keep_[std::size_t{index_[host]} * platforms_];
    for (std::size_t p = 0; p < platforms_; ++p) missed_[p] *= keep[p];
    value_ = std::max(before, reach_with(kNoNode));
    return value_ - before;
  }

  void clear() override {
    std::ranges::fill(missed_, 1.0);
    value_ = 0;
  }

 private:
  // Model reach of the set, plus `host` unless it is kNoNode. O(platforms).
  double reach_with(NodeId host) const {
    const double* keep = host == kNoNode ? nullptr : &keep_[std::size_t{index_[host]} * platforms_];
    double unreached = 1.0;
    for (std::size_t p = 0; p < platforms_; ++p) {
      const double missed = missed_[p] * (keep ? keep[p] : 1.0);
      unreached *= 1.0 - presence_[p] * (1.0 - missed);
    }
    return universe_ * (1.0 - unreached);
  }

  std::vector<std::uint32_t> index_;
  std::size_t platforms_ = 0;
  double universe_ = 0;
  std::vector<double> presence_;  // N_p / U
  std::vector<double> keep_;      // [candidate][platform]: 1 − q_ip
  std::vector<double> missed_;    // M_p
  double value_ = 0;
};

}  // namespace

std::unique_ptr<ReachOracle> make_reach_oracle(const Network& network,
                                               std::span<const NodeId> candidates,
                                               const OracleOptions& options) {
  HostSet set = make_host_set(network, candidates, options.platform, options.region);
  ReachMethod method = options.method;
  if (method == ReachMethod::automatic)
    method = network.follow_count() > 0 ? ReachMethod::exact : ReachMethod::declared;
  if ((method == ReachMethod::exact || method == ReachMethod::sketch) &&
      network.follow_count() == 0)
    throw UsageError({std::string(to_string(method)) +
                          " planning needs follows (follows.csv); this dataset has none, so use ",
                      Parameter{"method"}, " declared"});
  switch (method) {
    case ReachMethod::sketch:
      return std::make_unique<SketchOracle>(network, set, options.sketch_precision);
    case ReachMethod::declared:
      return std::make_unique<DeclaredOracle>(network, set);
    default:
      return std::make_unique<ExactOracle>(network, std::move(set));
  }
}

}  // namespace castgraph
