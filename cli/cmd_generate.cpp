// `castgraph generate --preset NAME [--scale F] [--seed N] -o DIR`: write a synthetic
// dataset calibrated to published figures (generator/PRESETS.md), for samples, tests and
// benchmarks where real follow data is private. The work is in generator/; this file
// parses flags, reports progress on a terminal and prints the summary.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/table.hpp"
#include "generator/fraud.hpp"
#include "generator/generate.hpp"
#include "generator/presets.hpp"
#include "graph/errors.hpp"

namespace castgraph::cli {

namespace {

struct GenerateCommandOptions {
  std::string preset;
  double scale = 1.0;
  std::uint64_t seed = 1;
  double fraud = 0.0;
  std::string output;
  bool force = false;
  bool quiet = false;
};

std::string preset_list() {
  std::string text;
  for (const auto& preset : generator::presets())
    text += fmt::format("  {:<10} {}\n", preset.name, preset.summary);
  return text;
}

std::string preset_names() {
  std::string names;
  for (const auto& preset : generator::presets())
    names += (names.empty() ? "" : ", ") + std::string{preset.name};
  return names;
}

void print_summary(const GenerateCommandOptions& options, const generator::GenerateReport& report,
                   double seconds) {
  Table table({"file", "rows", ""});
  table.align_right(1);
  table.add_row({"platforms.csv", group_digits(report.platforms), ""});
  table.add_row({"bases.csv", group_digits(report.bases), ""});
  table.add_row({"broadcasters.csv", group_digits(report.hosts), ""});
  table.add_row({"fanbases.csv", group_digits(report.fanbases),
                 "declared fans " + group_digits(report.declared_total)});
  table.add_row({"follows.csv", group_digits(report.follows),
                 report.follows >= 100'000 && seconds > 0
                     ? fmt::format("{} rows/s", group_digits(static_cast<std::uint64_t>(
                                                    report.follows / seconds)))
                     : ""});
  table.add_row({"fans.csv", group_digits(report.fans),
                 fmt::format("{:.2f} follows per fan, at most {}; each stands for {} {}",
                             report.fans ? double(report.follows) / report.fans : 0.0,
                             report.max_follows_per_fan, group_digits(report.fan_weight),
                             report.fan_weight == 1 ? "person" : "people")});
  table.add_row({"collabs.csv", group_digits(report.collabs), ""});
  if (report.farms > 0)
    table.add_row({"(planted)", group_digits(report.fake_fans),
                   fmt::format("fake fans in {} farms, {} follows; truth in {}", report.farms,
                               group_digits(report.fake_follows),
                               generator::truth_directory(options.output).string())});
  std::cout << fmt::format("wrote {} (preset {}, scale {}, seed {}) in {:.1f} s\n", options.output,
                           options.preset, options.scale, options.seed, seconds);
  table.print(std::cout);
}

void run_generate(const GenerateCommandOptions& options) {
  const generator::Preset* preset = generator::find_preset(options.preset);
  if (preset == nullptr)
    throw UsageError(
        fmt::format("unknown preset '{}'; presets: {}", options.preset, preset_names()));
  generator::GenerateOptions generate;
  generate.scale = options.scale;
  generate.seed = options.seed;
  generate.fraud = options.fraud;
  generate.force = options.force;
  if (!options.quiet && isatty(STDERR_FILENO)) {
    auto last = std::make_shared<std::uint64_t>(0);
    generate.progress = [last](std::uint64_t done, std::uint64_t total) {
      if (done - *last < 2'000'000 && done != total) return;
      *last = done;
      std::cerr << fmt::format("\rfollows: {} / {}", group_digits(done), group_digits(total))
                << (done == total ? "\n" : "") << std::flush;
    };
  }
  const auto start = std::chrono::steady_clock::now();
  const auto report = generator::generate_dataset(*preset, generate, options.output);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!options.quiet) print_summary(options, report, seconds);
}

}  // namespace

void add_generate_command(CLI::App& app) {
  auto options = std::make_shared<GenerateCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "generate",
      "Write a synthetic dataset (all seven CSV files) calibrated to published figures.\n"
      "Hosts, bases and declared fans are the full-size figures at any scale; follows.csv\n"
      "holds round(declared fans x scale) rows per fan base, drawn from a people model\n"
      "(home city, interests, heavy-tailed follows, shared audiences within a "
      "base).\n\nPresets:\n" +
          preset_list());
  command->add_option("--preset", options->preset, "Which dataset: " + preset_names())->required();
  command
      ->add_option("--scale", options->scale,
                   "Fraction of declared fans written as follow rows, in (0, 1]. 1 is the real "
                   "size (liaoning: 116.8 million rows, about 2.5 GB); 0.01 writes a hundredth. "
                   "Tiers and declared totals do not change with the scale")
      ->capture_default_str();
  command
      ->add_option("--seed", options->seed,
                   "Random seed; the same preset, scale and seed give byte-identical files")
      ->capture_default_str();
  command
      ->add_option("--fraud", options->fraud,
                   "Plant bot farms: fake fans as a share of the genuine fans, in [0, 1] (0.02 "
                   "adds 2%). Each farm is a block of fake fans following 3-8 'buyer' hosts, "
                   "with camouflage follows of random or popular hosts. Which fans are fake "
                   "goes to DIR.truth/fraud.csv (and farms.csv), outside the dataset, for "
                   "measuring `castgraph audit`. 0 plants nothing and changes no byte")
      ->capture_default_str();
  command
      ->add_option("-o,--output", options->output,
                   "Directory to write (created if missing; must be empty unless --force)")
      ->required();
  command->add_flag("--force", options->force,
                    "Write into a non-empty directory, replacing the dataset files");
  command->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
  command->footer(
      "Examples:\n"
      "  castgraph generate --preset tiny -o /tmp/tiny\n"
      "  castgraph generate --preset liaoning --scale 0.001 --seed 1 -o samples/liaoning\n"
      "  castgraph generate --preset northeast --scale 0.01 --seed 7 -o /tmp/northeast\n"
      "  castgraph generate --preset liaoning --scale 0.01 --fraud 0.02 -o /tmp/farms");
  command->callback([options] { run_generate(*options); });
}

}  // namespace castgraph::cli
