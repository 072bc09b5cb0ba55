#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <vector>

#include "graph/csr_builder.hpp"

using namespace castgraph;

namespace {
std::vector<NodeId> row(const Csr& csr, NodeId r) {
  const auto span = csr.neighbours(r);
  return {span.begin(), span.end()};
}
}  // namespace

//   0 -> {2, 1}, 1 -> {}, 2 -> {0, 0 (repeat)}
TEST_CASE("a CSR groups edges by source and can drop repeated targets", "[graph]") {
  const std::vector<NodeId> sources{0, 2, 0, 2};
  const std::vector<NodeId> targets{2, 0, 1, 0};
  const Csr kept = build_csr(3, sources, targets, false);
  CHECK(row(kept, 0) == std::vector<NodeId>{2, 1});
  CHECK(row(kept, 1).empty());
  CHECK(row(kept, 2) == std::vector<NodeId>{0, 0});

  const Csr unique = build_csr(3, sources, targets, true);
  CHECK(unique.edges() == 3);
  CHECK(row(unique, 0) == std::vector<NodeId>{1, 2});
  CHECK(row(unique, 2) == std::vector<NodeId>{0});
}

TEST_CASE("transposing a CSR gives every reversed edge once, rows sorted", "[graph]") {
  std::mt19937 random(7);
  std::vector<NodeId> sources, targets;
  std::set<std::pair<NodeId, NodeId>> reference;
  for (int i = 0; i < 2000; ++i) {
    const NodeId s = random() % 50, t = random() % 30;
    sources.push_back(s);
    targets.push_back(t);
    reference.insert({t, s});
  }
  const Csr forward = build_csr(50, sources, targets, true);
  const Csr backward = transpose(forward, 30);
  std::set<std::pair<NodeId, NodeId>> seen;
  for (NodeId t = 0; t < 30; ++t) {
    const auto list = row(backward, t);
    CHECK(std::is_sorted(list.begin(), list.end()));
    for (NodeId s : list) seen.insert({t, s});
  }
  CHECK(backward.edges() == reference.size());
  CHECK(seen == reference);
}

TEST_CASE("a column with gaps becomes a CSR with empty rows for the gaps", "[graph]") {
  const std::vector<NodeId> base_of_host{1, kNoNode, 0, 1};
  const Csr members = transpose(csr_from_column(base_of_host), 2);
  CHECK(row(members, 0) == std::vector<NodeId>{2});
  CHECK(row(members, 1) == std::vector<NodeId>{0, 3});
}

// The reference is build_csr with every target spelled out. Sources are random; targets
// come in runs of random length (1 to 6, so both long runs and single-edge runs), with
// targets repeating across runs, out of order, as an ungrouped follows.csv would have them.
TEST_CASE("targets given as runs build the same CSR as targets spelled out", "[graph]") {
  std::mt19937 random(11);
  std::vector<NodeId> sources, targets;
  std::vector<TargetRun> runs;
  while (sources.size() < 3000) {
    const NodeId target = random() % 40;
    const std::size_t length = 1 + random() % 6;
    for (std::size_t i = 0; i < length; ++i) {
      sources.push_back(random() % 100);
      targets.push_back(target);
      append_target(runs, target);
    }
  }
  CHECK(runs.size() < sources.size());  // neighbouring edges did share targets
  for (bool deduplicate : {false, true}) {
    const Csr expected = build_csr(100, sources, targets, deduplicate);
    const Csr from_runs = build_csr(100, sources, runs, deduplicate);
    CHECK(std::ranges::equal(from_runs.offsets(), expected.offsets()));
    CHECK(std::ranges::equal(from_runs.targets(), expected.targets()));
  }
}

TEST_CASE("append_target extends the last run only when the target repeats", "[graph]") {
  std::vector<TargetRun> runs;
  for (NodeId target : {4, 4, 4, 2, 4, 4}) append_target(runs, target);
  REQUIRE(runs.size() == 3);
  CHECK((runs[0].target == 4 && runs[0].length == 3));
  CHECK((runs[1].target == 2 && runs[1].length == 1));
  CHECK((runs[2].target == 4 && runs[2].length == 2));
  CHECK(build_csr(1, std::vector<NodeId>{}, std::vector<TargetRun>{}, true).edges() ==
        0);  // no runs
}
