// HyperLogLog over people: the register array of Flajolet, Fusy, Gandouet and Meunier
// (2007, "HyperLogLog: the analysis of a near-optimal cardinality estimation algorithm")
// with a 64-bit hash, read by Ertl's improved estimator (2017, "New cardinality estimation
// algorithms for HyperLogLog sketches", algorithm 6), which needs neither bias tables nor
// a small-range switch and has relative standard error about 1.04/sqrt(m) at every size.
//
// Registers are plain bytes, so a snapshot can store them and a query can read them in
// place: every function here takes a span. Union is register-wise max (merge_registers).
//
// Fans. A fan is named by a 64-bit key: its stable hash (graph/fan_hash.hpp, XXH3 of the
// external id), never its dense NodeId, which depends on the order of the input files.
// The same fan then sets the same registers whichever file order, snapshot or machine
// built the sketch, so stored sketches and sketches built on different ranks merge.
//
// Weights. A fan of weight w is w people, so it must count as w distinct items, and the
// same fan in two sketches must set the same registers, or union would not deduplicate.
// insert_fan hashes (fan, 0), ..., (fan, w-1) when w <= kDirectInsertLimit·m. Above that
// it writes the register state those w items would produce, drawn directly: each of the w
// items lands in register j with rho > k with probability 2^-k/m, so register j's value
// R_j has P(R_j <= k) = (1 - 2^-k/m)^w exactly; insert_fan inverts that CDF with a
// uniform hashed from (fan, j). The marginals are exact; only the weak negative
// correlation between registers (the items' multinomial split) is dropped, which is
// O(1/m) and invisible next to the 1.04/sqrt(m) error. Cost O(min(w, m)) per fan.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/ids.hpp"

namespace castgraph {

inline constexpr int kMinHllPrecision = 4;
// 2^16 registers (0.41% standard error) is as precise as a count here needs to be; each
// step up doubles the memory of every sketch (one per fan base in a snapshot: precision
// 18 took 3 GB for the liaoning preset, 16 takes a quarter of that).
inline constexpr int kMaxHllPrecision = 16;
inline constexpr int kDefaultHllPrecision = 14;  // 16384 registers, 0.81% standard error
inline constexpr std::uint64_t kDirectInsertLimit = 2;

// 2^precision; UsageError unless kMinHllPrecision <= precision <= kMaxHllPrecision.
std::size_t hll_registers(int precision);

// The relative standard error of an estimate, 1.04 / sqrt(2^precision).
double hll_relative_error(int precision);

// A stable 64-bit hash of item `item` of the fan whose key is `fan_key` (a mixing of
// both, after SplitMix64 / MurmurHash3's finaliser). Stable across runs: sketches are
// stored. O(1).
std::uint64_t fan_item_hash(std::uint64_t fan_key, std::uint64_t item);

// Adds one hashed item. O(1).
void hll_insert_hash(std::span<std::uint8_t> registers, std::uint64_t hash);

// Adds the `weight` people the fan with key `fan_key` stands for (see the header
// comment; the key is stable_fan_hash of its external id). O(min(w, m)).
void hll_insert_fan(std::span<std::uint8_t> registers, std::uint64_t fan_key, std::uint64_t weight);

// into[j] = max(into[j], from[j]): afterwards `into` sketches the union. O(m).
void merge_registers(std::span<std::uint8_t> into, std::span<const std::uint8_t> from);

// Ertl's improved raw estimate of the number of distinct items inserted. O(m).
double hll_estimate(std::span<const std::uint8_t> registers);

}  // namespace castgraph
