// Splitting a --hosts value: commas, spaces around items, and CSV-style quotes.
#include <catch2/catch.hpp>

#include "cli/host_list.hpp"
#include "graph/errors.hpp"

using castgraph::UsageError;
using castgraph::cli::split_host_list;
using Items = std::vector<std::string>;

TEST_CASE("a host list splits on commas and drops the spaces around items") {
  CHECK(split_host_list("h11655, h7252") == Items{"h11655", "h7252"});
  CHECK(split_host_list("  h1 ,h2 ,  h3  ") == Items{"h1", "h2", "h3"});
  CHECK(split_host_list("Lady Gaga,李佳") == Items{"Lady Gaga", "李佳"});
  CHECK(split_host_list("h1,,h2,") == Items{"h1", "h2"});
  CHECK(split_host_list("").empty());
}

TEST_CASE("a quoted name keeps its commas and its doubled quotes") {
  CHECK(split_host_list("\"刘一手, 大连\",h1") == Items{"刘一手, 大连", "h1"});
  CHECK(split_host_list("h1, \"刘一手, 大连\" , h2") == Items{"h1", "刘一手, 大连", "h2"});
  CHECK(split_host_list("\"say \"\"hi\"\"\"") == Items{"say \"hi\""});
  CHECK(split_host_list("\" padded \"") == Items{" padded "});
}

TEST_CASE("a host list with a broken quote is refused") {
  CHECK_THROWS_AS(split_host_list("\"刘一手, 大连"), UsageError);
  CHECK_THROWS_AS(split_host_list("\"刘一手\" x, h1"), UsageError);
}
