#include "cli/table_workbook.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include "graph/errors.hpp"
#include "loaders/atomic_file.hpp"

namespace castgraph::cli {
namespace {

// Excel's limit on a sheet name, in characters.
constexpr std::size_t kMaxSheetName = 31;
// Excel's limit on the characters of one cell; a longer text is cut there and marked.
constexpr std::size_t kMaxCellText = 32'767;
// A column wider than this many characters is cut on screen; the cell keeps its text.
constexpr double kMaxColumnWidth = 60;

// A scratch file of our own for libxlsxwriter, which writes only to a named file;
// removed however the write ends.
class ScratchFile {
 public:
  ScratchFile() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "castgraph-xlsx-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
      throw IoError(fmt::format("cannot create a scratch file in {}: {}",
                                std::filesystem::temp_directory_path().string(),
                                std::strerror(errno)));
    ::close(fd);
    path_ = pattern;
  }
  ~ScratchFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The one owner of an lxw_workbook: closing writes and frees it; a workbook dropped on an
// error is closed too, as libxlsxwriter has no other way to free it.
class WorkbookOwner {
 public:
  explicit WorkbookOwner(const std::filesystem::path& path)
      : workbook_(workbook_new(path.c_str())) {
    if (!workbook_) throw IoError("libxlsxwriter could not start a workbook for " + path.string());
  }
  ~WorkbookOwner() {
    if (workbook_) workbook_close(std::exchange(workbook_, nullptr));
  }
  WorkbookOwner(const WorkbookOwner&) = delete;
  WorkbookOwner& operator=(const WorkbookOwner&) = delete;
  lxw_workbook* c_struct() const { return workbook_; }
  void close() {
    const lxw_error error = workbook_close(std::exchange(workbook_, nullptr));
    if (error != LXW_NO_ERROR)
      throw IoError(fmt::format("could not write the workbook: {}", lxw_strerror(error)));
  }

 private:
  lxw_workbook* workbook_;
};

void check(lxw_error error, const std::string& sheet) {
  if (error != LXW_NO_ERROR)
    throw IoError(fmt::format("could not write sheet '{}': {}", sheet, lxw_strerror(error)));
}

// Formats by Excel format code, made once per workbook as libxlsxwriter wants.
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {
    header_ = workbook_add_format(workbook_);
    format_set_bold(header_);
  }
  lxw_format* header() const { return header_; }
  lxw_format* number(const std::string& code) {
    auto [it, added] = numbers_.try_emplace(code, nullptr);
    if (added) {
      it->second = workbook_add_format(workbook_);
      format_set_num_format(it->second, code.c_str());
    }
    return it->second;
  }

 private:
  lxw_workbook* workbook_;
  lxw_format* header_;
  std::map<std::string, lxw_format*> numbers_;
};

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count_if(
      text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// `text` cut to at most `most` code points, never inside a UTF-8 sequence.
std::string cut(std::string text, std::size_t most) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++points > most)
      return text.substr(0, i);
  return text;
}

std::string fit_cell(const std::string& text) {
  return code_points(text) <= kMaxCellText ? text : cut(text, kMaxCellText - 1) + "…";
}

void write_sheet(lxw_workbook* workbook, Formats& formats, const std::string& name,
                 const Table& table) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  if (!sheet) throw IoError(fmt::format("libxlsxwriter refused the sheet name '{}'", name));
  const std::vector<std::size_t> columns = table.data_columns();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto col = static_cast<lxw_col_t>(i);
    const std::string& header = table.headers()[columns[i]];
    check(worksheet_write_string(sheet, 0, col, header.c_str(), formats.header()), name);
    std::size_t width = display_width(header);
    for (std::size_t r = 0; r < table.rows().size(); ++r) {
      const Cell& cell = table.rows()[r][columns[i]];
      const auto row = static_cast<lxw_row_t>(r + 1);
      if (cell.number)
        check(worksheet_write_number(sheet, row, col, *cell.number,
                                     formats.number(cell.number_format)),
              name);
      else if (!cell.plain.empty())
        check(worksheet_write_string(sheet, row, col, fit_cell(cell.plain).c_str(), nullptr), name);
      width = std::max(width, display_width(cell.text));
    }
    check(worksheet_set_column(sheet, col, col,
                               std::min(kMaxColumnWidth, static_cast<double>(width) + 2), nullptr),
          name);
  }
  worksheet_freeze_panes(sheet, 1, 0);  // the header row stays in view when scrolling
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) throw IoError("could not read back the workbook from " + path.string());
  return std::move(bytes).str();
}

}  // namespace

std::string sheet_name(const std::string& name, std::vector<std::string>& taken) {
  std::string base;
  for (char c : name) base += std::strchr("[]:*?/\\", c) && c ? '_' : c;
  // Excel also refuses a name that starts or ends with an apostrophe, or is empty.
  if (!base.empty() && base.front() == '\'') base.front() = '_';
  if (!base.empty() && base.back() == '\'') base.back() = '_';
  if (base.empty()) base = "sheet";
  std::string candidate = cut(base, kMaxSheetName);
  for (int n = 2; std::ranges::find(taken, candidate) != taken.end(); ++n) {
    const std::string suffix = fmt::format(" ({})", n);
    candidate = cut(base, kMaxSheetName - code_points(suffix)) + suffix;
  }
  taken.push_back(candidate);
  return candidate;
}

void write_workbook(const std::filesystem::path& target, const std::vector<Sheet>& sheets) {
  const ScratchFile scratch;
  {
    WorkbookOwner workbook(scratch.path());
    Formats formats(workbook.c_struct());
    std::vector<std::string> taken;
    for (const Sheet& sheet : sheets)
      write_sheet(workbook.c_struct(), formats, sheet_name(sheet.name, taken), *sheet.table);
    workbook.close();
  }
  const std::string bytes = read_bytes(scratch.path());
  write_file_atomically(target, [&](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
}

}  // namespace castgraph::cli
