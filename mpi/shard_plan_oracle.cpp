#include "mpi/shard_plan_oracle.hpp"

#include <cstring>
#include <unordered_map>
#include <utility>

#include "algorithms/reach_sketch.hpp"
#include "mpi/wire.hpp"

namespace castgraph::mpi {
namespace {

// The questions rank 0 asks, the first byte of each message.
enum Question : char {
  kOpen = 'O',    // filter, candidates: start the coverage of these hosts, nothing reached
  kGain = 'G',    // candidate index: the people it would add
  kGains = 'B',   // candidate indices: the people each would add
  kAdd = 'A',     // candidate index: add it, and the people it added
  kClear = 'C',   // back to nothing reached
  kRows = 'R',    // filter, candidates, modelled flags: this rank's compressed rows, to rank 0
  kScan = 'S',    // filter, candidates, roster: each candidate's reach alone and added
  kSketch = 'K',  // filter, candidates, precision: their registers, max-merged
  kDone = 'D',    // the plan is over
};

void put_hosts(std::string& out, const PlanFilter& filter, std::span<const NodeId> hosts) {
  put(out, std::uint32_t{filter.platform ? *filter.platform : kNoNode});
  put(out, filter.region);
  put(out, filter.city);
  put(out, static_cast<std::uint32_t>(hosts.size()));
  for (NodeId host : hosts) put(out, std::uint32_t{host});
}

struct HostsAsked {
  PlanFilter filter;
  std::vector<NodeId> hosts;
};

HostsAsked take_hosts(WireReader& in) {
  HostsAsked asked;
  if (const auto platform = in.number<std::uint32_t>(); platform != kNoNode)
    asked.filter.platform = platform;
  asked.filter.region = in.text();
  asked.filter.city = in.text();
  asked.hosts.resize(in.number<std::uint32_t>());
  for (NodeId& host : asked.hosts) host = in.number<std::uint32_t>();
  return asked;
}

// The hosts asked for, as make_host_set counts them on this rank's fans; places resolve
// alike on every rank, since every shard numbers them as one process does.
HostSet host_set(const Network& shard, const HostsAsked& asked) {
  return make_host_set(shard, asked.hosts, asked.filter.platform, asked.filter.region,
                       asked.filter.city);
}

// The filter of a set made on rank 0: its place, as a province or a city.
PlanFilter filter_of(const HostSet& set, std::optional<NodeId> platform) {
  return {platform, set.by_city ? "" : set.region, set.by_city ? set.region : ""};
}

void put_double(std::string& out, double value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}
double take_double(WireReader& in) {
  const auto bits = in.number<std::uint64_t>();
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

std::string pack_rows(const CoverageRows& rows) {
  std::string out;
  put(out, static_cast<std::uint64_t>(rows.candidates()));
  for (double solo : rows.solo) put_double(out, solo);
  put(out, rows.fans);
  put(out, static_cast<std::uint64_t>(rows.rows()));
  for (std::size_t r = 0; r < rows.rows(); ++r) {
    const auto row = rows.row(r);
    put(out, static_cast<std::uint32_t>(row.size()));
    for (std::uint32_t c : row) put(out, c);
    put_double(out, rows.weights[r]);
  }
  return out;
}

CoverageRows unpack_rows(std::string_view bytes) {
  WireReader in(bytes);
  CoverageRows rows;
  rows.solo.resize(in.number<std::uint64_t>());
  for (double& solo : rows.solo) solo = take_double(in);
  rows.fans = in.number<std::uint64_t>();
  const auto count = in.number<std::uint64_t>();
  rows.offsets.push_back(0);
  for (std::uint64_t r = 0; r < count; ++r) {
    const auto size = in.number<std::uint32_t>();
    for (std::uint32_t i = 0; i < size; ++i) rows.members.push_back(in.number<std::uint32_t>());
    rows.offsets.push_back(rows.members.size());
    rows.weights.push_back(take_double(in));
  }
  return rows;
}

// Rank 0's oracle: each question goes to every rank (see the header).
class RankOracle final : public ReachOracle {
 public:
  RankOracle(PlanAnswers& answers, std::span<const NodeId> candidates, const PlanFilter& filter)
      : answers_(answers) {
    for (std::size_t i = 0; i < candidates.size(); ++i)
      index_[candidates[i]] = static_cast<std::uint32_t>(i);
    std::string question(1, kOpen);
    put_hosts(question, filter, candidates);
    ask(question);
  }

  ReachMethod method() const override { return ReachMethod::exact; }
  double value() const override { return static_cast<double>(people_); }

  double gain(NodeId host) override {
    ++evaluations_;
    return static_cast<double>(ask_about(kGain, host));
  }

  void gains(std::span<const NodeId> hosts, std::span<double> out) override {
    evaluations_ += hosts.size();
    std::string question(1, kGains);
    for (NodeId host : hosts) put(question, index_.at(host));
    const std::vector<std::uint64_t> people = ask(question);
    for (std::size_t i = 0; i < hosts.size(); ++i) out[i] = static_cast<double>(people[i]);
  }

  double add(NodeId host) override {
    ++evaluations_;
    const std::uint64_t added = ask_about(kAdd, host);
    people_ += added;
    return static_cast<double>(added);
  }

  void clear() override {
    ask(std::string(1, kClear));
    people_ = 0;
  }

 private:
  std::uint64_t ask_about(Question what, NodeId host) {
    std::string question(1, what);
    put(question, index_.at(host));
    return ask(question)[0];
  }

  // Broadcasts the question, answers it here too, and throws what any part of that met
  // on this rank only after the reduce, so that no rank is left waiting in it.
  std::vector<std::uint64_t> ask(const std::string& question) {
    std::vector<std::uint64_t> answer = answers_.reduced_answer(question);
    if (std::optional<LocalFailure> failure = answers_.take_failure())
      std::rethrow_exception(failure->error);
    return answer;
  }

  PlanAnswers& answers_;
  std::unordered_map<NodeId, std::uint32_t> index_;
  std::uint64_t people_ = 0;
};

}  // namespace

std::vector<std::uint64_t> PlanAnswers::local_answer(std::string_view question,
                                                     std::size_t expected) {
  std::vector<std::uint64_t> people(expected, 0);
  auto failed = attempt([&] {
    WireReader in(question.substr(1));
    switch (question[0]) {
      case kOpen: {
        fans_.reset();
        const HostsAsked asked = take_hosts(in);
        fans_ = std::make_unique<ReachedFans>(shard_, host_set(shard_, asked));
        break;
      }
      case kClear:
        if (fans_) fans_->clear();
        break;
      case kGain:
      case kGains:
        for (std::uint64_t& count : people)
          if (const auto index = in.number<std::uint32_t>(); fans_) count = fans_->gain(index);
        break;
      case kAdd:
        if (const auto index = in.number<std::uint32_t>(); fans_) people[0] = fans_->add(index);
        break;
      case kScan: {
        // Sums of whole fan weights, so whole numbers: exact as integers over the ranks.
        const HostsAsked asked = take_hosts(in);
        std::vector<std::size_t> roster(in.number<std::uint32_t>());
        for (std::size_t& c : roster) c = in.number<std::uint32_t>();
        const CandidateReach reach = candidate_reach(shard_, host_set(shard_, asked), roster);
        for (std::size_t c = 0; c < asked.hosts.size(); ++c) {
          people[c] = static_cast<std::uint64_t>(reach.alone[c]);
          people[asked.hosts.size() + c] = static_cast<std::uint64_t>(reach.added[c]);
        }
        break;
      }
      default:
        break;
    }
  });
  if (failed && !failure_) failure_ = std::move(failed);
  return people;
}

// How many numbers the answer to `question` holds (the same on every rank).
std::size_t answer_size(std::string_view question) {
  switch (question[0]) {
    case kGain:
    case kAdd:
      return 1;
    case kGains:
      return (question.size() - 1) / sizeof(std::uint32_t);
    case kScan: {
      WireReader in(question.substr(1));
      return 2 * take_hosts(in).hosts.size();  // alone, then added
    }
    default:
      return 0;
  }
}

std::string PlanAnswers::local_rows(std::string_view question) {
  std::string packed;
  auto failed = attempt([&] {
    WireReader in(question.substr(1));
    const HostsAsked asked = take_hosts(in);
    std::vector<char> modelled(in.number<std::uint32_t>());
    for (char& flag : modelled) flag = static_cast<char>(in.number<std::uint8_t>());  // 0 or 1
    // Rank 0 puts each unmodelled candidate's reach alone in once, after the merge.
    const std::vector<double> no_people(modelled.empty() ? 0 : asked.hosts.size(), 0.0);
    packed = pack_rows(compress_coverage(shard_, host_set(shard_, asked), modelled, no_people));
  });
  if (failed) {
    if (!failure_) failure_ = std::move(failed);
    packed.clear();
  }
  return packed;
}

std::vector<std::uint8_t> PlanAnswers::local_registers(std::string_view question) {
  WireReader in(question.substr(1));
  const HostsAsked asked = take_hosts(in);
  const auto precision = static_cast<int>(in.number<std::uint32_t>());
  std::vector<std::uint8_t> registers;
  auto failed =
      attempt([&] { registers = set_host_registers(shard_, host_set(shard_, asked), precision); });
  if (failed) {
    if (!failure_) failure_ = std::move(failed);
    // Empty registers leave the others' maxima as they are.
    registers.assign(asked.hosts.size() * hll_registers(precision), 0);
  }
  return registers;
}

bool PlanAnswers::answer(const std::string& question) {
  if (question.empty() || question[0] == kDone) return false;
  if (question[0] == kSketch) {
    world_.max(local_registers(question));
    return true;
  }
  if (question[0] == kRows) {
    std::vector<std::string> to(static_cast<std::size_t>(world_.size()));
    to[0] = local_rows(question);
    world_.exchange(to);
    return true;
  }
  const std::size_t size = answer_size(question);
  std::vector<std::uint64_t> mine = local_answer(question, size);
  if (size > 0) world_.sum_at_root(std::move(mine));
  return true;
}

std::vector<std::uint64_t> PlanAnswers::reduced_answer(const std::string& question) {
  world_.broadcast(question, 0);
  const std::size_t size = answer_size(question);
  std::vector<std::uint64_t> mine = local_answer(question, size);
  return size > 0 ? world_.sum_at_root(std::move(mine)) : mine;
}

std::vector<std::uint8_t> PlanAnswers::merged_registers(const std::string& question) {
  world_.broadcast(question, 0);
  std::vector<std::uint8_t> registers = world_.max(local_registers(question));
  if (std::optional<LocalFailure> failure = take_failure()) std::rethrow_exception(failure->error);
  return registers;
}

CoverageRows PlanAnswers::merged_rows(const std::string& question) {
  world_.broadcast(question, 0);
  std::vector<std::string> to(static_cast<std::size_t>(world_.size()));
  to[0] = local_rows(question);
  const std::vector<std::string> from = world_.exchange(to);
  if (std::optional<LocalFailure> failure = take_failure()) std::rethrow_exception(failure->error);
  std::vector<CoverageRows> parts;
  for (const std::string& bytes : from)
    if (!bytes.empty()) parts.push_back(unpack_rows(bytes));
  return merge_coverage(parts);
}

void serve_plan_questions(PlanAnswers& answers) {
  while (answers.answer(answers.world().broadcast(std::string(), 0))) {
  }
}

void end_plan_questions(PlanAnswers& answers) {
  answers.world().broadcast(std::string(1, kDone), 0);
}

std::unique_ptr<ReachOracle> make_rank_oracle(PlanAnswers& answers,
                                              std::span<const NodeId> candidates,
                                              const PlanFilter& filter) {
  return std::make_unique<RankOracle>(answers, candidates, filter);
}

CoverageRows gather_coverage_rows(PlanAnswers& answers, const HostSet& set,
                                  std::optional<NodeId> platform, std::span<const char> modelled,
                                  std::span<const double> alone) {
  std::string question(1, kRows);
  put_hosts(question, filter_of(set, platform), set.hosts);
  put(question, static_cast<std::uint32_t>(modelled.size()));
  question.append(modelled.begin(), modelled.end());  // one byte per candidate
  CoverageRows rows = answers.merged_rows(question);
  for (std::size_t c = 0; c < modelled.size(); ++c)
    if (!modelled[c]) rows.solo[c] = alone[c];
  return rows;
}

CandidateReach gather_candidate_reach(PlanAnswers& answers, const HostSet& set,
                                      std::optional<NodeId> platform,
                                      std::span<const std::size_t> roster) {
  std::string question(1, kScan);
  put_hosts(question, filter_of(set, platform), set.hosts);
  put(question, static_cast<std::uint32_t>(roster.size()));
  for (std::size_t c : roster) put(question, static_cast<std::uint32_t>(c));
  const std::vector<std::uint64_t> sums = answers.reduced_answer(question);
  const std::size_t n = set.hosts.size();
  CandidateReach reach{std::vector<double>(n), std::vector<double>(n)};
  for (std::size_t c = 0; c < n; ++c) {
    reach.alone[c] = static_cast<double>(sums[c]);
    reach.added[c] = static_cast<double>(sums[n + c]);
  }
  return reach;
}

std::vector<std::uint8_t> gather_sketch_registers(PlanAnswers& answers, const HostSet& set,
                                                  std::optional<NodeId> platform, int precision) {
  std::string question(1, kSketch);
  put_hosts(question, filter_of(set, platform), set.hosts);
  put(question, static_cast<std::uint32_t>(precision));
  return answers.merged_registers(question);
}

}  // namespace castgraph::mpi
