#include "cli/stored_sketches.hpp"

#include <fmt/format.h>

#include "graph/errors.hpp"

namespace castgraph::cli {

namespace {
constexpr std::string_view kPrefix = "sketches.hll.p";
}

SnapshotExtra sketch_section(const FanbaseSketches& sketches) {
  const auto registers = sketches.registers.span();
  return {fmt::format("{}{}", kPrefix, sketches.precision),
          1,
          {reinterpret_cast<const char*>(registers.data()), registers.size()}};
}

std::optional<FanbaseSketches> stored_sketches(const OpenedSnapshot& snapshot) {
  for (const auto& [name, extra] : snapshot.extras) {
    if (!name.starts_with(kPrefix)) continue;
    const int precision = std::atoi(name.c_str() + kPrefix.size());
    const std::size_t expected = snapshot.network.fanbases.size() << precision;
    if (precision < kMinHllPrecision || precision > kMaxHllPrecision || extra.size() != expected)
      throw DataError({}, fmt::format("snapshot section {} holds {} bytes, expected {}", name,
                                      extra.size(), expected));
    const std::span<const char> bytes = extra.bytes();  // checks the checksum
    FanbaseSketches sketches;
    sketches.precision = precision;
    sketches.registers = Column<std::uint8_t>::borrow(
        {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
    return sketches;
  }
  return std::nullopt;
}

}  // namespace castgraph::cli
