// Cleaning up after killed runs. A run writes its output under a temporary name that
// ends in its process id and renames it into place when done; a run killed with SIGKILL
// cannot remove it. The next run that writes the same output removes the leftovers.
#pragma once

#include <filesystem>
#include <string_view>

namespace castgraph {

// Removes (recursively) every entry of `directory` named `prefix` followed by the id of
// a process that no longer exists. Entries of live processes (or of a reused id) are
// left alone; failures are ignored, since a leftover is only clutter. O(entries).
void remove_stale_temporaries(const std::filesystem::path& directory, std::string_view prefix);

}  // namespace castgraph
