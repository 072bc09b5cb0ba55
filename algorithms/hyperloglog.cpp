#include "algorithms/hyperloglog.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <string>

#include "graph/errors.hpp"

namespace castgraph {
namespace {

constexpr int kHashBits = 64;
// Items of the register-state draw are hashed apart from the direct items (fan, i).
constexpr std::uint64_t kRegisterDrawSalt = 0x9e3779b97f4a7c15ULL;

std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

int precision_of(std::size_t registers) {
  if (!std::has_single_bit(registers) || registers < hll_registers(kMinHllPrecision) ||
      registers > hll_registers(kMaxHllPrecision))
    throw UsageError("a HyperLogLog needs 2^p registers, 4 <= p <= 18; got " +
                     std::to_string(registers));
  return std::countr_zero(registers);
}

// Ertl 2017, eq. (28)-(30): the contributions of empty and of saturated registers.
// Both series converge in a few dozen terms for x in [0, 1] (x^(2^k) falls doubly
// exponentially in sigma, each term of tau is below an eighth of the one before); the
// loops stop there, and at kMaxTerms whatever x is, so that a NaN cannot spin them.
constexpr int kMaxTerms = 128;

double sigma(double x) {
  if (x == 1.0) return std::numeric_limits<double>::infinity();
  double y = 1.0, z = x, previous;
  int terms = 0;
  do {
    x *= x;
    previous = z;
    z += x * y;
    y += y;
  } while (z != previous && ++terms < kMaxTerms);
  return z;
}

double tau(double x) {
  if (x == 0.0 || x == 1.0) return 0.0;
  double y = 1.0, z = 1.0 - x, previous;
  int terms = 0;
  do {
    x = std::sqrt(x);
    previous = z;
    y *= 0.5;
    z -= (1.0 - x) * (1.0 - x) * y;
  } while (z != previous && ++terms < kMaxTerms);
  return z / 3.0;
}

// Register j's value after `weight` items, drawn by inverting
// P(R <= k) = (1 - 2^-k/m)^w at the uniform u: the least k with 2^-k <= m·(1 - u^(1/w)).
std::uint8_t draw_register(std::uint64_t fan_key, std::size_t j, std::uint64_t weight,
                           std::size_t m, int max_rank) {
  const std::uint64_t hash = fan_item_hash(fan_key, kRegisterDrawSalt + j);
  const double u = (static_cast<double>(hash >> 11) + 0.5) * 0x1.0p-53;  // in (0, 1)
  const double x = -std::expm1(std::log(u) / static_cast<double>(weight));
  const double k = std::ceil(-std::log2(static_cast<double>(m) * x));
  return static_cast<std::uint8_t>(std::clamp(k, 0.0, static_cast<double>(max_rank)));
}

}  // namespace

std::size_t hll_registers(int precision) {
  if (precision < kMinHllPrecision || precision > kMaxHllPrecision)
    throw UsageError("HyperLogLog precision must be between " + std::to_string(kMinHllPrecision) +
                     " and " + std::to_string(kMaxHllPrecision) + "; got " +
                     std::to_string(precision));
  return std::size_t{1} << precision;
}

double hll_relative_error(int precision) {
  return 1.04 / std::sqrt(static_cast<double>(hll_registers(precision)));
}

std::uint64_t fan_item_hash(std::uint64_t fan_key, std::uint64_t item) {
  return mix64(mix64(fan_key + 0x632be59bd9b4e019ULL) ^ (item * 0xd6e8feb86659fd93ULL + 1));
}

void hll_insert_hash(std::span<std::uint8_t> registers, std::uint64_t hash) {
  const int precision = std::countr_zero(registers.size());
  const std::size_t index = hash >> (kHashBits - precision);
  const std::uint64_t rest = hash << precision;
  const int max_rank = kHashBits - precision + 1;
  const int rank = rest == 0 ? max_rank : std::min(std::countl_zero(rest) + 1, max_rank);
  registers[index] = std::max(registers[index], static_cast<std::uint8_t>(rank));
}

void hll_insert_fan(std::span<std::uint8_t> registers, std::uint64_t fan_key,
                    std::uint64_t weight) {
  const std::size_t m = registers.size();
  if (weight <= kDirectInsertLimit * m) {
    for (std::uint64_t item = 0; item < weight; ++item)
      hll_insert_hash(registers, fan_item_hash(fan_key, item));
    return;
  }
  const int max_rank = kHashBits - precision_of(m) + 1;
  for (std::size_t j = 0; j < m; ++j)
    registers[j] = std::max(registers[j], draw_register(fan_key, j, weight, m, max_rank));
}

void merge_registers(std::span<std::uint8_t> into, std::span<const std::uint8_t> from) {
  if (into.size() != from.size())
    throw UsageError("cannot merge HyperLogLog sketches of different precision");
  // A plain loop the compiler turns into packed byte max instructions.
  for (std::size_t j = 0; j < into.size(); ++j) into[j] = std::max(into[j], from[j]);
}

double hll_estimate(std::span<const std::uint8_t> registers) {
  const int precision = precision_of(registers.size());
  const int q = kHashBits - precision;
  const double m = static_cast<double>(registers.size());
  std::array<std::uint64_t, kHashBits + 2> histogram{};
  for (std::uint8_t value : registers) ++histogram[std::min<int>(value, q + 1)];
  if (histogram[0] == registers.size()) return 0.0;
  double z = m * tau(1.0 - static_cast<double>(histogram[q + 1]) / m);
  for (int k = q; k >= 1; --k) z = 0.5 * (z + static_cast<double>(histogram[k]));
  z += m * sigma(static_cast<double>(histogram[0]) / m);
  constexpr double kAlphaInfinity = 0.7213475204444817;  // 1 / (2 ln 2)
  return kAlphaInfinity * m * m / z;
}

}  // namespace castgraph
