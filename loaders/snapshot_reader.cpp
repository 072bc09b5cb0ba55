// Opening a snapshot: map the file, check the header, the section table and the
// checksum of every section of the network (extras are checked when read), borrow each Column straight from the mapping, and finally check
// the network's internal consistency (graph/network_check.hpp). Nothing is copied.
#include <fmt/format.h>

#include <cstring>
#include <fstream>

#include "graph/errors.hpp"
#include "graph/network_check.hpp"
#include "loaders/file_bytes.hpp"
#include "loaders/snapshot.hpp"
#include "loaders/snapshot_format.hpp"
#include "loaders/snapshot_sections.hpp"

namespace castgraph {

namespace {

using namespace snapshot_detail;

[[noreturn]] void refuse(const std::filesystem::path& path, const std::string& why) {
  throw DataError({path, 0, 0}, fmt::format("not a usable castgraph snapshot: {}", why));
}

FileHeader read_header(const FileBytes& file, const std::filesystem::path& path) {
  FileHeader header{};
  if (file.size() < sizeof header || std::memcmp(file.data(), kMagic, sizeof kMagic) != 0)
    refuse(path, "it does not start with the snapshot signature (is it a CSV file or another format?)");
  std::memcpy(&header, file.data(), sizeof header);
  if (header.byte_order != kByteOrderMark)
    refuse(path, "it was written on a machine with another byte order");
  if (header.version > kSnapshotVersion)
    refuse(path, fmt::format("it has format version {}, newer than this castgraph reads ({}); "
                             "upgrade castgraph or rebuild the snapshot", header.version, kSnapshotVersion));
  if (header.version < kSnapshotVersion)
    refuse(path, fmt::format("it has the old format version {}; rebuild it with `castgraph snapshot`",
                             header.version));
  if (header.file_size != file.size())
    refuse(path, fmt::format("it is {} bytes long but its header says {} (truncated or appended to)",
                             file.size(), header.file_size));
  return header;
}

std::span<const SectionEntry> read_table(const FileBytes& file, const FileHeader& header,
                                         const std::filesystem::path& path) {
  const std::uint64_t max_sections = file.size() / sizeof(SectionEntry);
  if (header.table_offset != sizeof(FileHeader) || header.section_count > max_sections ||
      header.table_offset + header.section_count * sizeof(SectionEntry) > file.size())
    refuse(path, "its section table lies outside the file");
  const char* table = file.data() + header.table_offset;
  if (checksum(table, header.section_count * sizeof(SectionEntry)) != header.table_checksum)
    refuse(path, "its section table is corrupted (checksum mismatch)");
  // The table starts at byte 64 of a page-aligned mapping, so it is aligned for its type.
  return {reinterpret_cast<const SectionEntry*>(table), header.section_count};
}

std::string entry_name(const SectionEntry& entry) {
  return std::string(entry.name, strnlen(entry.name, kNameSize));
}

// The Io of visit_sections for reading: takes the table's sections in order and
// rebuilds each member from borrowed memory.
class SectionBorrower {
 public:
  SectionBorrower(const FileBytes& file, std::span<const SectionEntry> table,
                  const std::filesystem::path& path)
      : file_(file), table_(table), path_(path) {}

  template <class T>
  void column(std::string_view name, Column<T>& values) {
    const std::span<const char> bytes = take(name, sizeof(T));
    values = Column<T>::borrow({reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T)});
  }
  void strings(std::string_view name, StringTable& table) {
    Column<char> bytes;
    Column<std::uint64_t> ends;
    column(fmt::format("{}.bytes", name), bytes);
    column(fmt::format("{}.ends", name), ends);
    table = StringTable(std::move(bytes), std::move(ends));
  }
  void interner(std::string_view name, Interner& ids) {
    StringTable strings_of_ids;
    Column<std::uint64_t> slots;
    strings(name, strings_of_ids);
    column(fmt::format("{}.slots", name), slots);
    ids = Interner(std::move(strings_of_ids), std::move(slots));
  }
  void categories(std::string_view name, CategoryColumn& values) {
    Interner labels;
    Column<std::uint32_t> codes;
    interner(fmt::format("{}.labels", name), labels);
    column(fmt::format("{}.codes", name), codes);
    values = CategoryColumn(std::move(labels), std::move(codes));
  }
  void csr(std::string_view name, Csr& relation) {
    Column<std::uint64_t> offsets;
    Column<NodeId> targets;
    column(fmt::format("{}.offsets", name), offsets);
    column(fmt::format("{}.targets", name), targets);
    relation = Csr(std::move(offsets), std::move(targets));
  }

