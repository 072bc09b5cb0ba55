#include "loaders/focused_load.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "graph/seen_ids.hpp"
#include "graph/value_rules.hpp"
#include "loaders/batch_pipeline.hpp"
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
  // Bytes and rows of the range read so far, for the first range's progress line.
  std::atomic<std::uint64_t> bytes_read = 0, rows_read = 0;
};

// The progress of the whole of follows.csv, reported from the first range's thread: its
// own bytes and rows plus those the other ranges' threads have read so far.
LoadOptions whole_file_progress(const LoadOptions& options, std::span<const RangeScan> others) {
  LoadOptions reporting = options;
  if (!options.progress) return reporting;
  reporting.progress = [report = options.progress, others](const LoadProgress& first) {
    LoadProgress whole = first;
    for (const RangeScan& other : others) {
      whole.bytes += other.bytes_read.load(std::memory_order_relaxed);
      whole.rows += other.rows_read.load(std::memory_order_relaxed);
    }
    report(whole);
  };
  return reporting;
}

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

// About how many rows the content holds, from the line ends of its first megabyte.
std::uint64_t estimated_rows(std::string_view bytes, std::uint64_t content_begin) {
  constexpr std::uint64_t kSample = 1 << 20;
  const std::uint64_t content = bytes.size() - content_begin;
  const std::uint64_t sample = std::min(kSample, content);
  if (sample == 0) return 0;
  const std::uint64_t lines = count_line_ends(bytes, content_begin, content_begin + sample);
  return (lines + 1) * (content / sample) + lines;
}

// The ranges to read follows.csv in: one per thread. A GB18030 file is converted whole by
// each reader, so it is read in one range. Tells the builder how many fans to expect: at
// most one per row, met in the file's order, which is not the order of their numbers.
std::vector<Range> follows_ranges(Loading& loading, bool threaded) {
  std::vector<Reject> unused;
  const DatasetFile whole(loading.directory, "follows.csv", loading.options, unused);
  const std::uint64_t size = whole.bytes().size();
  loading.builder.expect_fans(estimated_rows(whole.bytes(), whole.content_begin()));
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
        out.bytes_read.store(file.position() - range.begin, std::memory_order_relaxed);
        out.rows_read.store(file.tally().rows, std::memory_order_relaxed);
        if (stop.load(std::memory_order_relaxed)) return;
      }
    }
    flush();
    out.tally = file.tally();
    out.bytes_read.store(range.end - range.begin, std::memory_order_relaxed);
    out.rows_read.store(out.tally.rows, std::memory_order_relaxed);
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

// What reading follows.csv found, kept until fans.csv is read: its errors and rejects
// come after fans.csv's, as in load_dataset, which reads fans.csv first.
struct FollowsScan {
  std::vector<RangeScan> ranges;
};

// Reads follows.csv in ranges, one thread each, building the kept rows' follows; never
// throws for a row (finish_follows does, once fans.csv is read).
FollowsScan scan_follows(Loading& loading, const std::vector<bool>& kept, FocusedLoad& focused) {
  FollowsScan scan;
  if (!DatasetFile::exists(loading.directory, "follows.csv")) return scan;
  const std::vector<Range> ranges = follows_ranges(loading, loading.threaded());
  scan.ranges = std::vector<RangeScan>(ranges.size());
  std::vector<RangeScan>& scans = scan.ranges;
  std::mutex builder_lock;
  std::atomic<bool> stop = false;
  LoadOptions quiet = loading.options;  // one thread reports progress, for all
  quiet.progress = nullptr;
  const LoadOptions reporting = whole_file_progress(loading.options, std::span(scans).subspan(1));
  {
    std::vector<std::jthread> threads;
    for (std::size_t r = 1; r < ranges.size(); ++r)
      threads.emplace_back(
          [&, r] { scan_range(loading, quiet, ranges[r], kept, builder_lock, stop, scans[r]); });
    scan_range(loading, reporting, ranges[0], kept, builder_lock, stop, scans[0]);
    if (scans[0].failure) stop = true;
  }
  // The first range's last report left the others out where they had not finished: the
  // whole file, once every range has.
  if (loading.options.progress && !stop) {
    LoadProgress whole{"follows.csv", ranges.front().begin, ranges.back().end, 0};
    for (const RangeScan& range : scans) {
      whole.bytes += range.bytes_read.load(std::memory_order_relaxed);
      whole.rows += range.rows_read.load(std::memory_order_relaxed);
    }
    loading.options.progress(whole);
  }
  for (RangeScan& range : scans) {
    loading.follow_rows += range.good_rows;
    focused.kept_follow_rows += range.kept_rows;
  }
  return scan;
}

