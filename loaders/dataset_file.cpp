#include "loaders/dataset_file.hpp"

#include <fmt/format.h>

#include "loaders/text_encoding.hpp"

namespace castgraph {

namespace {

CsvReader open_required(const std::filesystem::path& directory, std::string_view name,
                        TextEncoding encoding) {
  const std::filesystem::path path = directory / name;
  if (!DatasetFile::exists(directory, name))
    throw DataError({path, 0, 0}, "missing required file " + std::string(name));
  if (encoding == TextEncoding::utf8) return CsvReader(path);
  // Converted whole, in memory: the reader then sees UTF-8 and locates errors in it,
  // by line and character, which are the same in both encodings.
  const FileBytes bytes(path, FileBytes::Access::sequential);
  return CsvReader::from_string(gb18030_to_utf8(bytes.view(), path), path);
}

constexpr std::string_view kGb18030Hint =
    "; the file is not UTF-8 but reads as GB18030 (GBK), as Excel on Chinese Windows saves "
    "CSV: load it with encoding gb18030";

CsvRecord read_header(CsvReader& reader) {
  CsvRecord header;
  if (!reader.next(header)) throw DataError({reader.path(), 1, 1}, "empty file: no header row");
  if (header.problem)
    throw DataError(reader.locate(header, header.problem->offset), header.problem->message);
  return header;
}

// read_header, saying so when a header that is bad UTF-8 reads as GB18030 (a Chinese
// column name saved by Excel).
CsvRecord read_header_of(CsvReader& reader, const std::filesystem::path& path,
                         TextEncoding encoding) {
  try {
    return read_header(reader);
  } catch (const DataError& error) {
    if (encoding != TextEncoding::utf8 || !error.reason().starts_with("invalid UTF-8") ||
        !reads_as_gb18030(FileBytes(path, FileBytes::Access::sequential).view()))
      throw;
    throw WrongEncodingError(error.where(), error.reason() + std::string(kGb18030Hint), "gb18030");
  }
}

}  // namespace

DatasetFile::DatasetFile(const std::filesystem::path& directory, std::string_view name,
                         const LoadOptions& options, std::vector<Reject>& rejects)
    : reader_(open_required(directory, name, options.encoding)),
      record_(read_header_of(reader_, directory / name, options.encoding)),
      columns_(reader_, record_),
      options_(options),
      rejects_(rejects),
      name_(name) {}

bool DatasetFile::exists(const std::filesystem::path& directory, std::string_view name) {
  std::error_code error;
  const auto status = std::filesystem::symlink_status(directory / name, error);
  return status.type() != std::filesystem::file_type::not_found;
}

bool DatasetFile::next() {
  while (reader_.next(record_)) {
    if ((++rows_ & 0xFFFF) == 0) report_progress();
    if (well_formed()) return true;
  }
  report_progress();
  if (whole_file_) {
    const Tally whole = tally();
    check_rejected_share({&whole, 1}, options_, name_);
  }
  return false;
}

void DatasetFile::check_rejected_share(std::span<const Tally> ranges, const LoadOptions& options,
                                       std::string_view name) {
  std::uint64_t rows = 0, rejected = 0;
  const Tally* first_bad = nullptr;
  bool gb18030 = false;  // found out by whichever range met bad UTF-8
  for (const Tally& range : ranges) {
    rows += range.rows;
    rejected += range.rejected;
    gb18030 = gb18030 || range.reads_as_gb18030;
    if (!first_bad && range.first_reject) first_bad = &range;
  }
  if (!options.lenient || rejected * 2 <= rows || !first_bad) return;
  const Reject& first = *first_bad->first_reject;
  const std::string reason = fmt::format(
      "{} of the {} rows of {} are bad, more than half, so castgraph stops rather than skip "
      "them: the file is likely in another encoding or format. The first bad row, here: {}",
      rejected, rows, name, first.reason);
  if (gb18030) throw WrongEncodingError(first.where, reason, "gb18030");
  throw DataError(first.where, reason);
}

bool DatasetFile::reads_as_gb18030() {
  if (!reads_as_gb18030_)
    reads_as_gb18030_ =
        castgraph::reads_as_gb18030(FileBytes(path(), FileBytes::Access::sequential).view());
  return *reads_as_gb18030_;
}

std::string DatasetFile::bad_utf8_reason(const std::string& problem) {
  if (options_.encoding != TextEncoding::utf8 || !problem.starts_with("invalid UTF-8") ||
      !reads_as_gb18030())
    return problem;
  return problem + std::string(kGb18030Hint);
}

void DatasetFile::report_progress() {
  // The mapped bytes of a multi-gigabyte file need not stay resident till the end. Rows
  // before the previous report (2^16 rows ago) are done with; the more recent ones may
  // still be in batches that point into the file (load_follows), so they stay.
  reader_.release_before(release_from_next_report_);
  release_from_next_report_ = record_.begin;
  if (options_.progress)
    options_.progress({name_, reader_.position(), reader_.size_bytes(), rows_});
}

bool DatasetFile::well_formed() {
  if (record_.problem) {
    reject_at(record_.problem->offset, bad_utf8_reason(record_.problem->message));
    return false;
  }
  const std::size_t expected = columns_.count();
  const std::size_t found = record_.fields.size();
  for (std::size_t i = 0; i < found; ++i) {
    if (record_.fields[i].size() <= kMaxFieldBytes) continue;
    reject_at(record_.offsets[i], fmt::format("a field of {} bytes; a field may have at most {}",
                                              record_.fields[i].size(), kMaxFieldBytes));
    return false;
  }
  if (found == expected) return true;
  const std::uint64_t where = found > expected ? record_.offsets[expected] : record_.end;
  reject_at(where, fmt::format("expected {} fields as in the header, found {}", expected, found));
  return false;
}

void DatasetFile::reject(std::size_t column, const std::string& reason) {
  reject_at(record_.offsets[column], reason);
}

void DatasetFile::reject_at(std::uint64_t offset, const std::string& reason) {
  SourceLocation where = reader_.locate(record_, offset);
  if (!options_.lenient && reads_as_gb18030_.value_or(false) && reason.ends_with(kGb18030Hint))
    throw WrongEncodingError(std::move(where), reason, "gb18030");
  if (record_.line != last_rejected_line_) {
    ++rejected_rows_;
    last_rejected_line_ = record_.line;
  }
  settle(where, reason, reader_.raw(record_), rejects_);
  if (!first_reject_ && !rejects_.empty()) first_reject_ = rejects_.back();
}

CsvRecord DatasetFile::earlier_record(const RowPlace& row) {
  CsvRecord earlier;  // locate() and raw() need only where the row is
  earlier.line = row.line;
  earlier.begin = row.begin;
  earlier.end = row.end;
  return earlier;
}

void DatasetFile::reject_earlier(const RowPlace& row, const std::string& reason,
                                 std::vector<Reject>& into) const {
  const CsvRecord earlier = earlier_record(row);
  settle(reader_.locate(earlier, row.offset), reason, reader_.raw(earlier), into);
}

void DatasetFile::refuse(std::size_t column, const std::string& reason) const {
  refuse_earlier(place(column), reason);
}

void DatasetFile::refuse_earlier(const RowPlace& row, const std::string& reason) const {
  throw DataError(reader_.locate(earlier_record(row), row.offset), reason);
}

void DatasetFile::settle(SourceLocation where, const std::string& reason, std::string_view row,
                         std::vector<Reject>& into) const {
  if (!options_.lenient) throw DataError(std::move(where), reason);
  into.push_back({std::move(where), reason, std::string(row)});
}

}  // namespace castgraph
