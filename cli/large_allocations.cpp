// The castgraph executable's operator new: malloc, as the default one, but a block of
// 16 MiB or more is also advised onto transparent huge pages (graph/huge_pages.hpp says
// why). Every big array of a load is a std::vector, so this reaches all of them without
// a custom allocator in every signature.
//
// Only the throwing single-object form is replaced: libstdc++'s array and nothrow forms
// call it, and its operator delete calls free, which matches. It is linked into the
// executable and the benchmarks, not into the libraries, and not into sanitizer builds,
// whose runtime replaces operator new to check new/delete pairs.
#include <cstdlib>
#include <new>

#include "graph/huge_pages.hpp"

namespace {

constexpr std::size_t kAdviseFromBytes = 8 * castgraph::kHugePageBytes;

}  // namespace

void* operator new(std::size_t bytes) {
  for (;;) {
    if (void* block = std::malloc(bytes == 0 ? 1 : bytes)) {
      if (bytes >= kAdviseFromBytes) castgraph::advise_huge_pages(block, bytes);
      return block;
    }
    // As the standard's default: let the new-handler free memory, or fail.
    const std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}
