#include "loaders/stale_temporaries.hpp"

#include <signal.h>

#include <cerrno>
#include <charconv>
#include <string>

namespace castgraph {

namespace {

// True when `pid` names no process: kill(pid, 0) checks without sending anything, and
// EPERM means the process exists but belongs to someone else.
bool process_gone(pid_t pid) { return ::kill(pid, 0) != 0 && errno == ESRCH; }

}  // namespace

void remove_stale_temporaries(const std::filesystem::path& directory, std::string_view prefix) {
  std::error_code error;
  const auto where = directory.empty() ? std::filesystem::path(".") : directory;
  for (const auto& entry : std::filesystem::directory_iterator(where, error)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    pid_t pid = 0;
    const char* digits = name.data() + prefix.size();
    const auto [end, status] = std::from_chars(digits, name.data() + name.size(), pid);
    if (status != std::errc{} || end != name.data() + name.size() || pid <= 0) continue;
    if (process_gone(pid)) std::filesystem::remove_all(entry.path(), error);
  }
}

}  // namespace castgraph
