// CSV files that are not UTF-8: Excel on Chinese Windows saves "CSV" in GB18030 (GBK, its
// two-byte subset, for most text). castgraph reads UTF-8; a GB18030 file is converted
// while loading when asked, and recognised in the error when not. The conversion is
// glibc's iconv, not a table of our own.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "graph/errors.hpp"

namespace castgraph {

enum class TextEncoding { utf8, gb18030 };

// "utf-8" (or "utf8"), "gb18030", "gbk" or "gb2312" (the last two read as GB18030, which
// contains them), in any case. Throws UsageError naming the parameter "encoding" otherwise.
TextEncoding parse_text_encoding(std::string_view name);

// `bytes` read as GB18030, as UTF-8. Throws DataError at file:line:column (columns in
// characters) of the first byte sequence GB18030 does not define. O(bytes).
std::string gb18030_to_utf8(std::string_view bytes, const std::filesystem::path& file);

// True when `bytes` hold some non-ASCII text and all of it decodes as GB18030: what a
// file that is not UTF-8 most likely is, here. O(bytes).
bool reads_as_gb18030(std::string_view bytes);

// A file that is not UTF-8 but reads in `encoding()` ("gb18030"): bad data like any
// other, with the encoding that would read it, for the front end to suggest.
class WrongEncodingError : public DataError {
 public:
  WrongEncodingError(SourceLocation where, const std::string& what, std::string encoding)
      : DataError(std::move(where), what), encoding_(std::move(encoding)) {}
  const std::string& encoding() const { return encoding_; }

 private:
  std::string encoding_;
};

}  // namespace castgraph
