// Exit statuses, after BSD sysexits.h, so scripts can tell bad data from a bad call.
// Every status castgraph itself returns is here; kExitStatusHelp says them to users (the
// main --help, every command's --help footer, and the README's "Exit status").
#pragma once

namespace castgraph::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;  // bad flags or arguments
inline constexpr int kExitData = 65;  // EX_DATAERR: the input files are malformed
// EX_SOFTWARE: castgraph could not finish: out of memory (std::bad_alloc), or an
// internal error (a bug, or a library such as igraph failing).
inline constexpr int kExitSoftware = 70;
inline constexpr int kExitIo = 74;  // EX_IOERR: a file could not be read or written

// The statuses above, and those a signal gives (the shell reports 128 + the signal).
inline constexpr const char* kExitStatusHelp =
    "Exit status: 0 success; 2 bad usage; 65 malformed data (file:line:column: message);\n"
    "70 out of memory, or an internal error; 74 I/O error (a file missing, unreadable,\n"
    "not a regular file, or not writable). Killed by a signal, the shell reports 128 + its\n"
    "number: 135 (SIGBUS) when a memory-mapped input file is truncated while it is read,\n"
    "137 (SIGKILL) when the kernel's out-of-memory killer stops it, 141 (SIGPIPE) when\n"
    "the program reading its output exits first.";

}  // namespace castgraph::cli
