// Splitting a CSV file between processes (loaders/csv_split.hpp): read range by range,
// the records, their fields and their lines must be exactly those of one reader reading
// the whole file, wherever the cuts fall (inside quotes, between CR and LF, in a "").
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "loaders/csv_reader.hpp"
#include "loaders/csv_split.hpp"

using namespace castgraph;

namespace {

struct Seen {
  std::size_t line;
  std::vector<std::string> fields;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> read_all(CsvReader& reader) {
  std::vector<Seen> records;
  CsvRecord record;
  while (reader.next(record))
    records.push_back(
        {record.line, std::vector<std::string>(record.fields.begin(), record.fields.end())});
  return records;
}

// The records of `text` read in `cuts.size() + 1` ranges, each found as castgraph-mpi
// finds them: state maps composed, then the next record start, lines counted before it.
std::vector<Seen> read_in_ranges(const std::string& text, std::vector<std::uint64_t> cuts) {
  const std::string_view file = text;
  const std::uint64_t content = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  cuts.insert(cuts.begin(), content);
  cuts.push_back(text.size());
  std::vector<std::uint64_t> begins;
  std::vector<std::size_t> lines;
  CsvState state = kRecordStart;
  std::uint64_t lines_before = 0;
  for (std::size_t r = 0; r + 1 < cuts.size(); ++r) {
    const std::uint64_t begin = next_record_start(file, cuts[r], state);
    begins.push_back(begin);
    lines.push_back(1 + lines_before + count_line_ends(file, cuts[r], begin));
    state = csv_state_map(file.substr(cuts[r], cuts[r + 1] - cuts[r]))[state];
    lines_before += count_line_ends(file, cuts[r], cuts[r + 1]);
  }
  std::vector<Seen> records;
  for (std::size_t r = 0; r < begins.size(); ++r) {
    CsvReader reader = CsvReader::from_string(text, "split.csv");
    reader.read_range(begins[r], lines[r], r + 1 < begins.size() ? begins[r + 1] : text.size());
    for (Seen& seen : read_all(reader)) records.push_back(std::move(seen));
  }
  return records;
}

std::string random_csv(std::mt19937_64& random) {
  static const std::vector<std::string> pieces = {
      "a",  "bc",   "\xE8\xBE\xBD", ",",          ",",      "\n",   "\r\n", "\r",
      "\"", "\"\"", "\"x,\ny\"",    "\"q\"\"r\"", "\"\"\"", "z\"w", "\n\n", "\"open\r\nline\""};
  std::string text = random() % 4 == 0 ? "\xEF\xBB\xBF" : "";
  const std::size_t count = random() % 40;
  for (std::size_t i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
  return text;
}

}  // namespace

TEST_CASE("a file read in ranges gives the records and lines of one reader, wherever it is cut") {
  std::mt19937_64 random(20261207);
  for (int trial = 0; trial < 3000; ++trial) {
    const std::string text = random_csv(random);
    CsvReader whole = CsvReader::from_string(text, "split.csv");
    const std::vector<Seen> expected = read_all(whole);
    std::vector<std::uint64_t> cuts;
    const std::size_t ranges = 1 + random() % 5;
    const std::uint64_t content = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    for (std::size_t r = 1; r < ranges; ++r)
      cuts.push_back(content + random() % (text.size() - content + 1));
    std::sort(cuts.begin(), cuts.end());
    INFO("text: " << text);
    REQUIRE(read_in_ranges(text, cuts) == expected);
  }
}

TEST_CASE("a cut inside a quoted field moves to the end of that record") {
  //            0123456 7890123 45678
  const std::string text = "id,x\n1,\"a\nb\"\n2,c\n";
  // Cut at 9 ('\n' inside the quotes): the state there is quoted, so the range starts at
  // 13, the record "2,c" on line 4.
  const CsvState at_cut = csv_state_map(std::string_view(text).substr(0, 9))[kRecordStart];
  CHECK(at_cut == kQuoted);
  CHECK(next_record_start(text, 9, at_cut) == 13);
  CHECK(count_line_ends(text, 0, 13) == 3);
}

TEST_CASE("CRLF counts as one line end, also when a cut falls between CR and LF") {
  const std::string text = "a\r\nb\rc\n";
  CHECK(count_line_ends(text, 0, text.size()) == 3);
  CHECK(count_line_ends(text, 0, 2) == 0);  // the CR is followed by LF beyond the range
  CHECK(count_line_ends(text, 2, 3) == 1);
}

// csv_state_after skips texts without a quote and count_line_ends counts LF-only texts
// with std::count: both checked against the byte-by-byte state map and a plain count.
TEST_CASE("csv_state_after and count_line_ends agree with a byte-by-byte reading") {
  std::mt19937 random(11);
  const std::string alphabets[] = {"ab,\n", "ab,\r\n", "a\",\n\r", "\"\"\"a,\n"};
  for (const std::string& alphabet : alphabets)
    for (int trial = 0; trial < 200; ++trial) {
      std::string text;
      for (std::size_t n = random() % 40; n > 0; --n) text += alphabet[random() % alphabet.size()];
      INFO("text: " << text);
      const CsvStateMap map = csv_state_map(text);
      for (std::size_t state = 0; state < kCsvStates; ++state)
        CHECK(csv_state_after(text, static_cast<CsvState>(state)) == map[state]);
      std::uint64_t lines = 0;
      for (std::size_t i = 0; i < text.size(); ++i)
        lines +=
            text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
      CHECK(count_line_ends(text, 0, text.size()) == lines);
    }
}
