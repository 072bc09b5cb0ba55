#include "graph/network_check.hpp"

#include <fmt/format.h>

#include "graph/utf8.hpp"

namespace castgraph {

namespace {

// Collects the first problem; later checks are skipped once one is found.
class Checker {
 public:
  std::optional<std::string> problem;

  // A template, not std::function: this runs once per element of every array.
  template <class Describe>
  void expect(bool ok, Describe&& what) {
    if (!ok && !problem) problem = what();
  }

  void length(std::string_view name, std::size_t actual, std::size_t expected, bool may_be_empty = false) {
    expect(actual == expected || (may_be_empty && actual == 0), [&] {
      return fmt::format("{}: {} entries, expected {}", name, actual, expected);
    });
  }

  void strings(std::string_view name, const StringTable& table, std::size_t expected) {
    length(name, table.size(), expected);
    std::uint64_t previous = 0;
    for (std::uint64_t end : table.ends()) {
      if (problem) return;
      expect(end >= previous && end <= table.bytes().size(),
             [&] { return fmt::format("{}: string offsets out of order or out of range", name); });
      previous = end;
    }
    // The CSV loader only accepts UTF-8; a snapshot must not smuggle in what it refuses
    // (JSON output and XML escaping rely on it).
    for (std::size_t i = 0; i < table.size() && !problem; ++i)
      expect(is_valid_utf8(table[i]), [&] { return fmt::format("{}: string {} is not valid UTF-8", name, i); });
  }

  void interner(std::string_view name, const Interner& ids, std::size_t expected) {
    strings(name, ids.strings(), expected);
    const std::size_t slots = ids.slots().size();
    expect((slots & (slots - 1)) == 0 && (slots == 0 || slots > expected),
           [&] { return fmt::format("{}: index of {} slots cannot hold {} ids", name, slots, expected); });
    std::size_t empty = 0;
    for (std::uint64_t slot : ids.slots()) {
      if (problem) return;
      empty += slot == kEmptySlot;
      expect(slot == kEmptySlot || slot_id(slot) < expected,
             [&] { return fmt::format("{}: index refers to id {} of {}", name, slot_id(slot), expected); });
    }
    // A lookup probes until it meets an empty slot: a table without one would never end.
    expect(slots == 0 || empty > 0, [&] { return fmt::format("{}: index has no free slot", name); });
  }

  void categories(std::string_view name, const CategoryColumn& column, std::size_t rows) {
    length(name, column.codes().size(), rows, true);
    if (column.codes().empty()) return;
    interner(name, column.labels(), column.labels().size());
    in_range(name, column.codes().span(), column.labels().size(), false);
  }

  void in_range(std::string_view name, std::span<const NodeId> values, std::size_t bound, bool none_allowed) {
    for (NodeId value : values) {
      if (problem) return;
      expect(value < bound || (none_allowed && value == kNoNode),
             [&] { return fmt::format("{}: value {} out of range ({} nodes)", name, value, bound); });
    }
  }

  void csr(std::string_view name, const Csr& relation, std::size_t rows, std::size_t targets) {
    length(name, relation.offsets().size(), rows + 1);
    if (problem) return;
    std::uint64_t previous = 0;
    for (std::uint64_t offset : relation.offsets()) {
      if (problem) return;
      expect(offset >= previous, [&] { return fmt::format("{}: offsets decrease", name); });
      previous = offset;
    }
    expect(relation.offsets()[0] == 0 && previous == relation.targets().size(),
           [&] { return fmt::format("{}: offsets do not cover the {} edges", name, relation.targets().size()); });
    in_range(name, relation.targets().span(), targets, false);
  }
};

}  // namespace

std::optional<std::string> check_network(const Network& n) {
  Checker check;
  const std::size_t platforms = n.platforms.ids.size(), bases = n.bases.ids.size(),
                    hosts = n.broadcasters.ids.size(), fanbases = n.fanbases.broadcaster.size(),
                    fans = n.fans.ids.size();
  check.interner("platforms.ids", n.platforms.ids, platforms);
  check.strings("platforms.names", n.platforms.names, platforms);
  check.length("platforms.population", n.platforms.population.size(), platforms);

  check.interner("bases.ids", n.bases.ids, bases);
  check.strings("bases.names", n.bases.names, bases);
  check.categories("bases.province", n.bases.province, bases);
  check.categories("bases.city", n.bases.city, bases);
  check.categories("bases.kind", n.bases.kind, bases);

  check.interner("broadcasters.ids", n.broadcasters.ids, hosts);
  check.strings("broadcasters.names", n.broadcasters.names, hosts);
  check.length("broadcasters.base", n.broadcasters.base.size(), hosts);
  check.in_range("broadcasters.base", n.broadcasters.base.span(), bases, true);
  check.categories("broadcasters.province", n.broadcasters.province, hosts);
  check.categories("broadcasters.kind", n.broadcasters.kind, hosts);
  check.length("broadcasters.fee", n.broadcasters.fee.size(), hosts);

  check.in_range("fanbases.broadcaster", n.fanbases.broadcaster.span(), hosts, false);
  check.length("fanbases.platform", n.fanbases.platform.size(), fanbases);
  check.in_range("fanbases.platform", n.fanbases.platform.span(), platforms, false);
  check.length("fanbases.fans", n.fanbases.fans.size(), fanbases);
  check.strings("fanbases.handles", n.fanbases.handles, fanbases);

  check.interner("fans.ids", n.fans.ids, fans);
  check.length("fans.weights", n.fans.weights.size(), fans, true);
  check.categories("fans.province", n.fans.province, fans);
  check.categories("fans.city", n.fans.city, fans);

  const Relations& r = n.relations;
  check.csr("owns", r.owns, hosts, fanbases);
  check.csr("platform_fanbases", r.platform_fanbases, platforms, fanbases);
  check.csr("base_members", r.base_members, bases, hosts);
  check.csr("follows", r.follows, fans, fanbases);
  check.csr("followers", r.followers, fanbases, fans);
  check.csr("collab", r.collab, hosts, hosts);
  check.length("collab_weight", r.collab_weight.size(), r.collab.targets().size());
  return check.problem;
}

}  // namespace castgraph
