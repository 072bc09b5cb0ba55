// Long messages in pieces. Open MPI counts elements (and offsets) in int, so a collective of
// more than 2^31 − 1 elements is sent as several calls of at most `piece` elements each.
// Every rank must cut the same pieces, from a length every rank knows, so that they make
// the same calls in the same order.
#pragma once

#include <algorithm>
#include <cstdint>

namespace castgraph::mpi {

// Calls send(at, count) for each piece [at, at + count) of [0, total), in order; `piece`
// (at least 1, at most 2^31 − 1) bounds count. No call for total 0.
template <typename Send>
void in_pieces(std::uint64_t total, std::uint64_t piece, Send&& send) {
  for (std::uint64_t at = 0; at < total; at += piece)
    send(at, static_cast<int>(std::min(piece, total - at)));
}

// The elements of `element_bytes` bytes each that fit in `piece_bytes`, and at least one.
constexpr std::uint64_t elements_in(std::uint64_t piece_bytes, std::uint64_t element_bytes) {
  return std::max<std::uint64_t>(1, piece_bytes / element_bytes);
}

}  // namespace castgraph::mpi
