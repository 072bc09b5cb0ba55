// The one Catch2 main shared by every test executable.
//
// Catch2's implementation, compiled here, instantiates std::regex (its Matches matcher),
// inside which GCC 12 with the sanitizers of the asan flavour reports
// -Wmaybe-uninitialized on libstdc++'s std::function (a false positive in the library,
// not in our code). Nothing else is compiled in this file, so the warning is turned off
// for it alone.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

// Every castgraph these tests run caches CSV datasets (loaders/dataset_cache.hpp) under
// $XDG_CACHE_HOME: point it at a directory of this test process's own, so that no test
// writes into the real ~/.cache, and none sees another's entries unless it shares them
// on purpose. Removed when the process ends.
struct PrivateCache {
  std::filesystem::path directory;
  PrivateCache() {
    const char* tmp = std::getenv("TMPDIR");
    directory = std::filesystem::path(tmp && *tmp ? tmp : "/tmp") /
                ("castgraph-test-cache." + std::to_string(::getpid()));
    ::setenv("XDG_CACHE_HOME", directory.c_str(), 1);
    ::unsetenv("CASTGRAPH_CACHE_BYTES");
  }
  ~PrivateCache() {
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
  }
};
const PrivateCache private_cache;

}  // namespace
