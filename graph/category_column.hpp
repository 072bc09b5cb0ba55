// CategoryColumn: a string attribute with few distinct values (province, city, kind),
// stored as one 32-bit code per row plus the table of labels. Grouping by such a
// column is grouping by an integer. An empty column means "" for every row, so a
// dataset without the attribute costs nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/interner.hpp"

namespace castgraph {

class CategoryColumn {
 public:
  CategoryColumn() = default;
  CategoryColumn(Interner labels, Column<std::uint32_t> codes)
      : labels_(std::move(labels)), codes_(std::move(codes)) {}

  // The label of row i; "" when unknown.
  std::string_view operator[](std::size_t row) const {
    return codes_.empty() ? std::string_view{} : labels_[codes_[row]];
  }
  // The code of row i; kNoNode when the column is empty.
  std::uint32_t code(std::size_t row) const { return codes_.empty() ? kNoNode : codes_[row]; }
  const Interner& labels() const { return labels_; }
  const Column<std::uint32_t>& codes() const { return codes_; }

 private:
  Interner labels_;
  Column<std::uint32_t> codes_;
};

class CategoryColumnBuilder {
 public:
  // Rows must be set in order 0, 1, 2, ...; rows never set read as "".
  void set(std::size_t row, std::string_view label);
  CategoryColumn finish(std::size_t rows) &&;

 private:
  InternerBuilder labels_;
  std::vector<std::uint32_t> codes_;  // stays empty until a row has a non-empty label
  std::string last_label_;            // the label set last, and its code
  NodeId last_code_ = 0;
};

}  // namespace castgraph
