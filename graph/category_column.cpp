#include "graph/category_column.hpp"

namespace castgraph {

void CategoryColumnBuilder::set(std::size_t row, std::string_view label) {
  if (codes_.empty() && label.empty()) return;
  if (labels_.size() == 0) labels_.intern("");  // code 0 is always the unknown label
  if (codes_.size() < row) codes_.resize(row, 0);
  // Rows usually come sorted or grouped (all of one province together): remember the
  // last label, and skip hashing it again.
  if (label != last_label_) {
    last_label_.assign(label);
    last_code_ = labels_.intern(label).id;
  }
  const NodeId code = last_code_;
  if (codes_.size() == row)
    codes_.push_back(code);
  else
    codes_[row] = code;
}

CategoryColumn CategoryColumnBuilder::finish(std::size_t rows) && {
  if (codes_.empty()) return {};
  codes_.resize(rows, 0);
  return CategoryColumn(std::move(labels_).finish(), Column(std::move(codes_)));
}

}  // namespace castgraph
