// MinTree: the priority queue of Fraudar's peeling (Hooi et al., KDD 2016, Algorithm 1,
// after the authors' own "MinTree"): a complete binary tree over n slots whose inner
// nodes hold the smallest value below them. Lowering or raising one slot is O(log n), and
// so is finding the smallest; no entry is ever duplicated, so memory is 2 x 2^ceil(log2 n)
// floats however many updates there are (a binary heap with lazy deletion would keep one
// entry per update: one per follow edge). Values are floats: the tree only orders the
// peeling, the exact priorities live with the caller.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace castgraph {

class MinTree {
 public:
  static constexpr float kRemoved = std::numeric_limits<float>::infinity();

  // n slots, all kRemoved. O(n).
  explicit MinTree(std::size_t n) : leaves_(1) {
    while (leaves_ < n) leaves_ *= 2;
    values_.assign(2 * leaves_, kRemoved);
  }

  // Sets slot i to `value`; kRemoved takes it out. O(log n).
  void set(std::size_t i, float value) {
    std::size_t node = leaves_ + i;
    values_[node] = value;
    for (node /= 2; node >= 1; node /= 2) {
      const float smallest = std::min(values_[2 * node], values_[2 * node + 1]);
      if (values_[node] == smallest) break;  // nothing above changes
      values_[node] = smallest;
    }
  }

  // Sets every slot at once from `value(i)` for i < n, in O(n): cheaper than n set()s.
  template <class Value>
  void assign(std::size_t n, Value&& value) {
    for (std::size_t i = 0; i < n; ++i) values_[leaves_ + i] = value(i);
    for (std::size_t node = leaves_ - 1; node >= 1; --node)
      values_[node] = std::min(values_[2 * node], values_[2 * node + 1]);
  }

  bool empty() const { return values_[1] == kRemoved; }
  // The slot holding the smallest value (the leftmost of equals). Requires !empty(). O(log n).
  std::size_t smallest() const {
    std::size_t node = 1;
    while (node < leaves_)
      node = values_[2 * node] <= values_[2 * node + 1] ? 2 * node : 2 * node + 1;
    return node - leaves_;
  }

 private:
  std::size_t leaves_;
  std::vector<float> values_;  // 1-based heap layout; leaves at [leaves_, 2 leaves_)
};

}  // namespace castgraph
