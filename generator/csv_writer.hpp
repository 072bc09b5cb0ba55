// A streaming CSV writer (RFC 4180: a field containing a comma, a double quote, CR or LF
// is quoted and its quotes doubled; rows end in LF). Rows are formatted into a large
// buffer and written in 1 MiB chunks, so millions of rows a second cost little.
// The file is written as NAME.tmp and renamed to NAME by commit(): a run that is killed
// or fails never leaves a half-written file under the final name.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace castgraph::generator {

// True when `field` must be quoted under RFC 4180.
bool needs_quoting(std::string_view field);
// `field` as it appears in a CSV row: quoted and with quotes doubled when needed.
std::string csv_field(std::string_view field);

class CsvWriter {
 public:
  // Opens final_path + ".tmp" for writing; throws IoError.
  explicit CsvWriter(std::filesystem::path final_path);
  ~CsvWriter();  // without commit(): closes and removes the .tmp file
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  CsvWriter& field(std::string_view text);
  CsvWriter& field(std::uint64_t value);
  void end_row();

  // Fast path for pre-formatted rows: append bytes (no quoting), then end_raw_row().
  void raw(std::string_view bytes) { buffer_.append(bytes); }
  void raw(std::uint64_t value) {
    char digits[20];
    auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    buffer_.append(digits, end);
  }
  void end_raw_row() {
    if (buffer_.size() >= kChunk) flush();
  }

  // Flushes, closes and renames NAME.tmp to NAME; throws IoError.
  void commit();
  const std::filesystem::path& path() const { return final_path_; }

 private:
  static constexpr std::size_t kChunk = 1 << 20;
  void flush();
  std::filesystem::path final_path_;
  std::filesystem::path temp_path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  bool row_started_ = false;
};

}  // namespace castgraph::generator
