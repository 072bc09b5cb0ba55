#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "graph/release_memory.hpp"

using namespace castgraph;

TEST_CASE("release_memory gives a vector's buffer back, which assigning {} does not", "[graph]") {
  std::vector<std::uint32_t> assigned(100000, 7), released(100000, 7);
  assigned = {};  // vector's initializer_list assignment: clears, keeps the buffer
  release_memory(released);
  CHECK(assigned.empty());
  CHECK(assigned.capacity() >= 100000);
  CHECK(released.empty());
  CHECK(released.capacity() == 0);
  released.push_back(3);  // still usable afterwards
  CHECK(released == std::vector<std::uint32_t>{3});
}
