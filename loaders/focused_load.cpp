#include "loaders/focused_load.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "graph/value_rules.hpp"
#include "loaders/csv_split.hpp"
#include "loaders/dataset_loading.hpp"
#include "loaders/load_batches.hpp"

namespace castgraph {
namespace {

using namespace dataset_loading;

// One thread's byte range of follows.csv: records beginning in [begin, end), the first on
// line `line` (CsvReader::read_range).
struct Range {
  std::uint64_t begin = 0, end = 0;
  std::size_t line = 1;
};

// What a thread found in its range. `failure` is the first error in it (strict: the
// first bad row), to be rethrown only if no earlier range has one.
struct RangeScan {
  std::vector<Reject> rejects;
  DatasetFile::Tally tally;
  std::uint64_t good_rows = 0, kept_rows = 0;
  std::exception_ptr failure;
};

// Two ranges cut near the middle of the content, at a record boundary: the quoting state
// there is the first half's, read from the start of the content (csv_split.hpp).
std::vector<Range> split_in_two(std::string_view bytes, std::uint64_t content_begin) {
  const std::uint64_t middle = content_begin + (bytes.size() - content_begin) / 2;
  const CsvState state =
      csv_state_after(bytes.substr(content_begin, middle - content_begin), kRecordStart);
  const std::uint64_t cut = next_record_start(bytes, middle, state);
  const std::size_t line = 1 + count_line_ends(bytes, content_begin, cut);
  return {{content_begin, cut, 1}, {cut, bytes.size(), line}};
}

// The ranges to read follows.csv in: one per thread. A GB18030 file is converted whole by
// each reader, so it is read in one range.
std::vector<Range> follows_ranges(Loading& loading, bool threaded) {
  std::vector<Reject> unused;
  const DatasetFile whole(loading.directory, "follows.csv", loading.options, unused);
  const std::uint64_t size = whole.bytes().size();
  if (!threaded || loading.options.encoding != TextEncoding::utf8)
    return {{whole.content_begin(), size, 1}};
  return split_in_two(whole.bytes(), whole.content_begin());
}

// Checks every row of `range` (follow_row_fanbase, as load_follows does) and adds the
// kept ones to the builder in batches, under `builder_lock` (the other thread looks up
// hosts meanwhile, which NetworkBuilder allows). Stops early when `stop` is set: an
// earlier range failed, and its error is the one to report.
void scan_range(Loading& loading, const LoadOptions& options, const Range& range,
                const std::vector<bool>& kept, std::mutex& builder_lock,
                const std::atomic<bool>& stop, RangeScan& out) {
  try {
    DatasetFile file(loading.directory, "follows.csv", options, out.rejects);
    const FollowColumns columns = FollowColumns::of(file);
    file.read_range(range.begin, range.line, range.end);
    RecentFanbase recent;
    FollowBatch batch;
    // Their limits cannot be passed (totals_within_limits checks it for every row).
    CountTotal people, follow_weights;
    auto flush = [&] {
      std::lock_guard lock(builder_lock);
      batch.flush(loading.builder, file, people, follow_weights);
    };
    while (file.next()) {
      const auto fanbase = follow_row_fanbase(loading, file, columns, recent);
      if (!fanbase) continue;
      ++out.good_rows;
      if (!kept[*fanbase]) continue;
      ++out.kept_rows;
      batch.add(file, columns.fan, *fanbase, false);
      if (batch.full()) {
        flush();
        if (stop.load(std::memory_order_relaxed)) return;
      }
    }
    flush();
    out.tally = file.tally();
  } catch (...) {
    out.failure = std::current_exception();
  }
}

// Whether the totals load_dataset checks on follows.csv rows (1 for each fan met there
// first, added to the fans' weights; each row's fan's weight, to the follows' total) stay
// within their limit whatever the rows not kept hold: at most one new fan per row, and no
// fan weighs more than all the fans' weights together.
bool totals_within_limits(const Loading& loading, std::uint64_t rows) {
  using Wide = unsigned __int128;
  const Wide fan_weights = loading.fan_weights.value();
  const Wide heaviest = std::max<Wide>(fan_weights, 1);
  return fan_weights + rows <= kMaxCount && heaviest * rows <= kMaxCount;
}

// Reads follows.csv in ranges; fills `focused` and the rejects, or throws the first error
// in file order (unless totals_within_limits is false).
void load_kept_follows(Loading& loading, const std::vector<bool>& kept, FocusedLoad& focused) {
  if (!DatasetFile::exists(loading.directory, "follows.csv")) return;
  const std::vector<Range> ranges = follows_ranges(loading, loading.threaded());
  std::vector<RangeScan> scans(ranges.size());
  std::mutex builder_lock;
  std::atomic<bool> stop = false;
  LoadOptions quiet = loading.options;  // one thread reports progress
  quiet.progress = nullptr;
  {
    std::vector<std::jthread> threads;
    for (std::size_t r = 1; r < ranges.size(); ++r)
      threads.emplace_back(
          [&, r] { scan_range(loading, quiet, ranges[r], kept, builder_lock, stop, scans[r]); });
    scan_range(loading, loading.options, ranges[0], kept, builder_lock, stop, scans[0]);
    if (scans[0].failure) stop = true;
  }
  std::vector<DatasetFile::Tally> tallies;
  for (RangeScan& scan : scans) {
    loading.follow_rows += scan.good_rows;
    focused.kept_follow_rows += scan.kept_rows;
    tallies.push_back(scan.tally);
  }
  focused.totals_within_limits = totals_within_limits(loading, loading.follow_rows);
  if (!focused.totals_within_limits) return;
  for (RangeScan& scan : scans)
    if (scan.failure) std::rethrow_exception(scan.failure);
  for (RangeScan& scan : scans)
    std::move(scan.rejects.begin(), scan.rejects.end(), std::back_inserter(loading.rejects));
  DatasetFile::check_rejected_share(tallies, loading.options, "follows.csv");
}

}  // namespace

Network load_catalogue_only(const std::filesystem::path& directory, const LoadOptions& options) {
  Loading loading{directory, options, {}, {}, 0, {}, {}, {}, {}, {}};
  load_catalogue(loading);
  return std::move(loading.builder).finish();
}

FocusedLoad load_focused(const std::filesystem::path& directory, const LoadOptions& options,
                         const std::vector<bool>& kept) {
  Loading loading{directory, options, {}, {}, 0, {}, {}, {}, {}, {}};
  load_catalogue(loading);
  load_fans(loading);
  FocusedLoad focused;
  load_kept_follows(loading, kept, focused);
  if (!focused.totals_within_limits) return focused;
  load_collabs(loading);
  if (options.progress) options.progress({"building the network", 0, 0, 0});
  focused.loaded.network = std::move(loading.builder).finish();
  focused.loaded.rejects = std::move(loading.rejects);
  focused.loaded.follow_rows = loading.follow_rows;
  focused.most_fans =
      focused.loaded.network.fans.size() + (loading.follow_rows - focused.kept_follow_rows);
  return focused;
}

}  // namespace castgraph
