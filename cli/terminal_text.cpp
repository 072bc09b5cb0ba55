#include "cli/terminal_text.hpp"

#include <fmt/format.h>

#include "graph/utf8.hpp"

namespace castgraph::cli {

namespace {

bool is_bidi_control(char32_t c) {
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// The escape for one ASCII control byte.
std::string control_escape(unsigned char byte) {
  switch (byte) {
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    case 0x1B:
      return "\\e";
    default:
      return fmt::format("\\x{:02X}", byte);
  }
}

// The code point of the well-formed sequence of `length` bytes at p.
char32_t code_point(const unsigned char* p, std::size_t length) {
  char32_t code = p[0] & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (p[k] & 0x3F);
  return code;
}

std::string escaped(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) {
      out += keep_newlines && byte == '\n' ? std::string("\n") : control_escape(byte);
      ++i;
      continue;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
    const char* why = "";
    const std::size_t length = byte < 0x80 ? 1 : utf8_sequence_length(p, text.size() - i, why);
    const char32_t code = length > 1 ? code_point(p, length) : byte;
    if (length == 0) {
      out += fmt::format("\\x{:02X}", byte);
      ++i;
    } else if ((code >= 0x80 && code <= 0x9F) || is_bidi_control(code)) {
      out += fmt::format("\\u{:04X}", static_cast<std::uint32_t>(code));
      i += length;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

}  // namespace

std::string terminal_safe(std::string_view text) { return escaped(text, false); }

std::string terminal_safe_lines(std::string_view text) { return escaped(text, true); }

}  // namespace castgraph::cli
