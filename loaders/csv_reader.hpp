// An RFC 4180 CSV reader built for multi-gigabyte inputs and exact error locations.
//
// The file is memory-mapped (or read whole when it is not a regular file), and next()
// walks it one record at a time. Unquoted fields and quoted fields without doubled quotes
// are string_views straight into the mapping; only a field with `""` is unescaped into the
// record's scratch buffer. The record's vectors and scratch are reused, so reading a file
// allocates nothing per record once the buffers have grown to the widest record.
//
// Malformed content never throws: next() sets CsvRecord::problem (the first problem found,
// except that an unterminated quote wins because it explains why the record swallowed the
// rest of the file) and, where possible, carries on with the next record. Each problem
// carries a byte offset; locate() turns any offset into file:line:column, with columns
// counted in UTF-8 code points as an editor shows them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/errors.hpp"  // castgraph::SourceLocation, DataError, IoError
#include "loaders/file_bytes.hpp"

namespace castgraph {

struct CsvProblem {
  std::uint64_t offset;  // byte offset in the file of the bad spot
  std::string message;
};

struct CsvRecord {
  std::vector<std::string_view> fields;  // unescaped field texts; valid until the next next()
  std::vector<std::uint64_t>
      offsets;           // byte offset of each field's first byte (the opening quote if quoted)
  std::size_t line = 0;  // 1-based line where the record starts
  std::uint64_t begin = 0, end = 0;  // byte range of the raw record, line terminator excluded
  std::optional<CsvProblem>
      problem;  // set when the record is malformed; fields may then be partial

 private:
  friend class CsvReader;
  // A quoted field with doubled quotes, unescaped into scratch_. Its view is made only
  // once the whole record is parsed, because scratch_ may reallocate while it grows.
  struct PendingField {
    std::size_t index;
    std::size_t scratch_begin;
    std::size_t length;
  };
  std::string scratch_;
  std::vector<PendingField> pending_;
};

class CsvReader {
 public:
  // A record keeps at most this many fields (Excel's column limit); more is a problem
  // at the first extra field, and the extra fields are dropped, so a hostile line of
  // 10^7 commas costs no more memory than a spreadsheet's widest row.
  static constexpr std::size_t kMaxFields = 16384;

  // Throws IoError("path: reason") if the file is missing, unreadable or a directory.
  explicit CsvReader(std::filesystem::path path);
  // Reads from memory; `name` is used in locations. For tests and generated data.
  static CsvReader from_string(std::string text, std::filesystem::path name);

  CsvReader(CsvReader&& other) noexcept;
  CsvReader& operator=(CsvReader&& other) noexcept;
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;
  ~CsvReader();

  const std::filesystem::path& path() const { return path_; }

  // Reads the next record; false at end of input. Time O(record bytes). Never throws on
  // malformed content: it sets record.problem instead.
  bool next(CsvRecord& record);

  // file, line and 1-based column (in UTF-8 code points from the start of that line) of
  // a byte offset of the file. Time O(offset - record.begin); an offset before the record
  // (or a default-constructed record) makes it scan from the start of the file.
  SourceLocation locate(const CsvRecord& record, std::uint64_t offset) const;

  // The record's raw bytes, line terminator excluded.
  std::string_view raw(const CsvRecord& record) const;

  // Progress reporting: total bytes, and bytes consumed so far.
  std::uint64_t size_bytes() const { return size_; }
  std::uint64_t position() const { return pos_; }
  // The bytes before `offset` will not be read again soon (nor located): they may leave
  // memory (FileBytes::release_before). A view into them stays valid: reading it faults
  // the bytes back in.
  void release_before(std::uint64_t offset) { bytes_.release_before(offset); }

  // Reads only the records that begin in [begin, end): next() continues from `begin`,
  // which must be a record boundary (csv_split.hpp finds them) on line `line`, and a
  // record that begins before `end` is read whole even when it runs past it. A `begin`
  // before the current position (inside the header, say) keeps the current position.
  // Several readers of one file, each given the next range, read every record once.
  void read_range(std::uint64_t begin, std::size_t line, std::uint64_t end);

  // The whole input (BOM included), and where its content starts (after a BOM).
  std::string_view bytes() const { return {data_, static_cast<std::size_t>(size_)}; }
  std::uint64_t content_begin() const { return content_begin_; }

  // True when `text` lies in the input itself, so its view stays valid for as long as the
  // reader lives, whatever is read next. A field with doubled quotes is unescaped into
  // the record's scratch instead, and its view lasts only until the next next().
  bool in_input(std::string_view text) const {
    const auto begin = reinterpret_cast<std::uintptr_t>(data_);
    const auto at = reinterpret_cast<std::uintptr_t>(text.data());
    return at >= begin && at + text.size() <= begin + size_;
  }

 private:
  CsvReader(std::filesystem::path path, std::string text);
  void skip_bom();

  // Finishes an unquoted field from pos_, which is at a NUL or non-ASCII byte (the
  // plain-byte fast path is inline in next()); leaves pos_ just after the field.
  void read_unquoted_rest(CsvRecord& record);
  // Reads a quoted field from its opening quote at pos_; leaves pos_ just after it.
  void read_quoted(CsvRecord& record);
  // After a closing quote only a comma or a line end may follow; anything else is a
  // problem, and the rest of the field is dropped.
  void skip_after_closing_quote(CsvRecord& record);
  // Consumes the line terminator at pos_ (LF, CRLF or a lone CR) and counts the line.
  void consume_line_end();
  // Validates the multi-byte UTF-8 sequence at pos_ and steps over it, or over one
  // byte after recording the problem.
  void step_non_ascii(CsvRecord& record);
  static void note(CsvRecord& record, std::uint64_t offset, std::string message);
  // Forgets the field just read when the record already holds kMaxFields.
  static void drop_excess_field(CsvRecord& record);

  std::filesystem::path path_;
  FileBytes bytes_;
  const char* data_ = nullptr;       // bytes_.data() and bytes_.size(), kept at hand for
  std::uint64_t size_ = 0;           // the scanning loops
  std::uint64_t pos_ = 0;            // next byte to read
  std::size_t line_ = 1;             // line of pos_
  std::uint64_t content_begin_ = 0;  // 3 after a UTF-8 BOM, else 0
  std::uint64_t end_ = UINT64_MAX;   // no record beginning here or later is read
};

// Header lookup: columns found by name (exact, after trimming ASCII spaces); unknown
// columns are ignored.
class CsvColumns {
 public:
  // Throws DataError on a duplicate column name (at the duplicate's line and column), or
  // when the header record itself has a problem (at the problem's location).
  CsvColumns(const CsvReader& reader, const CsvRecord& header);

  std::optional<std::size_t> find(std::string_view name) const;
  // Throws DataError "path:1:1: missing required column 'name'".
  std::size_t require(std::string_view name) const;
  std::size_t count() const { return names_.size(); }

 private:
  std::filesystem::path path_;
  std::size_t line_ = 1;
  std::vector<std::string> names_;
};

}  // namespace castgraph
