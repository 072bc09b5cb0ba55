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
