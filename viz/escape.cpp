// Escaping for DOT, XML and JSON strings; see escape.hpp.
#include "viz/escape.hpp"

#include <fmt/format.h>

namespace castgraph::viz {
namespace {

std::string escape_dot_impl(std::string_view text, bool label) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      case '&':
        if (label) {
          out += "&amp;";
          break;
        }
        [[fallthrough]];
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string escape_dot(std::string_view text) { return escape_dot_impl(text, false); }

std::string escape_dot_label(std::string_view text) { return escape_dot_impl(text, true); }

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r')
          out += "\xEF\xBF\xBD";  // U+FFFD: XML 1.0 has no way to write these
        else
          out += c;
    }
  }
  return out;
}

std::string escape_json(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (byte < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(byte));
        else
          out += c;
    }
  }
  return out;
}

}  // namespace castgraph::viz
