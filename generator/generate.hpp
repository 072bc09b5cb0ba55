// generate_dataset: writes a synthetic dataset directory (the CSV format of
// shared/DESIGN.md) for a preset at a scale and seed. The cast (bases, hosts, declared
// fans) is the same at every scale; follow rows of a fan base are round(declared*scale),
// and each fan weighs round(1/scale) people, so that reach counts people, not sample rows.
// Files are streamed into a staging directory beside `directory`, which then replaces it
// in one atomic exchange (staged_directory.hpp): old dataset or new, never a mixture.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "generator/presets.hpp"

namespace castgraph::generator {

struct GenerateOptions {
  double scale = 1.0;  // (0, 1]
  std::uint64_t seed = 1;
  bool force = false;  // replace the dataset of a non-empty directory (other files kept)
  // Fake fans to plant in bot farms, as a share of the genuine fans (generator/fraud.hpp);
  // 0 plants none and leaves the files exactly as without farms.
  double fraud = 0.0;
  // Called now and then with follow rows written so far and the total to write.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

struct GenerateReport {
  std::uint64_t platforms = 0, bases = 0, hosts = 0, fanbases = 0, collabs = 0;
  std::uint64_t declared_total = 0;  // full-scale declared fans, all fan bases
  std::uint64_t follows = 0;         // rows of follows.csv
  std::uint64_t fans = 0;            // rows of fans.csv: distinct people who follow someone
  std::uint64_t people_pool = 0;     // people in the model, followers or not
  std::uint64_t fan_weight = 1;      // people each fan of fans.csv stands for
  std::uint64_t max_follows_per_fan = 0;
  std::uint64_t farms = 0, fake_fans = 0, fake_follows = 0;  // planted fraud (fans counts them)
};

// The people each sampled fan stands for at `scale`: round(1 / scale), at least 1.
std::uint64_t fan_weight(double scale);

// The follow rows a preset writes at `scale`, without writing them. O(hosts).
std::uint64_t follow_rows(const Preset& preset, double scale, std::uint64_t seed);

// Throws UsageError (bad scale or fraud share; `directory` is a file, a non-empty directory
// without force, or holds a subdirectory or another non-file beside the dataset) or IoError.
// The user's regular files and symlinks beside the dataset are kept. Same preset, options
// and seed: byte-identical files. With options.fraud > 0 the planted farms are written to
// truth_directory(directory) (generator/fraud.hpp), outside the dataset; with 0 a stale
// truth there is removed.
GenerateReport generate_dataset(const Preset& preset, const GenerateOptions& options,
                                const std::filesystem::path& directory);

}  // namespace castgraph::generator
