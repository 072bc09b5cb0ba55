#include "mpi/shard_places.hpp"

#include <unordered_map>

#include "graph/interner.hpp"
#include "mpi/wire.hpp"

namespace castgraph::mpi {
namespace {

// The labels of every rank, in rank order: the order of the file.
std::vector<std::string> labels_in_file_order(World& world, const FirstSeenLabels& mine) {
  std::string bytes;
  for (const std::string& label : mine.order()) put(bytes, label);
  FirstSeenLabels all;
  for (const std::string& from : world.gather_all(bytes))
    for (WireReader in(from); !in.done();) all.note(in.text());
  return all.order();
}

// `column` renumbered as one process numbers the labels `in_file_order`.
CategoryColumn renumbered(const CategoryColumn& column,
                          const std::vector<std::string>& in_file_order, std::size_t fans) {
  if (in_file_order.empty()) return {};  // no fan of any rank has a place
  // One process's numbering: the same builder, fed the labels in the file's order.
  CategoryColumnBuilder replay(CategoryColumnBuilder::Labels::places);
  for (std::size_t i = 0; i < in_file_order.size(); ++i) replay.set(i, in_file_order[i]);
  const CategoryColumn whole = std::move(replay).finish(in_file_order.size());
  std::unordered_map<std::string, std::uint32_t> code_of{{"", 0}};
  for (std::size_t i = 0; i < in_file_order.size(); ++i)
    code_of.emplace(in_file_order[i], whole.code(i));
  // Every label of this shard is a spelling from the file, so it has a code; a shard
  // whose fans have no place (an empty column) has every fan at code 0, "".
  std::vector<std::uint32_t> global_code(column.labels().size());
  for (NodeId local = 0; local < column.labels().size(); ++local)
    global_code[local] = code_of.at(std::string(column.labels()[local]));
  std::vector<std::uint32_t> codes(fans, 0);
  if (!column.codes().empty())
    for (std::size_t fan = 0; fan < fans; ++fan) codes[fan] = global_code[column.code(fan)];
  InternerBuilder labels;
  for (NodeId code = 0; code < whole.labels().size(); ++code) labels.intern(whole.labels()[code]);
  return CategoryColumn(std::move(labels).finish(), Column(std::move(codes)));
}

}  // namespace

void agree_fan_places(World& world, Network& shard, const FirstSeenLabels& provinces,
                      const FirstSeenLabels& cities) {
  const std::size_t fans = shard.fans.size();
  shard.fans.province =
      renumbered(shard.fans.province, labels_in_file_order(world, provinces), fans);
  shard.fans.city = renumbered(shard.fans.city, labels_in_file_order(world, cities), fans);
}

}  // namespace castgraph::mpi
