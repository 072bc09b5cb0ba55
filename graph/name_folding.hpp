// How names compare when a person types them: the same name in another case or width
// (Ｈ１１６５５, h11655), or without its accents (Beyonce for Beyoncé), and how far apart
// two names are when they differ. The Unicode work is utf8proc's (NFKC, case folding,
// mark stripping), not hand-written tables.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace castgraph {

// `text` under Unicode NFKC case folding (NFKC_Casefold, less default-ignorable code
// points): case and full/half width no longer matter, "Ｌａｄｙ　Ｇａｇａ" folds as
// "lady gaga". Text that is not valid UTF-8 comes back unchanged. O(text).
std::string fold_name(std::string_view text);

// fold_name with the combining marks dropped after compatibility decomposition, so
// "Beyoncé" and "Beyonce" fold alike. Coarser than fold_name: a match it finds should
// be taken only when it is the only one. O(text).
std::string fold_name_without_accents(std::string_view text);

// The code points of UTF-8 `text`; an ill-formed byte counts as one code point of its
// own, so that any input can be measured. O(text).
std::vector<char32_t> code_points(std::string_view text);

// Levenshtein distance between `a` and `b` counted in code points (insert, delete or
// substitute one code point costs 1): 小米王 to 小米王老师 is 2, not the 6 bytes apart.
// O(|a| |b|) time, O(|b|) memory (Wagner and Fischer, JACM 1974).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace castgraph
