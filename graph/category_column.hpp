// CategoryColumn: a string attribute with few distinct values (province, city, kind),
// stored as one 32-bit code per row plus the table of labels. Grouping by such a
// column is grouping by an integer. An empty column means "" for every row, so a
// dataset without the attribute costs nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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
  // For a column of places, a label that differs from one already set only by its
  // administrative suffix (辽宁省 after 辽宁) takes that label's code: the first spelling
  // seen names the place for every row.
  enum class Labels { as_given, places };
  explicit CategoryColumnBuilder(Labels labels = Labels::as_given)
      : places_(labels == Labels::places) {}

  // Rows are usually set in order 0, 1, 2, ... (any order works; a row set out of order
  // costs a random write); rows never set read as "".
  void set(std::size_t row, std::string_view label);
  // Gives `label` its code as set() would, for no row: a loader that keeps only some rows
  // notes the others' labels in file order, so that the codes, and the spelling that
  // names each place (the first seen), are those of a load that keeps every row.
  void note(std::string_view label);
  CategoryColumn finish(std::size_t rows) &&;

 private:
  InternerBuilder labels_;
  std::vector<std::uint32_t> codes_;  // stays empty until a row has a non-empty label
  std::string last_label_;            // the label set last, and its code
  NodeId last_code_ = 0;
  bool places_ = false;
  std::unordered_map<std::string, NodeId> stems_;  // places: stem -> the code of its place

  NodeId code_of(std::string_view label);
};

}  // namespace castgraph
