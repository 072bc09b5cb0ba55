#include "loaders/stale_temporaries.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <string>
#include <string_view>

namespace castgraph {

namespace {

// True when `pid` names no process: kill(pid, 0) checks without sending anything, and
// EPERM means the process exists but belongs to someone else.
bool process_gone(pid_t pid) { return ::kill(pid, 0) != 0 && errno == ESRCH; }

// The process id that ends `name` after `prefix`, or 0 when the name is not of that form.
pid_t pid_after(const std::string& name, std::string_view prefix) {
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return 0;
  pid_t pid = 0;
  const char* digits = name.data() + prefix.size();
  const auto [end, status] = std::from_chars(digits, name.data() + name.size(), pid);
  if (status != std::errc{} || end != name.data() + name.size() || pid <= 0) return 0;
  return pid;
}

bool of_kind(const struct stat& info, TemporaryKind kind) {
  if (kind == TemporaryKind::directory) return S_ISDIR(info.st_mode);
  return S_ISREG(info.st_mode) && info.st_nlink == 1;
}

bool marked_by(int fd, pid_t pid) {
  char value[32];
  const ssize_t size = ::fgetxattr(fd, kTemporaryMarker, value, sizeof value);
  return size > 0 && std::string_view(value, static_cast<std::size_t>(size)) == std::to_string(pid);
}

// True when the entry open as `fd` holds nothing: a file of no bytes, a directory of no
// entries. Removing it loses nothing, whoever made it.
bool holds_nothing(int fd, const struct stat& info, TemporaryKind kind) {
  if (kind == TemporaryKind::file) return info.st_size == 0;
  const int copy = ::dup(fd);  // fdopendir takes the descriptor over, and closedir closes it
  DIR* listing = copy >= 0 ? ::fdopendir(copy) : nullptr;
  if (listing == nullptr) {
    if (copy >= 0) ::close(copy);
    return false;
  }
  bool empty = true;
  while (const dirent* entry = ::readdir(listing))
    if (std::string_view name = entry->d_name; name != "." && name != "..") {
      empty = false;
      break;
    }
  ::closedir(listing);
  return empty;
}

// Opens `path` when it is a leftover of the dead process `pid` (the rules in the header),
// with its lock taken; -1 otherwise.
int open_if_stale(const std::filesystem::path& path, pid_t pid, TemporaryKind kind) {
  struct stat before {};
  if (::lstat(path.c_str(), &before) != 0 || !of_kind(before, kind) || before.st_uid != ::geteuid())
    return -1;
  const int flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
                    (kind == TemporaryKind::directory ? O_DIRECTORY : 0);
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) return -1;
  struct stat opened {};
  const bool same =
      ::fstat(fd, &opened) == 0 && opened.st_dev == before.st_dev && opened.st_ino == before.st_ino;
  if (same && (marked_by(fd, pid) || holds_nothing(fd, opened, kind)) && process_gone(pid) &&
      ::flock(fd, LOCK_EX | LOCK_NB) == 0)
    return fd;
  ::close(fd);
  return -1;
}

}  // namespace

bool claim_temporary(int fd) {
  ::flock(fd, LOCK_EX | LOCK_NB);  // just created by us: nobody else can hold it
  const std::string pid = std::to_string(::getpid());
  return ::fsetxattr(fd, kTemporaryMarker, pid.data(), pid.size(), 0) == 0;
}

void unmark_temporary(int fd) { ::fremovexattr(fd, kTemporaryMarker); }

void for_each_stale_temporary(const std::filesystem::path& directory, std::string_view prefix,
                              TemporaryKind kind,
                              const std::function<void(const std::filesystem::path&)>& remove) {
  std::error_code error;
  const auto where = directory.empty() ? std::filesystem::path(".") : directory;
  for (const auto& entry : std::filesystem::directory_iterator(where, error)) {
    const pid_t pid = pid_after(entry.path().filename().string(), prefix);
    if (pid == 0) continue;
    const int fd = open_if_stale(entry.path(), pid, kind);
    if (fd < 0) continue;
    remove(entry.path());
    ::close(fd);
  }
}

void remove_stale_temporaries(const std::filesystem::path& directory, std::string_view prefix) {
  for_each_stale_temporary(directory, prefix, TemporaryKind::file,
                           [](const std::filesystem::path& path) { ::unlink(path.c_str()); });
}

std::string temporary_prefix(const std::filesystem::path& target) {
  return target.filename().string() + ".castgraph-tmp.";
}

}  // namespace castgraph
