// Fans' provinces and cities numbered as one process numbers them.
//
// One process codes a place column in the order places first appear in fans.csv, and a
// spelling that differs from an earlier one only by its suffix (辽宁省 after 辽宁) takes
// that place's code and first spelling (graph/category_column.hpp). A shard sees only its
// own fans, so on its own it would number places in another order, lack places its fans
// do not have, and could keep another spelling. Region and city look-ups, their errors
// (which list the places) and breakdowns by place would then differ from castgraph's.
// So every rank notes the places in the order they first appear in its byte range; the
// ranges tile the file in rank order, so their lists, gathered, give the file's order;
// every rank replays it as one process would, and renumbers its fans' places to match.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/network.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Distinct non-empty labels in the order first noted.
class FirstSeenLabels {
 public:
  void note(std::string_view label) {
    if (!label.empty() && seen_.emplace(label).second) order_.emplace_back(label);
  }
  const std::vector<std::string>& order() const { return order_; }

 private:
  std::unordered_set<std::string> seen_;
  std::vector<std::string> order_;
};

// Collective. Renumbers `shard`'s fans.province and fans.city so that labels and codes are
// those one process gives the whole dataset. `provinces` and `cities` are this rank's
// labels in the order they first appear in its range of fans.csv. One all-gather of the
// labels; O(labels · ranks + fans of the shard).
void agree_fan_places(World& world, Network& shard, const FirstSeenLabels& provinces,
                      const FirstSeenLabels& cities);

}  // namespace castgraph::mpi
