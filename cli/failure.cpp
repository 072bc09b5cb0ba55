#include "cli/failure.hpp"

#include <new>
#include <stdexcept>

#include "cli/exit_codes.hpp"
#include "cli/parameter_flags.hpp"
#include "cli/terminal_text.hpp"
#include "graph/errors.hpp"

namespace castgraph::cli {

Failure describe_failure(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const UsageError& usage) {
    return {kExitUsage, "castgraph: " + terminal_safe(usage_message(usage))};
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
