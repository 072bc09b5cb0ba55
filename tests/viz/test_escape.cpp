// Escaping for DOT, XML and JSON: hostile names come out as text.
#include <catch2/catch.hpp>

#include "viz/escape.hpp"

using namespace castgraph::viz;

TEST_CASE("DOT strings escape quotes and backslashes, so a trailing backslash cannot eat the quote",
          "[viz]") {
  CHECK(escape_dot(R"(a"b)") == R"(a\"b)");
  CHECK(escape_dot(R"(a\)") == R"(a\\)");
  CHECK(escape_dot("两行\n文字") == "两行\\n文字");
  CHECK(escape_dot("A & B") == "A & B");
}

TEST_CASE("DOT labels also escape & so Graphviz does not decode entities in names", "[viz]") {
  CHECK(escape_dot_label("&lt;script&gt;") == "&amp;lt;script&amp;gt;");
  CHECK(escape_dot_label("<script>") == "<script>");  // a plain label: < is text in DOT
}

TEST_CASE("XML text escapes markup characters and drops characters XML cannot hold", "[viz]") {
  CHECK(escape_xml("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(escape_xml("张伟") == "张伟");
  CHECK(escape_xml(std::string("a\x01z")) == "a\xEF\xBF\xBDz");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[viz]") {
  CHECK(escape_json(R"(a"b\c)") == R"(a\"b\\c)");
  CHECK(escape_json(std::string("\x01\n")) == "\\u0001\\n");
}

TEST_CASE("XML and JSON output stay well-formed UTF-8 whatever bytes a name holds", "[viz]") {
  // Found by fuzz_escape: a truncated sequence (E4 BC) was copied through, and one bad
  // byte in a name made the whole SVG, GraphML or JSON unreadable.
  const std::string found(
      "a\r\nb\x01\x1f\t\xe5\xbc\xa0\xe4\xbc"
      "c&amp",
      17);
  CHECK(escape_xml(found) ==
        "a\r\nb\xEF\xBF\xBD\xEF\xBF\xBD\t张\xEF\xBF\xBD\xEF\xBF\xBD"
        "c&amp;amp");
  CHECK(escape_json(found) ==
        "a\\r\\nb\\u0001\\u001f\\t张\xEF\xBF\xBD\xEF\xBF\xBD"
        "c&amp");
  // U+FFFF is well-formed UTF-8 but no XML character; JSON may hold it.
  CHECK(escape_xml("x\xEF\xBF\xBFy") == "x\xEF\xBF\xBDy");
  CHECK(escape_json("x\xEF\xBF\xBFy") == "x\xEF\xBF\xBFy");
}
