// DatasetFile: one CSV file of a dataset, read row by row with its columns found by
// name. It owns the strict-or-lenient decision: reject() throws a located DataError in
// strict mode, and in lenient mode records the row in the rejects list and lets the
// caller skip it. Structural problems (bad UTF-8, wrong field count, bad quoting) are
// handled here, so the per-file loaders only see well-formed rows.
//
// A file that is not UTF-8 is read as GB18030 when LoadOptions::encoding says so; when it
// does not, bad UTF-8 in a file that reads as GB18030 throws WrongEncodingError. Lenient
// loading skips bad rows, but when more than half of a file's rows are bad it stops: so
// many are a wrong encoding or format, not a few bad rows, and dropping them would leave
// a dataset that is silently mostly missing.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/csv_reader.hpp"
#include "loaders/dataset_loader.hpp"

namespace castgraph {

class DatasetFile {
 public:
  // No field of a dataset is longer: an id, a name or a number of 64 KiB is already
  // absurd, and the limit keeps one hostile cell from flowing into the interners, the
  // snapshot and every error message.
  static constexpr std::size_t kMaxFieldBytes = 64 * 1024;

  // Opens directory/name; throws DataError when the file is missing.
  DatasetFile(const std::filesystem::path& directory, std::string_view name,
              const LoadOptions& options, std::vector<Reject>& rejects);

  // True when directory/name exists (for optional files). A name that exists but cannot
  // be examined (a symlink loop, a dangling symlink, a directory without search
  // permission) counts as present, so that opening it reports why instead of the file
  // being silently skipped.
  static bool exists(const std::filesystem::path& directory, std::string_view name);

  // Column index; a missing required column throws DataError at line 1.
  std::size_t require(std::string_view column) const { return columns_.require(column); }
  std::optional<std::size_t> optional(std::string_view column) const {
    return columns_.find(column);
  }

  // Reads only the rows that begin in [begin, end) of the file, `begin` being on `line`
  // (CsvReader::read_range); for loaders that split a file between processes or
  // threads. The share of bad rows is then the whole file's, not the range's: next()
  // leaves it to the caller, who adds up the ranges' tallies (check_rejected_share).
  void read_range(std::uint64_t begin, std::size_t line, std::uint64_t end) {
    reader_.read_range(begin, line, end);
    whole_file_ = false;
  }

  // The rows read so far and how many were rejected (a row rejected for two reasons
  // counts once), with the first rejected.
  struct Tally {
    std::uint64_t rows = 0, rejected = 0;
    std::optional<Reject> first_reject;
    bool reads_as_gb18030 = false;  // known only once a row was bad UTF-8
  };
  Tally tally() const {
    return {rows_, rejected_rows_, first_reject_, reads_as_gb18030_.value_or(false)};
  }
  // Lenient: throws DataError (WrongEncodingError when the file reads as GB18030) if
  // more than half of file `name`'s rows, over all of `ranges` (in file order), were bad.
  static void check_rejected_share(std::span<const Tally> ranges, const LoadOptions& options,
                                   std::string_view name);
  const std::string& name() const { return name_; }
  const LoadOptions& options() const { return options_; }
  // The file's bytes (BOM included) and where its content starts.
  std::string_view bytes() const { return reader_.bytes(); }
  std::uint64_t content_begin() const { return reader_.content_begin(); }

  // Advances to the next well-formed row; false at end of file. Every 2^16 rows, and at
  // the end, tells options.progress how far it got and lets the bytes read so far go.
  // At the end, throws DataError (WrongEncodingError when the file reads as GB18030) if
  // more than half the rows were rejected.
  bool next();
  std::string_view field(std::size_t column) const { return record_.fields[column]; }
  // "" when the column is absent from the file.
  std::string_view field(std::optional<std::size_t> column) const {
    return column ? record_.fields[*column] : std::string_view{};
  }

  // True when field(column)'s view stays valid after next(), until this file is closed;
  // false for the rare field that must be copied to be kept (see CsvReader::in_input).
  bool field_outlives_row(std::size_t column) const { return reader_.in_input(field(column)); }

  // The current row is bad because of `column`. Strict: throws. Lenient: records it.
  void reject(std::size_t column, const std::string& reason);

  // The dataset as a whole cannot be loaded because of this row (a total passes its
  // limit, see graph/value_rules.hpp): throws a located DataError, lenient or not, since
  // skipping rows would silently change what the totals mean.
  [[noreturn]] void refuse(std::size_t column, const std::string& reason) const;

  // Where the current row and its field `column` are, for a reject decided later.
  struct RowPlace {
    std::size_t line;
    std::uint64_t begin, end;  // the row's bytes
    std::uint64_t offset;      // the blamed field's first byte
  };
  RowPlace place(std::size_t column) const {
    return {record_.line, record_.begin, record_.end, record_.offsets[column]};
  }
  // Rejects a row read earlier, found bad on another thread (a duplicate id is only
  // seen when the id is interned). Strict: throws. Lenient: appends to `into`, which the
  // caller merges with rejects() in file order. Safe while this file reads on: it only
  // reads the file's bytes.
  void reject_earlier(const RowPlace& row, const std::string& reason,
                      std::vector<Reject>& into) const;
  // refuse() for a row read earlier (a total only known on the building thread).
  [[noreturn]] void refuse_earlier(const RowPlace& row, const std::string& reason) const;
  const std::filesystem::path& path() const { return reader_.path(); }
  // Bytes of the file, and bytes read so far.
  std::uint64_t size() const { return reader_.size_bytes(); }
  std::uint64_t position() const { return reader_.position(); }

 private:
  static CsvRecord earlier_record(const RowPlace& row);
  void reject_at(std::uint64_t offset, const std::string& reason);
  void settle(SourceLocation where, const std::string& reason, std::string_view row,
              std::vector<Reject>& into) const;
  bool well_formed();
  void report_progress();
  // The reason for bad UTF-8, saying so when the file reads as GB18030.
  std::string bad_utf8_reason(const std::string& problem);
  bool reads_as_gb18030();

  CsvReader reader_;
  CsvRecord record_;
  CsvColumns columns_;
  const LoadOptions& options_;
  std::vector<Reject>& rejects_;
  std::string name_;
  std::uint64_t rows_ = 0;
  std::uint64_t rejected_rows_ = 0;
  std::size_t last_rejected_line_ = 0;  // a row rejected for two reasons counts once
  std::optional<Reject> first_reject_;
  std::optional<bool> reads_as_gb18030_;        // found out at the first bad UTF-8
  std::uint64_t release_from_next_report_ = 0;  // where the previous progress report was
  bool whole_file_ = true;                      // false once read_range() was called
};

}  // namespace castgraph
