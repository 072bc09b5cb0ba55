#include "loaders/dataset_file.hpp"

#include <fmt/format.h>

namespace castgraph {

namespace {

CsvReader open_required(const std::filesystem::path& directory, std::string_view name) {
  if (!DatasetFile::exists(directory, name))
    throw DataError({directory / name, 0, 0}, "missing required file " + std::string(name));
  return CsvReader(directory / name);
}

CsvRecord read_header(CsvReader& reader) {
  CsvRecord header;
  if (!reader.next(header)) throw DataError({reader.path(), 1, 1}, "empty file: no header row");
  if (header.problem)
    throw DataError(reader.locate(header, header.problem->offset), header.problem->message);
  return header;
}

}  // namespace

DatasetFile::DatasetFile(const std::filesystem::path& directory, std::string_view name,
                         const LoadOptions& options, std::vector<Reject>& rejects)
    : reader_(open_required(directory, name)),
      record_(read_header(reader_)),
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
  return false;
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
    reject_at(record_.problem->offset, record_.problem->message);
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
  settle(reader_.locate(record_, offset), reason, reader_.raw(record_), rejects_);
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
