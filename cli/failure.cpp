#include "cli/failure.hpp"

#include <new>
#include <stdexcept>

#include "cli/exit_codes.hpp"
#include "cli/parameter_flags.hpp"
#include "cli/terminal_text.hpp"
#include "graph/errors.hpp"
#include "loaders/text_encoding.hpp"

namespace castgraph::cli {

Failure describe_failure(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const UsageError& usage) {
    // Lines kept: an ambiguous host's candidates and suggestions are one per line.
    return {kExitUsage, "castgraph: " + terminal_safe_lines(usage_message(usage))};
  } catch (const WrongEncodingError& encoding) {
    return {kExitData, terminal_safe(encoding.what()) + "\ncastgraph: run again with --encoding " +
                           encoding.encoding()};
  } catch (const DataError& data) {
    return {kExitData, terminal_safe(data.what())};
  } catch (const IoError& io) {
    return {kExitIo, "castgraph: " + terminal_safe(io.what())};
  } catch (const std::bad_alloc&) {
    return {kExitSoftware, "castgraph: out of memory"};
  } catch (const std::exception& other) {
    return {kExitSoftware, "castgraph: internal error: " + terminal_safe(other.what())};
  } catch (...) {
    return {kExitSoftware, "castgraph: internal error: an unknown exception"};
  }
}

}  // namespace castgraph::cli
