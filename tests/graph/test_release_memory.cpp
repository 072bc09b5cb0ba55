#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "graph/release_memory.hpp"

using namespace castgraph;

namespace {

// An allocator that counts the bytes it has handed out and not yet been given back, so
// that the test sees what reaches the allocator, not what capacity() says.
std::size_t outstanding_bytes = 0;

template <class T>
struct CountingAllocator {
  using value_type = T;
  CountingAllocator() = default;
  template <class U>
  CountingAllocator(const CountingAllocator<U>&) {}
  T* allocate(std::size_t n) {
    outstanding_bytes += n * sizeof(T);
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, std::size_t n) {
    outstanding_bytes -= n * sizeof(T);
    std::allocator<T>().deallocate(p, n);
  }
  friend bool operator==(const CountingAllocator&, const CountingAllocator&) { return true; }
};

}  // namespace

TEST_CASE("release_memory gives a vector's buffer back to its allocator", "[graph]") {
  outstanding_bytes = 0;
  {
    std::vector<std::uint32_t, CountingAllocator<std::uint32_t>> values(100000, 7);
    CHECK(outstanding_bytes == 100000 * sizeof(std::uint32_t));
    release_memory(values);
    CHECK(outstanding_bytes == 0);  // freed now, not when the vector goes
    CHECK(values.empty());
    CHECK(values.capacity() == 0);
    values.push_back(3);  // still usable afterwards
    CHECK(values == std::vector<std::uint32_t, CountingAllocator<std::uint32_t>>{3});
  }
  CHECK(outstanding_bytes == 0);
}
