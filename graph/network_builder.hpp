// NetworkBuilder: collects nodes, attributes and relations in any order a loader or
// generator meets them, checks what the model requires (unique ids, one fanbase per
// host and platform), and finish() builds the immutable Network with its Csr arrays.
//
// The builder reports problems by return value, not by exception, because only the
// caller knows the file, line and column to blame.
#pragma once

#include <cmath>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "graph/category_column.hpp"
#include "graph/csr_builder.hpp"
#include "graph/network.hpp"

namespace castgraph {

class NetworkBuilder {
 public:
  // Each add_* returns the new node's id, or nullopt when the id is already taken.
  std::optional<NodeId> add_platform(std::string_view id, std::string_view name,
                                     std::uint64_t population = kUnknownCount);
  std::optional<NodeId> add_base(std::string_view id, std::string_view name,
                                 std::string_view province = {}, std::string_view city = {},
                                 std::string_view kind = {});
  std::optional<NodeId> add_broadcaster(std::string_view id, std::string_view name,
                                        NodeId base = kNoNode, std::string_view province = {},
                                        std::string_view kind = {}, double fee = NAN);
  // nullopt when the host already has a fanbase on that platform.
  std::optional<NodeId> add_fanbase(NodeId broadcaster, NodeId platform, std::uint64_t fans,
                                    std::string_view handle = {});
  // A fan with attributes (fans.csv); nullopt when the id was added before.
  std::optional<NodeId> add_fan(std::string_view id, std::uint64_t weight = 1,
                                std::string_view province = {}, std::string_view city = {});
  // The second half of add_fan, for a fan interned already (intern_fans): gives it its
  // attributes, or returns false when it was declared before.
  bool declare_fan(NodeId fan, std::uint64_t weight, std::string_view province,
                   std::string_view city);
  // The place of a fan of fans.csv that is not kept (not interned): its labels are noted
  // in file order as declare_fan's, so places are coded and spelt as if it were.
  void note_fan_place(std::string_view province, std::string_view city) {
    fan_province_.note(province);
    fan_city_.note(city);
  }
  // The fan with this id, created with weight 1 if it is new (follows.csv).
  NodeId intern_fan(std::string_view id);
  // intern_fan of each id, in order, batched for speed (see InternerBuilder::intern_batch).
  void intern_fans(std::span<const std::string_view> ids, std::span<NodeId> fans);

  // Repeated follows collapse into one; repeated collabs of a pair add their weights.
  void add_follow(NodeId fan, NodeId fanbase);
  // Room for `rows` follows, so that a load that can estimate them does not grow (and
  // copy) the follow lists step by step.
  void reserve_follows(std::size_t rows);
  // About this many fans will be interned, in no particular order: lets numbered fan ids
  // stay out of the hash table (InternerBuilder::expect).
  void expect_fans(std::size_t fans) { fan_ids_.expect(fans); }
  // add_follow(fans[i], fanbases[i]) for each i.
  //
  // intern_fans and add_follows touch only the fan and follow members, so one thread may
  // call them while another calls the const find_* / fanbases_of / fanbase_platform
  // lookups (the loader's pipeline does: it parses follows.csv on one core and interns
  // on the other).
  void add_follows(std::span<const NodeId> fans, std::span<const NodeId> fanbases);
  // false (and nothing added) when a == b: a host cannot co-stream with itself.
  bool add_collab(NodeId a, NodeId b, double weight = 1.0);

  std::optional<NodeId> find_platform(std::string_view id) const { return platform_ids_.find(id); }
  std::optional<NodeId> find_base(std::string_view id) const { return base_ids_.find(id); }
  std::optional<NodeId> find_broadcaster(std::string_view id) const {
    return broadcaster_ids_.find(id);
  }
  std::optional<NodeId> find_fan(std::string_view id) const { return fan_ids_.find(id); }
  std::span<const NodeId> fanbases_of(NodeId broadcaster) const;
  NodeId fanbase_platform(NodeId fanbase) const { return fanbase_platform_[fanbase]; }
  // True once a fan weighs other than 1; the weight of a fan added so far.
  bool weighted_fans() const { return !fan_weights_.empty(); }
  std::uint64_t fan_weight(NodeId fan) const {
    return fan_weights_.empty() ? 1 : fan_weights_[fan];
  }

  std::size_t platform_count() const { return platform_ids_.size(); }
  std::size_t base_count() const { return base_ids_.size(); }
  std::size_t broadcaster_count() const { return broadcaster_ids_.size(); }
  std::size_t fanbase_count() const { return fanbase_broadcaster_.size(); }
  std::size_t fan_count() const { return fan_ids_.size(); }
  std::size_t follow_rows() const { return follow_fan_.size(); }

  // finish() leaves the fan ids without their index (Interner::finish_unindexed): for a
  // network in which no fan is looked up by id.
  void leave_fan_ids_unindexed() { index_fan_ids_ = false; }

  // O(nodes + follows log(fanbases per fan)). The builder is spent afterwards.
  Network finish() &&;

 private:
  Relations build_relations(std::size_t fans);
  Csr build_collab(Column<double>& weights);

  static constexpr auto kPlaces = CategoryColumnBuilder::Labels::places;
  bool index_fan_ids_ = true;
  InternerBuilder platform_ids_;
  StringTableBuilder platform_names_;
  std::vector<std::uint64_t> platform_population_;

  InternerBuilder base_ids_;
  StringTableBuilder base_names_;
  // Places merge spellings with and without their suffix (辽宁 = 辽宁省).
  CategoryColumnBuilder base_province_{kPlaces}, base_city_{kPlaces}, base_kind_;

  InternerBuilder broadcaster_ids_;
  StringTableBuilder broadcaster_names_;
  std::vector<NodeId> broadcaster_base_;
  CategoryColumnBuilder broadcaster_province_{kPlaces}, broadcaster_kind_;
  std::vector<double> broadcaster_fee_;
  std::vector<std::vector<NodeId>> fanbases_of_;  // hosts are few; kept until finish()

  std::vector<NodeId> fanbase_broadcaster_, fanbase_platform_;
  std::vector<std::uint64_t> fanbase_fans_;
  StringTableBuilder fanbase_handles_;

  InternerBuilder fan_ids_;
  std::vector<std::uint64_t> fan_weights_;  // stays empty while every fan weighs 1
  std::vector<bool> fan_declared_;          // added through add_fan (fans.csv)
  CategoryColumnBuilder fan_province_{kPlaces}, fan_city_{kPlaces};

  // Follow rows in input order: the fan of each, and the fanbases run by run (a fanbase's
  // rows usually come together, see TargetRun).
  std::vector<NodeId> follow_fan_;
  std::vector<TargetRun> follow_fanbase_runs_;

  struct CollabEdge {
    NodeId a, b;  // a < b
    double weight;
  };
  std::vector<CollabEdge> collabs_;
};

}  // namespace castgraph
