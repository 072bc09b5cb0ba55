// Fuzzes the escaping functions (viz/escape.hpp) with the decoders that read their
// output, written here independently: a DOT reader's unescaping of a quoted string, an
// XML parser's entity decoding, a JSON parser's string decoding. Properties:
//   - decoding the escaped text gives the original back (line ends, ill-formed UTF-8
//     and the characters XML cannot hold excepted, as escape.hpp documents), and XML
//     and JSON output is well-formed UTF-8;
//   - the escaped text cannot end its string early: no bare `"` in DOT or JSON, no bare
//     `<`, `>`, `"`, `'` or `&` that is not an entity's start in XML;
//   - a DOT label has no `&` that is not "&amp;".
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/reference_utf8.hpp"
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
    if (c == '<' || c == '>' || c == '"' || c == '\'')
      fail("bare markup character in XML text", input);
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
    if (text[i] == '"' || byte < 0x20)
      fail("bare quote or control character in a JSON string", input);
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) fail("JSON string ends in a lone backslash", input);
    switch (text[i]) {
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case 'u': {
        if (i + 4 >= text.size()) fail("short \\u escape", input);
        const unsigned long code =
            std::strtoul(std::string(text.substr(i + 1, 4)).c_str(), nullptr, 16);
        if (code >= 0x20) fail("\\u escape of a printable character", input);
        out += static_cast<char>(code);
        i += 4;
        break;
      }
      default:
        fail("unknown JSON escape", input);
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

// The input with every byte where no well-formed character starts replaced by U+FFFD,
// and, for XML, the characters XML 1.0 forbids (controls but tab, LF, CR; U+FFFE,
// U+FFFF) too: what escape.hpp promises to keep of a name.
std::string replaced(std::string_view text, bool xml) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const castgraph::fuzz::Decoded decoded = castgraph::fuzz::decode_utf8(text, i);
    const std::uint32_t code = decoded.code;
    const bool forbidden = decoded.length == 0 ||
                           (xml && ((code < 0x20 && code != '\t' && code != '\n' && code != '\r') ||
                                    code == 0xFFFE || code == 0xFFFF));
    if (forbidden)
      out += "\xEF\xBF\xBD";
    else
      out += text.substr(i, decoded.length);
    i += decoded.length == 0 ? 1 : decoded.length;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  using namespace castgraph::viz;
  // DOT drops \r and, since Graphviz copies the text into the SVG it writes, replaces what
  // XML 1.0 cannot hold (controls but tab and newline, U+FFFE/U+FFFF, ill-formed bytes).
  const std::string dot_text = without_cr(replaced(input, true));
  if (dot_unescape(escape_dot(input), input) != dot_text)
    fail("DOT string does not round-trip", input);
  const std::string label_text = dot_unescape(escape_dot_label(input), input);
  // Graphviz decodes entities in labels, so the label must decode to the input through both.
  if (label_entities_decode(label_text, input) != dot_text)
    fail("DOT label does not round-trip", input);
  const std::string xml = escape_xml(input), json = escape_json(input);
  if (!castgraph::fuzz::valid_utf8(xml) || !castgraph::fuzz::valid_utf8(json))
    fail("ill-formed UTF-8 written", input);
  if (xml_unescape(xml, input) != replaced(input, true))
    fail("XML text does not round-trip", input);
  if (json_unescape(json, input) != replaced(input, false))
    fail("JSON string does not round-trip", input);
  return 0;
}
