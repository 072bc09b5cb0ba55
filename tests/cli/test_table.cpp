#include <catch2/catch.hpp>
#include <sstream>

#include "cli/human_numbers.hpp"
#include "cli/table.hpp"
#include "cli/table_workbook.hpp"
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

TEST_CASE("a table prints as CSV with RFC 4180 quoting and plain numbers", "[cli]") {
  Table table({"host", "name", "fans", "share", ""});
  table.keys({"id", "name", "fans", "share", "chinese"}).text_only(4);
  table.add_row({"h1", "刘一手, 大连", Cell::count(1'234'567), Cell::percent(0.125, 1), "(123万)"});
  table.add_row({"h2", "say \"hi\"\nbye", Cell::missing(), Cell::decimal(1.0 / 3, 3), ""});
  std::ostringstream csv;
  table.print_csv(csv);
  CHECK(csv.str() ==
        "id,name,fans,share\n"
        "h1,\"刘一手, 大连\",1234567,0.125\n"
        "h2,\"say \"\"hi\"\"\nbye\",,0.3333333333333333\n");
  std::ostringstream text;
  table.print(text);
  CHECK_THAT(text.str(), Catch::Contains("1,234,567  12.5%  (123万)"));
  CHECK_THAT(text.str(), Catch::Contains("say \"hi\"\\nbye"));  // escaped for the terminal
}

TEST_CASE("a machine-only column is left out of the text", "[cli]") {
  Table table({"key", "label"});
  table.machine_only(0).add_row({"fans", "distinct fans"});
  std::ostringstream text, csv;
  table.print(text);
  table.print_csv(csv);
  CHECK(text.str() == "label\n-------------\ndistinct fans\n");
  CHECK(csv.str() == "key,label\nfans,distinct fans\n");
}

TEST_CASE("sheet names fit Excel: at most 31 characters and none it forbids and no two alike",
          "[cli]") {
  std::vector<std::string> taken;
  CHECK(sheet_name("rank by fans", taken) == "rank by fans");
  CHECK(sheet_name("a/b:c", taken) == "a_b_c");
  CHECK(sheet_name("rank by fans", taken) == "rank by fans (2)");
  const std::string long_name(40, 'x');
  CHECK(sheet_name(long_name, taken) == std::string(31, 'x'));
  CHECK(sheet_name("沈阳直播电商基地沈阳直播电商基地沈阳直播电商基地沈阳直播电商基地", taken) ==
        "沈阳直播电商基地沈阳直播电商基地沈阳直播电商基地沈阳直播电商基");  // 31, not bytes
  CHECK(sheet_name("", taken) == "sheet");
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
