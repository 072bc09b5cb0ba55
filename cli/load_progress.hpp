// A one-line progress display for long loads, on stderr, only when stderr is a terminal
// (never in pipes, logs or tests): the file, bytes read of its size, rows and rows/s,
// redrawn at most four times a second and erased when the load ends.
// CASTGRAPH_PROGRESS=always in the environment shows it on any stderr (a log), one line
// per redraw, from the start, and with each file's last report (all its bytes read) always
// drawn, so that a log ends each file with its whole size and rows.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "loaders/dataset_loader.hpp"

namespace castgraph::cli {

class LoadProgressLine {
 public:
  // Inactive (every call a no-op) unless stderr is a terminal.
  LoadProgressLine();
  LoadProgressLine(const LoadProgressLine&) = delete;
  LoadProgressLine& operator=(const LoadProgressLine&) = delete;
  ~LoadProgressLine();  // erases the line

  // A callback for LoadOptions::progress, or an empty one when inactive. It refers to
  // *this, which must outlive the load.
  std::function<void(const LoadProgress&)> callback();

 private:
  void update(const LoadProgress& progress);
  void erase();

  bool active_ = false;
  bool always_ = false;  // CASTGRAPH_PROGRESS=always
  bool shown_ = false;
  using Clock = std::chrono::steady_clock;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_drawn_{};
  std::string file_;
  Clock::time_point file_start_ = start_;
};

}  // namespace castgraph::cli
