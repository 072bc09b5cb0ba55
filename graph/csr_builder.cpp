#include "graph/csr_builder.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>

#include "graph/huge_pages.hpp"

namespace castgraph {

namespace {

// Row counts -> row offsets, in place. `counts` has one slot more than there are rows
// (left 0), which receives the total, so the array never reallocates (it is 8 bytes a
// fan, 392 MB at liaoning scale 1, and on huge pages).
std::vector<std::uint64_t> prefix_offsets(std::vector<std::uint64_t> counts) {
  std::uint64_t running = 0;
  for (auto& count : counts) running += std::exchange(count, running);
  return counts;
}

// Sorts each row and drops repeated targets, compacting the arrays in place.
void sort_and_unique_rows(std::vector<std::uint64_t>& offsets, std::vector<NodeId>& targets) {
  std::uint64_t write = 0;
  for (std::size_t row = 0; row + 1 < offsets.size(); ++row) {
    auto first = targets.begin() + static_cast<std::ptrdiff_t>(offsets[row]);
    auto last = targets.begin() + static_cast<std::ptrdiff_t>(offsets[row + 1]);
    if (last - first > 1) std::sort(first, last);  // most fans follow one or two fanbases
    auto unique_end = std::unique(first, last);
    offsets[row] = write;
    write = static_cast<std::uint64_t>(
        std::move(first, unique_end, targets.begin() + static_cast<std::ptrdiff_t>(write)) -
        targets.begin());
  }
  offsets.back() = write;
  targets.resize(write);
  targets.shrink_to_fit();
}

// Groups edges by source; `next_target()` yields the targets in edge order.
template <class NextTarget>
Csr group_by_source(std::size_t rows, std::span<const NodeId> sources, NextTarget next_target,
                    bool deduplicate) {
  // Both passes jump to random rows (for follows: a random fan per row of the file); the
  // sources are known ahead, so their counters and cursors are prefetched kAhead edges
  // early and the cache misses overlap instead of following one another.
  constexpr std::size_t kAhead = 16;
  const std::size_t edges = sources.size();
  auto counts =
      vector_on_huge_pages<std::uint64_t>(rows + 1, 0);  // random accesses: see huge_pages.hpp
  for (std::size_t i = 0; i < edges; ++i) {
    if (i + kAhead < edges) __builtin_prefetch(&counts[sources[i + kAhead]], 1);
    ++counts[sources[i]];
  }
  auto offsets = prefix_offsets(std::move(counts));

  // offsets[r] serves as row r's cursor, so no copy of the offsets is needed (at 10^8
  // fans that copy was 800 MB of peak memory); afterwards offsets[r] has moved on to the
  // start of row r + 1, and shifting the array back by one restores it.
  auto sorted = vector_on_huge_pages<NodeId>(edges, 0);
  for (std::size_t i = 0; i < edges; ++i) {
    if (i + 2 * kAhead < edges) __builtin_prefetch(&offsets[sources[i + 2 * kAhead]], 1);
    if (i + kAhead < edges) __builtin_prefetch(&sorted[offsets[sources[i + kAhead]]], 1);
    sorted[offsets[sources[i]]++] = next_target();
  }
  if (rows > 0) {
    std::copy_backward(offsets.begin(), offsets.begin() + static_cast<std::ptrdiff_t>(rows - 1),
                       offsets.begin() + static_cast<std::ptrdiff_t>(rows));
    offsets[0] = 0;
  }

  if (deduplicate) sort_and_unique_rows(offsets, sorted);
  return Csr(Column(std::move(offsets)), Column(std::move(sorted)));
}

}  // namespace

Csr build_csr(std::size_t rows, std::span<const NodeId> sources, std::span<const NodeId> targets,
              bool deduplicate) {
  assert(sources.size() == targets.size());
  return group_by_source(
      rows, sources, [next = targets.begin()]() mutable { return *next++; }, deduplicate);
}

void append_target(std::vector<TargetRun>& runs, NodeId target) {
  if (!runs.empty() && runs.back().target == target && runs.back().length < UINT32_MAX)
    ++runs.back().length;
  else
    runs.push_back({target, 1});
}

Csr build_csr(std::size_t rows, std::span<const NodeId> sources, std::span<const TargetRun> runs,
              bool deduplicate) {
  assert(std::accumulate(runs.begin(), runs.end(), std::size_t{0},
                         [](std::size_t sum, const TargetRun& run) { return sum + run.length; }) ==
         sources.size());
  auto run = runs.begin();
  std::uint32_t left = run == runs.end() ? 0 : run->length;  // edges left in *run
  auto next_target = [&] {
    while (left == 0) left = (++run)->length;
    --left;
    return run->target;
  };
  return group_by_source(rows, sources, next_target, deduplicate);
}

Csr transpose(const Csr& forward, std::size_t rows) {
  std::vector<std::uint64_t> counts(rows + 1, 0);
  for (NodeId target : forward.targets()) ++counts[target];
  auto offsets = prefix_offsets(std::move(counts));

  // One write stream per target row: with thousands of them, nearly every write would
  // miss the TLB on small pages.
  auto reversed = vector_on_huge_pages<NodeId>(forward.edges(), 0);
  std::vector<std::uint64_t> cursor(offsets.begin(), offsets.end() - 1);
  // Visiting forward rows in order leaves every reversed row sorted.
  for (NodeId row = 0; row < forward.rows(); ++row)
    for (NodeId target : forward.neighbours(row)) reversed[cursor[target]++] = row;
  return Csr(Column(std::move(offsets)), Column(std::move(reversed)));
}

Csr csr_from_column(std::span<const NodeId> column) {
  std::vector<std::uint64_t> offsets;
  offsets.reserve(column.size() + 1);
  std::vector<NodeId> targets;
  offsets.push_back(0);
  for (NodeId value : column) {
    if (value != kNoNode) targets.push_back(value);
    offsets.push_back(targets.size());
  }
  return Csr(Column(std::move(offsets)), Column(std::move(targets)));
}

}  // namespace castgraph
