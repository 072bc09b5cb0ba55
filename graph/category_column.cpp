#include "graph/category_column.hpp"

#include "graph/place_names.hpp"

namespace castgraph {

void CategoryColumnBuilder::note(std::string_view label) {
  if (label.empty()) return;  // code 0, interned before any other label
  if (labels_.size() == 0) labels_.intern("");
  if (label != last_label_) {
    last_label_.assign(label);
    last_code_ = code_of(label);
  }
}

void CategoryColumnBuilder::set(std::size_t row, std::string_view label) {
  if (codes_.empty() && label.empty()) return;
  if (labels_.size() == 0) labels_.intern("");  // code 0 is always the unknown label
  if (codes_.size() < row) codes_.resize(row, 0);
  // Rows usually come sorted or grouped (all of one province together): remember the
  // last label, and skip hashing it again.
  if (label != last_label_) {
    last_label_.assign(label);
    last_code_ = code_of(label);
  }
  const NodeId code = last_code_;
  if (codes_.size() == row)
    codes_.push_back(code);
  else
    codes_[row] = code;
}

NodeId CategoryColumnBuilder::code_of(std::string_view label) {
  if (!places_) return labels_.intern(label).id;
  if (auto known = labels_.find(label)) return *known;
  const std::string stem(place_stem(label));
  if (auto same = stems_.find(stem); same != stems_.end()) return same->second;
  const NodeId code = labels_.intern(label).id;
  stems_.emplace(stem, code);
  return code;
}

CategoryColumn CategoryColumnBuilder::finish(std::size_t rows) && {
  if (codes_.empty()) return {};
  codes_.resize(rows, 0);
  return CategoryColumn(std::move(labels_).finish(), Column(std::move(codes_)));
}

}  // namespace castgraph
