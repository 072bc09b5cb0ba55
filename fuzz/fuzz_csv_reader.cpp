// Fuzzes the CSV reader (loaders/csv_reader.hpp) against an independent, deliberately
// naive RFC 4180 parser written here from the contract, byte by byte:
//   - it never crashes, hangs or reads out of bounds on any input (ASan, UBSan);
//   - every field offset, record range and located problem lies inside the input;
//   - the reader reports a problem exactly when the naive parser finds the input
//     malformed (NUL, ill-formed UTF-8, unterminated quote, text after a closing quote,
//     more than kMaxFields fields),
//     and on well-formed input both produce the same records, fields and lines.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/reference_utf8.hpp"
#include "loaders/csv_reader.hpp"

namespace {

struct NaiveRecord {
  std::vector<std::string> fields;
  std::size_t line;
};

struct NaiveResult {
  std::vector<NaiveRecord> records;
  bool malformed = false;
};

NaiveResult naive_parse(std::string_view text) {
  NaiveResult result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  result.malformed =
      text.find('\0') != std::string_view::npos || !castgraph::fuzz::valid_utf8(text);
  std::size_t i = 0, line = 1;
  auto at_line_end = [&] { return i < text.size() && (text[i] == '\n' || text[i] == '\r'); };
  auto skip_line_end = [&] {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    ++i;
    ++line;
  };
  while (i < text.size()) {
    if (at_line_end()) {  // an empty line is no record
      skip_line_end();
      continue;
    }
    NaiveRecord record{{}, line};
    for (;;) {
      std::string field;
      if (i < text.size() && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= text.size()) {
            result.malformed = true;  // unterminated
            break;
          }
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (at_line_end()) {
            const std::size_t from = i;
            skip_line_end();
            field.append(text.substr(from, i - from));
            continue;
          }
          field += text[i++];
        }
        if (i < text.size() && text[i] != ',' && !at_line_end()) {
          result.malformed = true;  // text after the closing quote
          while (i < text.size() && text[i] != ',' && !at_line_end()) ++i;
        }
      } else {
        while (i < text.size() && text[i] != ',' && !at_line_end()) field += text[i++];
      }
      record.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    if (i < text.size()) skip_line_end();
    if (record.fields.size() > castgraph::CsvReader::kMaxFields) result.malformed = true;
    result.records.push_back(std::move(record));
  }
  return result;
}

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_csv_reader: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto reader = castgraph::CsvReader::from_string(text, "fuzz.csv");
  castgraph::CsvRecord record;
  std::vector<NaiveRecord> records;
  bool problem = false;
  std::size_t previous_line = 0;
  while (reader.next(record)) {
    if (record.fields.size() != record.offsets.size()) fail("fields and offsets differ in number");
    if (record.begin > record.end || record.end > size) fail("record range outside the input");
    if (record.line <= previous_line) fail("record lines do not increase");
    previous_line = record.line;
    for (std::uint64_t offset : record.offsets)
      if (offset > size) fail("field offset outside the input");
    (void)reader.raw(record);
    if (record.problem) {
      problem = true;
      if (record.problem->offset > size) fail("problem offset outside the input");
      const auto where = reader.locate(record, record.problem->offset);
      if (where.line < record.line || where.column < 1) fail("problem located before its record");
    }
    if (records.empty()) {
      try {
        castgraph::CsvColumns columns(reader, record);
        (void)columns.find("id");
      } catch (const castgraph::DataError&) {
      }
    }
    records.push_back({{record.fields.begin(), record.fields.end()}, record.line});
    if (reader.position() > size) fail("position beyond the input");
  }

  const NaiveResult naive = naive_parse(text);
  if (problem != naive.malformed)
    fail("reader and naive parser disagree on whether the input is malformed");
  if (problem) return 0;
  if (records.size() != naive.records.size()) fail("different number of records");
  for (std::size_t r = 0; r < records.size(); ++r) {
    if (records[r].line != naive.records[r].line) fail("different start line");
    if (records[r].fields != naive.records[r].fields) fail("different fields");
  }
  return 0;
}
