#include <catch2/catch.hpp>

#include "viz/chinese_number.hpp"

using castgraph::chinese_count;

TEST_CASE("counts are written with 万 and 亿 the way Chinese readers do", "[viz]") {
  CHECK(chinese_count(0) == "0");
  CHECK(chinese_count(9'999) == "9999");
  CHECK(chinese_count(10'000) == "1万");
  CHECK(chinese_count(12'345) == "1.23万");
  CHECK(chinese_count(3'200'000) == "320万");
  CHECK(chinese_count(116'000'000) == "1.16亿");
}

TEST_CASE("a count is truncated, never rounded up across a tier line", "[viz]") {
  CHECK(chinese_count(99'999) == "9.99万");
  CHECK(chinese_count(9'999'999) == "999万");
  CHECK(chinese_count(99'999'999) == "9999万");
  CHECK(chinese_count(100'000'000) == "1亿");
}

TEST_CASE("a standard error is written in its estimate's unit to two significant digits", "[viz]") {
  using castgraph::chinese_error;
  using castgraph::two_significant;
  CHECK(two_significant(189'743.2) == 190'000);
  CHECK(two_significant(167'472) == 170'000);
  CHECK(two_significant(1'234.5) == 1'200);
  CHECK(two_significant(9.96) == 10);
  CHECK(two_significant(0.4) == 0);
  CHECK(chinese_error(35'803'000, 189'743.2) == "19万");
  CHECK(chinese_error(28'075'000, 167'472) == "17万");
  CHECK(chinese_error(28'075'000, 5'120) == "0.51万");
  CHECK(chinese_error(35'803, 0) == "0");
  CHECK(chinese_error(9'000, 1'234.5) == "1200");
  CHECK(chinese_error(1'160'000'000, 23'000'000) == "0.23亿");
}
