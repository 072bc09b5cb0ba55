// Column<T>: an immutable array that either owns its elements or borrows them from
// memory someone else keeps alive (a memory-mapped snapshot). Everything in a Network
// is stored in Columns, so a snapshot can be opened without copying a single element.
//
// A borrowed Column may carry a ColumnGuard (column_guard.hpp): then every accessor
// checks the bytes it hands out the first time they are read, so a snapshot is checked
// as far as it is used. Once the whole column is checked an access costs one more
// predictable branch. unchecked() is for the guard's own rules only.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "graph/column_guard.hpp"

namespace castgraph {

template <class T>
class Column {
 public:
  Column() = default;
  explicit Column(std::vector<T> owned) : owned_(std::move(owned)), view_(owned_) {}
  static Column borrow(std::span<const T> memory, std::shared_ptr<ColumnGuard> guard = nullptr) {
    Column column;
    column.view_ = memory;
    column.guard_ = std::move(guard);
    return column;
  }

  // Moving a std::vector keeps its buffer, so the view stays valid; copying would not.
  Column(Column&& other) noexcept
      : owned_(std::move(other.owned_)),
        view_(std::exchange(other.view_, {})),
        guard_(std::move(other.guard_)) {}
  Column& operator=(Column&& other) noexcept {
    owned_ = std::move(other.owned_);
    view_ = std::exchange(other.view_, {});
    guard_ = std::move(other.guard_);
    return *this;
  }
  Column(const Column&) = delete;
  Column& operator=(const Column&) = delete;

  std::span<const T> span() const {
    check_all();
    return view_;
  }
  std::size_t size() const { return view_.size(); }
  bool empty() const { return view_.empty(); }
  const T& operator[](std::size_t i) const {
    check_all();
    return view_[i];
  }
  auto begin() const { return span().begin(); }
  auto end() const { return span().end(); }
  // Elements [first, first + count), checked by themselves: the rest of a guarded column
  // stays unread. The caller keeps the range within size().
  std::span<const T> range(std::size_t first, std::size_t count) const {
    if (guard_ && !guard_->sound()) guard_->check(first, first + count);
    return view_.subspan(first, count);
  }
  // True when the elements live in this object rather than in borrowed memory.
  bool owns() const { return !owned_.empty() || view_.empty(); }

  // The elements without any check, and the guard: for the rules a guard runs.
  std::span<const T> unchecked() const { return view_; }
  const std::shared_ptr<ColumnGuard>& guard() const { return guard_; }

 private:
  void check_all() const {
    if (guard_ && !guard_->sound()) [[unlikely]]
      guard_->check_all();
  }

  std::vector<T> owned_;
  std::span<const T> view_;
  std::shared_ptr<ColumnGuard> guard_;  // null unless borrowed from unchecked memory
};

}  // namespace castgraph
