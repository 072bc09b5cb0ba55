// RFC 4180 reader: see csv_reader.hpp for the contract.
//
// The approach: the whole input is one contiguous byte range (a read-only private mapping
// of a regular file, or an owned string otherwise), so a field is just a pointer range.
// next() classifies each byte with a 256-entry table; the hot loop for an unquoted field
// only tests "is this byte plain?" and advances, and falls out to slower code for the rare
// bytes that need work (separators, line ends, NUL, the lead byte of a multi-byte UTF-8
// sequence, which is validated on the spot). Lines are counted while scanning, so every
// record knows its start line, and locate() only rescans the one record it is asked about.
#include "loaders/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "graph/utf8.hpp"

namespace castgraph {

namespace {

// What a byte means to the field scanners.
enum ByteClass : std::uint8_t {
  kPlain = 0,    // part of the field, nothing to do
  kStop = 1,     // ends the field (comma, CR, LF) or, inside quotes, a quote / line end
  kNul = 2,      // a NUL byte: always a problem
  kNonAscii = 3  // lead (or stray continuation) byte of a multi-byte UTF-8 sequence
};

using ByteTable = std::array<std::uint8_t, 256>;

constexpr ByteTable make_table(bool quoted) {
  ByteTable table{};
  for (int b = 0x80; b < 0x100; ++b) table[b] = kNonAscii;
  table[0] = kNul;
  table['\r'] = kStop;
  table['\n'] = kStop;
  // Inside quotes a comma is data and a quote is the interesting byte; outside quotes a
  // quote is accepted literally (`ab"c`), as most producers expect.
  table[quoted ? '"' : ','] = kStop;
  return table;
}

constexpr ByteTable kUnquotedTable = make_table(false);
constexpr ByteTable kQuotedTable = make_table(true);

constexpr unsigned char kBom[] = {0xEF, 0xBB, 0xBF};

}  // namespace

// ---------------------------------------------------------------------------------------
// Construction and ownership

CsvReader::CsvReader(std::filesystem::path path)
    : path_(std::move(path)), bytes_(path_, FileBytes::Access::sequential) {
  data_ = bytes_.data();
  size_ = bytes_.size();
  skip_bom();
}

CsvReader::CsvReader(std::filesystem::path path, std::string text)
    : path_(std::move(path)), bytes_(FileBytes::from_string(std::move(text))) {
  data_ = bytes_.data();
  size_ = bytes_.size();
  skip_bom();
}

CsvReader::CsvReader(CsvReader&& other) noexcept
    : path_(std::move(other.path_)),
      bytes_(std::move(other.bytes_)),
      data_(bytes_.data()),  // not other.data_: a short owned text moves address (SSO)
      size_(bytes_.size()),
      pos_(std::exchange(other.pos_, 0)),
      line_(std::exchange(other.line_, 1)),
      content_begin_(std::exchange(other.content_begin_, 0)),
      end_(std::exchange(other.end_, UINT64_MAX)) {
  other.data_ = nullptr;
  other.size_ = 0;
}

CsvReader& CsvReader::operator=(CsvReader&& other) noexcept {
  if (this != &other) {
    path_ = std::move(other.path_);
    bytes_ = std::move(other.bytes_);
    data_ = bytes_.data();
    size_ = bytes_.size();
    other.data_ = nullptr;
    other.size_ = 0;
    pos_ = std::exchange(other.pos_, 0);
    line_ = std::exchange(other.line_, 1);
    content_begin_ = std::exchange(other.content_begin_, 0);
    end_ = std::exchange(other.end_, UINT64_MAX);
  }
  return *this;
}

CsvReader::~CsvReader() = default;

CsvReader CsvReader::from_string(std::string text, std::filesystem::path name) {
  return CsvReader(std::move(name), std::move(text));
}

void CsvReader::skip_bom() {
  if (size_ >= sizeof kBom &&
      std::equal(kBom, kBom + sizeof kBom, reinterpret_cast<const unsigned char*>(data_))) {
    content_begin_ = pos_ = sizeof kBom;
  }
}

// ---------------------------------------------------------------------------------------
// Scanning

void CsvReader::note(CsvRecord& record, std::uint64_t offset, std::string message) {
  // The first problem is the one worth reporting; later ones are often its echoes.
  if (!record.problem) record.problem = CsvProblem{offset, std::move(message)};
}

void CsvReader::consume_line_end() {
  if (data_[pos_] == '\r' && pos_ + 1 < size_ && data_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

void CsvReader::step_non_ascii(CsvRecord& record) {
  const auto* p = reinterpret_cast<const unsigned char*>(data_ + pos_);
  const char* why = "";
  const std::size_t length = utf8_sequence_length(p, size_ - pos_, why);
  if (length != 0) {
    pos_ += length;
    return;
  }
  note(record, pos_, fmt::format("invalid UTF-8 byte 0x{:02x}{}", p[0], why));
  ++pos_;  // resynchronise on the next byte: it may be a comma or a line end
}

bool CsvReader::next(CsvRecord& record) {
  // clear() keeps capacity: this is what makes steady-state reading allocation-free.
  record.fields.clear();
  record.offsets.clear();
  record.problem.reset();
  record.scratch_.clear();
  record.pending_.clear();

  // Completely empty lines are not records, but they still count as lines.
  while (pos_ < size_ && (data_[pos_] == '\n' || data_[pos_] == '\r')) consume_line_end();
  if (pos_ >= size_ || pos_ >= end_) return false;

  record.line = line_;
  record.begin = pos_;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data_);
  for (;;) {
    const std::uint64_t start = pos_;
    record.offsets.push_back(start);
    if (start < size_ && bytes[start] == '"') {
      read_quoted(record);
    } else {
      // The hot loop, inline because typical fields are a few bytes long: most bytes of
      // a typical file pass through here exactly once.
      std::uint64_t i = start;
      while (i < size_ && kUnquotedTable[bytes[i]] == kPlain) ++i;
      pos_ = i;
      if (i < size_ && kUnquotedTable[bytes[i]] != kStop) read_unquoted_rest(record);
      record.fields.emplace_back(data_ + start, pos_ - start);
    }
    if (record.fields.size() > kMaxFields) drop_excess_field(record);
    if (pos_ < size_ && bytes[pos_] == ',') {
      ++pos_;
      continue;
    }
    break;
  }
  record.end = pos_;
  if (pos_ < size_) consume_line_end();

  // scratch_ has stopped growing, so views into it are stable until the next call.
  for (const auto& pending : record.pending_) {
    record.fields[pending.index] =
        std::string_view(record.scratch_.data() + pending.scratch_begin, pending.length);
  }
  return true;
}

void CsvReader::read_range(std::uint64_t begin, std::size_t line, std::uint64_t end) {
  if (begin > pos_) {
    pos_ = std::min(begin, size_);
    line_ = line;
  }
  end_ = end;
}

void CsvReader::drop_excess_field(CsvRecord& record) {
  // A hostile record may have millions of fields too many: format the message once.
  if (!record.problem)
    note(record, record.offsets.back(),
         fmt::format("more than {} fields in one record", kMaxFields));
  if (!record.pending_.empty() && record.pending_.back().index == record.fields.size() - 1) {
    record.scratch_.resize(record.pending_.back().scratch_begin);
    record.pending_.pop_back();
  }
  record.fields.pop_back();
  record.offsets.pop_back();
}

void CsvReader::read_unquoted_rest(CsvRecord& record) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(data_);
  for (;;) {
    std::uint64_t i = pos_;
    while (i < size_ && kUnquotedTable[bytes[i]] == kPlain) ++i;
    pos_ = i;
    if (i >= size_) return;
    const std::uint8_t kind = kUnquotedTable[bytes[i]];
    if (kind == kStop) return;
    if (kind == kNul) {
      note(record, pos_, "NUL byte");
      ++pos_;
    } else {
      step_non_ascii(record);
    }
  }
}

void CsvReader::read_quoted(CsvRecord& record) {
  const std::uint64_t open = pos_;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data_);
  ++pos_;
  std::uint64_t run = pos_;  // start of the literal run not yet copied to scratch
  bool escaped = false;      // saw `""`, so the text lives in scratch
  const std::size_t scratch_begin = record.scratch_.size();

