// Messages above Open MPI's int counts: gatherings, broadcasts and reductions cut them into
// pieces (mpi/pieces.hpp). The arithmetic is checked at 8 GiB here without sending it; the
// sending, by making every piece tiny (CASTGRAPH_MPI_PIECE_BYTES, mpi/stop_for_tests.hpp)
// so that every message of a small dataset is cut, and the answers stay castgraph's.
#include <catch2/catch.hpp>

#include <climits>
#include <regex>
#include <utility>
#include <vector>

#include "mpi/mpi_expect.hpp"
#include "mpi/pieces.hpp"

using namespace castgraph::testing;
using castgraph::mpi::elements_in;
using castgraph::mpi::in_pieces;

namespace {

std::vector<std::pair<std::uint64_t, int>> pieces_of(std::uint64_t total, std::uint64_t piece) {
  std::vector<std::pair<std::uint64_t, int>> pieces;
  in_pieces(total, piece, [&](std::uint64_t at, int n) { pieces.emplace_back(at, n); });
  return pieces;
}

// castgraph-mpi --verbose ARGUMENTS on `ranks` ranks with pieces of `piece_bytes`.
CommandResult run_mpi_in_pieces(int ranks, const std::string& arguments, int piece_bytes) {
  const TempDir session;
  return run_program("CASTGRAPH_MPI_PIECE_BYTES=" + std::to_string(piece_bytes) + " " +
                         mpirun_command(ranks, session, shell_quote(CASTGRAPH_MPI_BINARY)),
                     "--verbose " + arguments);
}

// The messages rank 0 cut, as --verbose tells them.
long cut_messages(const std::string& err) {
  static const std::regex told(R"(cut into calls of at most (\d+) bytes: (\d+), in (\d+) calls)");
  std::smatch match;
  if (!std::regex_search(err, match, told)) return -1;
  return std::stol(match[2]);
}

}  // namespace

TEST_CASE("Messages are cut into pieces that cover them once, in order, within int counts") {
  CHECK(pieces_of(0, 3).empty());
  CHECK(pieces_of(10, 3) ==
        std::vector<std::pair<std::uint64_t, int>>{{0, 3}, {3, 3}, {6, 3}, {9, 1}});
  CHECK(pieces_of(3, 3) == std::vector<std::pair<std::uint64_t, int>>{{0, 3}});
  // 8 GiB in pieces of the largest int count: four whole pieces and the 4 bytes left over.
  const std::uint64_t total = std::uint64_t{8} << 30;
  const auto big = pieces_of(total, INT_MAX);
  REQUIRE(big.size() == 5);
  std::uint64_t next = 0;
  for (const auto& [at, n] : big) {
    CHECK(at == next);
    CHECK(n > 0);
    next += static_cast<std::uint64_t>(n);
  }
  CHECK(next == total);
  CHECK(big.back().second == 4);
  CHECK(elements_in(7, 8) == 1);  // a piece smaller than one value still carries one
  CHECK(elements_in(std::uint64_t{1} << 30, 8) == std::uint64_t{1} << 27);
}

TEST_CASE("castgraph-mpi answers as castgraph when every message goes in pieces of 7 bytes") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  // Sketch registers (a max-reduce) and their broadcasts, the provinces per host (gathered
  // text), the projection's pairs and rank 0's communities, and the planner's questions.
  const std::vector<std::string> commands{
      "reach " + tiny + " --hosts h1,h2,h3 --method sketch --precision 6 --json",
      "rank " + tiny + " --by reach --json", "communities " + tiny + " --json",
      "plan " + tiny + " --k 3 --json"};
  for (const std::string& command : commands) {
    const CommandResult one = run_castgraph(command);
    REQUIRE(one.status == 0);
    for (int ranks = 1; ranks <= 4; ++ranks) {
      const CommandResult many = run_mpi_in_pieces(ranks, command, 7);
      INFO(command << " on " << ranks << " ranks\n" << many.err);
      CHECK(many.status == 0);
      CHECK(many.out == one.out);
      CHECK(cut_messages(many.err) > 0);  // the pieces were taken
    }
  }
  // Without the hook, a small dataset's messages go whole.
  const CommandResult whole = run_mpi(2, "--verbose info " + tiny);
  CHECK(cut_messages(whole.err) == 0);
}
