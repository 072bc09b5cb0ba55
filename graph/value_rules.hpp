// The rules every value of a Network obeys, in one place: the CSV loader applies them
// row by row (naming the file, line and column), and graph/network_check.cpp applies the
// same rules to a snapshot's columns, so a snapshot cannot hold what the CSV refuses.
//
// Why the totals are bounded: every figure castgraph prints is a sum of these values.
// Reach (unique or gross, per host, a plan's gains and totals, a community's reach) sums
// fan weights over follows; tiers and info sum declared fans; plan sums fees; PageRank and
// modularity sum collab weights and multiply two such sums. Refusing a dataset whose
// totals pass the limits below at load makes every one of those sums exact (integers) or
// finite (amounts), instead of wrapping or turning into inf/NaN later:
//   - a count (declared fans, a fan's weight, a population) is at most 2^63 - 1, the
//     largest signed 64-bit integer, so that every count and total also fits the "long"
//     of GraphML, GEXF, Java (Gephi) and igraph, and a signed sum;
//   - the declared fans of all fanbases sum to at most 2^63 - 1;
//   - the weights of all fans (those of fans.csv, and those met only in follows.csv, who
//     weigh 1) sum to at most 2^63 - 1: the people of the network (info); and so do the
//     weights of the fans of the follows, a fan counted once per follow row: this bounds
//     every reach, which counts a person at most once per host. A sum of squared weights
//     (a standard error's) then stays below 2^126, meaningful in a double or long double;
//   - an amount (a fee, a collab weight) is finite and not negative; a fee may be unknown
//     (NaN);
//   - the known fees sum to at most 1e150, and so do the collab weights (each pair once):
//     a product of two such totals (modularity's strengths) is still finite.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace castgraph {

inline constexpr std::uint64_t kMaxCount = (std::uint64_t{1} << 63) - 1;
inline constexpr double kMaxAmountTotal = 1e150;

// A double that counts (an estimate, a sum of weights in floating point) as a count:
// rounded to the nearest, NaN and negatives as 0, and from 2^64 on held at 2^64 - 1.
// Converting a double outside an integer's range is undefined (x86 gives 2^63 or 0),
// and std::llround is undefined from 2^63 on, so every such conversion goes through here.
std::uint64_t rounded_count(double value);

// What is wrong with one value, phrased after `what` ("fans", "fee"), or nullopt. An
// amount's message quotes `found`, the value as the input spelled it.
std::optional<std::string> count_problem(std::uint64_t value, std::string_view what);
std::optional<std::string> amount_problem(double value, std::string_view what,
                                          std::string_view found);

// A running total of counts: add() returns false once the total passes kMaxCount (the
// total then stays past it).
class CountTotal {
 public:
  bool add(std::uint64_t value) {
    total_ = value > kMaxCount - total_ ? kMaxCount + 1 : total_ + value;
    return total_ <= kMaxCount;
  }
  std::uint64_t value() const { return total_; }

 private:
  std::uint64_t total_ = 0;  // at most kMaxCount + 1
};

// A running total of amounts: add() returns false once it passes kMaxAmountTotal. NaN
// (an unknown fee) adds nothing.
class AmountTotal {
 public:
  bool add(double value) {
    if (value == value) total_ += value;
    return total_ <= kMaxAmountTotal;
  }
  double value() const { return total_; }

 private:
  double total_ = 0;
};

// The message for a total that passes its limit: "the total of the fees passes 1e150 here; ...".
std::string count_total_problem(std::string_view total);
std::string amount_total_problem(std::string_view total);

// The rules on whole columns, for a snapshot: the first problem, naming `column`.
// Counts: each value a count (or kUnknownCount where `unknown_allowed`); summed to at
// most kMaxCount when `totalled`.
std::optional<std::string> counts_problem(std::string_view column,
                                          std::span<const std::uint64_t> values,
                                          bool unknown_allowed, bool totalled);
// Amounts: each value an amount (or NaN where `unknown_allowed`); summed, divided by
// `counted_times` (a symmetric relation holds each pair twice), to at most kMaxAmountTotal.
std::optional<std::string> amounts_problem(std::string_view column, std::span<const double> values,
                                           bool unknown_allowed, unsigned counted_times = 1);
// The weights of the fans of the follows: fan f's weight counted once per follow, the
// follows of fan f being offsets[f + 1] - offsets[f]. Empty `weights`: every fan weighs 1.
std::optional<std::string> follow_weights_problem(std::span<const std::uint64_t> offsets,
                                                  std::span<const std::uint64_t> weights);

}  // namespace castgraph
