// A working directory deeper than PATH_MAX (4096 bytes): no absolute path of a file in it
// can be formed, so comparing canonical paths failed for every name and every output
// was refused as "an input". Outputs and inputs are now compared by stat (inode, or
// the same name in the same directory), which works at any depth.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "support/run_command.hpp"

using namespace castgraph::testing;

namespace {

// A shell prefix that runs castgraph in a directory 25 levels of 200 bytes below `root`
// (5,000 bytes), holding a copy of samples/tiny. bash, not sh: dash cannot cd below
// PATH_MAX, bash enters one short relative step at a time.
std::string in_deep_directory(const std::string& root) {
  return "ROOT=" + shell_quote(root) + " TINY=" + shell_quote(source_path("samples/tiny")) +
         " exec bash -c 'cd \"$ROOT\" || exit 99; for i in $(seq 25); do mkdir -p " +
         std::string(200, 'd') + " && cd " + std::string(200, 'd') +
         " || exit 99; done; [ $(pwd | wc -c) -gt 4096 ] || exit 98; "
         "[ -d tiny ] || cp -r \"$TINY\" tiny || exit 97; exec \"$0\" \"$@\"' ";
}

}  // namespace

TEST_CASE("in a working directory deeper than PATH_MAX an output is written, an input refused",
          "[cli][long-paths]") {
  TempDir dir;
  const std::string deep = in_deep_directory(dir.path().string());
  // Twice: the second time out.html exists, which is when it was refused.
  const CommandResult first = run_castgraph("report tiny -o out.html", deep);
  const CommandResult again = run_castgraph("report tiny -o out.html", deep);
  const CommandResult input = run_castgraph("report tiny -o tiny/fans.csv", deep);
  const CommandResult inside = run_castgraph("export tiny -o ./tiny/../tiny/fans.json", deep);
  const CommandResult made = run_castgraph("snapshot tiny -o t.cgs", deep);
  const CommandResult snapshot = run_castgraph("snapshot t.cgs -o ./t.cgs", deep);
  // libstdc++ cannot remove a tree this deep by path; rm can.
  CHECK(std::system(("rm -rf " + shell_quote(dir.path().string())).c_str()) == 0);
  INFO(first.err << again.err);
  CHECK(first.status == 0);
  CHECK(again.status == 0);
  CHECK(input.status == 2);
  CHECK_THAT(input.err, Catch::Contains("the output tiny/fans.csv is an input"));
  CHECK(inside.status == 0);  // a new file in the dataset's folder is not one of its files
  CHECK(made.status == 0);
  CHECK(snapshot.status == 2);
  CHECK_THAT(snapshot.err, Catch::Contains("the output ./t.cgs is an input"));
}