// Throws the first error of follows.csv in file order, or adds its rejects (in file
// order, after fans.csv's) and checks its rejected share.
void finish_follows(Loading& loading, FollowsScan& scan) {
  if (scan.ranges.empty()) return;
  for (RangeScan& range : scan.ranges)
    if (range.failure) std::rethrow_exception(range.failure);
  std::vector<DatasetFile::Tally> tallies;
  for (RangeScan& range : scan.ranges) {
    std::move(range.rejects.begin(), range.rejects.end(), std::back_inserter(loading.rejects));
    tallies.push_back(range.tally);
  }
  DatasetFile::check_rejected_share(tallies, loading.options, "follows.csv");
}

// fans.csv, read after follows.csv: every row checked as load_fans checks it (the same
// rejects at the same places, repeated ids included, and the same running total of the
// fans' weights), but only the fans the kept follows met get their weight and place.
// The others are remembered only as ids met (SeenIds), to find repeats.
struct DeclaredFans {
  std::uint64_t all = 0, reached = 0;  // distinct fans of fans.csv; those of them reached
};
DeclaredFans load_reached_fans(Loading& loading) {
  DeclaredFans declared;
  if (!DatasetFile::exists(loading.directory, "fans.csv")) return declared;
  DatasetFile file = loading.open("fans.csv");
  const FanColumns columns = FanColumns::of(file);
  SeenIds seen;
  KeptTexts ids;  // the texts SeenIds keeps: views into the mapped file, or copies
  BatchPipeline<ReachedFanBatch> pipeline(
      [&](ReachedFanBatch& batch) { declared.reached += batch.flush(loading.builder); },
      loading.threaded());
  while (file.next()) {
    const auto weight = fan_row_weight(file, columns);
    if (!weight) continue;
    const std::string_view id = ids.keep(file, columns.id);
    const DatasetFile::RowPlace place = file.place(columns.id);
    if (!seen.insert(id)) {
      file.reject_earlier(place, duplicate_fan_reason(id), loading.rejects);
      continue;
    }
    add_fan_weight(loading.fan_weights, *weight, file, place);
    pipeline.current().add(file, id, *weight, columns.province, columns.city);
    if (pipeline.current().full()) pipeline.submit();
  }
  pipeline.finish();
  declared.all = seen.size();
  return declared;
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
  // Questions about a few hosts never look a fan up by id.
  loading.builder.leave_fan_ids_unindexed();
  FocusedLoad focused;
  FollowsScan follows = scan_follows(loading, kept, focused);
  const std::uint64_t reached_fans = loading.builder.fan_count();
  const DeclaredFans declared = load_reached_fans(loading);
  focused.totals_within_limits = totals_within_limits(loading, loading.follow_rows);
  if (!focused.totals_within_limits) return focused;
  finish_follows(loading, follows);
  load_collabs(loading);
  if (options.progress) options.progress({"building the network", 0, 0, 0});
  focused.loaded.network = std::move(loading.builder).finish();
  focused.loaded.rejects = std::move(loading.rejects);
  focused.loaded.follow_rows = loading.follow_rows;
  // load_dataset's fans: every fan of fans.csv, then those met only in follows.csv.
  focused.least_fans = declared.all + (reached_fans - declared.reached);
  focused.most_fans = focused.least_fans + (loading.follow_rows - focused.kept_follow_rows);
  return focused;
}

}  // namespace castgraph
