// The audience model. People live in regions (the preset's cities, plus a few big
// regions for the rest of China) and have a main interest (a Category); each
// (region, category) pair is a cell, a contiguous block of person numbers. A fan base of
// k follow rows draws k distinct people:
//   - where from: the host's own city and category (near home, in their interest), its
//     city at large, its province, the rest of the country in its category, or anywhere;
//     big hosts reach further;
//   - who within a cell: a power law over positions counted from an anchor, so some
//     people follow many hosts and most follow one or two (a heavy tail). The anchor is
//     shared by hosts of one base (they share audiences) or one platform; popular hosts
//     sweep more of the dense part around the anchors, so they overlap more.
// A person has no platform: the same person follows hosts on several platforms.
// Memory: 8 bytes per person, plus the rows of the largest fan base; never
// the follow rows as a whole. Drawing is O(k alpha(k)) by a union-find "next free" array.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "generator/cast.hpp"
#include "generator/presets.hpp"
#include "generator/random.hpp"

namespace castgraph::generator {

struct PeopleRegion {
  std::string_view province;
  std::string_view city;
  std::int32_t plan;  // index into Preset::provinces, or -1 outside them
  double weight;      // share of the people pool
};

class Audience {
 public:
  // A pool of about `people` people (at least one per cell). Throws std::length_error when
  // the pool does not fit 32-bit person numbers.
  Audience(const Preset& preset, std::uint64_t people, std::uint64_t seed);

  // `rows` distinct person numbers following fan base `fanbase`, valid until the next
  // call. Requires rows <= pool_size().
  std::span<const std::uint32_t> draw(const Cast& cast, std::uint32_t fanbase, std::uint64_t rows);

  std::uint64_t pool_size() const { return pool_size_; }
  // Calls visit(person, region, follows) for every person drawn at least once, in
  // person order; `follows` is the number of fan bases that drew them.
  template <class Visit>
  void for_each_follower(Visit&& visit) const {
    for (std::uint32_t c = 0; c < cells_.size(); ++c)
      for (std::uint32_t s = cells_[c].first; s < cells_[c].first + cells_[c].size; ++s)
        if (slots_[s].follows != 0) visit(s - c, regions_[c / kCategoryCount], slots_[s].follows);
  }

 private:
  struct Cell {
    std::uint32_t first;  // first slot; slot first + size is the cell's sentinel
    std::uint32_t size;
  };
  std::uint32_t pick_cell(Rng& rng, const HostRecord& host, std::uint32_t home,
                          double locality) const;
  std::uint32_t any_cell(Rng& rng) const;
  // Where a pick starts: the anchor of `key` in `cell`, plus a power-law offset from u.
  std::uint32_t start_slot(std::uint32_t cell, std::uint64_t key, double u) const;
  // Takes the next free slot of `cell` at or after `start`, wrapping; or returns kFull.
  std::uint32_t take(std::uint32_t cell, std::uint32_t start);
  std::uint32_t find(std::uint32_t slot);

  std::uint64_t seed_;
  std::vector<PeopleRegion> regions_;
  std::vector<std::vector<std::uint32_t>> plan_regions_;  // plan -> city -> region
  std::vector<std::vector<double>> plan_city_cumulative_;
  std::vector<double> region_cumulative_;
  std::vector<double> far_cumulative_;  // regions outside the preset's provinces
  std::vector<double> category_cumulative_;
  std::vector<Cell> cells_;
  std::uint64_t pool_size_ = 0;
  // One entry per slot, both fields together so that a draw touches one cache line.
  struct Slot {
    std::uint32_t next_free;  // union-find: a slot free in the current fan base is its own root
    std::uint32_t follows;    // fan bases that drew this person so far
  };
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> taken_;   // slots of the current fan base
  std::vector<std::uint32_t> people_;  // their person numbers
};

}  // namespace castgraph::generator
