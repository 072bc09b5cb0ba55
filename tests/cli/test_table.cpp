#include <catch2/catch.hpp>
#include <sstream>

#include "cli/human_numbers.hpp"
#include "cli/table.hpp"
#include "graph/errors.hpp"

using namespace castgraph::cli;

TEST_CASE("display width counts a Chinese character as two columns", "[cli]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("李佳") == 4);
  CHECK(display_width("抖音 live") == 9);
  CHECK(display_width("ｆｕｌｌ") == 8);   // fullwidth Latin
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
  CHECK(display_width("") == 0);
}

TEST_CASE("table columns line up with mixed Chinese and Latin names", "[cli]") {
  Table table({"host", "fans"});
  table.align_right(1);
  table.add_row({"李佳", "9,500,000"}).add_row({"h2 wang", "12"});
  std::ostringstream out;
  table.print(out);
  CHECK(out.str() ==
        "host          fans\n"
        "-------  ---------\n"
        "李佳     9,500,000\n"
        "h2 wang         12\n");
}

TEST_CASE("digits are grouped by thousands", "[cli]") {
  CHECK(group_digits(0) == "0");
  CHECK(group_digits(999) == "999");
  CHECK(group_digits(1000) == "1,000");
  CHECK(group_digits(116'000'000) == "116,000,000");
}

TEST_CASE("counts are read the way people type them", "[cli]") {
  CHECK(parse_human_count("100000", "x") == 100'000);
  CHECK(parse_human_count("100k", "x") == 100'000);
  CHECK(parse_human_count("1M", "x") == 1'000'000);
  CHECK(parse_human_count("1.1M", "x") == 1'100'000);
  CHECK(parse_human_count("10万", "x") == 100'000);
  CHECK(parse_human_count("1000万", "x") == 10'000'000);
  CHECK(parse_human_count("1亿", "x") == 100'000'000);
  CHECK(parse_human_counts("10万,100万,1000万", "x") ==
        std::vector<std::uint64_t>{100'000, 1'000'000, 10'000'000});
  CHECK_THROWS_AS(parse_human_count("", "x"), castgraph::UsageError);
  CHECK_THROWS_AS(parse_human_count("lots", "x"), castgraph::UsageError);
  CHECK_THROWS_AS(parse_human_count("-5", "x"), castgraph::UsageError);
  CHECK_THROWS_AS(parse_human_count("1.5", "x"), castgraph::UsageError);
  CHECK_THROWS_WITH(parse_human_counts("100k,,1M", "--thresholds"),
                    Catch::Contains("--thresholds"));
}
