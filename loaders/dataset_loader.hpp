// Loading a CSV dataset directory (the format of shared/DESIGN.md) into a Network.
//
//   platforms.csv     id,name[,population]
//   bases.csv         id,name[,province][,city][,kind]
//   broadcasters.csv  id,name[,base][,province][,kind][,fee]
//   fanbases.csv      broadcaster,platform,fans[,handle]
//   fans.csv          id[,weight][,province][,city]          (optional)
//   follows.csv       fan,broadcaster[,platform]             (optional)
//   collabs.csv       a,b[,weight][,kind]                    (optional)
//
// Strict by default: the first problem throws DataError naming file, line and column.
// Lenient: a bad row is skipped and returned as a Reject, so nothing is lost silently.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "graph/errors.hpp"
#include "graph/network.hpp"

namespace castgraph {

struct LoadOptions {
  bool lenient = false;
};

// One skipped row: where it was, why, and its raw text.
struct Reject {
  SourceLocation where;
  std::string reason;
  std::string row;
};

struct LoadResult {
  Network network;
  std::vector<Reject> rejects;  // empty unless lenient
  std::uint64_t follow_rows = 0;  // rows read from follows.csv, before repeats collapse
};

// Time O(bytes read); throws DataError (bad content) or IoError (unreadable files).
LoadResult load_dataset(const std::filesystem::path& directory, const LoadOptions& options = {});

// The names of the dataset files, in the order they are loaded.
inline constexpr const char* kDatasetFiles[] = {"platforms.csv", "bases.csv",   "broadcasters.csv",
                                                "fanbases.csv",  "fans.csv",    "follows.csv",
                                                "collabs.csv"};

}  // namespace castgraph
