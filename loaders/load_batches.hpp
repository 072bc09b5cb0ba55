// The batches the dataset loader hands from its parsing thread to its building thread
// (see batch_pipeline.hpp): rows of fans.csv and follows.csv, checked and waiting to be
// added to the NetworkBuilder in file order.
#pragma once

#include <fmt/format.h>

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/network_builder.hpp"
#include "graph/value_rules.hpp"
#include "loaders/dataset_file.hpp"
#include "loaders/dataset_loading.hpp"

namespace castgraph {

// Field texts kept past their row. A field is a view into the mapped file, which
// outlives the batch, so it is kept as it is; only a field unescaped from quotes (its view
// dies with the row) is copied, into a deque, whose strings never move.
class KeptTexts {
 public:
  std::string_view keep(const DatasetFile& file, std::optional<std::size_t> column) {
    if (!column) return {};
    const std::string_view text = file.field(*column);
    return file.field_outlives_row(*column) ? text : std::string_view(copies_.emplace_back(text));
  }
  void clear() { copies_.clear(); }

 private:
  std::deque<std::string> copies_;
};

// Rows of fans.csv, added as fans on flush(): their ids are interned as one batch (see
// InternerBuilder::intern_batch), then each fan is declared in file order, so a duplicate
// is found at the same row as by add_fan one row at a time, and rejected from there.
class FanBatch {
 public:
  static constexpr std::size_t kRows = 8192;

  void add(const DatasetFile& file, std::size_t id_column, std::uint64_t weight,
           std::optional<std::size_t> province, std::optional<std::size_t> city) {
    ids_.push_back(texts_.keep(file, id_column));
    rows_.push_back(
        {texts_.keep(file, province), texts_.keep(file, city), weight, file.place(id_column)});
  }
  bool full() const { return rows_.size() >= kRows; }

  // A duplicate is rejected; a weight that takes `weights` past its limit refuses the file.
  void flush(NetworkBuilder& builder, const DatasetFile& file, std::vector<Reject>& duplicates,
             CountTotal& weights) {
    fans_.resize(ids_.size());
    builder.intern_fans(ids_, fans_);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const Row& row = rows_[i];
      if (!builder.declare_fan(fans_[i], row.weight, row.province, row.city))
        file.reject_earlier(row.place, dataset_loading::duplicate_fan_reason(ids_[i]), duplicates);
      else
        dataset_loading::add_fan_weight(weights, row.weight, file, row.place);
    }
    ids_.clear();
    rows_.clear();
    texts_.clear();
  }

 private:
  struct Row {
    std::string_view province, city;
    std::uint64_t weight;
    DatasetFile::RowPlace place;
  };
  std::vector<std::string_view> ids_;
  std::vector<Row> rows_;
  std::vector<NodeId> fans_;
  KeptTexts texts_;
};

// Rows of fans.csv read after follows.csv by the focused load (focused_load.hpp), checked
// on the parsing thread (repeated ids and the weights' total included), whose fans are
// looked up on flush(): a fan the kept follows met gets its weight and place, the others
// are dropped, their places only noted (NetworkBuilder::note_fan_place). The lookups and writes
// land at random in arrays as large as the fans (the fans are numbered in follows.csv's order), so
// they are the second thread's work.
class ReachedFanBatch {
 public:
  static constexpr std::size_t kRows = 8192;

  // `id` outlives the batch (the caller keeps it for its repeat check).
  void add(const DatasetFile& file, std::string_view id, std::uint64_t weight,
           std::optional<std::size_t> province, std::optional<std::size_t> city) {
    ids_.push_back(id);
    rows_.push_back({texts_.keep(file, province), texts_.keep(file, city), weight});
  }
  bool full() const { return rows_.size() >= kRows; }

  // Returns how many of the batch's fans were met by the kept follows.
  std::uint64_t flush(NetworkBuilder& builder) {
    fans_.resize(ids_.size());
    for (std::size_t i = 0; i < ids_.size(); ++i)
      fans_[i] = builder.find_fan(ids_[i]).value_or(kNoNode);
    std::uint64_t reached = 0;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const Row& row = rows_[i];
      if (fans_[i] == kNoNode) {
        builder.note_fan_place(row.province, row.city);
        continue;
      }
      builder.declare_fan(fans_[i], row.weight, row.province, row.city);
      ++reached;
    }
    ids_.clear();
    rows_.clear();
    texts_.clear();
    return reached;
  }

 private:
  struct Row {
    std::string_view province, city;
    std::uint64_t weight;
  };
  std::vector<std::string_view> ids_;
  std::vector<Row> rows_;
  std::vector<NodeId> fans_;
  KeptTexts texts_;
};

// Rows of follows.csv whose fan ids are interned as one batch on flush(). Where fans are
// weighted, each row's place is kept too, to name the row whose fan's weight takes the
// follows' total weight past its limit.
class FollowBatch {
 public:
  static constexpr std::size_t kRows = 8192;

  void add(const DatasetFile& file, std::size_t fan_column, NodeId fanbase, bool weighted) {
    fan_ids_.push_back(texts_.keep(file, fan_column));
    fanbases_.push_back(fanbase);
    if (weighted) places_.push_back(file.place(fan_column));
  }
  bool full() const { return fanbases_.size() >= kRows; }
  // Asks flush() to size the follow lists for `rows` first (on the thread that owns them).
  void reserve_follows(std::size_t rows) { reserve_ = rows; }

  // A fan met here for the first time weighs 1 and adds 1 to `people`; each row adds its
  // fan's weight to `follow_weights`. Either passing its limit refuses the file.
  void flush(NetworkBuilder& builder, const DatasetFile& file, CountTotal& people,
             CountTotal& follow_weights) {
    if (reserve_ != 0) builder.reserve_follows(std::exchange(reserve_, 0));
    fans_.resize(fan_ids_.size());
    const NodeId first_new = static_cast<NodeId>(builder.fan_count());
    builder.intern_fans(fan_ids_, fans_);
    if (!places_.empty()) add_weights(builder, file, first_new, people, follow_weights);
    builder.add_follows(fans_, fanbases_);
    fan_ids_.clear();
    places_.clear();
    texts_.clear();
    fanbases_.clear();
  }

 private:
  void add_weights(const NetworkBuilder& builder, const DatasetFile& file, NodeId first_new,
                   CountTotal& people, CountTotal& follow_weights) {
    new_fan_counted_.assign(builder.fan_count() - first_new, false);
    for (std::size_t i = 0; i < places_.size(); ++i) {
      const NodeId fan = fans_[i];
      if (fan >= first_new && !new_fan_counted_[fan - first_new]) {
        new_fan_counted_[fan - first_new] = true;
        if (!people.add(1))
          file.refuse_earlier(places_[i], count_total_problem("the total of the fans' weights"));
      }
      if (!follow_weights.add(builder.fan_weight(fan)))
        file.refuse_earlier(places_[i],
                            count_total_problem("the total weight of the fans of the follows"));
    }
  }

  std::vector<std::string_view> fan_ids_;
  KeptTexts texts_;
  std::vector<NodeId> fanbases_;
  std::vector<DatasetFile::RowPlace> places_;  // empty unless weighted
  std::vector<bool> new_fan_counted_;
  std::vector<NodeId> fans_;
  std::size_t reserve_ = 0;
};

}  // namespace castgraph
