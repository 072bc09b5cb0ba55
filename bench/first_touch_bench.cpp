// How fast fresh memory becomes usable: the first write to each page of a new anonymous
// mapping, with and without transparent huge pages (graph/huge_pages.hpp). This decides
// which of the loader's arrays ask for huge pages: on a VM whose host backs guest memory
// lazily, a fresh huge page can cost more to fault in than 512 small ones.
//
//   first_touch_bench [GIB] [ROUNDS]     (default 2 GiB, 3 rounds)
//
// Each round maps GIB of new memory, writes one byte per 4 KiB, and unmaps it; the first
// round of a process shows the cost of memory the process has not used before, later
// rounds that of memory the kernel has just taken back. Prints GB/s per round.
#include <sys/mman.h>

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "bench/bench_clock.hpp"
#include "graph/huge_pages.hpp"

namespace {

double touch_gb_per_second(std::size_t bytes, bool huge) {
  void* mapped = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) {
    std::perror("first_touch_bench: mmap");
    std::exit(1);
  }
  auto* memory = static_cast<volatile char*>(mapped);
  if (huge) castgraph::advise_huge_pages(mapped, bytes);
  const double start = castgraph::bench::wall_seconds();
  for (std::size_t i = 0; i < bytes; i += 4096) memory[i] = 1;
  const double seconds = castgraph::bench::wall_seconds() - start;
  ::munmap(mapped, bytes);
  return static_cast<double>(bytes) / seconds / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t gib = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 2;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  if (gib == 0 || rounds <= 0) {
    std::fprintf(stderr, "usage: first_touch_bench [GIB] [ROUNDS]\n");
    return 2;
  }
  const std::size_t bytes = gib << 30;
  for (const bool huge : {false, true})
    for (int round = 0; round < rounds; ++round)
      fmt::print("{} pages, round {}: {:.2f} GB/s first touch\n", huge ? "huge " : "small", round,
                 touch_gb_per_second(bytes, huge));
}
