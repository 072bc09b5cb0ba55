// CsvWriter: buffered stdio writes, RFC 4180 quoting, write-to-temp-then-rename.
#include "generator/csv_writer.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

#include "graph/errors.hpp"

namespace castgraph::generator {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path, int error) {
  throw IoError(what + " " + path.string() + ": " + std::strerror(error));
}

}  // namespace

bool needs_quoting(std::string_view field) {
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

std::string csv_field(std::string_view field) {
  if (!needs_quoting(field)) return std::string{field};
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

CsvWriter::CsvWriter(std::filesystem::path final_path)
    : final_path_(std::move(final_path)), temp_path_(final_path_.string() + ".tmp") {
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (file_ == nullptr) fail("cannot create", temp_path_, errno);
  buffer_.reserve(kChunk + 4096);
}

CsvWriter::~CsvWriter() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::error_code ignored;
    std::filesystem::remove(temp_path_, ignored);
  }
}

CsvWriter& CsvWriter::field(std::string_view text) {
  if (row_started_) buffer_ += ',';
  row_started_ = true;
  if (needs_quoting(text))
    buffer_ += csv_field(text);
  else
    buffer_.append(text);
  return *this;
}

CsvWriter& CsvWriter::field(std::uint64_t value) {
  if (row_started_) buffer_ += ',';
  row_started_ = true;
  raw(value);
  return *this;
}

void CsvWriter::end_row() {
  buffer_ += '\n';
  row_started_ = false;
  if (buffer_.size() >= kChunk) flush();
}

void CsvWriter::flush() {
  if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
    fail("cannot write", temp_path_, errno);
  buffer_.clear();
}

void CsvWriter::commit() {
  flush();
  std::FILE* file = std::exchange(file_, nullptr);
  if (std::fflush(file) != 0 || std::ferror(file)) {
    const int error = errno;
    std::fclose(file);
    std::error_code ignored;
    std::filesystem::remove(temp_path_, ignored);
    fail("cannot write", temp_path_, error);
  }
  if (std::fclose(file) != 0) fail("cannot close", temp_path_, errno);
  std::error_code error;
  std::filesystem::rename(temp_path_, final_path_, error);
  if (error) throw IoError("cannot rename " + temp_path_.string() + ": " + error.message());
}

}  // namespace castgraph::generator
