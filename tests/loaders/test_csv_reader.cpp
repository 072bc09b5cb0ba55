// Tests of the RFC 4180 reader: quoting, line endings, the BOM, every kind of problem with
// its exact location, header lookup, buffer reuse, and a write-then-read property check.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "loaders/csv_reader.hpp"
#include "support/temp_dir.hpp"

namespace castgraph {
using castgraph::testing::TempDir;

namespace {

using Rows = std::vector<std::vector<std::string>>;

// A record copied out of the reader, so that it outlives the next next().
struct Copied {
  std::vector<std::string> fields;
  std::vector<std::uint64_t> offsets;
  std::size_t line = 0;
  std::optional<CsvProblem> problem;
};

std::vector<Copied> read_records(CsvReader& reader) {
  std::vector<Copied> out;
  CsvRecord record;
  while (reader.next(record)) {
    out.push_back(Copied{
        {record.fields.begin(), record.fields.end()}, record.offsets, record.line, record.problem});
  }
  return out;
}

Rows read_rows(std::string text) {
  auto reader = CsvReader::from_string(std::move(text), "t.csv");
  Rows rows;
  for (const auto& record : read_records(reader)) {
    REQUIRE_FALSE(record.problem);
    rows.push_back(record.fields);
  }
  return rows;
}

// The single record of `text`, which is expected to have a problem.
Copied only_problem_record(const std::string& text) {
  auto reader = CsvReader::from_string(text, "t.csv");
  auto records = read_records(reader);
  REQUIRE(records.size() >= 1);
  REQUIRE(records.front().problem);
  return records.front();
}

// The tiny RFC 4180 writer of the property test: quote when needed, double the quotes.
std::string write_csv(const Rows& rows, const char* line_end) {
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      const std::string& field = row[i];
      // An empty single field would be an empty line, which the reader skips: quote it.
      const bool quote =
          field.find_first_of(",\"\r\n") != std::string::npos || (row.size() == 1 && field.empty());
      if (!quote) {
        out += field;
        continue;
      }
      out += '"';
      for (char c : field) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += line_end;
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// RFC 4180 basics

TEST_CASE("plain records split on commas, one record a line", "[csv]") {
  CHECK(read_rows("id,name\n1,Douyin\n2,Kuaishou\n") ==
        Rows{{"id", "name"}, {"1", "Douyin"}, {"2", "Kuaishou"}});
}

TEST_CASE("a quoted field keeps its commas and doubled quotes", "[csv]") {
  CHECK(read_rows("a,\"x, y\",\"say \"\"hi\"\"\",\"\"\"\"\n") ==
        Rows{{"a", "x, y", "say \"hi\"", "\""}});
}

TEST_CASE("a quoted empty field is an empty field", "[csv]") {
  CHECK(read_rows("\"\",a,\"\"\n") == Rows{{"", "a", ""}});
}

TEST_CASE("a quoted field may hold line breaks, and locate finds the later line", "[csv]") {
  //  line 1: id,note
  //  line 2: 1,"first
  //  line 3: second",x      <- x is on line 3, column 9
  //  line 4: 2,y
  const std::string text = "id,note\n1,\"first\nsecond\",x\n2,y\n";
  auto reader = CsvReader::from_string(text, "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  REQUIRE(reader.next(record));
  CHECK(record.line == 2);
  REQUIRE(record.fields.size() == 3);
  CHECK(record.fields[1] == "first\nsecond");
  const SourceLocation x = reader.locate(record, record.offsets[2]);
  CHECK(x.file == "t.csv");
  CHECK(x.line == 3);
  CHECK(x.column == 9);
  const SourceLocation note = reader.locate(record, record.offsets[1]);
  CHECK(note.line == 2);
  CHECK(note.column == 3);
  REQUIRE(reader.next(record));
  CHECK(record.line == 4);
  CHECK(record.fields[1] == "y");
}

TEST_CASE("CRLF and lone CR inside quotes are kept and counted as line breaks", "[csv]") {
  const std::string text = "\"a\r\nb\rc\",d\r\ne\r\n";
  auto reader = CsvReader::from_string(text, "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.fields[0] == "a\r\nb\rc");
  const SourceLocation d = reader.locate(record, record.offsets[1]);
  CHECK(d.line == 3);
  CHECK(d.column == 4);
  REQUIRE(reader.next(record));
  CHECK(record.line == 4);
  CHECK(record.fields[0] == "e");
}

// ---------------------------------------------------------------------------------------
// Line endings and empty lines

TEST_CASE("LF, CRLF and a lone CR all end a record", "[csv]") {
  auto reader = CsvReader::from_string("a,b\nc,d\r\ne,f\rg,h\n", "t.csv");
  const auto records = read_records(reader);
  REQUIRE(records.size() == 4);
  CHECK(records[0].fields == std::vector<std::string>{"a", "b"});
  CHECK(records[1].fields == std::vector<std::string>{"c", "d"});
  CHECK(records[2].fields == std::vector<std::string>{"e", "f"});
  CHECK(records[3].fields == std::vector<std::string>{"g", "h"});
  CHECK(records[3].line == 4);
}

TEST_CASE("a final record without a trailing newline is read", "[csv]") {
  CHECK(read_rows("a,b\nc,d") == Rows{{"a", "b"}, {"c", "d"}});
  CHECK(read_rows("a,\"b\"") == Rows{{"a", "b"}});
}

TEST_CASE("empty lines are skipped but still counted in line numbers", "[csv]") {
  auto reader = CsvReader::from_string("\n\na\r\n\r\n\rb\n\n", "t.csv");
  const auto records = read_records(reader);
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == std::vector<std::string>{"a"});
  CHECK(records[0].line == 3);
  CHECK(records[1].fields == std::vector<std::string>{"b"});
  CHECK(records[1].line == 6);
}

TEST_CASE("a record's byte range excludes its line terminator", "[csv]") {
  auto reader = CsvReader::from_string("ab,c\r\nd\n", "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.begin == 0);
  CHECK(record.end == 4);
  CHECK(reader.raw(record) == "ab,c");
  REQUIRE(reader.next(record));
  CHECK(record.begin == 6);
  CHECK(reader.raw(record) == "d");
  CHECK_FALSE(reader.next(record));
}

// ---------------------------------------------------------------------------------------
// BOM and columns

TEST_CASE("a UTF-8 BOM is skipped but counted in offsets, not in columns", "[csv]") {
  auto reader = CsvReader::from_string("\xEF\xBB\xBFid,name\n1,x\n", "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  REQUIRE(record.fields.size() == 2);
  CHECK(record.fields[0] == "id");
  CHECK(record.offsets[0] == 3);
  CHECK(record.offsets[1] == 6);
  CHECK(record.begin == 3);
  const SourceLocation name = reader.locate(record, record.offsets[1]);
  CHECK(name.line == 1);
  CHECK(name.column == 4);
  CHECK(reader.locate(record, record.offsets[0]).column == 1);
}

TEST_CASE("a header with a BOM and CRLF gives clean column names", "[csv]") {
  auto reader = CsvReader::from_string(
      "\xEF\xBB\xBF"
      "id, name ,fee\r\n1,a,5\r\n",
      "t.csv");
  CsvRecord header;
  REQUIRE(reader.next(header));
  const CsvColumns columns(reader, header);
  CHECK(columns.count() == 3);
  CHECK(columns.find("id") == std::optional<std::size_t>(0));
  CHECK(columns.find("name") == std::optional<std::size_t>(1));
  CHECK(columns.require("fee") == 2);
  CsvRecord row;
  REQUIRE(reader.next(row));
  CHECK(row.fields[2] == "5");
}

TEST_CASE("locate counts columns in code points, not bytes", "[csv]") {
  auto reader = CsvReader::from_string("名字,x\n", "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.fields[0] == "名字");
  CHECK(record.offsets[1] == 7);
  CHECK(reader.locate(record, record.offsets[1]).column == 4);
}

TEST_CASE("locate works for any offset, also with a default record", "[csv]") {
  auto reader = CsvReader::from_string("a\nbc,d\n", "t.csv");
  const CsvRecord nothing;
  const SourceLocation d = reader.locate(nothing, 5);
  CHECK(d.line == 2);
  CHECK(d.column == 4);
}

// ---------------------------------------------------------------------------------------
// Problems

TEST_CASE("invalid UTF-8 is a problem that names the bad byte", "[csv]") {
  struct Case {
    std::string bytes;
    std::string message;
  };
  const auto [bytes, message] = GENERATE(
      Case{"\xFF", "invalid UTF-8 byte 0xff"}, Case{"\xF5\x80\x80\x80", "invalid UTF-8 byte 0xf5"},
      Case{"\xC0\xAF", "invalid UTF-8 byte 0xc0 (overlong encoding)"},
      Case{"\xE0\x80\xAF", "invalid UTF-8 byte 0xe0 (overlong encoding)"},
      Case{"\xF0\x80\x80\xAF", "invalid UTF-8 byte 0xf0 (overlong encoding)"},
      Case{"\xED\xA0\x80", "invalid UTF-8 byte 0xed (surrogate code point)"},
      Case{"\xF4\x90\x80\x80", "invalid UTF-8 byte 0xf4 (code point above U+10FFFF)"},
      Case{"\xE5\x90", "invalid UTF-8 byte 0xe5 (truncated sequence)"},
      Case{"\x80", "invalid UTF-8 byte 0x80 (unexpected continuation byte)"});
  CAPTURE(message);
  // "ok,名<bad>x\nnext\n": the bad byte follows 名 at byte offset 6, column 5.
  const std::string text = "ok,\xE5\x90\x8D" + bytes + "x\nnext\n";
  auto reader = CsvReader::from_string(text, "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  REQUIRE(record.problem);
  CHECK(record.problem->message == message);
  CHECK(record.problem->offset == 6);
  const SourceLocation where = reader.locate(record, record.problem->offset);
  CHECK(where.line == 1);
  CHECK(where.column == 5);
  // The reader carries on with the next record.
  REQUIRE(reader.next(record));
  CHECK_FALSE(record.problem);
  CHECK(record.fields[0] == "next");
  CHECK(record.line == 2);
}

TEST_CASE("a truncated UTF-8 sequence before a comma keeps the comma", "[csv]") {
  const auto record = only_problem_record("a\xE5\x90,b\n");
  CHECK(record.fields == std::vector<std::string>{"a\xE5\x90", "b"});
  CHECK(record.problem->message == "invalid UTF-8 byte 0xe5 (truncated sequence)");
}

TEST_CASE("invalid UTF-8 inside quotes is a problem too", "[csv]") {
  const auto record = only_problem_record("\"a,\xFF\"\n");
  CHECK(record.problem->offset == 3);
  CHECK(record.problem->message == "invalid UTF-8 byte 0xff");
}

TEST_CASE("valid multi-byte UTF-8 of every length is accepted", "[csv]") {
  // U+00E9, U+4E2D, U+1F600, U+10FFFF, U+D7FF, U+E000
  CHECK(read_rows(
            "\xC3\xA9,\xE4\xB8\xAD,\xF0\x9F\x98\x80,\xF4\x8F\xBF\xBF,\xED\x9F\xBF,\xEE\x80\x80\n")
            .front()
            .size() == 6);
}

TEST_CASE("a NUL byte is a problem", "[csv]") {
  const auto record = only_problem_record(std::string("ab,c\0d\n", 7));
  CHECK(record.problem->message == "NUL byte");
  CHECK(record.problem->offset == 4);
}

TEST_CASE("an unterminated quote names the line where it opened and runs to the end", "[csv]") {
  //  line 1: id,name
  //  line 2: 1,"Li Jiaqi        <- the quote opens here, line 2 column 3
  //  line 3: 2,Viya
  const std::string text = "id,name\n1,\"Li Jiaqi\n2,Viya\n";
  auto reader = CsvReader::from_string(text, "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  REQUIRE(reader.next(record));
  REQUIRE(record.problem);
  CHECK(record.problem->message == "unterminated quoted field");
  CHECK(record.problem->offset == 10);
  const SourceLocation where = reader.locate(record, record.problem->offset);
  CHECK(where.line == 2);
  CHECK(where.column == 3);
  CHECK(record.end == text.size());
  CHECK(record.fields.back() == "Li Jiaqi\n2,Viya\n");
  CHECK_FALSE(reader.next(record));
}

TEST_CASE("an unterminated quote wins over an earlier problem in its record", "[csv]") {
  const auto record = only_problem_record("\xFF,\"abc\n");
  CHECK(record.problem->message == "unterminated quoted field");
  CHECK(record.problem->offset == 2);
}

TEST_CASE("a character after a closing quote is a problem, and reading goes on", "[csv]") {
  auto reader = CsvReader::from_string("x,\"ab\"c,d\nnext\n", "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  REQUIRE(record.problem);
  CHECK(record.problem->message == "unexpected character after closing quote");
  CHECK(record.problem->offset == 6);
  CHECK(reader.locate(record, record.problem->offset).column == 7);
  // The junk is dropped, so the following field keeps its column.
  CHECK(record.fields.size() == 3);
  CHECK(record.fields[1] == "ab");
  CHECK(record.fields[2] == "d");
  REQUIRE(reader.next(record));
  CHECK_FALSE(record.problem);
  CHECK(record.fields[0] == "next");
}

TEST_CASE("a space after a closing quote is a problem too", "[csv]") {
  const auto record = only_problem_record("\"a\" ,b\n");
  CHECK(record.problem->message == "unexpected character after closing quote");
}

TEST_CASE("a stray quote inside an unquoted field is kept literally", "[csv]") {
  CHECK(read_rows("ab\"c,d\"\n") == Rows{{"ab\"c", "d\""}});
  CHECK(read_rows(" \"a\",b\n") == Rows{{" \"a\"", "b"}});
}

// ---------------------------------------------------------------------------------------
// Empty things

TEST_CASE("empty fields and a trailing comma make empty fields", "[csv]") {
  CHECK(read_rows("a,,b\n,\n,,\nc,\n") == Rows{{"a", "", "b"}, {"", ""}, {"", "", ""}, {"c", ""}});
  CHECK(read_rows("a,") == Rows{{"a", ""}});
}

TEST_CASE("field offsets point at each field's first byte, the quote if quoted", "[csv]") {
  auto reader = CsvReader::from_string("a,,\"b\",cd\n", "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.offsets == std::vector<std::uint64_t>{0, 2, 3, 7});
}

TEST_CASE("a file that is only a header has one record", "[csv]") {
  auto reader = CsvReader::from_string("id,name\r\n", "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.fields.size() == 2);
  CHECK_FALSE(reader.next(record));
  CHECK_FALSE(reader.next(record));  // and stays at the end
}

TEST_CASE("an empty file has no records", "[csv]") {
  CsvRecord record;
  auto empty = CsvReader::from_string("", "t.csv");
  CHECK_FALSE(empty.next(record));
  auto bom_only = CsvReader::from_string("\xEF\xBB\xBF", "t.csv");
  CHECK_FALSE(bom_only.next(record));
  auto blank_lines = CsvReader::from_string("\r\n\n", "t.csv");
  CHECK_FALSE(blank_lines.next(record));
}

// ---------------------------------------------------------------------------------------
// Header lookup

TEST_CASE("header lookup ignores unknown columns and trims spaces", "[csv]") {
  auto reader = CsvReader::from_string(" fan , broadcaster,extra,platform\n", "follows.csv");
  CsvRecord header;
  REQUIRE(reader.next(header));
  const CsvColumns columns(reader, header);
  CHECK(columns.count() == 4);
  CHECK(columns.require("fan") == 0);
  CHECK(columns.require("broadcaster") == 1);
  CHECK(columns.find("platform") == std::optional<std::size_t>(3));
  CHECK_FALSE(columns.find("weight"));
  CHECK_FALSE(columns.find("Fan"));  // names are exact
}

TEST_CASE("a missing required column names the file at line 1 column 1", "[csv]") {
  auto reader = CsvReader::from_string("id,name\n", "data/platforms.csv");
  CsvRecord header;
  REQUIRE(reader.next(header));
  const CsvColumns columns(reader, header);
  try {
    columns.require("population");
    FAIL("expected a DataError");
  } catch (const DataError& error) {
    CHECK(std::string(error.what()) ==
          "data/platforms.csv:1:1: missing required column 'population'");
    CHECK(error.where().line == 1);
    CHECK(error.where().column == 1);
  }
}

TEST_CASE("a duplicate column name is an error at its line and column", "[csv]") {
  auto reader = CsvReader::from_string("id,名字,名字\n", "bases.csv");
  CsvRecord header;
  REQUIRE(reader.next(header));
  try {
    CsvColumns columns(reader, header);
    FAIL("expected a DataError");
  } catch (const DataError& error) {
    CHECK(std::string(error.what()) == "bases.csv:1:7: duplicate column name '名字'");
  }
}

TEST_CASE("a header with a problem is an error at the problem", "[csv]") {
  auto reader = CsvReader::from_string("id,\"name\n", "bases.csv");
  CsvRecord header;
  REQUIRE(reader.next(header));
  CHECK_THROWS_WITH(CsvColumns(reader, header), "bases.csv:1:4: unterminated quoted field");
}

// ---------------------------------------------------------------------------------------
// Files

TEST_CASE("a file on disk reads the same as the same text in memory", "[csv]") {
  const TempDir dir;
  const std::string text = "\xEF\xBB\xBFid,name\r\n1,\"a, \"\"b\"\"\"\r\n2,名字";
  const auto file = dir.write("f.csv", text);
  CsvReader from_file(file);
  auto from_memory = CsvReader::from_string(text, file);
  CHECK(from_file.path() == file);
  CHECK(from_file.size_bytes() == text.size());
  const auto a = read_records(from_file);
  const auto b = read_records(from_memory);
  REQUIRE(a.size() == 3);
  REQUIRE(b.size() == 3);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].fields == b[i].fields);
    CHECK(a[i].offsets == b[i].offsets);
    CHECK(a[i].line == b[i].line);
  }
  CHECK(a[1].fields[1] == "a, \"b\"");
}

TEST_CASE("an empty file on disk has no records", "[csv]") {
  const TempDir dir;
  CsvReader reader(dir.write("empty.csv", ""));
  CsvRecord record;
  CHECK(reader.size_bytes() == 0);
  CHECK_FALSE(reader.next(record));
}

TEST_CASE("a missing file or a directory is an I/O error naming the path", "[csv]") {
  const TempDir dir;
  const auto missing = dir.path() / "missing.csv";
  CHECK_THROWS_AS(CsvReader(missing), IoError);
  CHECK_THROWS_WITH(CsvReader(missing), missing.string() + ": No such file or directory");
  CHECK_THROWS_WITH(CsvReader(dir.path()), dir.path().string() + ": is a directory");
}

TEST_CASE("a pipe is refused at once, without waiting for a writer or reading it", "[csv]") {
  // A pipe or a device has no size and may never end (/dev/zero): read whole before its
  // first byte was checked, it ran out of memory; a FIFO nobody writes to waited forever.
  const TempDir dir;
  const auto fifo = dir.path() / "pipe.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_WITH(CsvReader(fifo), fifo.string() +
                                         ": is a pipe (FIFO); castgraph reads only "
                                         "regular files (copy it to one first)");
  CHECK_THROWS_WITH(CsvReader("/dev/zero"), Catch::Contains("/dev/zero: is a character device"));
}

// ---------------------------------------------------------------------------------------
// Ownership, progress, buffer reuse

TEST_CASE("a moved reader keeps reading where it was", "[csv]") {
  // Short enough for the small-string buffer, so the bytes move with the object.
  auto first = CsvReader::from_string("a\n\"b\"\nc\n", "t.csv");
  CsvRecord record;
  REQUIRE(first.next(record));
  CsvReader second(std::move(first));
  REQUIRE(second.next(record));
  CHECK(record.fields[0] == "b");
  CHECK(record.line == 2);
  auto third = CsvReader::from_string("", "other.csv");
  third = std::move(second);
  REQUIRE(third.next(record));
  CHECK(record.fields[0] == "c");
  CHECK(third.path() == "t.csv");
}

TEST_CASE("position advances to the size of the input", "[csv]") {
  auto reader = CsvReader::from_string("ab,c\nde\n", "t.csv");
  CsvRecord record;
  CHECK(reader.position() == 0);
  REQUIRE(reader.next(record));
  CHECK(reader.position() == 5);
  REQUIRE(reader.next(record));
  CHECK(reader.position() == reader.size_bytes());
  CHECK(reader.size_bytes() == 8);
}

TEST_CASE("reading more records reuses the record's storage", "[csv]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "f1,\"h\"\"1\",\"p, 1\"\n";
  auto reader = CsvReader::from_string(text, "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  const auto* fields = record.fields.data();
  const auto* offsets = record.offsets.data();
  const char* scratch = record.fields[1].data();
  int count = 1;
  while (reader.next(record)) {
    ++count;
    CHECK(record.fields.data() == fields);
    CHECK(record.offsets.data() == offsets);
    CHECK(record.fields[1].data() == scratch);
    CHECK(record.fields[1] == "h\"1");
    CHECK(record.fields[2] == "p, 1");
  }
  CHECK(count == 100);
}

TEST_CASE("views into the scratch buffer stay valid while it grows within a record", "[csv]") {
  // Many escaped fields in one record force the scratch buffer to reallocate midway.
  std::string text;
  std::vector<std::string> expected;
  for (int i = 0; i < 200; ++i) {
    const std::string value = "v" + std::to_string(i) + "\"q\"" + std::string(i % 37, 'x');
    expected.push_back(value);
    if (i > 0) text += ',';
    text += "\"v" + std::to_string(i) + "\"\"q\"\"" + std::string(i % 37, 'x') + "\"";
  }
  auto reader = CsvReader::from_string(text, "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK_FALSE(record.problem);
  CHECK(std::vector<std::string>(record.fields.begin(), record.fields.end()) == expected);
}

// ---------------------------------------------------------------------------------------
// Property: anything the writer writes, the reader reads back

TEST_CASE("random fields written as RFC 4180 read back identical", "[csv]") {
  const std::vector<std::string> pieces = {"a",    "Z",    "9",  " ",   ",",  "\"",   "\"\"",
                                           "\n",   "\r\n", "\r", "名",  "字", "直播", "基地",
                                           "抖音", "é",    "😀",  "x,y", "'",  ";",    "\t"};
  const char* line_end = GENERATE("\n", "\r\n");
  std::mt19937 random(20240611);
  for (int round = 0; round < 200; ++round) {
    Rows rows(1 + random() % 6);
    for (auto& row : rows) {
      row.resize(1 + random() % 5);
      for (auto& field : row) {
        const int length = static_cast<int>(random() % 6);
        for (int i = 0; i < length; ++i) field += pieces[random() % pieces.size()];
      }
    }
    const std::string text = write_csv(rows, line_end);
    CAPTURE(text);
    auto reader = CsvReader::from_string(text, "t.csv");
    const auto records = read_records(reader);
    REQUIRE(records.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      CHECK_FALSE(records[i].problem);
      CHECK(records[i].fields == rows[i]);
      // Each record's start line is one past the line breaks written before it.
      if (i + 1 < rows.size()) {
        std::size_t breaks = 0;
        const std::string before = write_csv(Rows(rows.begin(), rows.begin() + i + 1), line_end);
        for (std::size_t k = 0; k < before.size(); ++k) {
          if (before[k] == '\n' ||
              (before[k] == '\r' && (k + 1 == before.size() || before[k + 1] != '\n'))) {
            ++breaks;
          }
        }
        CHECK(records[i + 1].line == breaks + 1);
      }
    }
  }
}

TEST_CASE("a record keeps at most kMaxFields fields and reports the first one too many",
          "[csv][hostile]") {
  // 20,000 fields, several quoted with doubled quotes beyond the limit: none of them may
  // be kept, and their unescaped text must not stay in the record's scratch buffer.
  std::string line = "a";
  for (int i = 1; i < 20000; ++i) line += i % 1000 == 0 ? ",\"x\"\"y\"" : ",b";
  auto reader = CsvReader::from_string(line + "\nnext\n", "t.csv");
  const auto records = read_records(reader);
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields.size() == CsvReader::kMaxFields);
  CHECK(records[0].fields[999] == "b");
  CHECK(records[0].fields[1000] == "x\"y");
  REQUIRE(records[0].problem);
  CHECK(records[0].problem->message == "more than 16384 fields in one record");
  std::size_t first_extra = 0;  // just after the kMaxFields-th comma
  for (std::size_t commas = 0; commas < CsvReader::kMaxFields; ++first_extra)
    commas += line[first_extra] == ',';
  CHECK(records[0].problem->offset == first_extra);
  CHECK(records[1].fields == std::vector<std::string>{"next"});
  CHECK_FALSE(records[1].problem);
}

TEST_CASE("a header of kMaxFields distinct columns is read, and a repeated one still found",
          "[csv][hostile]") {
  std::string header;
  for (std::size_t i = 0; i < CsvReader::kMaxFields - 1; ++i)
    header += "c" + std::to_string(i) + ",";
  auto reader = CsvReader::from_string(header + "c7\n", "t.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  try {
    CsvColumns columns(reader, record);
    FAIL("the duplicate column c7 was not found");
  } catch (const DataError& error) {
    CHECK(error.where().column == header.size() + 1);
    CHECK_THAT(error.what(), Catch::Contains("duplicate column name 'c7'"));
  }
}

}  // namespace castgraph
