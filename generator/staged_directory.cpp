#include "generator/staged_directory.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2 (glibc 2.28+)
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <string_view>

#include "graph/errors.hpp"
#include "loaders/file_bytes.hpp"
#include "loaders/stale_temporaries.hpp"

namespace castgraph::generator {
namespace {

namespace fs = std::filesystem;

// `target` as a plain name in its parent: "data/" and "./data" become "data", a symlink
// to a directory becomes the directory it points to (the user meant that one).
fs::path resolve_target(const fs::path& target) {
  fs::path path = target.lexically_normal();
  if (!path.has_filename()) path = path.parent_path();
  std::error_code error;
  const std::string name = path.filename().string();
  if (name.empty() || name == "." || name == ".." || fs::is_symlink(path, error))
    path = fs::canonical(path);
  return path;
}

std::string staging_prefix(const fs::path& target) {
  return "." + target.filename().string() + ".castgraph-generate.";
}

bool is_owned(std::string_view name, std::span<const char* const> owned) {
  return std::ranges::any_of(owned, [&](std::string_view own) {
    return name == own || (name.size() == own.size() + 4 && name.starts_with(own) &&
                           name.ends_with(".tmp"));  // CsvWriter's temporary
  });
}

// The `size` bytes of a regular file; nullopt when they cannot be read.
std::optional<std::string> file_bytes(const fs::path& path, off_t size) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in || in.gcount() != static_cast<std::streamsize>(size)) return std::nullopt;
  return bytes;
}

// True when removing `a` loses nothing because `b` holds the same: the same inode (a hard
// link), symlinks with the same text, or regular files with the same bytes.
bool same_entry(const fs::path& a, const fs::path& b) {
  constexpr off_t kCompareLimit = off_t{64} << 20;  // larger files are kept, not compared
  struct stat x {};
  struct stat y {};
  if (::lstat(a.c_str(), &x) != 0 || ::lstat(b.c_str(), &y) != 0) return false;
  if (S_ISLNK(x.st_mode) && S_ISLNK(y.st_mode)) {
    std::error_code error_a, error_b;
    return fs::read_symlink(a, error_a) == fs::read_symlink(b, error_b) && !error_a && !error_b;
  }
  if (!S_ISREG(x.st_mode) || !S_ISREG(y.st_mode)) return false;
  if (x.st_dev == y.st_dev && x.st_ino == y.st_ino) return true;
  if (x.st_size != y.st_size || x.st_size > kCompareLimit) return false;
  const auto bytes_a = file_bytes(a, x.st_size), bytes_b = file_bytes(b, y.st_size);
  return bytes_a && bytes_b && *bytes_a == *bytes_b;
}

void check_target(const fs::path& target, bool force, std::span<const char* const> owned) {
  std::error_code error;
  const auto status = fs::symlink_status(target, error);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status))
    throw UsageError("output " + target.string() + " exists and is not a directory");
  if (!force && !fs::is_empty(target, error))
    throw UsageError("output directory " + target.string() +
                     " is not empty (use --force to overwrite its dataset files)");
  for (const auto& entry : fs::directory_iterator(target)) {
    const std::string name = entry.path().filename().string();
    if (is_owned(name, owned) || entry.is_symlink() || entry.is_regular_file()) continue;
    throw UsageError("output directory " + target.string() + " holds " + name +
                     ", which is neither a dataset file nor a regular file: generate writes a "
                     "new directory and swaps it in whole, keeping only files and symlinks "
                     "beside the dataset; move " +
                     name + " elsewhere first");
  }
}

// Durable directory entries after a rename. Best effort.
void sync_directory(const fs::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

StagedDirectory::StagedDirectory(const fs::path& target, bool force,
                                 std::span<const char* const> owned)
    : target_(resolve_target(target)), owned_(owned) {
  parent_ = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  check_target(target_, force, owned_);
  std::error_code error;
  fs::create_directories(parent_, error);
  if (error) throw IoError("cannot create " + parent_.string() + ": " + error.message());
  for_each_stale_temporary(parent_, staging_prefix(target_), TemporaryKind::directory,
                           [this](const fs::path& stale) { empty_and_remove(stale); });
  staging_ = parent_ / (staging_prefix(target_) + std::to_string(::getpid()));
  if (::mkdir(staging_.c_str(), 0777) != 0)
    throw IoError(describe_errno(staging_, "cannot create the staging directory"));
  staging_fd_ = ::open(staging_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (staging_fd_ < 0) {
    const IoError failure(describe_errno(staging_, "cannot open the staging directory"));
    ::rmdir(staging_.c_str());
    throw failure;
  }
  claim_temporary(staging_fd_);
}

StagedDirectory::~StagedDirectory() {
  if (!published_) empty_and_remove(staging_);
  ::close(staging_fd_);
}

void StagedDirectory::publish() {
  const int old_fd = ::open(target_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (old_fd < 0) {
    if (errno != ENOENT) throw IoError(describe_errno(target_, nullptr));
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) != 0)
      throw IoError(describe_errno(target_, "cannot move the new dataset into place"));
    published_ = true;
    unmark_temporary(staging_fd_);
    sync_directory(parent_);
    return;
  }
  // The old directory, once swapped out, sits under the staging name: marked and locked
  // like a staging directory, so that if this run dies before removing it the next one
  // recognises it.
  claim_temporary(old_fd);
  try {
    carry_over_user_files();
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0)
      throw IoError(describe_errno(
          target_, "cannot swap the new dataset into place (atomic exchange, renameat2)"));
  } catch (...) {
    unmark_temporary(old_fd);
    ::close(old_fd);
    throw;
  }
  published_ = true;
  unmark_temporary(staging_fd_);
  sync_directory(parent_);
  empty_and_remove(staging_);  // now the old directory
  ::close(old_fd);
}

void StagedDirectory::carry_over_user_files() const {
  for (const auto& entry : fs::directory_iterator(target_)) {
    const std::string name = entry.path().filename().string();
    if (is_owned(name, owned_)) continue;
    const fs::path copy = staging_ / name;
    std::error_code error;
    if (entry.is_symlink())
      fs::create_symlink(fs::read_symlink(entry.path()), copy, error);
    else if (entry.is_regular_file())
      fs::create_hard_link(entry.path(), copy, error);
    else
      error = std::make_error_code(std::errc::is_a_directory);
    if (error)
      throw IoError("cannot keep " + entry.path().string() +
                    " in the new dataset directory: " + error.message());
  }
}

void StagedDirectory::empty_and_remove(const fs::path& directory) const {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    const std::string name = entry.path().filename().string();
    const bool ours = (is_owned(name, owned_) && entry.is_regular_file() && !entry.is_symlink()) ||
                      same_entry(entry.path(), target_ / name);
    if (ours) ::unlink(entry.path().c_str());
  }
  ::rmdir(directory.c_str());  // fails, and keeps it, if anything else is inside
}

}  // namespace castgraph::generator
