#include "loaders/csv_split.hpp"

#include <algorithm>

namespace castgraph {
namespace {

bool line_end(char c) { return c == '\n' || c == '\r'; }

// One byte of CsvReader's grammar (see csv_reader.cpp: next, read_quoted and
// skip_after_closing_quote).
CsvState step(CsvState state, char c) {
  switch (state) {
    case kRecordStart:
    case kFieldStart:
      if (c == '"') return kQuoted;
      if (c == ',') return kFieldStart;
      if (line_end(c)) return kRecordStart;
      return kUnquoted;
    case kUnquoted:
    case kAfterClosing:
      if (c == ',') return kFieldStart;
      if (line_end(c)) return kRecordStart;
      return state;
    case kQuoted:
      return c == '"' ? kAfterQuote : kQuoted;
    case kAfterQuote:
      if (c == '"') return kQuoted;  // a doubled quote
      if (c == ',') return kFieldStart;
      if (line_end(c)) return kRecordStart;
      return kAfterClosing;
  }
  return state;
}

}  // namespace

CsvStateMap csv_state_map(std::string_view bytes) {
  CsvStateMap map{};
  for (std::size_t start = 0; start < kCsvStates; ++start)
    map[start] = static_cast<CsvState>(start);
  std::size_t i = 0;
  // All six runs in step until they agree (usually at the first line end outside
  // quotes), then one run for the rest.
  for (; i < bytes.size(); ++i) {
    for (CsvState& state : map) state = step(state, bytes[i]);
    if (std::all_of(map.begin(), map.end(), [&](CsvState s) { return s == map[0]; })) {
      ++i;
      break;
    }
  }
  if (i >= bytes.size()) return map;
  CsvState state = map[0];
  for (; i < bytes.size(); ++i) state = step(state, bytes[i]);
  map.fill(state);
  return map;
}

CsvState csv_state_after(std::string_view bytes, CsvState state) {
  const bool outside_quotes = state == kRecordStart || state == kFieldStart || state == kUnquoted;
  // Outside quotes and with no quote to come, every byte but a comma or a line end leaves
  // (or puts) the reader in an unquoted field, so the last byte decides.
  if (outside_quotes && !bytes.empty() && bytes.find('"') == std::string_view::npos)
    return step(kUnquoted, bytes.back());
  for (char c : bytes) state = step(state, c);
  return state;
}

CsvStateMap compose(const CsvStateMap& first, const CsvStateMap& second) {
  CsvStateMap map{};
  for (std::size_t state = 0; state < kCsvStates; ++state) map[state] = second[first[state]];
  return map;
}

std::uint64_t next_record_start(std::string_view file, std::uint64_t from, CsvState state) {
  for (std::uint64_t p = from; p < file.size(); ++p) {
    if (state == kRecordStart) return p;
    state = step(state, file[p]);
  }
  return file.size();
}

std::uint64_t count_line_ends(std::string_view file, std::uint64_t begin, std::uint64_t end) {
  end = std::min<std::uint64_t>(end, file.size());
  if (begin >= end) return 0;
  const std::string_view range = file.substr(begin, end - begin);
  // Without a CR every line end is an LF: std::count vectorises, the loop below does not.
  if (range.find('\r') == std::string_view::npos)
    return static_cast<std::uint64_t>(std::count(range.begin(), range.end(), '\n'));
  std::uint64_t lines = 0;
  for (std::uint64_t i = begin; i < end; ++i) {
    const char c = file[i];
    if (c == '\n' || (c == '\r' && !(i + 1 < file.size() && file[i + 1] == '\n'))) ++lines;
  }
  return lines;
}

}  // namespace castgraph
