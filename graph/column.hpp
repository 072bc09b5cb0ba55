// Column<T>: an immutable array that either owns its elements or borrows them from
// memory someone else keeps alive (a memory-mapped snapshot). Everything in a Network
// is stored in Columns, so a snapshot can be opened without copying a single element.
#pragma once

#include <cstddef>
#include <span>
#include <utility>
#include <vector>

namespace castgraph {

template <class T>
class Column {
 public:
  Column() = default;
  explicit Column(std::vector<T> owned) : owned_(std::move(owned)), view_(owned_) {}
  static Column borrow(std::span<const T> memory) {
    Column column;
    column.view_ = memory;
    return column;
  }

  // Moving a std::vector keeps its buffer, so the view stays valid; copying would not.
  Column(Column&& other) noexcept
      : owned_(std::move(other.owned_)), view_(std::exchange(other.view_, {})) {}
  Column& operator=(Column&& other) noexcept {
    owned_ = std::move(other.owned_);
    view_ = std::exchange(other.view_, {});
    return *this;
  }
  Column(const Column&) = delete;
  Column& operator=(const Column&) = delete;

  std::span<const T> span() const { return view_; }
  std::size_t size() const { return view_.size(); }
  bool empty() const { return view_.empty(); }
  const T& operator[](std::size_t i) const { return view_[i]; }
  auto begin() const { return view_.begin(); }
  auto end() const { return view_.end(); }
  // True when the elements live in this object rather than in borrowed memory.
  bool owns() const { return !owned_.empty() || view_.empty(); }

 private:
  std::vector<T> owned_;
  std::span<const T> view_;
};

}  // namespace castgraph
