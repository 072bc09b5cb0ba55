#include "graph/network_check.hpp"

#include <fmt/format.h>

#include <atomic>
#include <memory>
#include <vector>

#include "graph/utf8.hpp"
#include "graph/value_rules.hpp"

namespace castgraph {

namespace {

using Problem = std::optional<std::string>;

// Elements the rules have examined, for network_rule_elements().
std::atomic<std::uint64_t> examined{0};

// The rules themselves, on plain arrays: each returns the first problem it sees.

Problem string_problem(std::string_view name, std::span<const char> bytes,
                       std::span<const std::uint64_t> ends) {
  std::uint64_t previous = 0;
  for (std::uint64_t end : ends) {
    if (end < previous || end > bytes.size())
      return fmt::format("{}: string offsets out of order or out of range", name);
    previous = end;
  }
  // The CSV loader only accepts UTF-8; a snapshot must not smuggle in what it refuses
  // (JSON output and XML escaping rely on it).
  previous = 0;
  for (std::size_t i = 0; i < ends.size(); ++i) {
    if (!is_valid_utf8({bytes.data() + previous, static_cast<std::size_t>(ends[i] - previous)}))
      return fmt::format("{}: string {} is not valid UTF-8", name, i);
    previous = ends[i];
  }
  return std::nullopt;
}

Problem slot_problem(std::string_view name, std::span<const std::uint64_t> slots, std::size_t ids) {
  std::size_t empty = 0;
  for (std::uint64_t slot : slots) {
    empty += slot == kEmptySlot;
    if (slot != kEmptySlot && slot_id(slot) >= ids)
      return fmt::format("{}: index refers to id {} of {}", name, slot_id(slot), ids);
  }
  // A lookup probes until it meets an empty slot: a table without one would never end.
  if (!slots.empty() && empty == 0) return fmt::format("{}: index has no free slot", name);
  return std::nullopt;
}

// `values` are elements first, first + 1, ... of their column.
Problem range_problem(std::string_view name, std::span<const NodeId> values, std::size_t bound,
                      bool none_allowed) {
  for (NodeId value : values)
    if (value >= bound && !(none_allowed && value == kNoNode))
      return fmt::format("{}: value {} out of range ({} nodes)", name, value, bound);
  return std::nullopt;
}

Problem offset_problem(std::string_view name, std::span<const std::uint64_t> offsets,
                       std::uint64_t edges) {
  std::uint64_t previous = 0;
  for (std::uint64_t offset : offsets) {
    if (offset < previous) return fmt::format("{}: offsets decrease", name);
    previous = offset;
  }
  if (offsets.empty() || offsets[0] != 0 || previous != edges)
    return fmt::format("{}: offsets do not cover the {} edges", name, edges);
  return std::nullopt;
}

// Applies the rules to a Network: now, or (deferring) when the columns are first read.
// Collects the first problem found now; later ones are skipped.
class Checker {
 public:
  explicit Checker(bool defer) : defer_(defer) {}
  Problem problem;

  // After every rule is applied: the guards that were given rules now hold all of theirs.
  Problem done() {
    for (const std::shared_ptr<ColumnGuard>& guard : deferred_to_) guard->mark_rules_complete();
    return problem;
  }

  void length(std::string_view name, std::size_t actual, std::size_t expected,
              bool may_be_empty = false) {
    if (actual != expected && !(may_be_empty && actual == 0) && !problem)
      problem = fmt::format("{}: {} entries, expected {}", name, actual, expected);
  }

  // Counts (declared fans, weights, populations) and amounts (fees, collab weights) obey
  // the CSV loader's value rules, graph/value_rules.hpp, totals included.
  void counts(std::string_view name, const Column<std::uint64_t>& column, std::size_t expected,
              bool unknown_allowed, bool totalled, bool may_be_empty = false) {
    length(name, column.size(), expected, may_be_empty);
    whole([name = std::string(name), values = column.unchecked(), unknown_allowed,
           totalled] { return counts_problem(name, values, unknown_allowed, totalled); },
          column);
  }
  void amounts(std::string_view name, const Column<double>& column, std::size_t expected,
               bool unknown_allowed, unsigned counted_times = 1) {
    length(name, column.size(), expected);
    whole([name = std::string(name), values = column.unchecked(), unknown_allowed,
           counted_times] { return amounts_problem(name, values, unknown_allowed, counted_times); },
          column);
  }
  void follow_weights(const Csr& follows, const Column<std::uint64_t>& weights) {
    whole([offsets = follows.offsets().unchecked(),
           weights = weights.unchecked()] { return follow_weights_problem(offsets, weights); },
          follows.offsets(), weights);
  }

