// Huge pages for the arrays a load reads or writes at random.
//
// Why: loading liaoning scale 1 makes about 117 million random reads into the number ->
// id array, and as many random writes when the CSR relations are grouped, into arrays of
// hundreds of megabytes. With 4 KiB pages nearly every one of those accesses also misses
// the TLB. Debian's kernel gives 2 MiB transparent huge pages only to memory that asks
// for them (transparent_hugepage=madvise).
//
// Why not every large array: on a virtual machine, touching a fresh huge page for the
// first time can cost more than touching 512 small ones, so arrays written once in order
// (strings, follow lists) stay on small pages. bench/RESULTS.md, "Huge pages", has the
// figures, and bench/first_touch_bench measures them again.
#pragma once

#include <cstddef>
#include <vector>

namespace castgraph {

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

// Asks the kernel to back [block, block + bytes) with huge pages when first touched.
// Only the 2 MiB-aligned interior is advised (the partial pages at the ends may be
// shared with other allocations). Returns the bytes advised: 0 when none were, also
// where the kernel has no huge pages; it never fails.
std::size_t advise_huge_pages(void* block, std::size_t bytes);

// Grows `vector` to `count` elements, the new ones equal to `value`, in a new buffer
// advised onto huge pages before anything is written to it. Shrinking is not its job:
// a `count` below the size keeps the vector as it is.
template <class T>
void grow_on_huge_pages(std::vector<T>& vector, std::size_t count, const T& value) {
  if (count <= vector.size()) return;
  std::vector<T> bigger;
  bigger.reserve(count);
  advise_huge_pages(bigger.data(), count * sizeof(T));
  bigger.assign(vector.begin(), vector.end());
  bigger.resize(count, value);
  vector.swap(bigger);
}

// A vector of `count` copies of `value` on huge pages (see grow_on_huge_pages).
template <class T>
std::vector<T> vector_on_huge_pages(std::size_t count, const T& value) {
  std::vector<T> vector;
  grow_on_huge_pages(vector, count, value);
  return vector;
}

}  // namespace castgraph