  // The sections after the network's own: extras, by name, their checksums left for
  // OpenedExtra::bytes to check on first use.
  std::map<std::string, OpenedExtra, std::less<>> extras() {
    std::map<std::string, OpenedExtra, std::less<>> found;
    while (next_ < table_.size()) {
      const SectionEntry& entry = table_[next_];
      const std::string name = entry_name(entry);
      const std::span<const char> bytes = take(name, entry.element_size, Verify::later);
      found.emplace(name, OpenedExtra(bytes, entry.checksum, path_, name));
    }
    return found;
  }

 private:
  enum class Verify { now, later };
  std::span<const char> take(std::string_view name, std::uint32_t element_size,
                             Verify verify = Verify::now) {
    if (next_ >= table_.size()) refuse(path_, fmt::format("section '{}' is missing", name));
    const SectionEntry& entry = table_[next_++];
    if (entry_name(entry) != name)
      refuse(path_, fmt::format("found section '{}' where '{}' belongs", entry_name(entry), name));
    if (entry.element_size != element_size || element_size == 0 || entry.bytes % element_size != 0)
      refuse(path_, fmt::format("section '{}' has elements of {} bytes, expected {}", name,
                                entry.element_size, element_size));
    if (entry.offset % kAlignment != 0 || entry.offset > file_.size() ||
        entry.bytes > file_.size() - entry.offset)
      refuse(path_, fmt::format("section '{}' lies outside the file", name));
    const char* data = file_.data() + entry.offset;
    if (verify == Verify::now && checksum(data, entry.bytes) != entry.checksum)
      refuse(path_, fmt::format("section '{}' is corrupted (checksum mismatch)", name));
    return {data, static_cast<std::size_t>(entry.bytes)};
  }

  const FileBytes& file_;
  std::span<const SectionEntry> table_;
  const std::filesystem::path& path_;
  std::size_t next_ = 0;
};

}  // namespace

OpenedExtra::OpenedExtra(std::span<const char> bytes, std::uint64_t checksum,
                         std::filesystem::path file, std::string name)
    : bytes_(bytes), checksum_(checksum), file_(std::move(file)), name_(std::move(name)) {}

std::span<const char> OpenedExtra::bytes() const {
  if (!verified_) {
    if (snapshot_detail::checksum(bytes_.data(), bytes_.size()) != checksum_)
      refuse(file_, fmt::format("section '{}' is corrupted (checksum mismatch)", name_));
    verified_ = true;
  }
  return bytes_;
}

OpenedSnapshot open_snapshot(const std::filesystem::path& path) {
  // Validation reads every byte once, front to back: let the kernel read ahead.
  auto file = std::make_shared<FileBytes>(path, FileBytes::Access::sequential);
  const FileHeader header = read_header(*file, path);
  SectionBorrower borrower(*file, read_table(*file, header, path), path);
  OpenedSnapshot opened;
  snapshot_detail::visit_sections(borrower, opened.network);
  opened.extras = borrower.extras();
  if (auto problem = check_network(opened.network)) refuse(path, *problem);
  opened.network.storage = std::move(file);
  return opened;
}

bool looks_like_snapshot(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[sizeof kMagic] = {};
  in.read(magic, sizeof magic);
  return in && std::memcmp(magic, kMagic, sizeof kMagic) == 0;
}

}  // namespace castgraph
