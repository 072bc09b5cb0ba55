#include "loaders/host_list_file.hpp"

#include <optional>

#include "loaders/csv_reader.hpp"

namespace castgraph {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

[[noreturn]] void fail(const CsvReader& reader, const CsvRecord& record, std::uint64_t offset,
                       const std::string& why) {
  throw DataError(reader.locate(record, offset), why);
}

// The column of keys when the first record is a header (`id` before `name`).
std::optional<std::size_t> key_column(const CsvRecord& header) {
  for (std::string_view wanted : {"id", "name"})
    for (std::size_t i = 0; i < header.fields.size(); ++i)
      if (trimmed(header.fields[i]) == wanted) return i;
  return std::nullopt;
}

}  // namespace

std::vector<std::string> read_host_list_file(const std::filesystem::path& path) {
  CsvReader reader(path);
  CsvRecord record;
  std::vector<std::string> keys;
  std::optional<std::size_t> column;
  for (bool first = true; reader.next(record); first = false) {
    if (record.problem) fail(reader, record, record.problem->offset, record.problem->message);
    if (first && (column = key_column(record))) continue;
    if (!column) {
      // One key per line: a name may hold commas, so the whole line is the key unless
      // it is a single quoted field.
      const std::string_view key =
          trimmed(record.fields.size() == 1 ? record.fields.front() : reader.raw(record));
      if (!key.empty()) keys.emplace_back(key);
      continue;
    }
    if (record.fields.size() == 1 && trimmed(record.fields.front()).empty()) continue;
    if (*column >= record.fields.size())
      fail(reader, record, record.end,
           "this row has " + std::to_string(record.fields.size()) +
               " fields, but the hosts are in column " + std::to_string(*column + 1));
    const std::string_view key = trimmed(record.fields[*column]);
    if (key.empty()) fail(reader, record, record.offsets[*column], "empty host id or name");
    keys.emplace_back(key);
  }
  return keys;
}

}  // namespace castgraph
