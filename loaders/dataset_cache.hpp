// A cache of loaded CSV datasets: the first command on a CSV directory writes the network
// it loaded as a snapshot under $XDG_CACHE_HOME/castgraph (default ~/.cache/castgraph);
// a later command on the same, unchanged directory maps that snapshot instead of parsing
// the CSV again (seconds become milliseconds: bench/RESULTS.md).
//
// Never stale: an entry is named by a hash of everything the load depends on: the
// castgraph executable (size and mtime: a rebuilt one may check rows differently), the
// directory's absolute path, the encoding, and for each dataset file whether it exists,
// its device, inode, size, modification and status-change times (nanoseconds), and for a
// file under kHashedFileBytes its content's XXH3-128 too. Writing a file changes its
// ctime, which no `touch -d` can set back, so an edited fans.csv or follows.csv (too big
// to hash cheaply) changes the key even when its size and mtime are restored; an edited
// small file changes it by content alone. A changed key misses, and the stale entry ages
// out of the cache.
//
// Safe to share: an entry is written to a temporary file and renamed into place
// (write_snapshot), so a reader sees a whole entry or none, and two processes writing the
// same entry both write the same bytes, the last rename winning. Bounded: after each
// write the oldest entries (by last use: a hit marks its entry used) are removed until
// the whole is within the limit. Nothing here prints: the caller decides what to say.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "graph/network.hpp"
#include "loaders/snapshot.hpp"
#include "loaders/text_encoding.hpp"

namespace castgraph {

// Files at most this big are hashed for the key; larger ones are keyed by their status.
inline constexpr std::uint64_t kHashedFileBytes = 16 << 20;
// The default bound on the cache's total size, when CASTGRAPH_CACHE_BYTES is not set.
inline constexpr std::uint64_t kDefaultCacheBytes = std::uint64_t{8} << 30;

struct DatasetCacheEntry {
  std::filesystem::path file;   // where the entry is or would be
  std::uint64_t csv_bytes = 0;  // the dataset files' total size
};

// $XDG_CACHE_HOME/castgraph, else $HOME/.cache/castgraph; nullopt when neither is set.
std::optional<std::filesystem::path> cache_directory();

// The bound on the cache's size: CASTGRAPH_CACHE_BYTES (bytes) when set and a number,
// else kDefaultCacheBytes.
std::uint64_t cache_byte_limit();

// The entry for `directory` as its files are now. Throws IoError when a file cannot be
// examined (the caller then skips the cache). O(bytes of the small files).
DatasetCacheEntry dataset_cache_entry(const std::filesystem::path& cache,
                                      const std::filesystem::path& directory,
                                      TextEncoding encoding);

// The entry's snapshot, or nullopt when there is none or it cannot be opened (a damaged
// entry is removed). Marks the entry used. O(sections + chunks), as open_snapshot.
std::optional<OpenedSnapshot> open_cache_entry(const DatasetCacheEntry& entry);

// Writes `network` as the entry (no stored sketches: a CSV directory has none), then
// removes the least recently used entries while the cache holds more than `limit` bytes
// (IoError when that removes the new entry too; a limit of 0 writes nothing).
// Refuses (IoError, nothing written) when the disk has less room than the CSV files take
// plus a reserve, so that the cache never fills the disk. Throws IoError on any failure;
// a failure leaves no partial entry.
void write_cache_entry(const Network& network, const DatasetCacheEntry& entry, std::uint64_t limit);

}  // namespace castgraph
