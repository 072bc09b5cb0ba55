// StagedDirectory: a directory written in full under a temporary name beside its target,
// then put in place in one atomic step, so that whoever looks at the target (or a run
// killed at any instant leaves) sees the old directory or the new one, complete, and
// never a mixture of their files.
//
// The staging directory is "PARENT/.NAME.castgraph-generate.PID", locked and marked as
// castgraph's (stale_temporaries.hpp). publish() exchanges it with the old directory
// (renameat2 RENAME_EXCHANGE), or renames it into place when there was none; what then
// sits under the staging name is the old directory, marked too, and is emptied of
// castgraph's files and removed. Regular files and symlinks of the user's that sit
// beside the dataset in the old directory are carried into the new one first (hard
// links and copies of the links), so nothing of theirs goes. A run killed before its
// clean-up leaves a marked directory that the next run for the same target empties the
// same way, removing only files named as this writer's own (`owned`, and NAME.tmp) and
// files and symlinks the target still holds (the same inode, link text or bytes);
// anything else stays, and so does the directory holding it.
#pragma once

#include <filesystem>
#include <span>
#include <string>

namespace castgraph::generator {

class StagedDirectory {
 public:
  // Checks `target` (a directory, or absent; when it is a non-empty directory, `force`
  // must be set and it must hold nothing but regular files and symlinks), removes the
  // staging directories killed runs left for it, and creates this run's. Throws
  // UsageError or IoError.
  StagedDirectory(const std::filesystem::path& target, bool force,
                  std::span<const char* const> owned);
  ~StagedDirectory();  // without publish(): removes what this run wrote
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  // Where to write the files.
  const std::filesystem::path& path() const { return staging_; }
  // Puts the staging directory in place of the target in one atomic step, then removes
  // the old one. Throws IoError (the target then is untouched).
  void publish();

 private:
  void carry_over_user_files() const;
  void empty_and_remove(const std::filesystem::path& directory) const;

  std::filesystem::path target_, parent_, staging_;
  std::span<const char* const> owned_;
  int staging_fd_ = -1;
  bool published_ = false;
};

}  // namespace castgraph::generator
