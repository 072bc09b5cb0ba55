// Loading a CSV dataset for a question about a few fanbases (issue 24): every file is read
// and every row checked exactly as load_dataset does (the same functions,
// dataset_loading.hpp: the same errors at the same file:line:column, strict or lenient,
// the same rejects in the same order), but of follows.csv only the rows of the asked
// fanbases are built into the network. A row of another fanbase is checked and dropped:
// its fan id is never interned, and no follow list holds it.
//
// follows.csv is read first, on two threads at once, each its own byte range (csv_split.hpp
// finds record boundaries, so a quoted field holding a line break is never cut); the
// second range's line numbers continue the first's. Its errors and rejects are held back
// until fans.csv has been read, since load_dataset reads fans.csv first and reports its
// errors first. fans.csv is then read whole and every row checked (a repeated id is found
// exactly, graph/seen_ids.hpp), but only the fans the kept follows met are given their
// weight and place; the other fans are not in the network. The kept fans' ids are not
// indexed (Interner::find throws): the questions asked of it never look a fan up by id.
#pragma once

#include <filesystem>
#include <span>

#include "graph/network.hpp"
#include "loaders/dataset_loader.hpp"

namespace castgraph {

struct FocusedLoad {
  // The catalogue, the collabs, the follows of the asked fanbases and the fans they
  // meet (weights and places from fans.csv); the rejects of every file, as load_dataset's.
  LoadResult loaded;
  std::uint64_t kept_follow_rows = 0;  // of loaded.follow_rows (all the good rows)
  // load_dataset's network has at least least_fans fans (those of fans.csv and those of
  // the kept follows) and at most most_fans: each good row not kept may have met a fan
  // found nowhere else. The focused network holds only the kept follows' fans.
  std::uint64_t least_fans = 0, most_fans = 0;
  // False when the totals graph/value_rules.hpp bounds might have passed their limit on
  // rows that were not kept: only load_dataset can then say at which row (or whether), so
  // `loaded` is to be thrown away and the dataset loaded in full. Nothing was thrown
  // for follows.csv in that case.
  bool totals_within_limits = true;
};

// Only platforms.csv, bases.csv, broadcasters.csv and fanbases.csv: enough to resolve
// hosts by id or name before the big files are read. Throws as load_dataset does on
// those files; a lenient load's rejects are dropped (load_focused lists them again).
Network load_catalogue_only(const std::filesystem::path& directory, const LoadOptions& options);

// `kept[f]` says whether fanbase f's follows are wanted (fanbase ids as in
// load_catalogue_only's network, which load_focused's shares). Throws DataError / IoError
// as load_dataset would on the same files, save as totals_within_limits says.
// Time O(bytes read), on options.threads threads (0: two when the machine has two cores).
FocusedLoad load_focused(const std::filesystem::path& directory, const LoadOptions& options,
                         const std::vector<bool>& kept);

}  // namespace castgraph
