#include "algorithms/plan_oracle.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "algorithms/host_set.hpp"
#include "algorithms/hyperloglog.hpp"
#include "algorithms/reach_declared.hpp"
#include "algorithms/reach_sketch.hpp"
#include "algorithms/reached_fans.hpp"

namespace castgraph {
namespace {

// Candidate host -> its row in the HostSet, for O(1) look-up by host id.
std::vector<std::uint32_t> index_of(const Network& network, const HostSet& set) {
  std::vector<std::uint32_t> index(network.broadcasters.size(), kNoNode);
  for (std::size_t i = 0; i < set.size(); ++i) index[set.hosts[i]] = static_cast<std::uint32_t>(i);
  return index;
}

// Coverage over the follows, on the exact kernel shared with per-host reach
// (reached_fans.hpp).
class ExactOracle final : public ReachOracle {
 public:
  ExactOracle(const Network& network, HostSet set)
      : index_(index_of(network, set)), fans_(network, std::move(set)) {}

  ReachMethod method() const override { return ReachMethod::exact; }
  double value() const override { return static_cast<double>(fans_.people()); }

  double gain(NodeId host) override {
    ++evaluations_;
    return static_cast<double>(fans_.gain(index_[host]));
  }

  double add(NodeId host) override {
    ++evaluations_;
    return static_cast<double>(fans_.add(index_[host]));
  }

  void clear() override { fans_.clear(); }

 private:
  std::vector<std::uint32_t> index_;
  ReachedFans fans_;
};

// HyperLogLog registers per candidate, built once from the follows (platform and region
// filters applied); the set is the register-wise max of its hosts'.
class SketchOracle final : public ReachOracle {
 public:
  SketchOracle(const Network& network, const HostSet& set, std::vector<std::uint8_t> registers,
               int precision)
      : index_(index_of(network, set)),
        m_(hll_registers(precision)),
        registers_(std::move(registers)),
        union_(m_, 0),
        scratch_(m_, 0) {
    if (registers_.size() != set.size() * m_)
      throw std::logic_error("sketch oracle: registers of another set or precision");
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

// The random duplication model of reach_declared.hpp (DeclaredModel), kept
// incrementally: per platform p the probability M_p = Π_i (1 − q_ip) that a person on p
// is missed by every chosen host. The model is built over the candidates, so its market
// U is the largest population among the platforms any candidate is on, fixed for the
// whole plan so that the function does not change as hosts are added. reach --method
// declared builds it over the chosen hosts, so the two agree whenever their U does: one
// platform involved, or the largest among the chosen.
class DeclaredOracle final : public ReachOracle {
 public:
  DeclaredOracle(const Network& network, const HostSet& set)
      : index_(index_of(network, set)),
        model_(network, set,
               {", plan on one platform (", Parameter{"platform"}, ") or use follows (",
                Parameter{"method"}, " exact)"}),
        missed_(model_.platforms(), 1.0),
        with_host_(model_.platforms()) {}

  ReachMethod method() const override { return ReachMethod::declared; }
  double value() const override { return value_; }

  double gain(NodeId host) override {
    ++evaluations_;
    for (std::size_t p = 0; p < missed_.size(); ++p)
      with_host_[p] = missed_[p] * (1.0 - model_.share(index_[host], p));
    return std::max(0.0, model_.reach_given_missed(with_host_) - value_);
  }

  double add(NodeId host) override {
    ++evaluations_;
    const double before = value_;
    for (std::size_t p = 0; p < missed_.size(); ++p)
      missed_[p] *= 1.0 - model_.share(index_[host], p);
    value_ = std::max(before, model_.reach_given_missed(missed_));
    return value_ - before;
  }

  void clear() override {
    std::ranges::fill(missed_, 1.0);
    value_ = 0;
  }

 private:
  std::vector<std::uint32_t> index_;
  DeclaredModel model_;
  std::vector<double> missed_;     // M_p
  std::vector<double> with_host_;  // M_p with the host asked about
  double value_ = 0;
};

}  // namespace

std::unique_ptr<ReachOracle> make_sketch_oracle(const Network& network, const HostSet& set,
                                                std::vector<std::uint8_t> registers,
                                                int precision) {
  return std::make_unique<SketchOracle>(network, set, std::move(registers), precision);
}

std::unique_ptr<ReachOracle> make_reach_oracle(const Network& network,
                                               std::span<const NodeId> candidates,
                                               const OracleOptions& options) {
  HostSet set = make_host_set(network, candidates, options.platform, options.region, options.city);
  const ReachMethod method = resolve_reach_method(network, options.method, ReachQuery::planning);
  switch (method) {
    case ReachMethod::sketch:
      return make_sketch_oracle(network, set,
                                set_host_registers(network, set, options.sketch_precision),
                                options.sketch_precision);
    case ReachMethod::declared:
      return std::make_unique<DeclaredOracle>(network, set);
    default:
      return std::make_unique<ExactOracle>(network, std::move(set));
  }
}

}  // namespace castgraph
