#include "cli/load_progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace castgraph::cli {

namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(250);
// Short loads finish before a display would help; it only starts after this.
constexpr auto kQuietFor = std::chrono::milliseconds(500);

std::string megabytes(std::uint64_t bytes) { return fmt::format("{:.0f} MB", bytes / 1e6); }

bool progress_always() {
  const char* setting = std::getenv("CASTGRAPH_PROGRESS");
  return setting && std::string_view(setting) == "always";
}

}  // namespace

LoadProgressLine::LoadProgressLine()
    : active_(isatty(STDERR_FILENO) == 1 || progress_always()), always_(progress_always()) {}

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
  const bool file_done = progress.size > 0 && progress.bytes == progress.size;
  if (always_) {
    if (now - last_drawn_ < kRedrawEvery && !new_step && !file_done) return;
  } else if (now - start_ < kQuietFor || (now - last_drawn_ < kRedrawEvery && !new_step)) {
    return;
  }
  last_drawn_ = now;
  const double seconds = std::chrono::duration<double>(now - file_start_).count();
  const double rate = seconds > 0 ? progress.rows / seconds / 1e6 : 0;
  // On a terminal, \r and "erase to end of line" redraw in place; a log gets lines.
  const char* begin = always_ ? "" : "\r";
  const char* end = always_ ? "\n" : "\033[K";
  if (progress.size == 0) {  // a step that reads no file
    std::fprintf(stderr, "%sloading: %s%s", begin, file_.c_str(), end);
  } else {
    std::fprintf(stderr, "%sloading %s: %s of %s, %.1f M rows, %.1f M rows/s%s", begin,
                 file_.c_str(), megabytes(progress.bytes).c_str(), megabytes(progress.size).c_str(),
                 progress.rows / 1e6, rate, end);
  }
  std::fflush(stderr);
  shown_ = !always_;  // a log's lines stay
}

void LoadProgressLine::erase() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace castgraph::cli
