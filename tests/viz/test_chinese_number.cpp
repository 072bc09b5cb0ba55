#include <catch2/catch.hpp>

#include <fmt/format.h>

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

TEST_CASE("a count rounds to nearest in 万 and 亿, and carries into the next unit", "[viz]") {
  CHECK(chinese_count(16'676) == "1.67万");       // issue 21: truncation said 1.66万
  CHECK(chinese_count(116'800'000) == "1.17亿");  // and 1.16亿
  CHECK(chinese_count(12'355) == "1.24万");       // half rounds up
  CHECK(chinese_count(12'349) == "1.23万");
  CHECK(chinese_count(99'999) == "10万");
  CHECK(chinese_count(9'999'999) == "1000万");
  CHECK(chinese_count(99'994'999) == "9999万");
  CHECK(chinese_count(99'995'000) == "1亿");  // not "10000万"
  CHECK(chinese_count(99'999'999) == "1亿");
  CHECK(chinese_count(100'000'000) == "1亿");
}

TEST_CASE("chinese_count agrees with a rounding written another way on many values", "[viz]") {
  // Reference: the three-significant-digit value as (2v + step) / (2 step), exact in
  // integers below 2^62; then carried and written out separately.
  const auto reference = [](std::uint64_t value) -> std::string {
    const std::uint64_t unit = value < 100'000'000 ? 10'000 : 100'000'000;
    const std::uint64_t step = value / unit >= 100  ? unit
                               : value / unit >= 10 ? unit / 10
                                                    : unit / 100;
    const std::uint64_t steps = (2 * value + step) / (2 * step);
    const double shown = static_cast<double>(steps * step) / static_cast<double>(unit);
    if (unit == 10'000 && shown >= 10'000) return "1亿";
    std::string text = fmt::format("{:.2f}", shown);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text + (unit == 10'000 ? "万" : "亿");
  };
  std::uint64_t value = 10'000;
  while (value < 999'000'000'000) {
    INFO(value);
    REQUIRE(chinese_count(value) == reference(value));
    value += value / 997 + 7;
  }
}

TEST_CASE("counts from 10^12 on are written with 万亿 and 亿亿", "[viz]") {
  CHECK(chinese_count(999'949'999'999) == "9999亿");
  CHECK(chinese_count(999'999'999'999) == "1万亿");
  CHECK(chinese_count(1'000'000'000'000) == "1万亿");
  CHECK(chinese_count(123'456'789'012'345) == "123万亿");
  CHECK(chinese_count(9'999'999'999'999'999) == "1亿亿");
  CHECK(chinese_count(10'000'000'000'000'000) == "1亿亿");
  CHECK(chinese_count(9'223'372'036'854'775'807) == "922亿亿");     // 2^63 - 1
  CHECK(chinese_count(18'446'744'073'709'551'615U) == "1845亿亿");  // 2^64 - 1, rounded
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

TEST_CASE("the Chinese reading beside a count is there only from ten thousand on", "[viz]") {
  using castgraph::chinese_aside;
  CHECK(chinese_aside(0).empty());
  CHECK(chinese_aside(9'999).empty());  // 9999 would only repeat the digits
  CHECK(chinese_aside(10'000) == "(1万)");
  CHECK(chinese_aside(12'345'678) == "(1235万)");
  CHECK(chinese_aside(116'800'000) == "(1.17亿)");
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
