// The network's rules on a snapshot (graph/network_check.hpp): none runs at open, each
// runs once however the columns are read (a query, check_network, writing a copy), and
// a rule that fails is refused even though every checksum holds.
#include <catch2/catch.hpp>

#include "algorithms/tiers.hpp"
#include "graph/errors.hpp"
#include "graph/network_builder.hpp"
#include "graph/network_check.hpp"
#include "loaders/dataset_loader.hpp"
#include "loaders/snapshot.hpp"
#include "support/temp_dir.hpp"

using namespace castgraph;
using castgraph::testing::TempDir;

namespace {

// What the rules examined (elements, every run counted) while `work` ran.
template <class Work>
std::uint64_t examined_by(Work&& work) {
  const std::uint64_t before = network_rule_elements();
  work();
  return network_rule_elements() - before;
}

}  // namespace

TEST_CASE("each rule runs once on a snapshot, whoever reads its columns", "[snapshot]") {
  // The count to compare with is check_network on the network loaded from CSV, which
  // has no guards, so that every rule runs there exactly once per call.
  TempDir dir;
  const Network loaded = load_dataset(CASTGRAPH_SOURCE_DIR "/samples/tiny").network;
  std::optional<std::string> problem;
  const std::uint64_t once = examined_by([&] { problem = check_network(loaded); });
  REQUIRE_FALSE(problem.has_value());
  REQUIRE(once > 0);
  CHECK(examined_by([&] { check_network(loaded); }) == once);  // unguarded: each call checks
  write_snapshot(loaded, dir / "n.cgs");

  SECTION("castgraph check: check_network reads every column and runs no rule again") {
    std::uint64_t at_open = network_rule_elements();
    const OpenedSnapshot opened = open_snapshot(dir / "n.cgs");
    at_open = network_rule_elements() - at_open;
    CHECK(at_open == 0);  // everything is deferred to the guards
    CHECK(examined_by([&] { problem = check_network(opened.network); }) == once);
    CHECK_FALSE(problem.has_value());
    CHECK(examined_by([&] { check_network(opened.network); }) == 0);  // sound now: nothing to run
  }
  SECTION("a query reads part, check_network the rest: once in all") {
    const OpenedSnapshot opened = open_snapshot(dir / "n.cgs");
    std::size_t hosts_100k = 0;
    const std::uint64_t by_query =
        examined_by([&] { hosts_100k = tiers(opened.network).cumulative[0].hosts; });
    CHECK(hosts_100k == 5);
    CHECK(by_query > 0);
    CHECK(by_query < once);
    CHECK(by_query + examined_by([&] { check_network(opened.network); }) == once);
  }
  SECTION("a snapshot written from a snapshot") {
    const OpenedSnapshot opened = open_snapshot(dir / "n.cgs");
    CHECK(examined_by([&] { write_snapshot(opened.network, dir / "copy.cgs"); }) == once);
    CHECK(examined_by([&] { check_network(opened.network); }) == 0);
  }
}

TEST_CASE("a snapshot that breaks a rule is refused by check_network though its checksums hold",
          "[snapshot]") {
  // Only a crafted file can hold a name that is not UTF-8 (the CSV loader refuses it):
  // its checksums are right, so the rule alone can catch it, and check_network, which
  // leaves the rule to the column's guard, must still meet it.
  TempDir dir;
  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("dy", "抖音");
  builder.add_fanbase(*builder.add_broadcaster("h1", "a\xFF"), douyin, 5);
  write_snapshot(std::move(builder).finish(), dir / "bad.cgs");
  const OpenedSnapshot opened = open_snapshot(dir / "bad.cgs");
  for (int attempt = 0; attempt < 2; ++attempt) {  // refused every time, never marked checked
    INFO("attempt " << attempt);
    CHECK_THROWS_WITH(check_network(opened.network),
                      Catch::Contains("broadcasters.names: string 0 is not valid UTF-8"));
  }
}
