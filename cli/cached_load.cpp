#include "cli/cached_load.hpp"

#include <fmt/format.h>

#include <chrono>
#include <exception>
#include <iostream>
#include <optional>

#include "cli/load_progress.hpp"
#include "graph/errors.hpp"
#include "loaders/dataset_cache.hpp"

namespace castgraph::cli {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void say(const DatasetOptions& options, const std::string& text) {
  if (options.verbose) std::cerr << "castgraph: " << text << "\n";
}

// The cache entry of the directory, or nullopt (and why, under --verbose) when the cache
// is not to be used.
std::optional<DatasetCacheEntry> cache_entry(const DatasetOptions& options, TextEncoding encoding) {
  if (!options.cache) {
    say(options, "cache: not used (--no-cache, or a command that reads the files themselves)");
    return std::nullopt;
  }
  const auto cache = cache_directory();
  if (!cache) {
    say(options, "cache: not used (neither XDG_CACHE_HOME nor HOME is set)");
    return std::nullopt;
  }
  try {
    return dataset_cache_entry(*cache, options.path, encoding);
  } catch (const IoError& error) {
    say(options, fmt::format("cache: not used ({})", error.what()));
    return std::nullopt;
  }
}

LoadResult load_from_csv(const DatasetOptions& options, TextEncoding encoding) {
  LoadProgressLine progress;  // erased before anything else is printed
  LoadOptions load_options{options.lenient, 0, progress.callback()};
  load_options.encoding = encoding;
  return load_dataset(options.path, load_options);
}

// Writes the entry; a failure is only reported under --verbose.
void try_to_cache(const DatasetOptions& options, const LoadResult& loaded,
                  const DatasetCacheEntry& entry) {
  if (!loaded.rejects.empty()) {
    say(options,
        "cache: not written (rows were rejected; a run from the cache could not list "
        "them again)");
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  try {
    write_cache_entry(loaded.network, entry, cache_byte_limit());
    say(options,
        fmt::format("cache: wrote {} in {:.2f} s", entry.file.string(), seconds_since(start)));
  } catch (const std::exception& error) {  // a full disk, a read-only cache: not our answer
    say(options, fmt::format("cache: not written ({})", error.what()));
  }
}

}  // namespace

LoadResult load_csv_directory(const DatasetOptions& options) {
  const TextEncoding encoding = parse_text_encoding(options.encoding);
  const auto start = std::chrono::steady_clock::now();
  const std::optional<DatasetCacheEntry> entry = cache_entry(options, encoding);
  if (entry) {
    if (std::optional<OpenedSnapshot> hit = open_cache_entry(*entry)) {
      say(options, fmt::format("cache: hit, mapped {} in {:.3f} s", entry->file.string(),
                               seconds_since(start)));
      return {std::move(hit->network), {}, 0};
    }
    say(options,
        fmt::format("cache: miss ({} not there), loading the CSV files", entry->file.string()));
  }
  LoadResult loaded = load_from_csv(options, encoding);
  say(options, fmt::format("loaded {} from CSV in {:.2f} s", options.path, seconds_since(start)));
  if (entry) try_to_cache(options, loaded, *entry);
  return loaded;
}

}  // namespace castgraph::cli
