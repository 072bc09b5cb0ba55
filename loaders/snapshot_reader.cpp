// Opening a snapshot: map the file, check the header, the section table and the chunk
// table, and borrow each Column straight from the mapping with a ColumnGuard that checks
// its chunks' checksums and the network's rules (graph/network_check.hpp) when they are
// first read. Nothing is copied, and nothing but the tables is read at open.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

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
    refuse(path,
           "it does not start with the snapshot signature (is it a CSV file or another format?)");
  std::memcpy(&header, file.data(), sizeof header);
  if (header.byte_order != kByteOrderMark)
    refuse(path, "it was written on a machine with another byte order");
  if (header.version > kSnapshotVersion)
    refuse(path, fmt::format("it has format version {}, newer than this castgraph reads ({}); "
                             "upgrade castgraph or rebuild the snapshot",
                             header.version, kSnapshotVersion));
  if (header.version < kSnapshotVersion)
    refuse(path,
           fmt::format("it has the old format version {}; rebuild it with `castgraph snapshot`",
                       header.version));
  if (header.file_size != file.size())
    refuse(path,
           fmt::format("it is {} bytes long but its header says {} (truncated or appended to)",
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

// Each section's chunk checksums, back to back in table order, after the section table.
std::span<const std::uint64_t> read_chunk_table(const FileBytes& file, const FileHeader& header,
                                                std::span<const SectionEntry> table,
                                                const std::filesystem::path& path) {
  const std::uint64_t chunk = header.chunk_bytes;
  if (chunk < kAlignment || chunk > (std::uint64_t{1} << 30) || (chunk & (chunk - 1)) != 0)
    refuse(path,
           fmt::format("its chunk size {} is not a power of two from 64 bytes to 1 GiB", chunk));
  std::uint64_t chunks = 0;
  for (const SectionEntry& entry : table) {
    if (entry.bytes > file.size()) refuse(path, "a section is longer than the file");
    chunks += chunk_count(entry.bytes, chunk);
  }
  if (header.chunks_offset != align_up(header.table_offset + table.size_bytes()) ||
      chunks > (file.size() - std::min(file.size(), header.chunks_offset)) / sizeof(std::uint64_t))
    refuse(path, "its chunk table lies outside the file");
  // At a page-aligned mapping's 64-byte boundary, so aligned for its type.
  return {reinterpret_cast<const std::uint64_t*>(file.data() + header.chunks_offset), chunks};
}

// Throws unless every chunk of `bytes` that meets [first, end) matches its checksum.
void check_chunks(const std::filesystem::path& path, std::string_view name,
                  std::span<const char> bytes, std::span<const std::uint64_t> sums,
                  std::uint64_t chunk_bytes, std::size_t first, std::size_t end) {
  for (std::size_t chunk = first / chunk_bytes; chunk * chunk_bytes < end; ++chunk) {
    const std::size_t begin = chunk * chunk_bytes;
    const std::size_t size = std::min<std::size_t>(chunk_bytes, bytes.size() - begin);
    if (checksum(bytes.data() + begin, size) != sums[chunk])
      refuse(path, fmt::format("section '{}' is corrupted (checksum mismatch in bytes {}-{})", name,
                               begin, begin + size));
  }
}

std::string entry_name(const SectionEntry& entry) {
  return std::string(entry.name, strnlen(entry.name, kNameSize));
}

// The Io of visit_sections for reading: takes the table's sections in order and
// rebuilds each member from borrowed memory.
class SectionBorrower {
 public:
  SectionBorrower(const FileBytes& file, std::span<const SectionEntry> table,
                  std::span<const std::uint64_t> chunk_table, std::uint64_t chunk_bytes,
                  const std::filesystem::path& path)
      : file_(file),
        table_(table),
        chunk_table_(chunk_table),
        chunk_bytes_(chunk_bytes),
        path_(path) {}

  template <class T>
  void column(std::string_view name, Column<T>& values) {
    const Section section = take(name, sizeof(T));
    const std::size_t elements = section.bytes.size() / sizeof(T);
    auto guard = std::make_shared<ColumnGuard>(
        sizeof(T), elements, chunk_bytes_,
        [path = path_, name = std::string(name), section, chunk = chunk_bytes_](std::size_t first,
                                                                                std::size_t end) {
          check_chunks(path, name, section.bytes, section.chunk_sums, chunk, first, end);
        },
        [path = path_](const std::string& problem) { refuse(path, problem); });
    values = Column<T>::borrow({reinterpret_cast<const T*>(section.bytes.data()), elements},
                               std::move(guard));
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

  // The sections after the network's own: extras, by name, their chunks left for
  // OpenedExtra::bytes to check on first use.
  std::map<std::string, OpenedExtra, std::less<>> extras() {
    std::map<std::string, OpenedExtra, std::less<>> found;
    while (next_ < table_.size()) {
      const SectionEntry& entry = table_[next_];
      const std::string name = entry_name(entry);
      const Section section = take(name, entry.element_size);
      found.emplace(name,
                    OpenedExtra(section.bytes, section.chunk_sums, chunk_bytes_, path_, name));
    }
    return found;
  }

 private:
  struct Section {
    std::span<const char> bytes;
    std::span<const std::uint64_t> chunk_sums;
  };

  // The next section, which must be `name`; its chunk checksums are checked here (a few
  // bytes per 64 KiB), its bytes when they are read.
  Section take(std::string_view name, std::uint32_t element_size) {
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
    const std::span<const std::uint64_t> sums =
        chunk_table_.subspan(next_chunk_, chunk_count(entry.bytes, chunk_bytes_));
    next_chunk_ += sums.size();
    if (checksum(reinterpret_cast<const char*>(sums.data()), sums.size_bytes()) != entry.checksum)
      refuse(path_,
             fmt::format("section '{}' is corrupted (its chunk checksums do not match)", name));
    return {{file_.data() + entry.offset, static_cast<std::size_t>(entry.bytes)}, sums};
  }

  const FileBytes& file_;
  std::span<const SectionEntry> table_;
  std::span<const std::uint64_t> chunk_table_;
  std::uint64_t chunk_bytes_;
  const std::filesystem::path& path_;
  std::size_t next_ = 0;
  std::size_t next_chunk_ = 0;
};

}  // namespace

OpenedExtra::OpenedExtra(std::span<const char> bytes, std::span<const std::uint64_t> chunk_sums,
                         std::uint64_t chunk_bytes, std::filesystem::path file, std::string name)
    : bytes_(bytes),
      chunk_sums_(chunk_sums),
      chunk_bytes_(chunk_bytes),
      file_(std::move(file)),
      name_(std::move(name)) {}

std::span<const char> OpenedExtra::bytes() const {
  if (!verified_) {
    check_chunks(file_, name_, bytes_, chunk_sums_, chunk_bytes_, 0, bytes_.size());
    verified_ = true;
  }
  return bytes_;
}

std::shared_ptr<ColumnGuard> OpenedExtra::guard(std::size_t element_size) const {
  return std::make_shared<ColumnGuard>(
      element_size, bytes_.size() / element_size, chunk_bytes_,
      [file = file_, name = name_, bytes = bytes_, sums = chunk_sums_, chunk = chunk_bytes_](
          std::size_t first, std::size_t end) {
        check_chunks(file, name, bytes, sums, chunk, first, end);
      },
      [file = file_](const std::string& problem) { refuse(file, problem); });
}

OpenedSnapshot open_snapshot(const std::filesystem::path& path) {
  // Queries read a few parts of the file, each front to back: no read-ahead hint.
  auto file = std::make_shared<FileBytes>(path, FileBytes::Access::parts);
  const FileHeader header = read_header(*file, path);
  const std::span<const SectionEntry> table = read_table(*file, header, path);
  SectionBorrower borrower(*file, table, read_chunk_table(*file, header, table, path),
                           header.chunk_bytes, path);
  OpenedSnapshot opened;
  snapshot_detail::visit_sections(borrower, opened.network);
  opened.extras = borrower.extras();
  opened.fingerprint = header.table_checksum;
  if (auto problem = defer_network_checks(opened.network)) refuse(path, *problem);
  opened.network.storage = std::move(file);
  return opened;
}

bool looks_like_snapshot(const std::filesystem::path& path) {
  // Without O_NONBLOCK, a path that became a FIFO after the caller checked it would wait
  // for a writer forever; only a regular file is looked into.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  char magic[sizeof kMagic] = {};
  struct stat info {};
  const bool is_snapshot = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
                           ::pread(fd, magic, sizeof magic, 0) == ssize_t{sizeof magic} &&
                           std::memcmp(magic, kMagic, sizeof kMagic) == 0;
  ::close(fd);
  return is_snapshot;
}

}  // namespace castgraph
