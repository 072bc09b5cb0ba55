#include "graph/network_builder.hpp"

#include <algorithm>
#include <future>
#include <numeric>
#include <thread>
#include <tuple>

#include "graph/csr_builder.hpp"
#include "graph/release_memory.hpp"

namespace castgraph {

std::optional<NodeId> NetworkBuilder::add_platform(std::string_view id, std::string_view name,
                                                   std::uint64_t population) {
  const auto [platform, inserted] = platform_ids_.intern(id);
  if (!inserted) return std::nullopt;
  platform_names_.push_back(name);
  platform_population_.push_back(population);
  return platform;
}

std::optional<NodeId> NetworkBuilder::add_base(std::string_view id, std::string_view name,
                                               std::string_view province, std::string_view city,
                                               std::string_view kind) {
  const auto [base, inserted] = base_ids_.intern(id);
  if (!inserted) return std::nullopt;
  base_names_.push_back(name);
  base_province_.set(base, province);
  base_city_.set(base, city);
  base_kind_.set(base, kind);
  return base;
}

std::optional<NodeId> NetworkBuilder::add_broadcaster(std::string_view id, std::string_view name,
                                                      NodeId base, std::string_view province,
                                                      std::string_view kind, double fee) {
  const auto [host, inserted] = broadcaster_ids_.intern(id);
  if (!inserted) return std::nullopt;
  broadcaster_names_.push_back(name);
  broadcaster_base_.push_back(base);
  broadcaster_province_.set(host, province);
  broadcaster_kind_.set(host, kind);
  broadcaster_fee_.push_back(fee);
  fanbases_of_.emplace_back();
  return host;
}

std::optional<NodeId> NetworkBuilder::add_fanbase(NodeId broadcaster, NodeId platform,
                                                  std::uint64_t fans, std::string_view handle) {
  for (NodeId existing : fanbases_of_[broadcaster])
    if (fanbase_platform_[existing] == platform) return std::nullopt;
  const auto fanbase = static_cast<NodeId>(fanbase_broadcaster_.size());
  fanbase_broadcaster_.push_back(broadcaster);
  fanbase_platform_.push_back(platform);
  fanbase_fans_.push_back(fans);
  fanbase_handles_.push_back(handle);
  fanbases_of_[broadcaster].push_back(fanbase);
  return fanbase;
}

std::span<const NodeId> NetworkBuilder::fanbases_of(NodeId broadcaster) const {
  return fanbases_of_[broadcaster];
}

std::optional<NodeId> NetworkBuilder::add_fan(std::string_view id, std::uint64_t weight,
                                              std::string_view province, std::string_view city) {
  const NodeId fan = intern_fan(id);
  if (!declare_fan(fan, weight, province, city)) return std::nullopt;
  return fan;
}

bool NetworkBuilder::declare_fan(NodeId fan, std::uint64_t weight, std::string_view province,
                                 std::string_view city) {
  if (fan_declared_[fan]) return false;
  fan_declared_[fan] = true;
  if (weight != 1 && fan_weights_.empty()) fan_weights_.assign(fan_ids_.size(), 1);
  if (!fan_weights_.empty()) fan_weights_[fan] = weight;
  fan_province_.set(fan, province);
  fan_city_.set(fan, city);
  return true;
}

NodeId NetworkBuilder::intern_fan(std::string_view id) {
  const auto [fan, inserted] = fan_ids_.intern(id);
  if (inserted) {
    fan_declared_.push_back(false);
    if (!fan_weights_.empty()) fan_weights_.push_back(1);
  }
  return fan;
}

void NetworkBuilder::intern_fans(std::span<const std::string_view> ids, std::span<NodeId> fans) {
  fan_ids_.intern_batch(ids, fans);
  // Ids are dense and given in order of first appearance: the new ones are known..size.
  fan_declared_.resize(fan_ids_.size(), false);
  if (!fan_weights_.empty()) fan_weights_.resize(fan_ids_.size(), 1);
}

// Only the fans: the runs are as many as the fanbases when the input is grouped.
void NetworkBuilder::reserve_follows(std::size_t rows) { follow_fan_.reserve(rows); }

void NetworkBuilder::add_follow(NodeId fan, NodeId fanbase) {
  follow_fan_.push_back(fan);
  append_target(follow_fanbase_runs_, fanbase);
}

void NetworkBuilder::add_follows(std::span<const NodeId> fans, std::span<const NodeId> fanbases) {
  follow_fan_.insert(follow_fan_.end(), fans.begin(), fans.end());
  for (NodeId fanbase : fanbases) append_target(follow_fanbase_runs_, fanbase);
}

bool NetworkBuilder::add_collab(NodeId a, NodeId b, double weight) {
  if (a == b) return false;
  collabs_.push_back({std::min(a, b), std::max(a, b), weight});
  return true;
}

Csr NetworkBuilder::build_collab(Column<double>& weights) {
  std::sort(collabs_.begin(), collabs_.end(), [](const CollabEdge& x, const CollabEdge& y) {
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  // Merge repeated pairs, then store each pair in both directions.
  std::vector<NodeId> sources, targets;
  std::vector<double> merged_weights;
  for (std::size_t i = 0; i < collabs_.size();) {
    const CollabEdge edge = collabs_[i];
    double weight = 0;
    for (; i < collabs_.size() && collabs_[i].a == edge.a && collabs_[i].b == edge.b; ++i)
      weight += collabs_[i].weight;
    for (auto [from, to] : {std::pair{edge.a, edge.b}, std::pair{edge.b, edge.a}}) {
      sources.push_back(from);
      targets.push_back(to);
      merged_weights.push_back(weight);
    }
  }
  release_memory(collabs_);
  // Counting sort by source keeps each row's targets in the order pushed; sort rows by
  // target (weights alongside) so a row can be binary-searched.
  const std::size_t hosts = broadcaster_ids_.size();
  std::vector<std::uint32_t> order(sources.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return std::tie(sources[x], targets[x]) < std::tie(sources[y], targets[y]);
  });
  std::vector<NodeId> sorted_sources, sorted_targets;
  std::vector<double> sorted_weights;
  for (std::uint32_t i : order) {
    sorted_sources.push_back(sources[i]);
    sorted_targets.push_back(targets[i]);
    sorted_weights.push_back(merged_weights[i]);
  }
  weights = Column(std::move(sorted_weights));
  return build_csr(hosts, sorted_sources, sorted_targets, /*deduplicate=*/false);
}

Relations NetworkBuilder::build_relations(std::size_t fans) {
  Relations relations;
  const std::vector<NodeId> fanbase_ids = [&] {
    std::vector<NodeId> ids(fanbase_broadcaster_.size());
    std::iota(ids.begin(), ids.end(), 0);
    return ids;
  }();
  relations.owns = build_csr(broadcaster_ids_.size(), fanbase_broadcaster_, fanbase_ids, false);
  relations.platform_fanbases =
      build_csr(platform_ids_.size(), fanbase_platform_, fanbase_ids, false);
  relations.base_members = transpose(csr_from_column(broadcaster_base_), base_ids_.size());

  relations.follows = build_csr(fans, follow_fan_, follow_fanbase_runs_, true);
  release_memory(follow_fan_);
  release_memory(follow_fanbase_runs_);
  relations.followers = transpose(relations.follows, fanbase_broadcaster_.size());

  relations.collab = build_collab(relations.collab_weight);
  return relations;
}

Network NetworkBuilder::finish() && {
  Network network;
  // Indexing the fan ids (a random write per fan, see InternerBuilder::finish) and
  // building the relations (a random write per follow) are each bound by memory
  // latency and independent: on two cores they overlap.
  const std::size_t fans = fan_ids_.size();
  auto fan_ids = std::async(
      std::thread::hardware_concurrency() > 1 ? std::launch::async : std::launch::deferred, [this] {
        return index_fan_ids_ ? std::move(fan_ids_).finish()
                              : std::move(fan_ids_).finish_unindexed();
      });
  network.relations = build_relations(fans);

  network.platforms.ids = std::move(platform_ids_).finish();
  network.platforms.names = std::move(platform_names_).finish();
  network.platforms.population = Column(std::move(platform_population_));

  const std::size_t bases = base_ids_.size();
  network.bases.ids = std::move(base_ids_).finish();
  network.bases.names = std::move(base_names_).finish();
  network.bases.province = std::move(base_province_).finish(bases);
  network.bases.city = std::move(base_city_).finish(bases);
  network.bases.kind = std::move(base_kind_).finish(bases);

  const std::size_t hosts = broadcaster_ids_.size();
  network.broadcasters.ids = std::move(broadcaster_ids_).finish();
  network.broadcasters.names = std::move(broadcaster_names_).finish();
  network.broadcasters.base = Column(std::move(broadcaster_base_));
  network.broadcasters.province = std::move(broadcaster_province_).finish(hosts);
  network.broadcasters.kind = std::move(broadcaster_kind_).finish(hosts);
  network.broadcasters.fee = Column(std::move(broadcaster_fee_));

  network.fanbases.broadcaster = Column(std::move(fanbase_broadcaster_));
  network.fanbases.platform = Column(std::move(fanbase_platform_));
  network.fanbases.fans = Column(std::move(fanbase_fans_));
  network.fanbases.handles = std::move(fanbase_handles_).finish();

  network.fans.ids = fan_ids.get();
  network.fans.weights = Column(std::move(fan_weights_));
  network.fans.province = std::move(fan_province_).finish(fans);
  network.fans.city = std::move(fan_city_).finish(fans);
  return network;
}

}  // namespace castgraph