  void strings(std::string_view name, const StringTable& table, std::size_t expected) {
    length(name, table.size(), expected);
    whole([name = std::string(name), bytes = table.bytes().unchecked(),
           ends = table.ends().unchecked()] { return string_problem(name, bytes, ends); },
          table.bytes(), table.ends());
  }

  void interner(std::string_view name, const Interner& ids, std::size_t expected) {
    strings(name, ids.strings(), expected);
    const std::size_t slots = ids.slots().size();
    if (((slots & (slots - 1)) != 0 || (slots != 0 && slots <= expected)) && !problem)
      problem = fmt::format("{}: index of {} slots cannot hold {} ids", name, slots, expected);
    whole([name = std::string(name), slots = ids.slots().unchecked(),
           expected] { return slot_problem(name, slots, expected); },
          ids.slots());
  }

  void categories(std::string_view name, const CategoryColumn& column, std::size_t rows) {
    length(name, column.codes().size(), rows, true);
    // The labels are checked even without codes: place look-ups and their error messages
    // read every label (a snapshot with no codes but broken labels read past its strings).
    interner(name, column.labels(), column.labels().size());
    if (column.codes().empty()) return;
    in_range(name, column.codes(), column.labels().size(), false);
  }

  void in_range(std::string_view name, const Column<NodeId>& values, std::size_t bound,
                bool none_allowed) {
    each(values, [name = std::string(name), values = values.unchecked(), bound, none_allowed](
                     std::size_t first, std::size_t end) {
      return range_problem(name, values.subspan(first, end - first), bound, none_allowed);
    });
  }

  void csr(std::string_view name, const Csr& relation, std::size_t rows, std::size_t targets) {
    length(name, relation.offsets().size(), rows + 1);
    whole([name = std::string(name), offsets = relation.offsets().unchecked(),
           edges = relation.edges()] { return offset_problem(name, offsets, edges); },
          relation.offsets());
    in_range(name, relation.targets(), targets, false);
  }

 private:
  static Problem no_rule() { return std::nullopt; }

  // A rule over whole columns: run now, or attached to the guard of each column it reads.
  template <class Rule, class... Columns>
  void whole(Rule rule, const Columns&... columns) {
    auto counted = [rule = std::move(rule), elements = (columns.size() + ...)] {
      examined.fetch_add(elements, std::memory_order_relaxed);
      return rule();
    };
    if (defer_ && (columns.guard() || ...)) {
      auto shared = std::make_shared<WholeRule>();
      shared->run = std::move(counted);
      (add_input(*shared, columns.guard()), ...);
      (attach(columns.guard(), shared), ...);
      return;
    }
    // Deferring attached the rule to every guarded column it reads, so reading one whose
    // guard holds its rules runs it: running it again would check everything twice.
    const auto read = [&] { (columns.span(), ...); };
    if ((holds_rules(columns.guard()) || ...))
      run_now(read, no_rule);
    else
      run_now(read, counted);
  }

  // A rule that holds element by element: run now, or on each chunk as it is read.
  template <class T, class Rule>
  void each(const Column<T>& column, Rule rule) {
    auto counted = [rule = std::move(rule)](std::size_t first, std::size_t end) {
      examined.fetch_add(end - first, std::memory_order_relaxed);
      return rule(first, end);
    };
    if (defer_ && column.guard()) {
      remember(column.guard());
      column.guard()->add_element_rule(std::move(counted));
      return;
    }
    const auto read = [&] { column.span(); };
    if (holds_rules(column.guard()))
      run_now(read, no_rule);  // as in whole()
    else
      run_now(read, [&] { return counted(0, column.size()); });
  }

