// The --json output of a castgraph run that must succeed, parsed.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "support/run_command.hpp"

namespace castgraph::testing {

// Runs `castgraph <arguments>`, requires exit status 0 (showing the arguments and stderr
// when not) and parses stdout as JSON.
inline nlohmann::json json_of(const std::string& arguments) {
  const auto result = run_castgraph(arguments);
  INFO(arguments << "\n" << result.err);
  REQUIRE(result.status == 0);
  return nlohmann::json::parse(result.out);
}

}  // namespace castgraph::testing
