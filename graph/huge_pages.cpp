#include "graph/huge_pages.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace castgraph {

std::size_t advise_huge_pages(void* block, std::size_t bytes) {
  const auto address = reinterpret_cast<std::uintptr_t>(block);
  const std::uintptr_t begin = (address + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
  const std::uintptr_t end = (address + bytes) & ~(kHugePageBytes - 1);
  if (end <= begin) return 0;
  if (madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE) != 0) return 0;
  return end - begin;
}

}  // namespace castgraph