  auto finish = [&](std::uint64_t stop) {
    if (!escaped) {
      record.fields.emplace_back(data_ + run, stop - run);
      return;
    }
    record.scratch_.append(data_ + run, stop - run);
    record.pending_.push_back(CsvRecord::PendingField{record.fields.size(), scratch_begin,
                                                      record.scratch_.size() - scratch_begin});
    record.fields.emplace_back();  // placeholder, pointed into scratch at the end of next()
  };

  for (;;) {
    std::uint64_t i = pos_;
    while (i < size_ && kQuotedTable[bytes[i]] == kPlain) ++i;
    pos_ = i;
    if (i >= size_) {
      // Name the opening quote: the line where the mistake is, not the end of the file.
      record.problem = CsvProblem{open, "unterminated quoted field"};
      finish(size_);
      return;
    }
    const char c = data_[i];
    if (c == '"') {
      if (i + 1 < size_ && data_[i + 1] == '"') {
        // A doubled quote: keep the run including one quote, skip the other.
        escaped = true;
        record.scratch_.append(data_ + run, i + 1 - run);
        pos_ = run = i + 2;
        continue;
      }
      finish(i);
      pos_ = i + 1;
      skip_after_closing_quote(record);
      return;
    }
    if (c == '\r' || c == '\n') {
      consume_line_end();  // an embedded line break is data, but still a new line
    } else if (c == '\0') {
      note(record, pos_, "NUL byte");
      ++pos_;
    } else {
      step_non_ascii(record);
    }
  }
}

