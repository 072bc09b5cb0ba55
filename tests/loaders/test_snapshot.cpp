#include <catch2/catch.hpp>
#include <cstring>

#include "algorithms/tiers.hpp"
#include "graph/errors.hpp"
#include "graph/network_check.hpp"
#include "graph/whole_network.hpp"
#include "loaders/dataset_loader.hpp"
#include "loaders/snapshot.hpp"
#include "support/snapshot_layout.hpp"
#include "support/temp_dir.hpp"

using namespace castgraph;
using castgraph::testing::read_file;
using castgraph::testing::section_places;
using castgraph::testing::TempDir;
using castgraph::testing::with_damaged_section;

namespace {

const std::string kTiny = CASTGRAPH_SOURCE_DIR "/samples/tiny";

// Writes a network's snapshot and returns its bytes.
std::string snapshot_bytes(const Network& network, const TempDir& dir, const char* name = "n.cgs") {
  write_snapshot(network, dir / name);
  return read_file(dir / name);
}

// The error message of opening `bytes` as a snapshot, or "" when it opens.
std::string open_error(const TempDir& dir, const std::string& bytes) {
  dir.write("probe.cgs", bytes);
  try {
    open_snapshot(dir / "probe.cgs");
  } catch (const DataError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a snapshot opens to the same network it was written from", "[snapshot]") {
  TempDir dir;
  const Network original = load_dataset(kTiny).network;
  const std::string written = snapshot_bytes(original, dir);
  const OpenedSnapshot opened = open_snapshot(dir / "n.cgs");
  const Network& copy = opened.network;

  CHECK_FALSE(copy.relations.follows.targets().owns());  // borrowed from the mapping
  CHECK(copy.broadcasters.size() == 8);
  CHECK(copy.broadcasters.names[3] == "刘一手, 大连");
  CHECK(copy.broadcasters.ids.find("h7") == NodeId{6});
  CHECK(copy.fans.ids.find("f20").has_value());
  CHECK(copy.fans.weight(*copy.fans.ids.find("f01")) == 1000);
  CHECK(copy.fans.province[0] == "辽宁");
  CHECK(copy.bases.city[1] == "大连");
  CHECK(people(copy) == 1023);
  CHECK(copy.follow_count() == 28);
  CHECK(count_components(copy) == 2);
  CHECK(tiers(copy).cumulative[0].hosts == 5);
  // Writing the opened copy again gives the same bytes: nothing was lost or changed.
  CHECK(snapshot_bytes(copy, dir, "again.cgs") == written);
}

// The tiny sample written as dir/n.cgs with one extra section, "sketch.test", holding
// kExtraRegisters.
const std::vector<std::uint32_t> kExtraRegisters{1, 2, 3, 5, 8};
Network write_with_extra(const TempDir& dir) {
  Network network = load_dataset(kTiny).network;
  const SnapshotExtra extra{
      "sketch.test",
      4,
      {reinterpret_cast<const char*>(kExtraRegisters.data()), kExtraRegisters.size() * 4}};
  write_snapshot(network, dir / "n.cgs", std::span(&extra, 1));
  return network;
}

TEST_CASE("extra sections travel with the snapshot", "[snapshot]") {
  TempDir dir;
  write_with_extra(dir);
  const std::vector<std::uint32_t>& registers = kExtraRegisters;
  const OpenedSnapshot opened = open_snapshot(dir / "n.cgs");
  REQUIRE(opened.extras.count("sketch.test") == 1);
  const auto bytes = opened.extras.at("sketch.test").bytes();
  REQUIRE(bytes.size() == 20);
  CHECK(std::memcmp(bytes.data(), registers.data(), 20) == 0);
}

// Extras are checked when read, so a command that never reads them does not pay for the
// checksum; one that does gets the same refusal as for any other corrupted section.
TEST_CASE("a corrupted extra section opens but is refused when read", "[snapshot]") {
  TempDir dir;
  const Network network = write_with_extra(dir);
  const std::vector<std::uint32_t>& registers = kExtraRegisters;
  std::string bytes = read_file(dir / "n.cgs");
  const std::string_view needle(reinterpret_cast<const char*>(registers.data()), 20);
  const std::size_t at = bytes.rfind(needle);
  REQUIRE(at != std::string::npos);
  bytes[at + 9] = static_cast<char>(bytes[at + 9] ^ 0x10);
  dir.write("damaged.cgs", bytes);
  const OpenedSnapshot opened = open_snapshot(dir / "damaged.cgs");
  CHECK(opened.network.broadcasters.size() == network.broadcasters.size());
  const OpenedExtra& damaged = opened.extras.at("sketch.test");
  CHECK(damaged.size() == 20);
  CHECK_THROWS_WITH(damaged.bytes(), Catch::Contains("damaged.cgs") &&
                                         Catch::Contains("section 'sketch.test' is corrupted"));
}

TEST_CASE("a truncated snapshot is refused", "[snapshot]") {
  TempDir dir;
  const std::string bytes = snapshot_bytes(load_dataset(kTiny).network, dir);
  for (std::size_t size :
       {std::size_t{0}, std::size_t{10}, std::size_t{64}, bytes.size() / 2, bytes.size() - 1}) {
    INFO("cut to " << size << " bytes");
    CHECK_FALSE(open_error(dir, bytes.substr(0, size)).empty());
  }
  CHECK_THAT(open_error(dir, bytes.substr(0, bytes.size() - 64)), Catch::Contains("truncated"));
}

TEST_CASE("a foreign file is refused by its signature", "[snapshot]") {
  TempDir dir;
  CHECK_THAT(open_error(dir, "id,name\np1,抖音\n"), Catch::Contains("snapshot signature"));
  CHECK_THAT(open_error(dir, std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, '\0')),
             Catch::Contains("snapshot signature"));
  CHECK(looks_like_snapshot(dir.write("x.csv", "id,name\n")) == false);
}

TEST_CASE("a snapshot from a newer castgraph is refused with advice", "[snapshot]") {
  TempDir dir;
  std::string bytes = snapshot_bytes(load_dataset(kTiny).network, dir);
  const std::uint32_t future = kSnapshotVersion + 1;
  std::memcpy(bytes.data() + 8, &future, 4);
  CHECK_THAT(open_error(dir, bytes), Catch::Contains("newer than this castgraph"));
}

// The first refusal that reading the whole network gives, or "" when it reads clean.
std::string read_whole_error(const Network& network) {
  try {
    if (auto problem = check_network(network)) return *problem;
  } catch (const DataError& error) {
    return error.what();
  }
  return "";
}

TEST_CASE("every flipped byte is refused or provably harmless", "[snapshot]") {
  // A flip inside the header or the tables fails a check at open; one inside a section
  // fails when that section is read (check_network reads them all); a flip in the zero
  // padding between sections changes nothing, so the file must then open to a network
  // that writes back byte for byte the same as the original.
  TempDir dir;
  const Network original = load_dataset(kTiny).network;
  const std::string bytes = snapshot_bytes(original, dir);
  std::size_t refused_at_open = 0, refused_when_read = 0, harmless = 0;
  for (std::size_t at = 0; at < bytes.size(); at += 3) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ (1 << (at % 8)));
    dir.write("probe.cgs", damaged);
    try {
      const OpenedSnapshot opened = open_snapshot(dir / "probe.cgs");
      if (!read_whole_error(opened.network).empty()) {
        ++refused_when_read;
        continue;
      }
      INFO("byte " << at << " flipped and accepted");
      REQUIRE(snapshot_bytes(opened.network, dir, "rewritten.cgs") == bytes);
      ++harmless;
    } catch (const DataError&) {
      ++refused_at_open;
    }
  }
  CHECK(refused_at_open > 0);
  CHECK(refused_when_read > harmless);
}

