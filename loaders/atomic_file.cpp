#include "loaders/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstring>
#include <fstream>

#include "graph/errors.hpp"
#include "loaders/stale_temporaries.hpp"

namespace castgraph {

namespace {

std::filesystem::path temporary_beside(const std::filesystem::path& target) {
  return std::filesystem::path(fmt::format("{}.tmp.{}", target.string(), ::getpid()));
}

// Makes the file's bytes durable before the rename publishes it.
void sync_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(std::ostream&)>& write) {
  remove_stale_temporaries(target.parent_path(), target.filename().string() + ".tmp.");
  const auto temporary = temporary_beside(target);
  try {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out)
      throw IoError(fmt::format("{}: cannot write: {}", target.string(), std::strerror(errno)));
    write(out);
    out.flush();
    if (!out)
      throw IoError(fmt::format("{}: write failed: {}", target.string(), std::strerror(errno)));
    out.close();
    sync_file(temporary);
    std::error_code error;
    std::filesystem::rename(temporary, target, error);
    if (error)
      throw IoError(
          fmt::format("{}: cannot rename into place: {}", target.string(), error.message()));
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

}  // namespace castgraph
