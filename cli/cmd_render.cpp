// `castgraph render DATASET -o OUT.(svg|png|pdf|dot)`: draws the network with Graphviz.
// Large networks are summarised (the top hosts drawn one by one, the rest folded per base
// or community), so that the picture stays readable and quick; see viz/diagram.hpp for
// the views and viz/render.hpp for the encoding.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "algorithms/communities.hpp"
#include "algorithms/host_set.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/number_checks.hpp"
#include "cli/render_command.hpp"
#include "cli/terminal_text.hpp"
#include "graph/errors.hpp"
#include "loaders/atomic_file.hpp"
#include "viz/diagram.hpp"
#include "viz/render.hpp"

namespace castgraph::cli {
namespace {

viz::DiagramView parse_view(const std::string& view) {
  if (view == "hosts") return viz::DiagramView::hosts;
  if (view == "communities") return viz::DiagramView::communities;
  if (view == "ego") return viz::DiagramView::ego;
  return viz::DiagramView::network;
}

viz::ColorBy parse_color(const std::string& color, viz::DiagramView view) {
  if (color == "community") return viz::ColorBy::community;
  if (color == "platform") return viz::ColorBy::platform;
  if (color == "tier") return viz::ColorBy::tier;
  if (color == "kind") return viz::ColorBy::kind;
  if (color == "base") return viz::ColorBy::base;
  // auto: communities colour themselves; the other views colour by base.
  return view == viz::DiagramView::communities ? viz::ColorBy::community : viz::ColorBy::base;
}

void run_render(const RenderCommandOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const std::string format = render_format(options);
  const Network network = open_dataset(options.dataset);
  const viz::DiagramOptions diagram = diagram_options(network, options);
  std::optional<Communities> communities;
  if (needs_communities(diagram))
    communities = find_communities(network, render_community_options(options));
  write_render(viz::build_diagram(network, diagram, communities ? &*communities : nullptr), format,
               options, started);
}

}  // namespace

std::string render_format(const RenderCommandOptions& options) {
  const std::string format = viz::format_of(options.output);
  refuse_overwriting_input(options.output, options.dataset);
  if ((options.view == "ego") != !options.ego.empty())
    throw UsageError("--ego HOST goes with --view ego, and --view ego needs --ego HOST");
  return format;
}

viz::DiagramOptions diagram_options(const Network& network, const RenderCommandOptions& options) {
  viz::DiagramOptions diagram_options;
  diagram_options.view = parse_view(options.view);
  diagram_options.color = parse_color(options.color, diagram_options.view);
  diagram_options.rank = options.rank == "reach"  ? viz::RankBy::reach
                         : options.rank == "fans" ? viz::RankBy::fans
                                                  : viz::RankBy::automatic;
  diagram_options.top = options.top;
  diagram_options.max_groups = options.groups;
  diagram_options.title = options.title;
  diagram_options.hops = options.hops;
  if (!options.ego.empty()) diagram_options.ego = resolve_host(network, options.ego);
  return diagram_options;
}

bool needs_communities(const viz::DiagramOptions& options) {
  return options.view == viz::DiagramView::communities || options.color == viz::ColorBy::community;
}

CommunityOptions render_community_options(const RenderCommandOptions& options) {
  CommunityOptions community_options;
  community_options.seed = options.seed;
  return community_options;
}

void write_render(const viz::Diagram& diagram, const std::string& format,
                  const RenderCommandOptions& options,
                  std::chrono::steady_clock::time_point started) {
  viz::RenderOptions render_options;
  render_options.layout = options.layout;
  render_options.seed = options.seed;
  const std::string dot = viz::to_dot(diagram, render_options);
  std::string warnings;
  const std::string bytes = viz::render_dot(dot, format, options.layout, &warnings);
  write_file_atomically(options.output, [&](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
  if (!warnings.empty()) std::cerr << "castgraph: Graphviz said: " << terminal_safe_lines(warnings);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format("wrote {} ({}, {} layout, {} nodes, {} edges) in {:.1f} s\n",
                           options.output, format, options.layout, diagram.nodes.size(),
                           diagram.edges.size(), seconds);
}

CLI::App* add_render_options(CLI::App& app, RenderCommandOptions& options_ref) {
  RenderCommandOptions* options = &options_ref;
  CLI::App* command = app.add_subcommand(
      "render",
      "Draw the network with Graphviz to SVG, PNG, PDF or DOT. Shapes tell node kinds apart "
      "(base rounded box, host ellipse sized by fan tier, folded hosts folder, community "
      "circle); colours come from a colour-blind-safe palette and mean the same in every view "
      "and in `report`: the largest bases, communities, platforms or kinds of the whole "
      "dataset get their own colour, the rest share grey; communities are numbered 1 = "
      "largest, as `communities` numbers them. Labels give names and fans the Chinese way "
      "(320万); edge width is shared audience or co-streams. Audience edges are thinned host "
      "by host (each host's strongest tie, plus ties the disparity filter finds significant), "
      "not by one global cut. Large networks are summarised: the top N hosts are drawn, the "
      "rest fold into one node per base or community carrying their count. The same input "
      "and --seed give the same picture.");
  add_dataset_options(*command, options->dataset);
  command
      ->add_option("-o,--output", options->output,
                   "The picture; its extension picks the format: .svg .png .pdf, or .dot "
                   "for the Graphviz source")
      ->required();
  command
      ->add_option("--view", options->view,
                   "network: the top hosts tied by shared audience and co-streams, grouped "
                   "by base, platforms summarised in the note; hosts: the host graph (edges "
                   "by shared audience and co-streams); communities: one node per community, "
                   "sized by reach; ego: one host and only the hosts tied to it, ranked by "
                   "people shared, the count on each edge (needs --ego)")
      ->check(CLI::IsMember({"network", "hosts", "communities", "ego"}))
      ->capture_default_str();
  command
      ->add_option("--layout", options->layout,
                   "Graphviz engine: sfdp (default: quick, and the same input gives the same "
                   "picture), fdp (draws each base or community as a boxed cluster, but "
                   "Graphviz 2.42's fdp is not repeatable), neato, dot (boxed clusters, "
                   "layered), twopi, circo (slow)")
      ->check(CLI::IsMember({"sfdp", "fdp", "neato", "dot", "twopi", "circo"}))
      ->capture_default_str();
  command
      ->add_option("--top", options->top,
                   "Hosts drawn one by one (by reach when follows exist, else by fans); the "
                   "rest are folded. In the communities view: communities drawn")
      ->check(from_to(1, 5000))
      ->capture_default_str();
  command
      ->add_option("--groups", options->groups,
                   "Bases or communities kept as their own cluster; smaller ones fold "
                   "together")
      ->check(from_to(1, 1000))
      ->capture_default_str();
  command
      ->add_option("--color", options->color,
                   "Colour hosts by community (computes communities), platform (the one with "
                   "most fans), base, tier or kind; auto: community for --view communities, "
                   "else base")
      ->check(CLI::IsMember({"auto", "community", "platform", "base", "tier", "kind"}))
      ->capture_default_str();
  command
      ->add_option("--rank", options->rank,
                   "Which hosts are the top: by reach (distinct people, needs follows), fans "
                   "(declared), or auto")
      ->check(CLI::IsMember({"auto", "reach", "fans"}))
      ->capture_default_str();
  command->add_option("--ego", options->ego, "With --view ego: the host, by id or exact name");
  command
      ->add_option("--hops", options->hops,
                   "With --view ego: hops counted in the note (hosts are adjacent when they "
                   "co-stream or share a fan); only hosts tied to the ego are drawn")
      ->check(from_to(1, 10))
      ->capture_default_str();
  command->add_option("--title", options->title, "Title at the top of the picture");
  command
      ->add_option("--seed", options->seed,
                   "Seed of the layout (Graphviz start) and of community detection")
      ->capture_default_str();
  command->footer(
      "Examples:\n"
      "  castgraph render samples/liaoning -o liaoning.png\n"
      "  castgraph render samples/liaoning -o hosts.svg --view hosts --top 40 --color community\n"
      "  castgraph render samples/tiny -o h1.pdf --view ego --ego h1 --hops 2\n"
      "  castgraph render samples/tiny -o tiny.dot   # the Graphviz source, to edit by hand\n"
      "Chinese labels need a CJK font (Debian: fonts-noto-cjk); the DOT names Noto Sans CJK SC.");
  return command;
}

void add_render_command(CLI::App& app) {
  auto options = std::make_shared<RenderCommandOptions>();
  add_render_options(app, *options)->callback([options] { run_render(*options); });
}

}  // namespace castgraph::cli
