// Temporaries that castgraph can prove are its own, and cleaning up after killed runs.
//
// A run writes its output under a temporary name ending in its process id and renames it
// into place when done; a run killed with SIGKILL cannot remove it, so the next run that
// writes the same output does. Removing the wrong thing would destroy a user's data (a
// directory or file that merely looks like a temporary), so a leftover is removed only
// when every one of these holds:
//   - its name is the prefix of this output followed by a process id;
//   - it is of the kind castgraph made (a regular file with one link, or a directory),
//     not a symlink, and belongs to this user;
//   - it carries castgraph's marker, an extended attribute naming that same process id,
//     which castgraph sets on what it creates and nothing else does; or it holds nothing
//     (an empty file or directory): a run killed between creating its temporary and
//     marking it leaves exactly that, and removing it loses nothing;
//   - that process is gone, and nobody holds the exclusive lock (flock) that a live run
//     keeps on its temporary until it is done (which also covers a process id of another
//     pid namespace).
// On a file system without extended attributes nothing can be proven, and leftovers stay
// (clutter, never a loss).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace castgraph {

// The extended attribute that marks castgraph's temporaries; its value is the id of the
// process that made them, in decimal.
inline constexpr const char* kTemporaryMarker = "user.castgraph.temporary";

// Claims an entry this process has just created under a temporary name, through an open
// descriptor of it: takes an exclusive flock (held until every descriptor of that open
// file is closed) and sets the marker to this process's id. Returns false when the file
// system keeps no extended attributes (the entry then is never removed by a later run).
bool claim_temporary(int fd);

// Clears the marker of an entry that stops being a temporary (a staging directory that
// became the output). Best effort.
void unmark_temporary(int fd);

enum class TemporaryKind { file, directory };

// Calls remove(path) for every entry of `directory` that a killed castgraph run left
// under `prefix` (the rules above), while holding its lock. O(entries).
void for_each_stale_temporary(const std::filesystem::path& directory, std::string_view prefix,
                              TemporaryKind kind,
                              const std::function<void(const std::filesystem::path&)>& remove);

// Unlinks the temporary files of dead runs named `prefix` + pid in `directory`. Failures
// are ignored, since a leftover is only clutter.
void remove_stale_temporaries(const std::filesystem::path& directory, std::string_view prefix);

// "NAME.castgraph-tmp.", the prefix of the temporary files written for `target`.
std::string temporary_prefix(const std::filesystem::path& target);

}  // namespace castgraph
