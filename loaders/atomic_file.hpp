// Writing an output file so that nobody ever sees it half-written: the content goes
// to a temporary file beside the target, which is renamed over the target only once
// it is complete. A run killed halfway leaves the old file (or none), never a torn one.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace castgraph {

// Calls write(stream) on a temporary file in the target's directory
// ("target.castgraph-tmp.PID", locked and marked as castgraph's while it is written),
// flushes and syncs it, then renames it to `target`. On any failure the temporary file
// is removed and the error is rethrown; `target` is untouched. Temporary files of the
// same target left by killed runs are removed first, and only those that are provably
// castgraph's (stale_temporaries.hpp): a user's file or directory of a look-alike name
// is never touched. A target that is a symlink to a file stays a symlink (the file it
// points to is replaced); a target that is a stream (a FIFO, a terminal, /dev/stdout) is
// written directly, as there is nothing to replace.
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(std::ostream&)>& write);

}  // namespace castgraph
