#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "graph/huge_pages.hpp"

using namespace castgraph;

namespace {

// The VmFlags line of the mapping of /proc/self/smaps that holds `address` ("" if none).
std::string vm_flags_of(const void* address) {
  const auto wanted = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream header(line);
    if (header >> std::hex >> begin >> dash >> end && dash == '-' && line.find(':') > 20) {
      inside = begin <= wanted && wanted < end;
    } else if (inside && line.starts_with("VmFlags:")) {
      return line;
    }
  }
  return "";
}

bool kernel_has_huge_pages() {
  return std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled");
}

struct AlignedBlock {
  explicit AlignedBlock(std::size_t size)
      : bytes(static_cast<char*>(std::aligned_alloc(kHugePageBytes, size))) {}
  ~AlignedBlock() { std::free(bytes); }
  char* bytes;
};

}  // namespace

TEST_CASE("advise_huge_pages advises exactly the aligned interior of a block", "[graph]") {
  if (!kernel_has_huge_pages()) {
    WARN("this kernel has no transparent huge pages; nothing to check");
    return;
  }
  AlignedBlock block(8 * kHugePageBytes);
  REQUIRE(block.bytes != nullptr);
  CHECK(vm_flags_of(block.bytes + kHugePageBytes).find(" hg") == std::string::npos);
  // What the block holds before the advice, to see that the advice keeps it (an advice
  // such as MADV_DONTNEED or MADV_FREE would let the kernel drop it).
  for (std::size_t i = 0; i < 8 * kHugePageBytes; i += 4096)
    block.bytes[i] = static_cast<char>(i / 4096 % 127 + 1);

  // Offset by one byte: the first and the last huge page are partial, six remain.
  CHECK(advise_huge_pages(block.bytes + 1, 8 * kHugePageBytes - 2) == 6 * kHugePageBytes);
  CHECK(vm_flags_of(block.bytes + kHugePageBytes).find(" hg") != std::string::npos);
  CHECK(vm_flags_of(block.bytes + 7 * kHugePageBytes - 1).find(" hg") != std::string::npos);
  CHECK(vm_flags_of(block.bytes).find(" hg") == std::string::npos);
  CHECK(vm_flags_of(block.bytes + 7 * kHugePageBytes).find(" hg") == std::string::npos);

  std::size_t kept = 0;
  for (std::size_t i = 0; i < 8 * kHugePageBytes; i += 4096)
    kept += block.bytes[i] == static_cast<char>(i / 4096 % 127 + 1);
  CHECK(kept == 8 * kHugePageBytes / 4096);  // the contents survive the advice
}

TEST_CASE("advise_huge_pages leaves a block without a whole aligned huge page alone", "[graph]") {
  AlignedBlock block(4 * kHugePageBytes);
  REQUIRE(block.bytes != nullptr);
  CHECK(advise_huge_pages(block.bytes + 1, kHugePageBytes) == 0);
  CHECK(advise_huge_pages(block.bytes + kHugePageBytes / 2, kHugePageBytes + kHugePageBytes / 4) ==
        0);
  CHECK(advise_huge_pages(block.bytes, 0) == 0);
}

TEST_CASE("grow_on_huge_pages keeps the elements, fills the new ones, and advises the buffer",
          "[graph]") {
  std::vector<std::uint32_t> values{4, 5, 6};
  grow_on_huge_pages(values, 5, std::uint32_t{9});
  CHECK(values == std::vector<std::uint32_t>{4, 5, 6, 9, 9});
  grow_on_huge_pages(values, 2, std::uint32_t{1});  // never shrinks
  CHECK(values.size() == 5);

  const std::size_t count = 4 * kHugePageBytes / sizeof(std::uint32_t);
  grow_on_huge_pages(values, count, std::uint32_t{7});
  REQUIRE(values.size() == count);
  CHECK(values[2] == 6);
  CHECK(values[count - 1] == 7);
  if (kernel_has_huge_pages())
    CHECK(vm_flags_of(values.data() + count / 2).find(" hg") != std::string::npos);

  const auto made = vector_on_huge_pages<std::uint64_t>(3, 8);
  CHECK(made == std::vector<std::uint64_t>{8, 8, 8});
}
