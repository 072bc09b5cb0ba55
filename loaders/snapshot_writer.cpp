// Writing a snapshot: gather every section (snapshot_sections.hpp), lay them out on
// 64-byte boundaries after the header and the section table, and stream them to a
// temporary file that is renamed into place.
#include <fmt/format.h>

#include <cstring>
#include <ostream>

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
    sections.push_back({std::string(name), sizeof(T),
                        {reinterpret_cast<const char*>(bytes.data()), bytes.size()}});
  }
  void strings(std::string_view name, const StringTable& table) {
    column(fmt::format("{}.bytes", name), table.bytes());
    column(fmt::format("{}.ends", name), table.ends());
  }
  void interner(std::string_view name, const Interner& ids) {
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

SectionEntry make_entry(const PlannedSection& section, std::uint64_t offset) {
  if (section.name.size() >= kNameSize)
    throw UsageError(fmt::format("snapshot section name '{}' is too long", section.name));
  SectionEntry entry{};
  std::memcpy(entry.name, section.name.data(), section.name.size());
  entry.element_size = section.element_size;
  entry.offset = offset;
  entry.bytes = section.bytes.size();
  entry.checksum = checksum(section.bytes.data(), section.bytes.size());
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

  const std::uint64_t table_offset = sizeof(FileHeader);
  std::uint64_t offset = align_up(table_offset + planner.sections.size() * sizeof(SectionEntry));
  std::vector<SectionEntry> table;
  for (const PlannedSection& section : planner.sections) {
    table.push_back(make_entry(section, offset));
    offset = align_up(offset + section.bytes.size());
  }

  FileHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kSnapshotVersion;
  header.byte_order = kByteOrderMark;
  header.file_size = offset;
  header.section_count = table.size();
  header.table_offset = table_offset;
  header.table_checksum = checksum(reinterpret_cast<const char*>(table.data()), table.size() * sizeof(SectionEntry));

  write_file_atomically(path, [&](std::ostream& out) {
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.write(reinterpret_cast<const char*>(table.data()),
              static_cast<std::streamsize>(table.size() * sizeof(SectionEntry)));
    std::uint64_t position = table_offset + table.size() * sizeof(SectionEntry);
    for (std::size_t i = 0; i < table.size(); ++i) {
      write_padding(out, position, table[i].offset);
      out.write(planner.sections[i].bytes.data(), static_cast<std::streamsize>(table[i].bytes));
      position += table[i].bytes;
    }
    write_padding(out, position, header.file_size);
  });
}

}  // namespace castgraph
