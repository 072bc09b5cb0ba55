#include "loaders/file_bytes.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>
#include <utility>

#include "graph/errors.hpp"

namespace castgraph {

namespace {

// Closes a file descriptor on every way out of the constructor.
class FdGuard {
 public:
  explicit FdGuard(int fd) : fd_(fd) {}
  FdGuard(const FdGuard&) = delete;
  FdGuard& operator=(const FdGuard&) = delete;
  ~FdGuard() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// What a file that is not a regular file is, for the message that refuses it.
const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a pipe (FIFO)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Reads the `expected` bytes a regular file had when it was opened (small files, and
// files that cannot be mapped). The length is known up front, so a file that never ends
// (a /proc or /sys file reporting size 0, a file another process keeps appending to)
// cannot grow the buffer without bound: one byte past `expected` is refused.
std::string read_exactly(int fd, const std::filesystem::path& path, std::uint64_t expected) {
  std::string text(static_cast<std::size_t>(expected) + 1, '\0');
  std::size_t have = 0;
  while (have < text.size()) {
    const ssize_t got = ::read(fd, text.data() + have, text.size() - have);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw IoError(describe_errno(path, "cannot read"));
    }
    if (got == 0) break;
    have += static_cast<std::size_t>(got);
  }
  if (have > expected)
    throw IoError(fmt::format(
        "{}: has more bytes than the {} its size said when it was opened (a /proc or /sys "
        "file, or a file still being written); castgraph reads only regular files that "
        "keep their size: copy it to one first",
        path.string(), expected));
  text.resize(have);
  return text;
}

}  // namespace

std::string describe_errno(const std::filesystem::path& path, const char* doing) {
  const std::string reason = std::error_code(errno, std::system_category()).message();
  return doing ? fmt::format("{}: {}: {}", path.string(), doing, reason)
               : fmt::format("{}: {}", path.string(), reason);
}

FileBytes::FileBytes(const std::filesystem::path& path, Access access) {
  // O_NONBLOCK: opening a FIFO nobody writes to would otherwise wait forever, before
  // fstat could say what it is. It changes nothing for the regular files read below.
  const FdGuard fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) throw IoError(describe_errno(path, nullptr));
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) throw IoError(describe_errno(path, nullptr));
  if (S_ISDIR(info.st_mode)) throw IoError(fmt::format("{}: is a directory", path.string()));
  // A pipe or a device (/dev/zero, /dev/urandom) has no size and may never end; reading
  // it whole before looking at its first byte ran out of memory. Refused, not streamed:
  // the reader needs the whole file in place (rows point into it, errors quote it).
  if (!S_ISREG(info.st_mode))
    throw IoError(
        fmt::format("{}: is {}; castgraph reads only regular files (copy it to one "
                    "first)",
                    path.string(), kind_of(info.st_mode)));

  if (S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) >= kMapThreshold) {
    const auto size = static_cast<std::size_t>(info.st_size);
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (map != MAP_FAILED) {
      if (access == Access::sequential) ::madvise(map, size, MADV_SEQUENTIAL);
      map_ = map;
      data_ = static_cast<const char*>(map);
      size_ = size;
      return;
    }
    // Some file systems cannot map; reading still works.
  }
  owned_ = read_exactly(fd.get(), path, static_cast<std::uint64_t>(info.st_size));
  data_ = owned_.data();
  size_ = owned_.size();
}

FileBytes FileBytes::from_string(std::string text) {
  FileBytes bytes;
  bytes.owned_ = std::move(text);
  bytes.data_ = bytes.owned_.data();
  bytes.size_ = bytes.owned_.size();
  return bytes;
}

FileBytes::FileBytes(FileBytes&& other) noexcept
    : owned_(std::move(other.owned_)),
      map_(std::exchange(other.map_, nullptr)),
      released_(std::exchange(other.released_, 0)),
      data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)) {
  // A short owned string lives inside the object (SSO), so its bytes moved address.
  if (map_ == nullptr) data_ = owned_.data();
}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this != &other) {
    release();
    owned_ = std::move(other.owned_);
    map_ = std::exchange(other.map_, nullptr);
    released_ = std::exchange(other.released_, 0);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    if (map_ == nullptr) data_ = owned_.data();
  }
  return *this;
}

FileBytes::~FileBytes() { release(); }

void FileBytes::release() noexcept {
  if (map_ != nullptr) ::munmap(map_, static_cast<std::size_t>(size_));
  map_ = nullptr;
  released_ = 0;
  data_ = nullptr;
  size_ = 0;
}

void FileBytes::release_before(std::uint64_t offset) {
  if (map_ == nullptr) return;
  const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  const std::uint64_t end = std::min(offset, size_) / page * page;
  if (end <= released_) return;
  // MADV_DONTNEED on a private read-only file mapping drops our pages; the page cache
  // keeps the file, and a later read faults the same bytes back in.
  ::madvise(static_cast<char*>(map_) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

}  // namespace castgraph
