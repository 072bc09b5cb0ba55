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
// Lenient: a bad row is skipped and returned as a Reject, so nothing is lost silently;
// but a file with more than half its rows bad throws DataError (see DatasetFile).
//
// Values and their totals obey graph/value_rules.hpp: counts up to 2^63 - 1; declared fans,
// fan weights (a fan met only in follows.csv weighing 1) and the weights of the fans of the
// follows (counted once per follows.csv row) each summing to at most 2^63 - 1; fees and
// collab weights finite, not negative, and summing to at most 1e150. The row at which a
// total passes its limit throws DataError there, lenient or not: skipping it, and maybe
// later ones, would change what every total means, so the dataset as a whole is refused.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "graph/errors.hpp"
#include "graph/network.hpp"
#include "loaders/text_encoding.hpp"

namespace castgraph {

// How far a load has got, for a progress display: reported every few tens of thousands
// of rows, on the loading thread, and once before the relations are built.
struct LoadProgress {
  std::string_view file;    // "follows.csv", or a step that reads no file (size 0)
  std::uint64_t bytes = 0;  // of this file, read so far
  std::uint64_t size = 0;   // of this file
  std::uint64_t rows = 0;   // of this file, read so far
};

struct LoadOptions {
  bool lenient = false;
  // Threads for follows.csv: 1 parses and interns in turn on the calling thread; 2 or
  // more (0: as many as the machine has) parse on the calling thread while a second
  // thread interns. The loaded network is the same either way.
  unsigned threads = 0;
  std::function<void(const LoadProgress&)> progress;  // optional
  // What the CSV files are in: GB18030 files are converted to UTF-8 as they are read.
  TextEncoding encoding = TextEncoding::utf8;
};

// One skipped row: where it was, why, and its raw text.
struct Reject {
  SourceLocation where;
  std::string reason;
  std::string row;
};

struct LoadResult {
  Network network;
  std::vector<Reject> rejects;    // empty unless lenient
  std::uint64_t follow_rows = 0;  // rows read from follows.csv, before repeats collapse
};

// Time O(bytes read); throws DataError (bad content) or IoError (unreadable files).
LoadResult load_dataset(const std::filesystem::path& directory, const LoadOptions& options = {});

// The names of the dataset files, in the order they are loaded.
inline constexpr const char* kDatasetFiles[] = {"platforms.csv", "bases.csv", "broadcasters.csv",
                                                "fanbases.csv",  "fans.csv",  "follows.csv",
                                                "collabs.csv"};

}  // namespace castgraph
