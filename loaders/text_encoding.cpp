#include "loaders/text_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "graph/name_folding.hpp"  // code_points

namespace castgraph {
namespace {

// One iconv conversion descriptor, closed when done.
class Converter {
 public:
  Converter() : handle_(iconv_open("UTF-8", "GB18030")) {
    if (handle_ == reinterpret_cast<iconv_t>(-1))
      throw std::runtime_error(std::string("iconv cannot convert GB18030: ") +
                               std::strerror(errno));
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  ~Converter() { iconv_close(handle_); }

  // Converts `bytes` into `out`; returns how many input bytes converted cleanly (all of
  // them on success).
  std::size_t convert(std::string_view bytes, std::string& out) {
    char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write
    std::size_t in_left = bytes.size();
    char buffer[16384];
    while (in_left > 0) {
      char* to = buffer;
      std::size_t to_left = sizeof buffer;
      const std::size_t result = iconv(handle_, &in, &in_left, &to, &to_left);
      out.append(buffer, static_cast<std::size_t>(to - buffer));
      if (result == static_cast<std::size_t>(-1) && errno != E2BIG) break;  // EILSEQ, EINVAL
    }
    return bytes.size() - in_left;
  }

 private:
  iconv_t handle_;
};

std::string lowercase(std::string_view text) {
  std::string lower(text);
  std::ranges::transform(lower, lower.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return lower;
}

}  // namespace

TextEncoding parse_text_encoding(std::string_view name) {
  const std::string lower = lowercase(name);
  if (lower == "utf-8" || lower == "utf8") return TextEncoding::utf8;
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312") return TextEncoding::gb18030;
  throw UsageError({Parameter{"encoding"},
                    " must be utf-8 or gb18030 (gbk and gb2312 read "
                    "as gb18030), not '" +
                        std::string(name) + "'"});
}

std::string gb18030_to_utf8(std::string_view bytes, const std::filesystem::path& file) {
  std::string utf8;
  utf8.reserve(bytes.size() + bytes.size() / 2);
  Converter converter;
  const std::size_t good = converter.convert(bytes, utf8);
  if (good == bytes.size()) return utf8;
  // The output so far ends where the bad bytes start: count its lines and characters.
  const std::size_t line_start = utf8.rfind('\n') + 1;  // npos + 1 == 0
  const std::size_t line = static_cast<std::size_t>(std::ranges::count(utf8, '\n')) + 1;
  const std::size_t column = code_points(std::string_view(utf8).substr(line_start)).size() + 1;
  throw DataError({file, line, column},
                  fmt::format("byte 0x{:02x} does not read as GB18030 (the encoding asked for); "
                              "is the file in another encoding?",
                              static_cast<unsigned char>(bytes[good])));
}

bool reads_as_gb18030(std::string_view bytes) {
  if (std::ranges::all_of(bytes, [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return false;
  std::string ignored;
  return Converter().convert(bytes, ignored) == bytes.size();
}

}  // namespace castgraph
