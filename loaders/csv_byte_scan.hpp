// csv_scan: what each byte means to the CSV reader's field scanners, and the scan over
// a run of plain bytes, where the reader spends most of its time: every byte of a typical
// file passes through end_of_plain_run exactly once.
#pragma once

#include <array>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace castgraph::csv_scan {

// What a byte means to the field scanners.
enum ByteClass : std::uint8_t {
  kPlain = 0,    // part of the field, nothing to do
  kStop = 1,     // ends the field (comma, CR, LF) or, inside quotes, a quote / line end
  kNul = 2,      // a NUL byte: always a problem
  kNonAscii = 3  // lead (or stray continuation) byte of a multi-byte UTF-8 sequence
};

// The classes of all 256 bytes in one context, and the one printable byte that stops a
// field there: ',' outside quotes, '"' inside. Inside quotes a comma is data; outside
// quotes a quote is accepted literally (`ab"c`), as most producers expect.
struct Context {
  std::array<std::uint8_t, 256> table;
  char separator;
};

constexpr Context make_context(char separator) {
  Context context{{}, separator};
  for (int b = 0x80; b < 0x100; ++b) context.table[b] = kNonAscii;
  context.table[0] = kNul;
  context.table['\r'] = kStop;
  context.table['\n'] = kStop;
  context.table[static_cast<unsigned char>(separator)] = kStop;
  return context;
}

inline constexpr Context kUnquoted = make_context(',');
inline constexpr Context kQuoted = make_context('"');

// The end of the run of plain bytes that starts at `i`: the first byte at or after `i`
// that the context does not call kPlain, or `size`. With SSE2 it tests 16 bytes at a
// time for every byte the table stops at (separator, CR, LF, NUL, any byte >= 0x80): a
// typical field is 2 to 12 bytes, so that is one step where the byte loop took several.
// The byte loop finishes the last 15 bytes of the input, so nothing past `size` is read.
inline std::uint64_t end_of_plain_run(const unsigned char* bytes, std::uint64_t i, std::uint64_t size,
                                      const Context& context) {
#if defined(__SSE2__)
  const __m128i stop_separator = _mm_set1_epi8(context.separator), stop_cr = _mm_set1_epi8('\r'),
                stop_lf = _mm_set1_epi8('\n'), stop_nul = _mm_setzero_si128();
  for (; i + 16 <= size; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    const __m128i stops = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(block, stop_separator), _mm_cmpeq_epi8(block, stop_cr)),
        _mm_or_si128(_mm_cmpeq_epi8(block, stop_lf), _mm_cmpeq_epi8(block, stop_nul)));
    // The movemask of the block itself marks its bytes >= 0x80, the non-ASCII ones.
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(stops) | _mm_movemask_epi8(block));
    if (mask != 0) return i + static_cast<unsigned>(__builtin_ctz(mask));
  }
#endif
  while (i < size && context.table[bytes[i]] == kPlain) ++i;
  return i;
}

}  // namespace castgraph::csv_scan
