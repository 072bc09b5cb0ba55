// Escaping for DOT, XML and JSON strings; see escape.hpp.
#include "viz/escape.hpp"

#include <fmt/format.h>

#include "graph/utf8.hpp"

namespace castgraph::viz {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Copies the UTF-8 character at the start of `text` (a non-ASCII lead byte) to `out`, or
// U+FFFD for an ill-formed byte, so that the output is always well-formed UTF-8 (a name
// from a damaged source must not make the whole SVG or JSON unreadable). Returns the
// bytes consumed.
std::size_t copy_utf8_char(std::string_view text, std::string& out) {
  const char* why = "";
  const std::size_t length =
      utf8_sequence_length(reinterpret_cast<const unsigned char*>(text.data()), text.size(), why);
  if (length == 0) {
    out += kReplacement;
    return 1;
  }
  out += text.substr(0, length);
  return length;
}

// The same, also replacing U+FFFE and U+FFFF, which XML 1.0 forbids.
std::size_t copy_xml_char(std::string_view text, std::string& out) {
  if (text.substr(0, 3) == "\xEF\xBF\xBE" || text.substr(0, 3) == "\xEF\xBF\xBF") {
    out += kReplacement;
    return 3;
  }
  return copy_utf8_char(text, out);
}

// `text` escaped: each non-ASCII character copied by `copy` (copy_utf8_char or
// copy_xml_char), each ASCII byte handed to `ascii(c, byte, out)`.
template <class Ascii>
std::string escape_each(std::string_view text, std::size_t (*copy)(std::string_view, std::string&),
                        Ascii ascii) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      i += copy(text.substr(i), out);
      continue;
    }
    ascii(c, byte, out);
    ++i;
  }
  return out;
}

// Graphviz copies a label into the SVG it writes (and so into the HTML report), where
// XML 1.0 cannot hold a control character or U+FFFE/U+FFFF: those become U+FFFD here,
// as escape_xml does, and an ill-formed byte too.
std::string escape_dot_impl(std::string_view text, bool label) {
  return escape_each(text, copy_xml_char, [label](char c, unsigned char byte, std::string& out) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      case '&':
        if (label) {
          out += "&amp;";
          break;
        }
        [[fallthrough]];
      default:
        if (byte < 0x20 && c != '\t')
          out += kReplacement;
        else
          out += c;
    }
  });
}

}  // namespace

std::string escape_dot(std::string_view text) { return escape_dot_impl(text, false); }

std::string escape_dot_label(std::string_view text) { return escape_dot_impl(text, true); }

std::string escape_xml(std::string_view text) {
  return escape_each(text, copy_xml_char, [](char c, unsigned char byte, std::string& out) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r')
          out += kReplacement;  // XML 1.0 has no way to write these
        else
          out += c;
    }
  });
}

std::string escape_json(std::string_view text) {
  return escape_each(text, copy_utf8_char, [](char c, unsigned char byte, std::string& out) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(byte));
        else
          out += c;
    }
  });
}

std::string escape_csv(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace castgraph::viz
