// Name folding and edit distance: hand-checked cases for the Unicode rules the issue
// names (case, full/half width, accents), and edit distance against a slow recursive
// definition of Levenshtein distance over code points.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "graph/name_folding.hpp"

using namespace castgraph;

namespace {

// Levenshtein distance straight from its recursive definition, exponential time: the
// reference for short strings.
std::size_t slow_distance(const std::vector<char32_t>& a, std::size_t i,
                          const std::vector<char32_t>& b, std::size_t j) {
  if (i == a.size()) return b.size() - j;
  if (j == b.size()) return a.size() - i;
  if (a[i] == b[j]) return slow_distance(a, i + 1, b, j + 1);
  return 1 + std::min({slow_distance(a, i + 1, b, j), slow_distance(a, i, b, j + 1),
                       slow_distance(a, i + 1, b, j + 1)});
}

std::string utf8(const std::vector<char32_t>& points) {
  std::string text;
  for (char32_t c : points) {
    if (c < 0x80) {
      text += static_cast<char>(c);
    } else if (c < 0x800) {
      text += static_cast<char>(0xC0 | (c >> 6));
      text += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      text += static_cast<char>(0xE0 | (c >> 12));
      text += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      text += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return text;
}

}  // namespace

TEST_CASE("folding ignores case and full or half width") {
  CHECK(fold_name("Lady Gaga") == "lady gaga");
  CHECK(fold_name("LADY GAGA") == fold_name("lady gaga"));
  CHECK(fold_name("H11655") == "h11655");
  CHECK(fold_name("Ｈ１１６５５") == "h11655");           // full-width letters and digits
  CHECK(fold_name("Ｌａｄｙ　Ｇａｇａ") == "lady gaga");  // ideographic space too
  CHECK(fold_name("ｶﾀｶﾅ") == "カタカナ");                 // half-width katakana widen
  CHECK(fold_name("小米王老师") == "小米王老师");         // Chinese is unchanged
  CHECK(fold_name("Straße") == "strasse");                // full case folding
  CHECK(fold_name("zero\u200bwidth") == "zerowidth");     // default-ignorable dropped
}

TEST_CASE("folding keeps accents, and the accent-free fold drops them") {
  CHECK(fold_name("Beyoncé") != fold_name("Beyonce"));
  CHECK(fold_name_without_accents("Beyoncé") == "beyonce");
  CHECK(fold_name_without_accents("BEYONCE\u0301") == "beyonce");  // decomposed é
  CHECK(fold_name_without_accents("Zoë Ñúñez") == "zoe nunez");
  CHECK(fold_name_without_accents("小米王老师") == "小米王老师");
}

TEST_CASE("text that is not UTF-8 folds to itself") {
  const std::string bad = "\xC0\xAF name";
  CHECK(fold_name(bad) == bad);
  CHECK(fold_name_without_accents(bad) == bad);
}

TEST_CASE("edit distance counts code points, not bytes") {
  CHECK(edit_distance("小米王", "小米王老师") == 2);
  CHECK(edit_distance("reahc", "reach") == 2);
  CHECK(edit_distance("methd", "method") == 1);
  CHECK(edit_distance("", "张伟") == 2);
  CHECK(edit_distance("张伟", "张伟") == 0);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(code_points("a小\xFF").size() == 3);  // an ill-formed byte is one
}

TEST_CASE("edit distance agrees with the recursive definition on random short strings") {
  std::mt19937 random(21);
  const std::vector<char32_t> alphabet{U'a', U'b', U'c', U'小', U'米', U'é'};
  std::uniform_int_distribution<std::size_t> length(0, 6), letter(0, alphabet.size() - 1);
  for (int round = 0; round < 500; ++round) {
    std::vector<char32_t> a(length(random)), b(length(random));
    for (char32_t& c : a) c = alphabet[letter(random)];
    for (char32_t& c : b) c = alphabet[letter(random)];
    INFO(utf8(a) << " / " << utf8(b));
    REQUIRE(edit_distance(utf8(a), utf8(b)) == slow_distance(a, 0, b, 0));
  }
}
