#include "cli/stored_sketches.hpp"

#include <fmt/format.h>

#include <charconv>

#include "graph/errors.hpp"

namespace castgraph::cli {

namespace {

constexpr std::string_view kPrefix = "sketches.hll.p";
// The parts of one set of sketches, after "sketches.hll.p<precision>".
constexpr std::string_view kDenseSlot = ".dense_slot";
constexpr std::string_view kDense = ".dense";
constexpr std::string_view kSparseOffsets = ".sparse_offsets";
constexpr std::string_view kSparse = ".sparse";

[[noreturn]] void refuse(const std::filesystem::path& file, std::string_view section,
                         const std::string& problem) {
  throw DataError({file, 0, 0}, fmt::format("snapshot section '{}': {}", section, problem));
}

// The precision a section's name states ("sketches.hll.p14.dense": 14). Its digits are
// checked before anything is computed from them: a shift by a negative or huge precision
// is undefined.
int stated_precision(const std::filesystem::path& file, std::string_view name) {
  const std::string_view rest = name.substr(kPrefix.size());
  const std::string_view digits = rest.substr(0, rest.find('.'));
  int precision = 0;
  const auto [end, status] =
      std::from_chars(digits.data(), digits.data() + digits.size(), precision);
  const bool whole = !digits.empty() && status == std::errc{} &&
                     end == digits.data() + digits.size() && digits[0] != '-';
  if (!whole || precision < kMinHllPrecision || precision > kMaxHllPrecision)
    refuse(file, name,
           fmt::format("a sketch precision must be a whole number from {} to {}, found '{}'",
                       kMinHllPrecision, kMaxHllPrecision, digits));
  return precision;
}

template <class T>
SnapshotExtra section_of(std::string name, const Column<T>& values) {
  const auto bytes = std::as_bytes(values.span());
  return {std::move(name), sizeof(T), {reinterpret_cast<const char*>(bytes.data()), bytes.size()}};
}

// Part `part` of the sketches at `precision`, borrowed with a guard that checks each
// chunk as it is read.
template <class T>
Column<T> borrow_part(const OpenedSnapshot& snapshot, const std::filesystem::path& file,
                      int precision, std::string_view part) {
  const std::string name = fmt::format("{}{}{}", kPrefix, precision, part);
  const auto found = snapshot.extras.find(name);
  if (found == snapshot.extras.end())
    refuse(file, name, "is missing (a set of stored sketches has four parts)");
  const OpenedExtra& extra = found->second;
  if (extra.size() % sizeof(T) != 0)
    refuse(file, name,
           fmt::format("holds {} bytes, not a whole number of {}-byte elements", extra.size(),
                       sizeof(T)));
  // Sections start on 64-byte boundaries of a page-aligned mapping: aligned for T.
  const std::span<const char> bytes = extra.unchecked_bytes();
  return Column<T>::borrow({reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T)},
                           extra.guard(sizeof(T)));
}

}  // namespace

std::vector<SnapshotExtra> sketch_sections(const FanbaseSketches& sketches) {
  const std::string stem = fmt::format("{}{}", kPrefix, sketches.precision);
  return {section_of(stem + std::string(kDenseSlot), sketches.dense_slot),
          section_of(stem + std::string(kDense), sketches.dense_registers),
          section_of(stem + std::string(kSparseOffsets), sketches.sparse_offsets),
          section_of(stem + std::string(kSparse), sketches.sparse_entries)};
}

std::optional<FanbaseSketches> stored_sketches(const OpenedSnapshot& snapshot,
                                               const std::filesystem::path& file) {
  for (const auto& [name, extra] : snapshot.extras) {
    if (!name.starts_with(kPrefix)) continue;
    FanbaseSketches sketches;
    sketches.precision = stated_precision(file, name);
    sketches.dense_slot =
        borrow_part<std::uint32_t>(snapshot, file, sketches.precision, kDenseSlot);
    sketches.dense_registers =
        borrow_part<std::uint8_t>(snapshot, file, sketches.precision, kDense);
    sketches.sparse_offsets =
        borrow_part<std::uint64_t>(snapshot, file, sketches.precision, kSparseOffsets);
    sketches.sparse_entries =
        borrow_part<std::uint32_t>(snapshot, file, sketches.precision, kSparse);
    if (auto problem = sketch_layout_problem(sketches, snapshot.network.fanbases.size()))
      refuse(file, fmt::format("{}{}", kPrefix, sketches.precision), *problem);
    return sketches;
  }
  return std::nullopt;
}

void check_stored_sketches(const OpenedSnapshot& snapshot, const std::filesystem::path& file) {
  for (const auto& [name, extra] : snapshot.extras)
    if (name.starts_with(kPrefix)) stated_precision(file, name);  // every set, not the first
  const std::optional<FanbaseSketches> sketches = stored_sketches(snapshot, file);
  if (!sketches) return;
  if (auto problem = sketch_value_problem(*sketches))
    refuse(file, fmt::format("{}{}", kPrefix, sketches->precision), *problem);
}

}  // namespace castgraph::cli
