// Splitting one CSV file between processes at record boundaries, so that each can read
// its own byte range and together they read every record once, exactly as CsvReader
// reads the whole file (RFC 4180: a quoted field may hold line breaks and commas).
//
// A byte range alone cannot tell whether it starts inside a quoted field. The method is
// the classic one of parallel parsers: the reader's grammar is a small automaton
// (CsvState), so each process computes, for every state it might start its range in,
// the state it would end in (a CsvStateMap, one pass over its bytes). The maps compose:
// applying the earlier processes' maps in turn to the state at the start of the file
// gives the true state at the start of each range, and the first record boundary from
// there is where the range's own records begin. Lines are counted the way CsvReader
// counts them (LF, CRLF and a lone CR each end one line, inside quotes too), so a range's
// first line is 1 + the line ends before it.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace castgraph {

// Where CsvReader is in its grammar. Binary content (NUL, UTF-8) never changes the state.
enum CsvState : std::uint8_t {
  kRecordStart,   // a record may begin here: after a line end outside quotes
  kFieldStart,    // after a comma
  kUnquoted,      // in a field that did not start with a quote (a quote is literal there)
  kQuoted,        // in a quoted field
  kAfterQuote,    // just after a quote in a quoted field: a closing quote or half of ""
  kAfterClosing,  // junk after a closing quote, dropped up to the next comma or line end
};
inline constexpr std::size_t kCsvStates = 6;

// For each starting state, the state after reading `bytes`. O(bytes) per distinct state.
using CsvStateMap = std::array<CsvState, kCsvStates>;
CsvStateMap csv_state_map(std::string_view bytes);

// The state after reading `bytes` from `state`: csv_state_map's for one known starting
// state, one pass instead of up to six; bytes without a quote (found by memchr) are not
// read at all, only their last byte matters. O(bytes).
CsvState csv_state_after(std::string_view bytes, CsvState state);

// The state after `first` then `second`.
CsvStateMap compose(const CsvStateMap& first, const CsvStateMap& second);

// The first position p >= from of `file` where a record may begin, given the state at
// `from`; file.size() when there is none. O(p - from).
std::uint64_t next_record_start(std::string_view file, std::uint64_t from, CsvState state);

// Line ends in [begin, end) of `file`, as CsvReader counts lines: an LF, or a CR not
// followed by an LF (looking past `end` when needed). O(end - begin).
std::uint64_t count_line_ends(std::string_view file, std::uint64_t begin, std::uint64_t end);

}  // namespace castgraph
