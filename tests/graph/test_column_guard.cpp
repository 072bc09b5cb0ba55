// ColumnGuard: a guarded Column checks exactly the chunks a read covers, runs element
// rules per chunk and whole rules once, refuses damaged data on every read, and never
// lets a read through unchecked.
#include <catch2/catch.hpp>

#include <numeric>
#include <set>
#include <stdexcept>
#include <thread>

#include "graph/column.hpp"

using namespace castgraph;

namespace {

struct Refused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// 100 uint32 values 0..99 behind a guard with 64-byte chunks (16 values each, 7 chunks),
// recording which byte ranges were checked; bytes in `bad_chunks` fail their check.
struct Guarded {
  std::vector<std::uint32_t> memory = std::vector<std::uint32_t>(100);
  std::multiset<std::size_t> checked_chunks;
  std::set<std::size_t> bad_chunks;
  std::shared_ptr<ColumnGuard> guard;
  Column<std::uint32_t> column;

  Guarded() {
    std::iota(memory.begin(), memory.end(), 0u);
    guard = std::make_shared<ColumnGuard>(
        4, memory.size(), 64,
        [this](std::size_t first, std::size_t end) {
          REQUIRE(first % 64 == 0);
          REQUIRE((end % 64 == 0 || end == 400));
          checked_chunks.insert(first / 64);
          if (bad_chunks.count(first / 64)) throw Refused("bad bytes at " + std::to_string(first));
        },
        [](const std::string& problem) { throw Refused(problem); });
    column = Column<std::uint32_t>::borrow(memory, guard);
  }
};

}  // namespace

TEST_CASE("a range read checks only the chunks it covers, once each", "[column_guard]") {
  Guarded g;
  CHECK(g.column.range(20, 10).size() == 10);  // values 20..29: chunks 1 (16..31)
  CHECK(g.checked_chunks == std::multiset<std::size_t>{1});
  CHECK(g.column.range(30, 5)[4] == 34);  // 30..34: chunks 1 and 2; 1 is not checked again
  CHECK(g.checked_chunks == std::multiset<std::size_t>{1, 2});
  CHECK(g.column.range(50, 0).empty());  // an empty range reads nothing
  CHECK_FALSE(g.guard->sound());
  CHECK(g.column.size() == 100);  // the size is known without reading
  CHECK(g.checked_chunks.size() == 2);
  CHECK(g.column[99] == 99);  // a whole read checks the rest: the last chunk is 4 values
  CHECK(g.checked_chunks == std::multiset<std::size_t>{0, 1, 2, 3, 4, 5, 6});
  CHECK(g.guard->sound());
  CHECK(g.column.span().size() == 100);
  CHECK(g.checked_chunks.size() == 7);
}

TEST_CASE("damaged bytes are refused on every read and the rest stays readable", "[column_guard]") {
  Guarded g;
  g.bad_chunks = {3};
  CHECK_THROWS_AS(g.column.range(50, 2), Refused);  // 50..51: chunk 3
  CHECK_THROWS_AS(g.column.range(48, 1), Refused);  // still refused: never marked checked
  CHECK(g.column.range(0, 40).back() == 39);        // chunks 0..2 are sound
  CHECK_THROWS_AS(g.column[0], Refused);            // a whole read meets chunk 3
  CHECK_THROWS_AS(g.column.span(), Refused);
  CHECK_FALSE(g.guard->sound());
}

TEST_CASE("element rules run on each chunk as it is checked", "[column_guard]") {
  Guarded g;
  std::vector<std::pair<std::size_t, std::size_t>> seen;
  g.guard->add_element_rule([&](std::size_t first, std::size_t end) -> std::optional<std::string> {
    seen.emplace_back(first, end);
    for (std::size_t i = first; i < end; ++i)
      if (g.memory[i] == 77) return "value 77 at " + std::to_string(i);
    return std::nullopt;
  });
  CHECK(g.column.range(0, 17).size() == 17);
  CHECK(seen == std::vector<std::pair<std::size_t, std::size_t>>{{0, 16}, {16, 32}});
  CHECK_THROWS_WITH(g.column.range(70, 10), "value 77 at 77");
  CHECK_THROWS_WITH(g.column.range(79, 1), "value 77 at 77");  // 64..79 is one chunk
  CHECK(g.column.range(80, 20).size() == 20);                  // later chunks are fine
  CHECK_FALSE(g.guard->sound());
}

TEST_CASE("a whole rule reads its inputs' checked bytes and runs once", "[column_guard]") {
  Guarded a, b;
  int runs = 0;
  bool fail = true;
  auto rule = std::make_shared<WholeRule>();
  rule->inputs = {a.guard, b.guard};
  rule->run = [&]() -> std::optional<std::string> {
    ++runs;
    CHECK(a.checked_chunks.size() == 7);  // every input's bytes are checked first
    CHECK(b.checked_chunks.size() == 7);
    if (fail) return std::string("the two columns disagree");
    return std::nullopt;
  };
  a.guard->add_whole_rule(rule);
  b.guard->add_whole_rule(rule);

  CHECK_THROWS_WITH(a.column.range(0, 1),
                    "the two columns disagree");  // a range read needs the whole
  CHECK_THROWS_WITH(b.column[5], "the two columns disagree");
  CHECK(runs == 2);
  fail = false;
  CHECK(a.column[5] == 5);
  CHECK(runs == 3);
  CHECK(b.column[6] == 6);  // passed once: b does not run it again
  CHECK(runs == 3);
  CHECK(a.guard->sound());
  CHECK(b.guard->sound());
}

TEST_CASE("a column whose chunk size is not a multiple of its element size is one chunk",
          "[column_guard]") {
  std::vector<std::uint64_t> memory(10, 7);
  int checks = 0;
  auto guard = std::make_shared<ColumnGuard>(
      8, memory.size(), 12,
      [&](std::size_t first, std::size_t end) {
        ++checks;
        CHECK(first == 0);
        CHECK(end == 80);
      },
      [](const std::string& problem) { throw Refused(problem); });
  const auto column = Column<std::uint64_t>::borrow(memory, guard);
  CHECK(column.range(3, 1)[0] == 7);
  CHECK(checks == 1);
  CHECK(guard->sound());
}

TEST_CASE("two threads reading an unchecked column both get checked bytes", "[column_guard]") {
  std::vector<std::uint32_t> memory(1 << 16);
  std::iota(memory.begin(), memory.end(), 0u);
  std::atomic<int> chunk_checks{0};
  auto guard = std::make_shared<ColumnGuard>(
      4, memory.size(), 1024, [&](std::size_t, std::size_t) { ++chunk_checks; },
      [](const std::string& problem) { throw Refused(problem); });
  const auto column = Column<std::uint32_t>::borrow(memory, guard);
  std::uint64_t sums[2] = {};
  auto read = [&](int which) {
    for (std::size_t first = 0; first < memory.size(); first += 100)
      for (std::uint32_t value :
           column.range(first, std::min<std::size_t>(100, memory.size() - first)))
        sums[which] += value;
  };
  std::thread other(read, 1);
  read(0);
  other.join();
  CHECK(sums[0] == sums[1]);
  CHECK(sums[0] == std::uint64_t{65535} * 65536 / 2);
  CHECK(guard->sound());
  CHECK(chunk_checks >= 256);  // every chunk at least once; a few perhaps twice
}
