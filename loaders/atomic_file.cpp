#include "loaders/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "graph/errors.hpp"
#include "loaders/file_bytes.hpp"
#include "loaders/stale_temporaries.hpp"

namespace castgraph {

namespace {

// The temporary file of this run, created exclusively (never over an existing name,
// never through a symlink) and claimed as castgraph's; closing it releases the lock that
// tells other runs it is still being written.
class ClaimedTemporary {
 public:
  explicit ClaimedTemporary(const std::filesystem::path& target)
      : path_(target.parent_path() / fmt::format("{}{}", temporary_prefix(target), ::getpid())) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd_ < 0) throw IoError(describe_errno(path_, "cannot create"));
    claim_temporary(fd_);
  }
  ClaimedTemporary(const ClaimedTemporary&) = delete;
  ClaimedTemporary& operator=(const ClaimedTemporary&) = delete;
  ~ClaimedTemporary() {
    if (!published_) ::unlink(path_.c_str());
    ::close(fd_);
  }
  const std::filesystem::path& path() const { return path_; }
  // Makes the bytes durable, then renames the file over `target`.
  void publish(const std::filesystem::path& target) {
    ::fsync(fd_);
    if (::rename(path_.c_str(), target.c_str()) != 0)
      throw IoError(describe_errno(target, "cannot rename into place"));
    published_ = true;
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  bool published_ = false;
};

// Opens `path`, lets `write` fill it and flushes it; errors name `shown`.
void write_through(const std::filesystem::path& path, const std::filesystem::path& shown,
                   const std::function<void(std::ostream&)>& write) {
  std::ofstream out(path, std::ios::binary);
  if (!out)
    throw IoError(fmt::format("{}: cannot write: {}", shown.string(), std::strerror(errno)));
  write(out);
  out.flush();
  if (!out)
    throw IoError(fmt::format("{}: write failed: {}", shown.string(), std::strerror(errno)));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& requested,
                           const std::function<void(std::ostream&)>& write) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(requested, error);
  // An output that is a stream, not a file (a FIFO, a terminal, /dev/stdout), is written
  // straight into: there is nothing to replace atomically, and a temporary renamed over it
  // would replace the device node or the /dev/stdout symlink itself.
  if (fs::exists(status) && !fs::is_regular_file(status) && !fs::is_directory(status))
    return write_through(requested, requested, write);
  // A symlink to a file stays a symlink: the file it points to is replaced.
  fs::path target = requested;
  if (fs::is_symlink(requested, error) && fs::is_regular_file(status)) {
    const fs::path resolved = fs::canonical(requested, error);
    if (!error) target = resolved;
  }
  remove_stale_temporaries(target.parent_path(), temporary_prefix(target));
  ClaimedTemporary temporary(target);
  write_through(temporary.path(), target, write);
  temporary.publish(target);
}

}  // namespace castgraph
