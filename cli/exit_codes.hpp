// Exit statuses, after BSD sysexits.h, so scripts can tell bad data from a bad call.
#pragma once

namespace castgraph::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;      // bad flags or arguments
inline constexpr int kExitData = 65;      // EX_DATAERR: the input files are malformed
inline constexpr int kExitSoftware = 70;  // EX_SOFTWARE: a bug in castgraph
inline constexpr int kExitIo = 74;        // EX_IOERR: a file could not be read or written

}  // namespace castgraph::cli
