// check_network: what a snapshot must satisfy before castgraph uses it.
#include <catch2/catch.hpp>

#include "graph/network_builder.hpp"
#include "graph/network_check.hpp"

using namespace castgraph;

namespace {

Network with_host_name(std::string_view name) {
  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("dy", "抖音");
  const NodeId host = *builder.add_broadcaster("h1", name);
  builder.add_fanbase(host, douyin, 5);
  return std::move(builder).finish();
}

}  // namespace

TEST_CASE("a consistent network passes the check", "[graph]") {
  CHECK_FALSE(check_network(with_host_name("李佳")).has_value());
}

TEST_CASE("a name that is not UTF-8 fails the check, as the CSV loader would refuse it",
          "[graph]") {
  // The CSV loader refuses ill-formed UTF-8, so only a crafted snapshot can hold it; JSON
  // output would then throw and XML would be unreadable.
  for (const char* name : {"\xE4\xBC", "a\xFF", "\xED\xA0\x80"}) {
    const auto problem = check_network(with_host_name(name));
    REQUIRE(problem.has_value());
    CHECK(*problem == "broadcasters.names: string 0 is not valid UTF-8");
  }
}