namespace {

// Answers that read different parts of a network, as text, or the refusal they met.
std::vector<std::string> answers(const Network& n) {
  auto answer = [](auto&& compute) -> std::string {
    try {
      return compute();
    } catch (const DataError& error) {
      return std::string("refused: ") + error.what();
    }
  };
  return {
      answer([&] { return std::to_string(tiers(n).cumulative[0].hosts); }),
      answer([&] { return std::to_string(people(n)); }),
      answer([&] { return std::to_string(count_components(n)); }),
      answer([&] { return std::string(n.broadcasters.names[3]) + std::string(n.bases.city[1]); }),
      answer([&] { return std::to_string(n.fans.ids.find("f20").value_or(kNoNode)); }),
      answer([&] { return std::to_string(n.relations.followers.neighbours(2).size()); }),
  };
}

}  // namespace

TEST_CASE("a damaged section is refused by every read of it and changes no other answer",
          "[snapshot]") {
  TempDir dir;
  const std::string bytes = snapshot_bytes(load_dataset(kTiny).network, dir);
  const OpenedSnapshot intact = open_snapshot(dir / "n.cgs");
  const std::vector<std::string> expected = answers(intact.network);
  for (const auto& [name, place] : section_places(bytes)) {
    if (place.bytes == 0) continue;
    INFO("section " << name);
    dir.write("damaged.cgs", with_damaged_section(bytes, name));
    const OpenedSnapshot damaged = open_snapshot(dir / "damaged.cgs");  // only the tables are read
    const std::vector<std::string> got = answers(damaged.network);
    for (std::size_t i = 0; i < got.size(); ++i) {
      INFO("answer " << i << ": " << got[i]);
      CHECK((got[i] == expected[i] ||
             got[i].find("section '" + name + "' is corrupted") != std::string::npos));
    }
    CHECK_THAT(read_whole_error(damaged.network),
               Catch::Contains("section '" + name + "' is corrupted"));
  }
}