void CsvReader::skip_after_closing_quote(CsvRecord& record) {
  if (pos_ >= size_) return;
  const char c = data_[pos_];
  if (c == ',' || c == '\r' || c == '\n') return;
  note(record, pos_, "unexpected character after closing quote");
  // Drop the rest of the field so that the following fields stay in their columns.
  while (pos_ < size_ && data_[pos_] != ',' && data_[pos_] != '\r' && data_[pos_] != '\n') {
    ++pos_;
  }
}

// ---------------------------------------------------------------------------------------
// Locations

SourceLocation CsvReader::locate(const CsvRecord& record, std::uint64_t offset) const {
  std::uint64_t from = record.begin;
  std::size_t line = record.line;
  if (record.line == 0 || offset < record.begin || record.begin > size_) {
    from = 0;
    line = 1;
  }
  from = std::max(from, content_begin_);  // the BOM is not a character of line 1
  offset = std::clamp(offset, from, size_);

  std::uint64_t line_start = from;
  for (std::uint64_t i = from; i < offset; ++i) {
    const char c = data_[i];
    // CRLF counts once: its CR is skipped here and its LF ends the line.
    const bool line_end = c == '\n' || (c == '\r' && !(i + 1 < size_ && data_[i + 1] == '\n'));
    if (line_end) {
      ++line;
      line_start = i + 1;
    }
  }

  // Columns count code points; each byte of an ill-formed sequence counts as one.
  const auto* bytes = reinterpret_cast<const unsigned char*>(data_);
  std::size_t column = 1;
  for (std::uint64_t i = line_start; i < offset; ++column) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    const char* why = "";
    const std::size_t length = utf8_sequence_length(bytes + i, size_ - i, why);
    i += length == 0 ? 1 : length;
  }
  return SourceLocation{path_, line, column};
}

std::string_view CsvReader::raw(const CsvRecord& record) const {
  const std::uint64_t begin = std::min(record.begin, size_);
  const std::uint64_t end = std::clamp(record.end, begin, size_);
  return std::string_view(data_ + begin, end - begin);
}

// ---------------------------------------------------------------------------------------
// Header lookup

namespace {
std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}
}  // namespace

CsvColumns::CsvColumns(const CsvReader& reader, const CsvRecord& header)
    : path_(reader.path()), line_(header.line == 0 ? 1 : header.line) {
  // A header the reader could not parse cleanly cannot be trusted to name columns.
  if (header.problem) {
    throw DataError(reader.locate(header, header.problem->offset), header.problem->message);
  }
  names_.reserve(header.fields.size());
  // A set, not find(): a header may have thousands of columns, and pairwise
  // comparison would take seconds.
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string_view name = trim_spaces(header.fields[i]);
    // An empty header cell (e.g. after a trailing comma) names nothing, so two are fine.
    if (!name.empty() && !seen.insert(name).second) {
      throw DataError(reader.locate(header, header.offsets[i]),
                      fmt::format("duplicate column name '{}'", name));
    }
    names_.emplace_back(name);
  }
}

std::optional<std::size_t> CsvColumns::find(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return i;
  }
  return std::nullopt;
}

std::size_t CsvColumns::require(std::string_view name) const {
  if (const auto index = find(name)) return *index;
  throw DataError(SourceLocation{path_, line_, 1},
                  fmt::format("missing required column '{}'", name));
}

}  // namespace castgraph
