// The on-disk records of a snapshot (see snapshot.hpp for the layout) and its checksum.
#pragma once

#include <cstddef>
#include <cstdint>

namespace castgraph::snapshot_detail {

inline constexpr char kMagic[8] = {'C', 'A', 'S', 'T', 'G', 'R', 'P', 'H'};
inline constexpr std::uint32_t kByteOrderMark = 0x01020304;
inline constexpr std::uint64_t kAlignment = 64;
inline constexpr std::size_t kNameSize = 40;
// Sections are checksummed in chunks of this many bytes, so that reading part of one
// checks only that part (graph/column_guard.hpp). 64 KiB: a 10-host query reads a few
// hundred chunks, and the chunk table of a 3 GB file is 0.4 MB, checked at open.
inline constexpr std::uint64_t kChunkBytes = std::uint64_t{1} << 16;

struct FileHeader {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint64_t file_size;
  std::uint64_t section_count;
  std::uint64_t table_offset;
  std::uint64_t table_checksum;
  std::uint64_t chunk_bytes;    // kChunkBytes when written
  std::uint64_t chunks_offset;  // the chunk table: each section's chunk checksums, in order
};
static_assert(sizeof(FileHeader) == 64);

struct SectionEntry {
  char name[kNameSize];  // NUL-padded
  std::uint32_t element_size;
  std::uint32_t reserved;
  std::uint64_t offset;
  std::uint64_t bytes;
  std::uint64_t checksum;  // of this section's chunk checksums
};
static_assert(sizeof(SectionEntry) == 72);

// XXH3-64 (Collet, libxxhash): runs at memory speed, and unlike a hand-written hash it
// has its own test suite and SMHasher results. Each chunk is contiguous, so the one-shot
// call serves; no streaming state is needed.
std::uint64_t checksum(const char* data, std::size_t size);

// The number of chunks a section of `bytes` bytes is checksummed in.
inline std::uint64_t chunk_count(std::uint64_t bytes, std::uint64_t chunk_bytes) {
  return bytes / chunk_bytes + (bytes % chunk_bytes != 0);
}

inline std::uint64_t align_up(std::uint64_t offset) {
  return (offset + kAlignment - 1) / kAlignment * kAlignment;
}

}  // namespace castgraph::snapshot_detail
