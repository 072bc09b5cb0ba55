#include "cli/stored_sketches.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "graph/errors.hpp"

namespace castgraph::cli {

namespace {

constexpr std::string_view kPrefix = "sketches.hll.p";

[[noreturn]] void refuse(const std::filesystem::path& file, std::string_view section,
                         const std::string& problem) {
  throw DataError({file, 0, 0}, fmt::format("snapshot section '{}': {}", section, problem));
}

// The precision a section's name states ("sketches.hll.p14": 14). Its digits are
// checked before anything is computed from them: a shift by a negative or huge precision
// is undefined.
int stated_precision(const std::filesystem::path& file, std::string_view name) {
  const std::string_view digits = name.substr(kPrefix.size());
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

}  // namespace

SnapshotExtra sketch_section(const FanbaseSketches& sketches) {
  const auto registers = sketches.registers.span();
  return {fmt::format("{}{}", kPrefix, sketches.precision),
          1,
          {reinterpret_cast<const char*>(registers.data()), registers.size()}};
}

std::optional<FanbaseSketches> stored_sketches(const OpenedSnapshot& snapshot,
                                               const std::filesystem::path& file) {
  for (const auto& [name, extra] : snapshot.extras) {
    if (!name.starts_with(kPrefix)) continue;
    const int precision = stated_precision(file, name);
    const std::size_t expected = snapshot.network.fanbases.size() << precision;
    if (extra.size() != expected)
      refuse(file, name,
             fmt::format("holds {} bytes, expected {} (one sketch of 2^{} registers per fanbase)",
                         extra.size(), expected, precision));
    const std::span<const char> bytes = extra.bytes();  // checks the checksum
    FanbaseSketches sketches;
    sketches.precision = precision;
    sketches.registers = Column<std::uint8_t>::borrow(
        {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
    return sketches;
  }
  return std::nullopt;
}

void check_stored_sketches(const OpenedSnapshot& snapshot, const std::filesystem::path& file) {
  const std::optional<FanbaseSketches> sketches = stored_sketches(snapshot, file);
  if (!sketches) return;
  // A register holds the rank of a 64-bit hash's first one bit after the precision's
  // bits: at most 64 - p + 1.
  const int most = 64 - sketches->precision + 1;
  const auto registers = sketches->registers.span();
  const auto bad = std::ranges::find_if(registers, [most](std::uint8_t r) { return r > most; });
  if (bad != registers.end())
    refuse(file, fmt::format("{}{}", kPrefix, sketches->precision),
           fmt::format("register {} holds {}; at precision {} a register holds at most {}",
                       bad - registers.begin(), *bad, sketches->precision, most));
}

}  // namespace castgraph::cli
