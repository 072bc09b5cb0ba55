// Writing a snapshot: gather every section (snapshot_sections.hpp), checksum each in
// chunks, lay them out on 64-byte boundaries after the header, the section table and the
// chunk table, and stream them to a temporary file that is renamed into place.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <ostream>
#include <stdexcept>

#include "graph/errors.hpp"
#include "loaders/atomic_file.hpp"
#include "loaders/snapshot.hpp"
#include "loaders/snapshot_format.hpp"
#include "loaders/snapshot_sections.hpp"

namespace castgraph {

namespace {

using namespace snapshot_detail;

struct PlannedSection {
  std::string name;
  std::uint32_t element_size;
  std::span<const char> bytes;
};

// The Io of visit_sections for writing: it only records what to write.
class SectionPlanner {
 public:
  std::vector<PlannedSection> sections;

  template <class T>
  void column(std::string_view name, const Column<T>& values) {
    const auto bytes = std::as_bytes(values.span());
    sections.push_back({std::string(name),
                        sizeof(T),
                        {reinterpret_cast<const char*>(bytes.data()), bytes.size()}});
  }
  void strings(std::string_view name, const StringTable& table) {
    column(fmt::format("{}.bytes", name), table.bytes());
    column(fmt::format("{}.ends", name), table.ends());
  }
  void interner(std::string_view name, const Interner& ids) {
    // A snapshot is looked up in: an interner without its index is never written.
    if (!ids.indexed()) throw std::logic_error(fmt::format("{}: no index to write", name));
    strings(name, ids.strings());
    column(fmt::format("{}.slots", name), ids.slots());
  }
  void categories(std::string_view name, const CategoryColumn& values) {
    interner(fmt::format("{}.labels", name), values.labels());
    column(fmt::format("{}.codes", name), values.codes());
  }
  void csr(std::string_view name, const Csr& relation) {
    column(fmt::format("{}.offsets", name), relation.offsets());
    column(fmt::format("{}.targets", name), relation.targets());
  }
};

// The checksum of every kChunkBytes of `bytes`, the last chunk possibly shorter.
std::vector<std::uint64_t> chunk_checksums(std::span<const char> bytes) {
  std::vector<std::uint64_t> sums;
  for (std::size_t first = 0; first < bytes.size(); first += kChunkBytes)
    sums.push_back(
        checksum(bytes.data() + first, std::min<std::size_t>(kChunkBytes, bytes.size() - first)));
  return sums;
}

std::span<const char> as_chars(std::span<const std::uint64_t> words) {
  return {reinterpret_cast<const char*>(words.data()), words.size_bytes()};
}

SectionEntry make_entry(const PlannedSection& section, std::span<const std::uint64_t> chunk_sums,
                        std::uint64_t offset) {
  if (section.name.size() >= kNameSize)
    throw UsageError(fmt::format("snapshot section name '{}' is too long", section.name));
  SectionEntry entry{};
  std::memcpy(entry.name, section.name.data(), section.name.size());
  entry.element_size = section.element_size;
  entry.offset = offset;
  entry.bytes = section.bytes.size();
  const std::span<const char> sums = as_chars(chunk_sums);
  entry.checksum = checksum(sums.data(), sums.size());
  return entry;
}

void write_padding(std::ostream& out, std::uint64_t& position, std::uint64_t target) {
  static constexpr char kZeros[kAlignment] = {};
  out.write(kZeros, static_cast<std::streamsize>(target - position));
  position = target;
}

}  // namespace

void write_snapshot(const Network& network, const std::filesystem::path& path,
                    std::span<const SnapshotExtra> extras) {
  SectionPlanner planner;
  visit_sections(planner, network);
  for (const SnapshotExtra& extra : extras)
    planner.sections.push_back({extra.name, extra.element_size, extra.bytes});

  std::vector<std::vector<std::uint64_t>> chunk_sums;
  std::vector<std::uint64_t> chunk_table;
  for (const PlannedSection& section : planner.sections) {
    chunk_sums.push_back(chunk_checksums(section.bytes));
    chunk_table.insert(chunk_table.end(), chunk_sums.back().begin(), chunk_sums.back().end());
  }

  const std::uint64_t table_offset = sizeof(FileHeader);
  const std::uint64_t chunks_offset =
      align_up(table_offset + planner.sections.size() * sizeof(SectionEntry));
  std::uint64_t offset = align_up(chunks_offset + chunk_table.size() * sizeof(std::uint64_t));
  std::vector<SectionEntry> table;
  for (std::size_t i = 0; i < planner.sections.size(); ++i) {
    table.push_back(make_entry(planner.sections[i], chunk_sums[i], offset));
    offset = align_up(offset + planner.sections[i].bytes.size());
  }

  FileHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kSnapshotVersion;
  header.byte_order = kByteOrderMark;
  header.file_size = offset;
  header.section_count = table.size();
  header.table_offset = table_offset;
  header.table_checksum =
      checksum(reinterpret_cast<const char*>(table.data()), table.size() * sizeof(SectionEntry));
  header.chunk_bytes = kChunkBytes;
  header.chunks_offset = chunks_offset;

  write_file_atomically(path, [&](std::ostream& out) {
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.write(reinterpret_cast<const char*>(table.data()),
              static_cast<std::streamsize>(table.size() * sizeof(SectionEntry)));
    std::uint64_t position = table_offset + table.size() * sizeof(SectionEntry);
    write_padding(out, position, chunks_offset);
    const std::span<const char> chunks = as_chars(chunk_table);
    out.write(chunks.data(), static_cast<std::streamsize>(chunks.size()));
    position += chunks.size();
    for (std::size_t i = 0; i < table.size(); ++i) {
      write_padding(out, position, table[i].offset);
      out.write(planner.sections[i].bytes.data(), static_cast<std::streamsize>(table[i].bytes));
      position += table[i].bytes;
    }
    write_padding(out, position, header.file_size);
  });
}

}  // namespace castgraph
