// Throughput of CsvReader on a follows.csv-shaped input: `f123456,h12,p1` rows.
//
//   csv_reader_bench            generate 200 MB in memory and read it
//   csv_reader_bench MB         generate MB megabytes instead
//   csv_reader_bench FILE.csv   read a file from disk (memory-mapped)
//
// Prints MB/s and rows/s of the read loop alone (generation is not timed), by wall clock
// and by this process's CPU time (steadier when other jobs share the machine). The loop
// touches every field so that nothing can be optimised away.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "bench/bench_clock.hpp"
#include "loaders/csv_reader.hpp"

using castgraph::bench::cpu_seconds;
using castgraph::bench::wall_seconds;

namespace {

std::string generate(std::size_t bytes) {
  std::string text;
  text.reserve(bytes + 64);
  text += "fan,broadcaster,platform\n";
  char row[64];
  for (std::uint64_t i = 0; text.size() < bytes; ++i) {
    const int length = std::snprintf(
        row, sizeof row, "f%06llu,h%llu,p%llu\n", static_cast<unsigned long long>(i % 1000000),
        static_cast<unsigned long long>(i * 7 % 97), static_cast<unsigned long long>(i % 5));
    text.append(row, static_cast<std::size_t>(length));
  }
  return text;
}

bool is_number(const char* text) {
  char* end = nullptr;
  std::strtoull(text, &end, 10);
  return end != text && *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<castgraph::CsvReader> reader;
  try {
    if (argc > 1 && !is_number(argv[1])) {
      reader.emplace(argv[1]);
    } else {
      const std::size_t megabytes = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200;
      reader.emplace(castgraph::CsvReader::from_string(generate(megabytes << 20), "generated.csv"));
    }
  } catch (const std::exception& error) {
    fmt::print(stderr, "csv_reader_bench: {}\n", error.what());
    return 1;
  }

  castgraph::CsvRecord record;
  std::uint64_t rows = 0, field_bytes = 0, problems = 0;
  const double cpu_start = cpu_seconds();
  const double wall_start = wall_seconds();
  while (reader->next(record)) {
    ++rows;
    for (const auto field : record.fields) field_bytes += field.size();
    problems += record.problem ? 1 : 0;
  }
  const double wall = wall_seconds() - wall_start;
  const double cpu = cpu_seconds() - cpu_start;

  const double megabytes = static_cast<double>(reader->size_bytes()) / (1 << 20);
  fmt::print("{}: {:.1f} MB, {} rows, {} field bytes, {} problems\n", reader->path().string(),
             megabytes, rows, field_bytes, problems);
  const auto report = [&](const char* clock, double seconds) {
    fmt::print("{:<5} {:.3f} s  {:.0f} MB/s  {:.1f} M rows/s\n", clock, seconds,
               megabytes / seconds, static_cast<double>(rows) / seconds / 1e6);
  };
  report("wall", wall);
  report("cpu", cpu);
  return 0;
}
