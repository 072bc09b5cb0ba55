// Snapshots: a loaded Network in one binary file that opens with an mmap and a
// validation pass, with no parsing and no per-element copying.
//
// Layout (all integers little-endian, the machine's own layout, checked on open):
//
//   offset 0    FileHeader (64 bytes): magic "CASTGRPH", format version, byte-order
//               mark, file size, section count, section table offset and checksum,
//               chunk size, chunk table offset
//   offset 64   SectionEntry[count] (72 bytes each): name, element size, offset, byte
//               count, checksum of the section's chunk checksums
//   ...         the chunk table: every section's chunk checksums (one per 64 KiB), in order
//   ...         section data, each section starting on a 64-byte boundary
//
// Every Column of the Network is one section, in a fixed order (snapshot_sections.hpp),
// followed by any extra sections the caller adds (reach sketches, for instance).
//
// Checked as far as it is read: open checks the header, the section table and the chunk
// table (a truncated, foreign, newer or mislaid file is refused there); each column's
// chunks are checked against their checksums, and the network's rules (targets in range,
// offsets in order, valid UTF-8) are run, the first time a query reads them
// (graph/column_guard.hpp). Damage is refused with a DataError naming the file and the
// section when the damaged part is read; a query that never reads it answers as from
// the intact file. check_network() reads, and so checks, everything.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "graph/column_guard.hpp"
#include "graph/network.hpp"

namespace castgraph {

// 2: sections checksummed in chunks, checked when read.
// 3: XXH3 checksums; reach sketches stored sparse or dense, fans hashed by external id.
inline constexpr std::uint32_t kSnapshotVersion = 3;

// A named array stored beside the network, for data computed from it.
struct SnapshotExtra {
  std::string name;  // at most 47 bytes
  std::uint32_t element_size = 1;
  std::span<const char> bytes;
};

// Writes atomically (temporary file, then rename). Throws IoError.
void write_snapshot(const Network& network, const std::filesystem::path& path,
                    std::span<const SnapshotExtra> extras = {});

// An extra section as opened. Its checksum is checked when its bytes are first asked
// for, not at open: most commands never read the stored reach sketches.
class OpenedExtra {
 public:
  OpenedExtra(std::span<const char> bytes, std::span<const std::uint64_t> chunk_sums,
              std::uint64_t chunk_bytes, std::filesystem::path file, std::string name);
  std::size_t size() const { return bytes_.size(); }
  // The bytes, once they match their checksum. Throws DataError naming the file and the
  // section otherwise. O(size) the first time, O(1) after.
  std::span<const char> bytes() const;
  // A guard for a Column that borrows these bytes as elements of `element_size` bytes:
  // each read checks only the chunks it covers (graph/column_guard.hpp), so a query that
  // reads a few sketches of a large section checks a few chunks. O(1).
  std::shared_ptr<ColumnGuard> guard(std::size_t element_size) const;
  // The bytes, unchecked: for a Column that carries guard().
  std::span<const char> unchecked_bytes() const { return bytes_; }

 private:
  std::span<const char> bytes_;
  std::span<const std::uint64_t> chunk_sums_;
  std::uint64_t chunk_bytes_;
  std::filesystem::path file_;  // for the error
  std::string name_;
  mutable bool verified_ = false;
};

struct OpenedSnapshot {
  Network network;  // its Columns borrow from the mapping, which network.storage keeps alive
  std::map<std::string, OpenedExtra, std::less<>> extras;
  // The checksum of the section table. It covers each section's checksum, which covers its
  // chunks' checksums, so two snapshots with the same fingerprint hold the same bytes (up
  // to an XXH3 collision): a manifest can name a file by it without reading the file.
  std::uint64_t fingerprint = 0;
};

// Maps the file and checks its tables, O(sections + chunks); the network's columns and
// the extra sections are checked when read. Throws DataError naming the file and the
// broken part (at open or at the first read of a damaged column), or IoError when it
// cannot be read.
OpenedSnapshot open_snapshot(const std::filesystem::path& path);

// True when the file starts with the snapshot magic (a cheap sniff, for dispatch).
bool looks_like_snapshot(const std::filesystem::path& path);

}  // namespace castgraph
