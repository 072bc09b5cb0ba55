// SeenIds: which ids have been met, exactly, without giving each a node id: the duplicate
// check of a loader that does not keep every id (the focused load reads all of fans.csv
// but keeps only the fans it reached). An id that is the set's prefix followed by a
// canonical number (NumberedIds: the usual shape of exported user ids) costs one bit;
// any other id is kept, as text, in a hash set. No probabilistic shortcut: two ids are
// the same only when their texts are.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/numbered_ids.hpp"

namespace castgraph {

class SeenIds {
 public:
  // Adds `id`; false when it was added before. `id`'s text must outlive the set when
  // it is not numbered (the caller keeps it, e.g. a view into a mapped file).
  bool insert(std::string_view id);
  std::size_t size() const { return size_; }

 private:
  bool insert_text(std::string_view id);

  NumberedIds numbering_;                       // only its prefix: which ids are numbered
  std::vector<std::uint64_t> bits_;             // bit n: the numbered id of number n was met
  std::unordered_set<std::string_view> texts_;  // every other id
  std::size_t numbered_in_texts_ = 0;           // numbered ids past bits_ when met, kept as text
  std::size_t size_ = 0;
};

}  // namespace castgraph
