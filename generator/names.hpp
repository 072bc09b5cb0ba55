// Realistic Chinese names drawn from built-in lists: hosts (personal names and the
// nicknames streamers go by: 大连王姐, 草莓李哥, 丹丹呀), their account handles, and
// livestream bases (直播基地, 产业园, MCN 文化传媒, 培训基地, 电子商务示范基地).
#pragma once

#include <string>
#include <string_view>

#include "generator/geography.hpp"
#include "generator/random.hpp"

namespace castgraph::generator {

// A host's display name; `city` and `product` may flavour a nickname.
std::string host_name(Rng& rng, std::string_view city, std::string_view product);

// The account name on a platform. The first platform's handle is the name itself; a
// few handles carry a comma or quotes, as real ones do (and the CSV must quote them).
std::string host_handle(Rng& rng, std::string_view name, bool primary);

// Base kinds written to bases.csv.
inline constexpr std::string_view kBaseEcommerce = "ecommerce";
inline constexpr std::string_view kBaseMcn = "mcn";
inline constexpr std::string_view kBaseTraining = "training";
inline constexpr std::string_view kBaseNationalDemo = "national-demo";
inline constexpr std::string_view kBaseProvincialDemo = "provincial-demo";

// A base's name, of the given kind, in `city` (one of its `district`s), known for
// `speciality`. Not necessarily unique: the caller retries on a clash.
std::string base_name(Rng& rng, std::string_view kind, std::string_view city,
                      std::string_view district, std::string_view speciality);

}  // namespace castgraph::generator
