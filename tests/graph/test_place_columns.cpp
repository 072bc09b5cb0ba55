// A column of places keeps one code per place, whatever suffix each row spells it with.
#include <catch2/catch.hpp>

#include "graph/category_column.hpp"

using namespace castgraph;

TEST_CASE("a place column gives 辽宁 and 辽宁省 one code, named by the first spelling") {
  CategoryColumnBuilder builder(CategoryColumnBuilder::Labels::places);
  const char* rows[] = {"辽宁", "辽宁省", "吉林省", "吉林", "", "内蒙古自治区", "内蒙古", "辽宁"};
  for (std::size_t row = 0; row < std::size(rows); ++row) builder.set(row, rows[row]);
  const CategoryColumn column = std::move(builder).finish(std::size(rows));
  CHECK(column.labels().size() == 4);  // "", 辽宁, 吉林省, 内蒙古自治区
  CHECK(column[1] == "辽宁");
  CHECK(column.code(0) == column.code(1));
  CHECK(column.code(7) == column.code(0));
  CHECK(column[3] == "吉林省");
  CHECK(column.code(2) == column.code(3));
  CHECK(column[6] == "内蒙古自治区");
  CHECK(column[4] == "");
  CHECK(column.code(0) != column.code(2));
}

TEST_CASE("a column of other labels keeps every spelling apart") {
  CategoryColumnBuilder builder;
  builder.set(0, "辽宁");
  builder.set(1, "辽宁省");
  const CategoryColumn column = std::move(builder).finish(2);
  CHECK(column.code(0) != column.code(1));
}
