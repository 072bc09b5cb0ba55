// A reference UTF-8 decoder for the fuzz targets, written from RFC 3629 independently of
// graph/utf8.hpp (which it checks): decode the bits the lead byte announces, then refuse
// overlong forms, surrogates and code points above U+10FFFF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace castgraph::fuzz {

struct Decoded {
  std::uint32_t code = 0;
  std::size_t length = 0;  // 0: no well-formed character starts here
};

inline Decoded decode_utf8(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t length = lead < 0x80         ? 1
                             : (lead >> 5) == 6  ? 2
                             : (lead >> 4) == 14 ? 3
                             : (lead >> 3) == 30 ? 4
                                                 : 0;
  if (length == 0 || i + length > text.size()) return {};
  std::uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) return {};
    code = code << 6 | (next & 0x3F);
  }
  constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
  return {code, length};
}

inline bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Decoded decoded = decode_utf8(text, i);
    if (decoded.length == 0) return false;
    i += decoded.length;
  }
  return true;
}

}  // namespace castgraph::fuzz
