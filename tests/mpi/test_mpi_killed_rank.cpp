// A rank killed mid-run: mpirun must end the job, every rank included, with a failure
// status within seconds, whatever the others were doing (here, waiting in a collective).
#include <signal.h>
#include <catch2/catch.hpp>

#include <cerrno>
#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "support/run_mpi.hpp"

using castgraph::testing::CommandResult;
using castgraph::testing::mpirun_command;
using castgraph::testing::read_file;
using castgraph::testing::run_program;
using castgraph::testing::shell_quote;
using castgraph::testing::source_path;
using castgraph::testing::TempDir;

namespace {

// Polls `done` every 10 ms for up to a minute; true when it held.
template <typename Done>
bool within_a_minute(Done&& done) {
  for (int i = 0; i < 6000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

// The state letter of /proc/PID/stat (R running, S sleeping, T stopped, ...); '?' when
// there is no such process.
char process_state(pid_t pid) {
  const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
  const std::size_t name_end = stat.rfind(')');
  return name_end == std::string::npos || name_end + 2 >= stat.size() ? '?' : stat[name_end + 2];
}

bool process_gone(pid_t pid) { return ::kill(pid, 0) != 0 && errno == ESRCH; }

// The pid rank `rank` wrote, 0 until it has.
pid_t rank_pid(const TempDir& dir, int rank) {
  const std::string text = read_file(dir / ("pid." + std::to_string(rank)));
  return text.empty() || text.back() != '\n' ? 0 : std::stoi(text);
}

}  // namespace

TEST_CASE("mpirun fails and ends every rank when one rank of castgraph-mpi is killed mid-run") {
  TempDir dir;
  // Every rank writes its pid to pid.RANK and becomes castgraph-mpi. Rank 1 stops itself
  // once it has loaded its shard (mpi/stop_for_tests.hpp), while ranks 0 and 2 go on into
  // the collective that agrees on the hosts, and wait there for it.
  const std::string rank_script = "echo $$ > " + shell_quote(dir.path().string()) +
                                  "/pid.$OMPI_COMM_WORLD_RANK; exec " +
                                  shell_quote(CASTGRAPH_MPI_BINARY) + " reach " +
                                  shell_quote(source_path("samples/tiny")) + " --hosts h1 --json";
  const TempDir session;
  auto job = std::async(std::launch::async, [&] {
    return run_program("CASTGRAPH_MPI_STOP_RANK=1 " +
                           mpirun_command(3, session, "sh -c " + shell_quote(rank_script)),
                       "");
  });

  pid_t stopped = 0;
  const bool rank_1_stopped = within_a_minute([&] {
    stopped = rank_pid(dir, 1);
    return stopped != 0 && process_state(stopped) == 'T';
  });
  REQUIRE(rank_1_stopped);
  REQUIRE(::kill(stopped, SIGKILL) == 0);

  const CommandResult ended = job.get();  // within timeout's 120 s
  INFO("mpirun's stderr:\n" << ended.err);
  CHECK(ended.status != 0);
  CHECK(ended.status != 124);  // 124: timeout ended a hang
  CHECK(ended.out.empty());
  for (int rank = 0; rank < 3; ++rank) {
    const pid_t pid = rank_pid(dir, rank);
    INFO("rank " << rank << ", pid " << pid);
    REQUIRE(pid != 0);
    CHECK(within_a_minute([&] { return process_gone(pid); }));
  }
}
