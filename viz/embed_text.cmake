# Writes a C++ header that holds text files as string constants, so that the report's
# CSS and JavaScript are edited as the files they are (viz/report.css, viz/report.js)
# and still compiled into castgraph, which must write a self-contained page.
#   cmake -DOUTPUT=header.hpp -DNAMES="kA;kB" -DFILES="a.css;b.js" -P embed_text.cmake
# Each constant is "\n" followed by the file's bytes, as a raw string literal.
set(delimiter "castgraph_embed")
set(text "// Generated from ${FILES} by viz/embed_text.cmake: edit those files, not this one.\n")
string(APPEND text "#pragma once\n\n#include <string_view>\n\nnamespace castgraph::viz {\n")
list(LENGTH NAMES count)
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  list(GET NAMES ${i} name)
  list(GET FILES ${i} file)
  file(READ "${file}" content)
  string(FIND "${content}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw string delimiter )${delimiter}\"")
  endif()
  string(APPEND text "\ninline constexpr std::string_view ${name} = R\"${delimiter}(\n${content})${delimiter}\";\n")
endforeach()
string(APPEND text "\n}  // namespace castgraph::viz\n")
# Rewritten only when it changes, so an unchanged asset rebuilds nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
endif()
if(NOT "${previous}" STREQUAL "${text}")
  file(WRITE "${OUTPUT}" "${text}")
endif()
