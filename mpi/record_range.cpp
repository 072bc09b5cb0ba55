#include "mpi/record_range.hpp"

#include "loaders/csv_split.hpp"

namespace castgraph::mpi {

RecordRange record_range(World& world, std::string_view file, std::uint64_t content_begin) {
  const std::uint64_t content = file.size() - content_begin;
  const auto ranks = static_cast<std::uint64_t>(world.size());
  const auto rank = static_cast<std::uint64_t>(world.rank());
  // unsigned __int128: content × ranks may pass 2^64 for a file of exabytes, not before.
  auto cut = [&](std::uint64_t r) {
    return content_begin +
           static_cast<std::uint64_t>(static_cast<unsigned __int128>(content) * r / ranks);
  };
  const std::uint64_t nominal_begin = cut(rank), nominal_end = cut(rank + 1);
  const std::string_view mine = file.substr(nominal_begin, nominal_end - nominal_begin);

  // The state at the start of my bytes: the earlier ranks' maps applied in turn.
  const CsvStateMap map = csv_state_map(mine);
  const auto maps = world.gather_all(std::vector<std::uint64_t>(map.begin(), map.end()));
  CsvState state = kRecordStart;
  for (std::uint64_t r = 0; r < rank; ++r)
    state = static_cast<CsvState>(maps[r * kCsvStates + state]);

  RecordRange range;
  range.begin = next_record_start(file, nominal_begin, state);
  const std::uint64_t lines_before =
      world.sum_before(count_line_ends(file, nominal_begin, nominal_end));
  range.line = 1 + lines_before + count_line_ends(file, nominal_begin, range.begin);
  const auto begins = world.gather_all(std::vector<std::uint64_t>{range.begin});
  range.end = rank + 1 < ranks ? begins[rank + 1] : file.size();
  return range;
}

}  // namespace castgraph::mpi
