// Snapshots: a loaded Network in one binary file that opens with an mmap and a
// validation pass, with no parsing and no per-element copying.
//
// Layout (all integers little-endian, the machine's own layout, checked on open):
//
//   offset 0    FileHeader (64 bytes): magic "CASTGRPH", format version, byte-order
//               mark, file size, section count, section table offset and checksum
//   offset 64   SectionEntry[count] (64 bytes each): name, element size, element
//               count, offset, checksum
//   ...         section data, each section starting on a 64-byte boundary
//
// Every Column of the Network is one section, in a fixed order (snapshot_sections.hpp),
// followed by any extra sections the caller adds (reach sketches, for instance). On open
// every section's checksum is verified and every relation is checked to stay within
// bounds, so a truncated, corrupted, foreign or newer file is refused with a clear
// IoError/DataError and never crashes a later query.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "graph/network.hpp"

namespace castgraph {

inline constexpr std::uint32_t kSnapshotVersion = 1;

// A named array stored beside the network, for data computed from it.
struct SnapshotExtra {
  std::string name;  // at most 47 bytes
  std::uint32_t element_size = 1;
  std::span<const char> bytes;
};

// Writes atomically (temporary file, then rename). Throws IoError.
void write_snapshot(const Network& network, const std::filesystem::path& path,
                    std::span<const SnapshotExtra> extras = {});

struct OpenedSnapshot {
  Network network;  // its Columns borrow from the mapping, which network.storage keeps alive
  std::map<std::string, std::span<const char>, std::less<>> extras;
};

// Maps and validates. O(file size) for the checksums. Throws DataError naming the file
// and the broken section, or IoError when it cannot be read.
OpenedSnapshot open_snapshot(const std::filesystem::path& path);

// True when the file starts with the snapshot magic (a cheap sniff, for dispatch).
bool looks_like_snapshot(const std::filesystem::path& path);

}  // namespace castgraph
