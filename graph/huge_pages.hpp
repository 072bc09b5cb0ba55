// advise_huge_pages: asks the kernel to back a large block with 2 MiB transparent huge
// pages when it is first touched.
//
// Why: loading liaoning scale 1 makes about 117 million random reads into arrays of a few
// hundred megabytes (the number -> id array, the interner's table, the CSR scatter). With
// 4 KiB pages nearly every one of those reads also misses the TLB, and every 4 KiB of a
// fresh array costs a page fault. Debian's kernel gives huge pages only to memory that
// asks for them (transparent_hugepage=madvise). Asking made follows.csv 15.5-16.9 ->
// 18.8-21.3 M rows/s and "building the network" 6.7-6.9 -> 5.3-5.9 s, with the same peak
// memory (bench/RESULTS.md, "Huge pages").
//
// Only the 2 MiB-aligned interior of the block is advised: the partial pages at its ends
// may be shared with other allocations. Where the kernel has no huge pages this does
// nothing; it never fails.
#pragma once

#include <cstddef>

namespace castgraph {

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

// Advises [block, block + bytes); returns the bytes advised (0 when none were).
std::size_t advise_huge_pages(void* block, std::size_t bytes);

}  // namespace castgraph
