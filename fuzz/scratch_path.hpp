// A scratch file or directory for one fuzzing process, removed when the process exits.
// libFuzzer ends a timed run with exit(), which runs static destructors, so a run of
// scripts/fuzz.sh leaves nothing in the temporary directory; only a crash (which must
// keep its evidence) does.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace castgraph::fuzz {

class ScratchPath {
 public:
  // stem + the process id + suffix, in the temporary directory.
  ScratchPath(std::string_view stem, std::string_view suffix)
      : path_(std::filesystem::temp_directory_path() /
              (std::string(stem) + std::to_string(::getpid()) + std::string(suffix))) {}
  ScratchPath(const ScratchPath&) = delete;
  ScratchPath& operator=(const ScratchPath&) = delete;
  ~ScratchPath() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace castgraph::fuzz
