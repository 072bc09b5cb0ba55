// The exact planning oracle over MPI ranks. Rank 0 asks, every rank answers for the fans
// it owns, and since each fan lives on one rank the people a host would add are the sum
// of the ranks' answers: exact, and castgraph's number for any count of ranks.
//
// Each question is one broadcast from rank 0 (what to do, and for which candidates) and
// one reduce of integers to it; the first round of gains, one per candidate, is a single
// broadcast and one vector reduce (ReachOracle::gains). Rank 0 also answers for its own
// fans. The other ranks run serve_plan_questions() until rank 0 says it is done.
//
// Failing together: a question that fails on a rank (memory) is answered with zeros, and
// the failure kept; rank 0 throws it after the reduce, so no rank leaves a collective
// early, and every rank reports it at the next agreement (agreement.hpp).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "algorithms/coverage_rows.hpp"
#include "algorithms/plan_oracle.hpp"
#include "algorithms/reached_fans.hpp"
#include "mpi/agreement.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// One rank's side of the conversation: its shard and, once rank 0 opens it, the
// candidates' exact coverage over the shard's fans.
class PlanAnswers {
 public:
  PlanAnswers(World& world, const Network& shard) : world_(world), shard_(shard) {}
  // Answers one question (a message from rank 0) for this rank's fans; collective for
  // the questions that reduce. False when the message says the conversation is over.
  bool answer(const std::string& question);
  // The first failure met while answering, if any.
  const std::optional<LocalFailure>& failure() const { return failure_; }
  std::optional<LocalFailure> take_failure() { return std::exchange(failure_, std::nullopt); }
  World& world() { return world_; }

  // Rank 0's part, called with the question it broadcast: the reduced answer.
  std::vector<std::uint64_t> reduced_answer(const std::string& question);
  // Rank 0's part of a rows question: every rank's rows, merged.
  CoverageRows merged_rows(const std::string& question);
  // Rank 0's part of a registers question: every rank's registers, merged by a max.
  std::vector<std::uint8_t> merged_registers(const std::string& question);

 private:
  std::vector<std::uint64_t> local_answer(std::string_view question, std::size_t expected);
  std::string local_rows(std::string_view question);
  std::vector<std::uint8_t> local_registers(std::string_view question);

  World& world_;
  const Network& shard_;
  std::unique_ptr<ReachedFans> fans_;
  std::optional<LocalFailure> failure_;
};

// Ranks other than 0: answers rank 0's questions until it is done.
void serve_plan_questions(PlanAnswers& answers);
// Rank 0: tells the other ranks the conversation is over. Collective with the above.
void end_plan_questions(PlanAnswers& answers);

// Which fanbases and fans count: as OracleOptions and make_host_set say them.
struct PlanFilter {
  std::optional<NodeId> platform;
  std::string region, city;  // labels of fans' provinces or cities; "" for any
};

// Rank 0: the oracle over `candidates` (counting what `filter` lets through), answered by
// all ranks.
std::unique_ptr<ReachOracle> make_rank_oracle(PlanAnswers& answers,
                                              std::span<const NodeId> candidates,
                                              const PlanFilter& filter);
// Rank 0: the rows of the candidates of `set` (its platform `platform`, and its place)
// over every rank's fans, merged.
CoverageRows gather_coverage_rows(PlanAnswers& answers, const HostSet& set,
                                  std::optional<NodeId> platform, std::span<const char> modelled,
                                  std::span<const double> alone);

// Rank 0: each candidate's people alone and added to `roster` over all ranks, as
// candidate_reach counts them on one node (the LP bound's focus without the greedy's hints).
CandidateReach gather_candidate_reach(PlanAnswers& answers, const HostSet& set,
                                      std::optional<NodeId> platform,
                                      std::span<const std::size_t> roster);

// Rank 0: the HyperLogLog registers of the candidates of `set` (its platform `platform`,
// and its place) over every rank's fans, in set_host_registers' layout: each rank builds
// its own, and a max-reduce merges them into the registers one node builds, since fans
// are hashed by their external id. Moves candidates · 2^precision bytes per rank.
std::vector<std::uint8_t> gather_sketch_registers(PlanAnswers& answers, const HostSet& set,
                                                  std::optional<NodeId> platform, int precision);

}  // namespace castgraph::mpi
