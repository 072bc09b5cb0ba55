// Fuzzes the escaping functions (viz/escape.hpp) with the decoders that read their
// output, written here independently: a DOT reader's unescaping of a quoted string, an
// XML parser's entity decoding, a JSON parser's string decoding. Properties:
//   - decoding the escaped text gives the original back (line ends and the control
//     characters XML cannot hold excepted, as escape.hpp documents);
//   - the escaped text cannot end its string early: no bare `"` in DOT or JSON, no bare
//     `<`, `>`, `"`, `'` or `&` that is not an entity's start in XML;
//   - a DOT label has no `&` that is not "&amp;".
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "viz/escape.hpp"

namespace {

[[noreturn]] void fail(const char* what, std::string_view input) {
  std::fprintf(stderr, "fuzz_escape: %s (input of %zu bytes)\n", what, input.size());
  std::abort();
}

// What Graphviz reads from "...": \" is a quote, \\ a backslash, \n a line break for
// labels (kept as the two characters here, mapped back below); a bare " ends the string.
std::string dot_unescape(std::string_view text, std::string_view input) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') fail("bare quote in a DOT string", input);
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) fail("DOT string ends in a lone backslash", input);
    out += text[i] == 'n' ? '\n' : text[i];
  }
  return out;
}

// Decodes the five entities escape_xml writes; any other & or markup character fails.
std::string xml_unescape(std::string_view text, std::string_view input) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '<' || c == '>' || c == '"' || c == '\'') fail("bare markup character in XML text", input);
    if (c != '&') {
      out += c;
      ++i;
      continue;
    }
    bool known = false;
    for (const auto& [entity, plain] : kEntities)
      if (text.substr(i, entity.size()) == entity) {
        out += plain;
        i += entity.size();
        known = true;
        break;
      }
    if (!known) fail("& that starts no entity in XML text", input);
  }
  return out;
}

std::string json_unescape(std::string_view text, std::string_view input) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (text[i] == '"' || byte < 0x20) fail("bare quote or control character in a JSON string", input);
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) fail("JSON string ends in a lone backslash", input);
    switch (text[i]) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'u': {
        if (i + 4 >= text.size()) fail("short \\u escape", input);
        const unsigned long code = std::strtoul(std::string(text.substr(i + 1, 4)).c_str(), nullptr, 16);
        if (code >= 0x20) fail("\\u escape of a printable character", input);
        out += static_cast<char>(code);
        i += 4;
        break;
      }
      default: fail("unknown JSON escape", input);
    }
  }
  return out;
}

// What Graphviz makes of the entities in a label: escape_dot_label writes only &amp;.
std::string label_entities_decode(std::string_view text, std::string_view input) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '&') {
      out += text[i++];
      continue;
    }
    if (text.substr(i, 5) != "&amp;") fail("& in a DOT label that is not &amp;", input);
    out += '&';
    i += 5;
  }
  return out;
}

// The input as escape_dot promises to keep it: CR dropped.
std::string without_cr(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != '\r') out += c;
  return out;
}

// The input as escape_xml promises to keep it: controls other than tab, LF, CR -> U+FFFD.
std::string xml_visible(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  using namespace castgraph::viz;
  if (dot_unescape(escape_dot(input), input) != without_cr(input)) fail("DOT string does not round-trip", input);
  const std::string label_text = dot_unescape(escape_dot_label(input), input);
  // Graphviz decodes entities in labels, so the label must decode to the input through both.
  if (label_entities_decode(label_text, input) != without_cr(input)) fail("DOT label does not round-trip", input);
  if (xml_unescape(escape_xml(input), input) != xml_visible(input)) fail("XML text does not round-trip", input);
  if (json_unescape(escape_json(input), input) != input) fail("JSON string does not round-trip", input);
  return 0;
}
