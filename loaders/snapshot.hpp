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

// An extra section as opened. Its checksum is checked when its bytes are first asked
// for, not at open: the stored reach sketches are a quarter of a GB at every scale, and
// most commands never read them.
class OpenedExtra {
 public:
  OpenedExtra(std::span<const char> bytes, std::uint64_t checksum, std::filesystem::path file,
              std::string name);
  std::size_t size() const { return bytes_.size(); }
  // The bytes, once they match their checksum. Throws DataError naming the file and the
  // section otherwise. O(size) the first time, O(1) after.
  std::span<const char> bytes() const;

 private:
  std::span<const char> bytes_;
  std::uint64_t checksum_;
  std::filesystem::path file_;  // for the error
  std::string name_;
  mutable bool verified_ = false;
};

struct OpenedSnapshot {
  Network network;  // its Columns borrow from the mapping, which network.storage keeps alive
  std::map<std::string, OpenedExtra, std::less<>> extras;
};

// Maps and validates the network's sections. O(network size) for the checksums; extra
// sections are checked when read (OpenedExtra::bytes). Throws DataError naming the file
// and the broken section, or IoError when it cannot be read.
OpenedSnapshot open_snapshot(const std::filesystem::path& path);

// True when the file starts with the snapshot magic (a cheap sniff, for dispatch).
bool looks_like_snapshot(const std::filesystem::path& path);

}  // namespace castgraph
