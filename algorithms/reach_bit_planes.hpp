// Exact reach by bit planes, for queries where the chosen hosts' followers are dense
// among the fans: one of reach_exact's strategies (reach_exact.hpp), kept in its own
// file because its loops share nothing with the byte-per-fan scan.
#pragma once

#include <vector>

#include "algorithms/reach_exact.hpp"

namespace castgraph {

// The set sizes bit planes serve: a plane per host per block must fit in the L2 cache.
inline constexpr std::size_t kMaxPlaneHosts = 256;

// Fills `result` (unique, frequency, per_host, exclusive; sized by the caller). The fan
// ids are cut into blocks of 2^15; in each, every host's followers set bits in that
// host's 4 KB plane (one OR per membership, in L1, eight interleaved lanes of a list at a
// time: bit_plane_kernels.hpp), and whole 64-bit words then fold the planes into
// "reached by at least 1, 2, 3 hosts" planes, count per-host and exclusive reach with
// popcount (or by summing weights over set bits), and clear. Time O(M + H · B · 512) for
// M memberships, H hosts, B blocks holding any of their fans; memory 4 KB per host.
// Requires set.size() <= kMaxPlaneHosts. Its speed on the largest hosts is in
// bench/RESULTS.md.
//
// The scan is compiled for several instruction sets (plain x86-64 or any other CPU; BMI2;
// BMI2 with AVX-512's vector popcount) and `isa` picks one; automatic takes the widest
// this CPU runs. Throws std::invalid_argument for one it does not run.
enum class PlaneIsa { automatic, plain, bmi2, avx512 };
void reach_by_bit_planes(const Network& network, const HostSet& set, ExactReach& result,
                         PlaneIsa isa = PlaneIsa::automatic);

// The instruction sets this CPU runs the scan with, plain first. O(1).
std::vector<PlaneIsa> supported_plane_isas();

// True when bit planes beat the byte scan for `set`: when the memberships are dense
// enough that the word-at-a-time work per host and block is paid for (a threshold per
// instruction set, measured: reach_bit_planes.cpp).
// The same decision from the counts alone: `fans` in the whole dataset, `hosts` in the set.
bool bit_planes_pay_off(std::uint64_t fans, std::size_t hosts, std::uint64_t memberships);
bool bit_planes_pay_off(const Network& network, const HostSet& set, std::uint64_t memberships);

}  // namespace castgraph
