// Fuzzes the dataset loader (loaders/dataset_loader.hpp). The input is the seven CSV
// files of a dataset, in the order of kDatasetFiles, separated by lines "#FILE" (a
// piece may be missing: the file is then absent). The first byte picks strict or
// lenient mode. Properties:
//   - load_dataset never crashes, hangs or leaks; it returns or throws DataError /
//     IoError, nothing else;
//   - a network it returns passes check_network (graph/network_check.hpp), and strict
//     mode returns no rejects;
//   - every DataError names a line, except "missing required file".
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "fuzz/scratch_path.hpp"
#include "graph/errors.hpp"
#include "graph/network_check.hpp"
#include "loaders/dataset_loader.hpp"

namespace {

constexpr std::string_view kSeparator = "\n#FILE\n";

// One directory per process, reused by every input and removed at exit.
const std::filesystem::path& scratch_directory() {
  static const castgraph::fuzz::ScratchPath directory("castgraph-fuzz-dataset-", "");
  std::filesystem::create_directories(directory.path());  // a stat once it exists
  return directory.path();
}

void write_dataset(std::string_view input, const std::filesystem::path& directory) {
  for (const char* name : castgraph::kDatasetFiles) std::filesystem::remove(directory / name);
  for (const char* name : castgraph::kDatasetFiles) {
    if (input.empty()) break;
    const std::size_t end = input.find(kSeparator);
    const std::string_view piece = input.substr(0, end);
    std::ofstream(directory / name, std::ios::binary)
        .write(piece.data(), static_cast<std::streamsize>(piece.size()));
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + kSeparator.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // Set by name, not by aggregate order: LoadOptions grows, and clang warns
  // (-Wmissing-field-initializers) for every member a braced list leaves out.
  castgraph::LoadOptions options;
  options.lenient = (data[0] & 1) != 0;
  const auto& directory = scratch_directory();
  write_dataset({reinterpret_cast<const char*>(data) + 1, size - 1}, directory);
  try {
    const castgraph::LoadResult loaded = castgraph::load_dataset(directory, options);
    if (const auto problem = castgraph::check_network(loaded.network)) {
      std::fprintf(stderr, "fuzz_dataset_loader: loaded network is inconsistent: %s\n",
                   problem->c_str());
      std::abort();
    }
    if (!options.lenient && !loaded.rejects.empty()) {
      std::fprintf(stderr, "fuzz_dataset_loader: strict mode returned rejects\n");
      std::abort();
    }
  } catch (const castgraph::DataError& error) {
    if (error.where().line == 0 &&
        std::string_view(error.what()).find("missing required file") == std::string_view::npos) {
      // Every content error names a line; only a missing file has none.
      std::fprintf(stderr, "fuzz_dataset_loader: error without a line: %s\n", error.what());
      std::abort();
    }
  } catch (const castgraph::IoError&) {
  }
  return 0;
}