  // Reading the columns first runs their guards (their bytes and deferred rules).
  template <class Read, class Rule>
  void run_now(Read read, Rule&& rule) {
    if (problem) return;
    read();
    problem = rule();
  }

  static bool holds_rules(const std::shared_ptr<ColumnGuard>& guard) {
    return guard && guard->rules_complete();
  }

  // A guard given rules (or, for a column without rules, none): marked complete by done().
  void remember(const std::shared_ptr<ColumnGuard>& guard) {
    if (guard) deferred_to_.push_back(guard);
  }
  static void add_input(WholeRule& rule, const std::shared_ptr<ColumnGuard>& guard) {
    if (guard) rule.inputs.push_back(guard);
  }
  void attach(const std::shared_ptr<ColumnGuard>& guard, const std::shared_ptr<WholeRule>& rule) {
    if (!guard) return;
    guard->add_whole_rule(rule);
    remember(guard);
  }

  std::vector<std::shared_ptr<ColumnGuard>> deferred_to_;
  bool defer_;
};

Problem apply_rules(const Network& n, Checker check) {
  const std::size_t platforms = n.platforms.ids.size(), bases = n.bases.ids.size(),
                    hosts = n.broadcasters.ids.size(), fanbases = n.fanbases.broadcaster.size(),
                    fans = n.fans.ids.size();
  check.interner("platforms.ids", n.platforms.ids, platforms);
  check.strings("platforms.names", n.platforms.names, platforms);
  check.counts("platforms.population", n.platforms.population, platforms, true, false);

  check.interner("bases.ids", n.bases.ids, bases);
  check.strings("bases.names", n.bases.names, bases);
  check.categories("bases.province", n.bases.province, bases);
  check.categories("bases.city", n.bases.city, bases);
  check.categories("bases.kind", n.bases.kind, bases);

  check.interner("broadcasters.ids", n.broadcasters.ids, hosts);
  check.strings("broadcasters.names", n.broadcasters.names, hosts);
  check.length("broadcasters.base", n.broadcasters.base.size(), hosts);
  check.in_range("broadcasters.base", n.broadcasters.base, bases, true);
  check.categories("broadcasters.province", n.broadcasters.province, hosts);
  check.categories("broadcasters.kind", n.broadcasters.kind, hosts);
  check.amounts("broadcasters.fee", n.broadcasters.fee, hosts, true);

  check.in_range("fanbases.broadcaster", n.fanbases.broadcaster, hosts, false);
  check.length("fanbases.platform", n.fanbases.platform.size(), fanbases);
  check.in_range("fanbases.platform", n.fanbases.platform, platforms, false);
  check.counts("fanbases.fans", n.fanbases.fans, fanbases, false, true);
  check.strings("fanbases.handles", n.fanbases.handles, fanbases);

  check.interner("fans.ids", n.fans.ids, fans);
  check.counts("fans.weights", n.fans.weights, fans, false, true, true);
  check.categories("fans.province", n.fans.province, fans);
  check.categories("fans.city", n.fans.city, fans);

  const Relations& r = n.relations;
  check.csr("owns", r.owns, hosts, fanbases);
  check.csr("platform_fanbases", r.platform_fanbases, platforms, fanbases);
  check.csr("base_members", r.base_members, bases, hosts);
  check.csr("follows", r.follows, fans, fanbases);
  check.csr("followers", r.followers, fanbases, fans);
  check.csr("collab", r.collab, hosts, hosts);
  // Each pair is held twice, once from each end.
  check.amounts("collab_weight", r.collab_weight, r.collab.targets().size(), false, 2);
  // Without weights every fan weighs 1: the follows' weight is their count, far below the
  // limit, and the rule would only make every reader of a weight check all the offsets.
  if (!n.fans.weights.empty()) check.follow_weights(r.follows, n.fans.weights);
  return check.done();
}

}  // namespace

std::optional<std::string> check_network(const Network& network) {
  return apply_rules(network, Checker(false));
}

std::optional<std::string> defer_network_checks(const Network& network) {
  return apply_rules(network, Checker(true));
}

std::uint64_t network_rule_elements() { return examined.load(std::memory_order_relaxed); }

}  // namespace castgraph
