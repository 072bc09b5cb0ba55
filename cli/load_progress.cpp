#include "cli/load_progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace castgraph::cli {

namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(250);
// Short loads finish before a display would help; it only starts after this.
constexpr auto kQuietFor = std::chrono::milliseconds(500);

std::string megabytes(std::uint64_t bytes) { return fmt::format("{:.0f} MB", bytes / 1e6); }

}  // namespace

LoadProgressLine::LoadProgressLine() : active_(isatty(STDERR_FILENO) == 1) {}

LoadProgressLine::~LoadProgressLine() { erase(); }

std::function<void(const LoadProgress&)> LoadProgressLine::callback() {
  if (!active_) return {};
  return [this](const LoadProgress& progress) { update(progress); };
}

void LoadProgressLine::update(const LoadProgress& progress) {
  const auto now = Clock::now();
  if (progress.file != file_) {
    file_ = std::string(progress.file);
    file_start_ = now;
  }
  const bool new_step = progress.size == 0;  // shown at once, it may take a while
  if (now - start_ < kQuietFor || (now - last_drawn_ < kRedrawEvery && !new_step)) return;
  last_drawn_ = now;
  const double seconds = std::chrono::duration<double>(now - file_start_).count();
  const double rate = seconds > 0 ? progress.rows / seconds / 1e6 : 0;
  // \r and "erase to end of line" redraw in place.
  if (progress.size == 0) {  // a step that reads no file
    std::fprintf(stderr, "\rloading: %s\033[K", file_.c_str());
  } else {
    std::fprintf(stderr, "\rloading %s: %s of %s, %.1f M rows, %.1f M rows/s\033[K", file_.c_str(),
                 megabytes(progress.bytes).c_str(), megabytes(progress.size).c_str(),
                 progress.rows / 1e6, rate);
  }
  std::fflush(stderr);
  shown_ = true;
}

void LoadProgressLine::erase() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace castgraph::cli
