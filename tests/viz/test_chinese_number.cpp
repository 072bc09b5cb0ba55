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

TEST_CASE("a count with its Chinese reading from ten thousand on", "[viz]") {
  using castgraph::with_chinese;
  CHECK(with_chinese(0) == "0");
  CHECK(with_chinese(9'999) == "9,999");
  CHECK(with_chinese(10'000) == "10,000 (1万)");
  CHECK(with_chinese(3'200'000) == "3,200,000 (320万)");
  CHECK(with_chinese(116'000'000) == "116,000,000 (1.16亿)");
}
