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

constexpr std::size_t kReadChunk = 1 << 16;

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

// Appends everything from fd to `text` (reserved ahead when the size is known): small
// regular files, pipes, character devices, /proc files, and files that cannot be mapped.
std::string read_all(int fd, const std::filesystem::path& path, std::string text) {
  for (;;) {
    const std::size_t old_size = text.size();
    text.resize(old_size + kReadChunk);
    const ssize_t got = ::read(fd, text.data() + old_size, kReadChunk);
    if (got < 0) {
      text.resize(old_size);
      if (errno == EINTR) continue;
      throw IoError(describe_errno(path, "cannot read"));
    }
    text.resize(old_size + static_cast<std::size_t>(got));
    if (got == 0) return text;
  }
}

}  // namespace

std::string describe_errno(const std::filesystem::path& path, const char* doing) {
  const std::string reason = std::error_code(errno, std::system_category()).message();
  return doing ? fmt::format("{}: {}: {}", path.string(), doing, reason)
               : fmt::format("{}: {}", path.string(), reason);
}

FileBytes::FileBytes(const std::filesystem::path& path, Access access) {
  const FdGuard fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) throw IoError(describe_errno(path, nullptr));
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) throw IoError(describe_errno(path, nullptr));
  if (S_ISDIR(info.st_mode)) throw IoError(fmt::format("{}: is a directory", path.string()));

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
  if (S_ISREG(info.st_mode)) owned_.reserve(static_cast<std::size_t>(info.st_size) + kReadChunk);
  owned_ = read_all(fd.get(), path, std::move(owned_));
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
