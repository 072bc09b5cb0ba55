// StringTable: many strings in one byte buffer, addressed by dense index. One allocation
// for all of them instead of one per string, which matters for 10^8 fan ids.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/column.hpp"

namespace castgraph {

class StringTable {
 public:
  StringTable() = default;
  StringTable(Column<char> bytes, Column<std::uint64_t> ends)
      : bytes_(std::move(bytes)), ends_(std::move(ends)) {}

  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t i) const {
    const std::uint64_t begin = i == 0 ? 0 : ends_[i - 1];
    return {bytes_.span().data() + begin, static_cast<std::size_t>(ends_[i] - begin)};
  }
  const Column<char>& bytes() const { return bytes_; }
  const Column<std::uint64_t>& ends() const { return ends_; }

 private:
  Column<char> bytes_;          // all strings back to back
  Column<std::uint64_t> ends_;  // ends_[i]: one past the last byte of string i
};

// Appends strings; finish() hands over an immutable StringTable.
class StringTableBuilder {
 public:
  std::size_t size() const { return ends_.size(); }
  void push_back(std::string_view text) {
    bytes_.insert(bytes_.end(), text.begin(), text.end());
    ends_.push_back(bytes_.size());
  }
  std::string_view operator[](std::size_t i) const {
    const std::uint64_t begin = i == 0 ? 0 : ends_[i - 1];
    return {bytes_.data() + begin, static_cast<std::size_t>(ends_[i] - begin)};
  }
  // Where string i's bytes start and end, for prefetching.
  const char* begin_of(std::size_t i) const { return bytes_.data() + (i == 0 ? 0 : ends_[i - 1]); }
  const std::uint64_t* end_slot(std::size_t i) const { return ends_.data() + i; }
  // No shrink_to_fit: it would copy the whole table (0.8 GB of fan ids at liaoning scale 1)
  // while the original is still alive, to give back spare capacity that was never written
  // and so never took physical memory (large buffers are mapped pages, touched on write).
  StringTable finish() && {
    return StringTable(Column(std::move(bytes_)), Column(std::move(ends_)));
  }

 private:
  std::vector<char> bytes_;
  std::vector<std::uint64_t> ends_;
};

}  // namespace castgraph
