// Running castgraph-mpi under mpirun from a test (CASTGRAPH_MPI_BINARY).
#pragma once

#include <string>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace castgraph::testing {

// The mpirun command line for `ranks` ranks, each running `program` (already quoted).
// Open MPI 4.1 keeps every mpirun's session files under one directory per user,
// /tmp/ompi.HOST.UID, and each mpirun that ends removes it when it finds it empty. An
// mpirun starting at that moment (ctest -j2 runs two tests at once; other users' tests
// share the machine) creates the directory, loses it to the other's rmdir, fails its next
// mkdir and dies in orte_init ("session_dir.c at line 107"). So each mpirun gets a
// directory of its own, `session`. timeout turns a hang into a failure (status 124).
inline std::string mpirun_command(int ranks, const TempDir& session, const std::string& program) {
  return "timeout 120 mpirun -q --mca orte_tmpdir_base " + shell_quote(session.path().string()) +
         " --oversubscribe --allow-run-as-root -np " + std::to_string(ranks) + " " + program;
}

// `castgraph-mpi <arguments>` on `ranks` ranks, as run_program runs a command.
inline CommandResult run_mpi(int ranks, const std::string& arguments) {
  const TempDir session;
  return run_program(mpirun_command(ranks, session, shell_quote(CASTGRAPH_MPI_BINARY)), arguments);
}

// The first line of `text`, with its line end: what castgraph-mpi printed itself, without
// mpirun's own notice that a rank failed.
inline std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n') + 1);
}

// What castgraph-mpi printed on stderr itself, every line of it: mpirun's own notices that a
// rank failed (blocks opened by a line of dashes) taken off, and the program's name at the
// start of the message written as castgraph's, so that the message compares with castgraph's.
inline std::string own_message(const std::string& err) {
  const std::string notice(20, '-');
  std::size_t end = 0;  // the start of the first line that opens a notice
  while (end < err.size() && err.compare(end, notice.size(), notice) != 0) {
    const std::size_t line_end = err.find('\n', end);
    end = line_end == std::string::npos ? err.size() : line_end + 1;
  }
  std::string own = err.substr(0, end);
  const std::string mpi_name = "castgraph-mpi: ";
  if (own.rfind(mpi_name, 0) == 0) own = "castgraph: " + own.substr(mpi_name.size());
  return own;
}

}  // namespace castgraph::testing
