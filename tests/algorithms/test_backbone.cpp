// Per-vertex edge thinning against a graph checked by hand.
#include <catch2/catch.hpp>

#include "algorithms/backbone.hpp"

using namespace castgraph;

namespace {

// A star on 0 (weights 6, 3, 1 to vertices 1, 2, 3) and an edge 1–2 of weight 2.
// Strengths: 0: 10, 1: 8, 2: 5, 3: 1. Degrees: 3, 2, 2, 1.
const std::vector<WeightedEdge> kEdges{{0, 1, 6}, {0, 2, 3}, {0, 3, 1}, {1, 2, 2}};

}  // namespace

TEST_CASE("strongest ties keep each vertex's k heaviest edges, from either end", "[algorithms]") {
  // k = 1: 0 keeps 0–1, 1 keeps 0–1, 2 keeps 0–2, 3 keeps 0–3; nobody's best is 1–2.
  CHECK(strongest_ties(4, kEdges, 1) == std::vector<char>{1, 1, 1, 0});
  // k = 2: 1 keeps 1–2 as its second, so every edge stays.
  CHECK(strongest_ties(4, kEdges, 2) == std::vector<char>{1, 1, 1, 1});
  CHECK(strongest_ties(4, kEdges, 0) == std::vector<char>{0, 0, 0, 0});
}

TEST_CASE("the disparity filter's alpha is (1 - w/s)^(k-1), the smaller of the two ends",
          "[algorithms]") {
  const std::vector<double> alpha = disparity_alpha(4, kEdges);
  REQUIRE(alpha.size() == 4);
  CHECK(alpha[0] == Approx(0.16));  // at 0: 0.4² = 0.16; at 1: 1 − 6/8 = 0.25
  CHECK(alpha[1] == Approx(0.40));  // at 0: 0.7² = 0.49; at 2: 1 − 3/5 = 0.4
  CHECK(alpha[2] == Approx(0.81));  // at 0: 0.9² = 0.81; at 3: degree one, 1
  CHECK(alpha[3] == Approx(0.60));  // at 1: 1 − 2/8 = 0.75; at 2: 1 − 2/5 = 0.6
}
