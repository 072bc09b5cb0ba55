// Fuzzes the snapshot reader (loaders/snapshot_reader.cpp): the input is written to a
// file and opened with open_snapshot. Almost any mutation of a real snapshot breaks a
// checksum, which would stop every input at the first check; so when the input's last
// byte is even, the harness first recomputes the file size, every chunk's checksum,
// every section's and the table's checksum, and the mutation reaches the structural
// checks behind them.
// Properties:
//   - open_snapshot never crashes, hangs or leaks: it returns or throws DataError /
//     IoError;
//   - a snapshot it accepts can be used: every string, category, id lookup and
//     relation of the network is read, under ASan, without leaving the mapping (the
//     columns are checked as they are read, so a read may be refused with DataError).
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz/scratch_path.hpp"
#include "graph/errors.hpp"
#include "loaders/snapshot.hpp"
#include "loaders/snapshot_format.hpp"

namespace {

using namespace castgraph;
using namespace castgraph::snapshot_detail;

// Rewrites the chunk checksums of one section (at `sums` in the chunk table) and
// returns the checksum of that list, for the section's table entry.
std::uint64_t fix_chunks(std::string& bytes, const SectionEntry& entry, std::uint64_t chunk_bytes,
                         std::size_t sums) {
  const std::uint64_t chunks = chunk_count(entry.bytes, chunk_bytes);
  for (std::uint64_t chunk = 0; chunk < chunks; ++chunk) {
    const std::uint64_t first = chunk * chunk_bytes;
    const std::uint64_t sum = checksum(bytes.data() + entry.offset + first,
                                       std::min<std::uint64_t>(chunk_bytes, entry.bytes - first));
    std::memcpy(bytes.data() + sums + chunk * 8, &sum, 8);
  }
  return checksum(bytes.data() + sums, chunks * 8);
}

// Makes the checksums and the size in the header agree with the (mutated) content.
void fix_checksums(std::string& bytes) {
  if (bytes.size() < sizeof(FileHeader)) return;
  FileHeader header;
  std::memcpy(&header, bytes.data(), sizeof header);
  header.file_size = bytes.size();
  const std::uint64_t room = (bytes.size() - sizeof header) / sizeof(SectionEntry);
  const std::uint64_t chunk = header.chunk_bytes;
  const bool chunked = chunk >= kAlignment && chunk <= (1u << 30) && (chunk & (chunk - 1)) == 0;
  if (header.table_offset == sizeof header && header.section_count <= room && chunked) {
    std::uint64_t sums = header.chunks_offset;
    for (std::uint64_t i = 0; i < header.section_count; ++i) {
      char* at = bytes.data() + sizeof header + i * sizeof(SectionEntry);
      SectionEntry entry;
      std::memcpy(&entry, at, sizeof entry);
      if (entry.offset > bytes.size() || entry.bytes > bytes.size() - entry.offset) break;
      const std::uint64_t chunks = chunk_count(entry.bytes, chunk);
      if (sums > bytes.size() || chunks > (bytes.size() - sums) / 8) break;
      entry.checksum = fix_chunks(bytes, entry, chunk, sums);
      sums += chunks * 8;
      std::memcpy(at, &entry, sizeof entry);
    }
    header.table_checksum =
        checksum(bytes.data() + sizeof header, header.section_count * sizeof(SectionEntry));
  }
  std::memcpy(bytes.data(), &header, sizeof header);
}

template <class Visit>
void each_string(const StringTable& table, Visit visit) {
  for (std::size_t i = 0; i < table.size(); ++i) visit(table[i]);
}

// Touches everything a query could touch; the sum only keeps the reads alive.
std::uint64_t use(const Network& n) {
  std::uint64_t sum = 0;
  auto strings = [&](std::string_view text) { sum += text.size(); };
  auto ids = [&](const Interner& interner) {
    for (std::size_t i = 0; i < interner.size(); ++i) sum += interner.find(interner[i]).value_or(0);
  };
  auto categories = [&](const CategoryColumn& column, std::size_t rows) {
    ids(column.labels());
    for (std::size_t row = 0; row < rows; ++row) sum += column[row].size();
  };
  auto relation = [&](const Csr& csr) {
    for (NodeId row = 0; row < csr.rows(); ++row)
      for (NodeId target : csr.neighbours(row)) sum += target;
  };
  ids(n.platforms.ids);
  each_string(n.platforms.names, strings);
  ids(n.bases.ids);
  each_string(n.bases.names, strings);
  categories(n.bases.province, n.bases.size());
  categories(n.bases.city, n.bases.size());
  categories(n.bases.kind, n.bases.size());
  ids(n.broadcasters.ids);
  each_string(n.broadcasters.names, strings);
  categories(n.broadcasters.province, n.broadcasters.size());
  categories(n.broadcasters.kind, n.broadcasters.size());
  for (std::size_t host = 0; host < n.broadcasters.size(); ++host)
    sum += n.broadcasters.base[host] + declared_fans(n, static_cast<NodeId>(host));
  each_string(n.fanbases.handles, strings);
  ids(n.fans.ids);
  categories(n.fans.province, n.fans.size());
  categories(n.fans.city, n.fans.size());
  sum += people(n);
  const Relations& r = n.relations;
  for (const Csr* csr :
       {&r.owns, &r.platform_fanbases, &r.base_members, &r.follows, &r.followers, &r.collab})
    relation(*csr);
  return sum;
}

const std::filesystem::path& scratch_file() {
  static const castgraph::fuzz::ScratchPath file("castgraph-fuzz-", ".cgs");
  return file.path();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (size > 0 && data[size - 1] % 2 == 0) fix_checksums(bytes);
  std::ofstream(scratch_file(), std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  try {
    const OpenedSnapshot opened = open_snapshot(scratch_file());
    volatile std::uint64_t sink = use(opened.network);
    // Extras are checked when read: read them all (each may be refused on its own).
    for (const auto& [name, extra] : opened.extras) {
      try {
        for (char byte : extra.bytes()) sink = sink + static_cast<unsigned char>(byte);
      } catch (const DataError&) {
      }
    }
    (void)sink;
  } catch (const DataError&) {
  } catch (const IoError&) {
  }
  return 0;
}
