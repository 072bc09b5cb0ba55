// The clocks every benchmark reads, in seconds as doubles. The bench machine is shared,
// so a figure comes with CPU time as well as wall time: CPU time says what castgraph
// needed, wall time also what the neighbours took.
//   wall_seconds        steady clock (only differences mean anything)
//   cpu_seconds         this process, every thread (user + system)
//   thread_cpu_seconds  the calling thread only (a single-threaded query's own cost)
#pragma once

#include <time.h>

#include <chrono>

namespace castgraph::bench {

inline double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

namespace detail {
inline double clock_seconds(clockid_t clock) {
  timespec now{};
  ::clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}
}  // namespace detail

inline double cpu_seconds() { return detail::clock_seconds(CLOCK_PROCESS_CPUTIME_ID); }
inline double thread_cpu_seconds() { return detail::clock_seconds(CLOCK_THREAD_CPUTIME_ID); }

}  // namespace castgraph::bench
