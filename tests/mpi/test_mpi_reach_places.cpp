// castgraph-mpi reach with --region, --city, --by and --method sketch against castgraph,
// byte for byte at 1 to 4 ranks, on a panel whose places are spelt two ways.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "mpi_expect.hpp"

using castgraph::testing::expect_same_as_castgraph;
using castgraph::testing::expect_same_failure_as_castgraph;
using castgraph::testing::shell_quote;
using castgraph::testing::source_path;
using castgraph::testing::TempDir;

namespace {

// 12 hosts of three kinds and two bases, most on two platforms; 300 fans of weights 1 and
// 5 whose places are spelt with and without their suffix (吉林省 first, then 吉林), so
// that which spelling a rank meets first depends on the fans it owns, while one process
// names each place by its first spelling in the file; 40 fans have no place.
void write_places_panel(const TempDir& dir) {
  std::mt19937 random(5);
  dir.write("platforms.csv", "id,name\ndy,抖音\nks,快手\n");
  dir.write("bases.csv", "id,name\nb1,沈阳基地\nb2,长春基地\n");
  std::string hosts = "id,name,base,kind,fee\n", fanbases = "broadcaster,platform,fans\n";
  const char* kinds[] = {"influencer", "factory", "village"};
  for (int h = 1; h <= 12; ++h) {
    const std::string id = "h" + std::to_string(h);
    hosts += id + ",主播" + std::to_string(h) + (h % 2 ? ",b1," : ",b2,") + kinds[h % 3] + "," +
             std::to_string(500 * h) + "\n";
    fanbases += id + ",dy," + std::to_string(100 * h) + "\n";
    if (h % 4 != 0) fanbases += id + ",ks," + std::to_string(60 * h) + "\n";
  }
  dir.write("broadcasters.csv", hosts);
  dir.write("fanbases.csv", fanbases);
  const char* places[] = {"吉林省,长春市", "吉林,长春", "辽宁,沈阳", "辽宁省,沈阳市",
                          "辽宁,大连",     "吉林,吉林", ","};
  std::string fans = "id,weight,province,city\n";
  for (int f = 1; f <= 300; ++f)
    fans += "f" + std::to_string(f) + "," + (random() % 3 ? "1" : "5") + "," +
            places[f <= 3    ? 0
                   : f > 260 ? 6
                             : random() % 6] +
            "\n";
  dir.write("fans.csv", fans);
  std::string follows = "fan,broadcaster,platform\n";
  for (int row = 0; row < 1500; ++row) {
    const unsigned host = 1 + random() % 12;
    const bool kuaishou = host % 4 != 0 && random() % 2;
    follows += "f" + std::to_string(1 + random() % 320) + ",h" + std::to_string(host) +
               (kuaishou ? ",ks\n" : ",dy\n");
  }
  dir.write("follows.csv", follows);
}

}  // namespace

TEST_CASE("castgraph-mpi reach by region, city and breakdown equals castgraph's") {
  TempDir dir;
  write_places_panel(dir);
  const std::string reach = "reach " + shell_quote(dir.path().string()) + " --json --hosts ";
  expect_same_as_castgraph(reach + "h1,h2,h3,h4,h5,h6 --region 吉林省 --by city");
  expect_same_as_castgraph(reach + "h1,h5,h8,h12 --city 沈阳 --by province");
  expect_same_as_castgraph(reach + "h2,h3,h4,h9,h10 --platform ks --by kind");
  expect_same_as_castgraph(reach + "h1,h2,h3,h7,h11 --by base");
  // Where each host's people live, by the places' first spellings in the file.
  expect_same_as_castgraph("rank " + shell_quote(dir.path().string()) +
                           " --by reach --top 0 --json");
  // The errors list the places in the file's order, and name the city outside the region.
  expect_same_failure_as_castgraph(reach + "h1 --region 火星");
  expect_same_failure_as_castgraph(reach + "h1 --region 辽宁 --city 长春");
}

TEST_CASE("castgraph-mpi reach --method sketch merges the ranks' registers into castgraph's") {
  TempDir dir;
  write_places_panel(dir);
  const std::string panel = shell_quote(dir.path().string());
  expect_same_as_castgraph("reach " + panel +
                           " --hosts h1,h2,h3,h4,h5,h6,h7 --method sketch --precision 8 "
                           "--by platform --json");
  expect_same_as_castgraph("reach " + panel +
                           " --hosts h1,h2,h3 --method sketch --region 辽宁 --by province --json");
  expect_same_as_castgraph(
      "reach " + shell_quote(source_path("samples/liaoning")) +
      " --hosts h1,h2,h3,h4,h5,h6,h7,h8,h9,h10,h11,h12,h13,h14,h15,h16,h17,h18,h19,h20 --method "
      "sketch --by kind --json");
}
