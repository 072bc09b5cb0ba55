// UTF-8 validation, shared by the CSV reader (which refuses ill-formed input with the
// reason), the network check (snapshots must hold what the CSV loader would accept) and
// the XML and JSON escaping (which must never write ill-formed text). Inline: the CSV
// reader calls it for every non-ASCII character of a file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace castgraph {

inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Length (2-4) of the well-formed UTF-8 sequence starting with the non-ASCII byte p[0],
// following the table of well-formed sequences in Unicode 15 §3.9 (D92); or 0 with
// `why` set when the sequence is ill-formed. `available` counts p[0] itself.
inline std::size_t utf8_sequence_length(const unsigned char* p, std::uint64_t available,
                                        const char*& why) {
  const unsigned char lead = p[0];
  std::size_t trailing = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead < 0xC0) {
    why = " (unexpected continuation byte)";
    return 0;
  } else if (lead < 0xC2) {
    why = " (overlong encoding)";
    return 0;
  } else if (lead < 0xE0) {
    trailing = 1;
  } else if (lead < 0xF0) {
    trailing = 2;
    if (lead == 0xE0) low = 0xA0;   // below: overlong
    if (lead == 0xED) high = 0x9F;  // above: UTF-16 surrogates
  } else if (lead < 0xF5) {
    trailing = 3;
    if (lead == 0xF0) low = 0x90;   // below: overlong
    if (lead == 0xF4) high = 0x8F;  // above: beyond U+10FFFF
  } else {
    why = "";  // 0xF5-0xFF never occur in UTF-8
    return 0;
  }
  why = " (truncated sequence)";
  if (available <= trailing) return 0;
  const unsigned char second = p[1];
  if (second < low || second > high) {
    if (is_continuation(second)) {
      why = lead == 0xED   ? " (surrogate code point)"
            : lead == 0xF4 ? " (code point above U+10FFFF)"
                           : " (overlong encoding)";
    }
    return 0;
  }
  for (std::size_t i = 2; i <= trailing; ++i) {
    if (!is_continuation(p[i])) return 0;
  }
  return trailing + 1;
}

// True when `text` is well-formed UTF-8 throughout. O(bytes).
inline bool is_valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size();) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    const char* why = "";
    const std::size_t length = utf8_sequence_length(bytes + i, text.size() - i, why);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

}  // namespace castgraph
