// Text from a dataset (names, ids, provinces, the cells of a file quoted in an error) is
// printed to a terminal, which obeys control characters: an ESC sequence in a host's name
// could recolour, move the cursor or retitle the window, a newline or carriage return
// could forge a line of output, and a bidirectional override could reorder what follows.
// So every text castgraph prints for a person passes through terminal_safe first, which
// shows such characters escaped, as JSON output already does. Machine formats (JSON,
// CSV) keep their own quoting rules and do not use it.
#pragma once

#include <string>
#include <string_view>

namespace castgraph::cli {

// `text` with each control character shown as an escape: \n, \r, \t, \e (ESC), \xHH for
// the other C0 controls and DEL, \u0085 style for C1 controls and the bidirectional
// formatting characters (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), and \xHH for
// each byte that is not valid UTF-8. Everything else, CJK included, is kept as it is; a
// backslash is kept too, so a name is shown as it reads. O(bytes).
std::string terminal_safe(std::string_view text);

// terminal_safe, but each '\n' kept: for messages of several lines whose line breaks
// are castgraph's own. The text inserted into them must still be escaped with
// terminal_safe where it is built, or a newline in it would pass.
std::string terminal_safe_lines(std::string_view text);

}  // namespace castgraph::cli
