#include "loaders/dataset_cache.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "graph/errors.hpp"
#include "loaders/dataset_loader.hpp"

namespace castgraph {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kEntryExtension = ".cgs";
// What the disk must keep free beyond the CSV files' size for an entry to be written.
constexpr std::uint64_t kFreeReserve = std::uint64_t{512} << 20;

// Bumped when what an entry holds changes meaning (as kSnapshotVersion is by the format).
constexpr int kCacheLayout = 1;

std::string stat_error(const fs::path& file) {
  return fmt::format("{}: cannot examine it for the cache: {}", file.string(),
                     std::strerror(errno));
}

// XXH3-128 of a file's bytes, read through a mapping.
std::string content_hash(const fs::path& file, std::uint64_t size) {
  if (size == 0) return "empty";
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(stat_error(file));
  void* bytes = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (bytes == MAP_FAILED) throw IoError(stat_error(file));
  const XXH128_hash_t hash = XXH3_128bits(bytes, size);
  ::munmap(bytes, size);
  return fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
}

// One file's part of the key; adds its size to `csv_bytes`.
std::string file_key(const fs::path& file, std::uint64_t& csv_bytes) {
  struct stat status {};
  if (::stat(file.c_str(), &status) != 0) {
    if (errno == ENOENT) return fmt::format("{}: absent\n", file.filename().string());
    throw IoError(stat_error(file));
  }
  const auto size = static_cast<std::uint64_t>(status.st_size);
  csv_bytes += size;
  std::string key = fmt::format("{}: dev {} ino {} size {} mtime {}.{:09} ctime {}.{:09}",
                                file.filename().string(), status.st_dev, status.st_ino, size,
                                status.st_mtim.tv_sec, status.st_mtim.tv_nsec,
                                status.st_ctim.tv_sec, status.st_ctim.tv_nsec);
  if (S_ISREG(status.st_mode) && size <= kHashedFileBytes)
    key += " xxh3-128 " + content_hash(file, size);
  return key + "\n";
}

// The program doing the load, by its executable's size and mtime: a rebuilt or upgraded
// castgraph may accept or refuse rows differently, so it never reuses an older one's
// entries.
std::string program_key() {
  struct stat status {};
  if (::stat("/proc/self/exe", &status) != 0) return "program unknown\n";
  return fmt::format("program size {} mtime {}.{:09}\n", status.st_size, status.st_mtim.tv_sec,
                     status.st_mtim.tv_nsec);
}

std::string hex_name(const std::string& key) {
  const XXH128_hash_t hash = XXH3_128bits(key.data(), key.size());
  return fmt::format("{:016x}{:016x}{}", hash.high64, hash.low64, kEntryExtension);
}

struct CachedFile {
  fs::path path;
  std::uint64_t bytes;
  fs::file_time_type used;
};

// The entries in `cache`, least recently used first. Files that vanish while listed
// (another process evicting) are skipped.
std::vector<CachedFile> entries_by_age(const fs::path& cache) {
  std::vector<CachedFile> entries;
  std::error_code error;
  for (fs::directory_iterator it(cache, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() != kEntryExtension) continue;
    std::error_code stat_error;
    const auto bytes = it->file_size(stat_error);
    const auto used = it->last_write_time(stat_error);
    if (!stat_error) entries.push_back({it->path(), bytes, used});
  }
  std::sort(entries.begin(), entries.end(),
            [](const CachedFile& a, const CachedFile& b) { return a.used < b.used; });
  return entries;
}

// Returns false when `keep` itself had to go (it alone is over the limit).
bool evict_to(const fs::path& cache, std::uint64_t limit, const fs::path& keep) {
  std::vector<CachedFile> entries = entries_by_age(cache);
  std::uint64_t total = 0;
  for (const CachedFile& entry : entries) total += entry.bytes;
  for (const CachedFile& entry : entries) {
    if (total <= limit) break;
    std::error_code ignored;  // another process may have removed it first
    fs::remove(entry.path, ignored);
    total -= entry.bytes;
    if (entry.path == keep) return false;
  }
  return true;
}

}  // namespace

std::optional<fs::path> cache_directory() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  // The XDG rule: a relative XDG_CACHE_HOME is invalid and ignored.
  if (xdg && *xdg && fs::path(xdg).is_absolute()) return fs::path(xdg) / "castgraph";
  const char* home = std::getenv("HOME");
  if (home && *home) return fs::path(home) / ".cache" / "castgraph";
  return std::nullopt;
}

std::uint64_t cache_byte_limit() {
  const char* text = std::getenv("CASTGRAPH_CACHE_BYTES");
  if (!text || !*text) return kDefaultCacheBytes;
  char* end = nullptr;
  errno = 0;
  const unsigned long long bytes = std::strtoull(text, &end, 10);
  if (errno != 0 || *end != '\0' || *text == '-') return kDefaultCacheBytes;
  return bytes;
}

DatasetCacheEntry dataset_cache_entry(const fs::path& cache, const fs::path& directory,
                                      TextEncoding encoding) {
  std::error_code error;
  const fs::path absolute = fs::absolute(directory, error).lexically_normal();
  if (error) throw IoError(fmt::format("{}: {}", directory.string(), error.message()));
  DatasetCacheEntry entry;
  std::string key = fmt::format("castgraph dataset cache {} snapshot {}\ndirectory {}\n",
                                kCacheLayout, kSnapshotVersion, absolute.string());
  key += program_key();
  key += encoding == TextEncoding::gb18030 ? "encoding gb18030\n" : "encoding utf-8\n";
  for (const char* name : kDatasetFiles) key += file_key(absolute / name, entry.csv_bytes);
  entry.file = cache / hex_name(key);
  return entry;
}

std::optional<OpenedSnapshot> open_cache_entry(const DatasetCacheEntry& entry) {
  std::error_code error;
  if (!fs::is_regular_file(entry.file, error)) return std::nullopt;
  try {
    OpenedSnapshot opened = open_snapshot(entry.file);
    fs::last_write_time(entry.file, fs::file_time_type::clock::now(), error);  // used now
    return opened;
  } catch (const DataError&) {
    fs::remove(entry.file, error);  // damaged: the next write replaces it
  } catch (const IoError&) {
  }
  return std::nullopt;
}

void write_cache_entry(const Network& network, const DatasetCacheEntry& entry,
                       std::uint64_t limit) {
  if (limit == 0) throw IoError("CASTGRAPH_CACHE_BYTES is 0: the cache is off");
  const fs::path cache = entry.file.parent_path();
  std::error_code error;
  fs::create_directories(cache, error);
  if (error) throw IoError(fmt::format("{}: {}", cache.string(), error.message()));
  const fs::space_info space = fs::space(cache, error);
  if (error) throw IoError(fmt::format("{}: {}", cache.string(), error.message()));
  if (space.available < entry.csv_bytes + kFreeReserve)
    throw IoError(fmt::format("{}: only {} bytes free, fewer than the dataset's {} and a reserve",
                              cache.string(), space.available, entry.csv_bytes));
  write_snapshot(network, entry.file);
  if (!evict_to(cache, limit, entry.file))
    throw IoError(
        fmt::format("the entry alone is larger than CASTGRAPH_CACHE_BYTES ({} bytes)", limit));
}

}  // namespace castgraph
