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

TEST_CASE("counts from 10^12 on are written with 万亿 and 亿亿", "[viz]") {
  CHECK(chinese_count(999'999'999'999) == "9999亿");
  CHECK(chinese_count(1'000'000'000'000) == "1万亿");
  CHECK(chinese_count(123'456'789'012'345) == "123万亿");
  CHECK(chinese_count(9'999'999'999'999'999) == "9999万亿");
  CHECK(chinese_count(10'000'000'000'000'000) == "1亿亿");
  CHECK(chinese_count(9'223'372'036'854'775'807) == "922亿亿");     // 2^63 - 1
  CHECK(chinese_count(18'446'744'073'709'551'615U) == "1844亿亿");  // 2^64 - 1
}

TEST_CASE("amounts are whole numbers while a double holds them exactly, then scientific", "[viz]") {
  using castgraph::chinese_amount;
  using castgraph::group_amount;
  CHECK(group_amount(12'000) == "12,000");
  CHECK(group_amount(0.4) == "0");
  CHECK(group_amount(5e-324) == "0");
  CHECK(group_amount(9007199254740991.0) == "9,007,199,254,740,991");  // 2^53 - 1
  CHECK(group_amount(0x1p53) == "9.01e+15");
  CHECK(group_amount(1e19) == "1.00e+19");  // past 2^63: a cast would be undefined
  CHECK(group_amount(1e150) == "1.00e+150");
  CHECK(chinese_amount(12'345) == "1.23万");
  CHECK(chinese_amount(1e100) == "1.00e+100");
}

TEST_CASE("a count with its Chinese reading from ten thousand on", "[viz]") {
  using castgraph::with_chinese;
  CHECK(with_chinese(0) == "0");
  CHECK(with_chinese(9'999) == "9,999");
  CHECK(with_chinese(10'000) == "10,000 (1万)");
  CHECK(with_chinese(3'200'000) == "3,200,000 (320万)");
  CHECK(with_chinese(116'000'000) == "116,000,000 (1.16亿)");
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
