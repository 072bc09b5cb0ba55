// Diagram -> DOT text -> Graphviz layout -> SVG / PNG / PDF; see render.hpp.
#include "viz/render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <optional>
#include <set>
#include <utility>

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

#include "graph/errors.hpp"
#include "graphviz_owners.hpp"
#include "viz/escape.hpp"
#include "viz/graphviz_svg.hpp"
#include "viz/output_format.hpp"
#include "viz/palette.hpp"

namespace castgraph::viz {
namespace {

constexpr std::array<std::string_view, 6> kLayouts{"sfdp", "fdp", "neato", "dot", "twopi", "circo"};
constexpr std::array<std::string_view, 4> kFormats{"svg", "png", "pdf", "dot"};

constexpr std::string_view kFanbaseColor = "#66666680";
constexpr std::string_view kMemberColor = "#888888C0";
constexpr std::string_view kAudienceColor = "#0072B2A0";
constexpr std::string_view kCollabColor = "#D55E00C0";
// The legend's text size: a diagram of a few dozen nodes is laid out some 3,000 px wide,
// and shown 1,400 px wide the key must still read like body text.
constexpr int kLegendPoints = 20;

std::string_view shape_of(DiagramNodeKind kind) {
  switch (kind) {
    case DiagramNodeKind::platform:
      return "hexagon";
    case DiagramNodeKind::base:
      return "box";
    case DiagramNodeKind::host:
      return "ellipse";
    case DiagramNodeKind::folded:
      return "folder";
    case DiagramNodeKind::community:
      return "circle";
  }
  return "ellipse";
}

std::string dot_string(std::string_view text) { return "\"" + escape_dot(text) + "\""; }
std::string label(std::string_view text) { return "\"" + escape_dot_label(text) + "\""; }

// Plain text for an HTML-like label: escaped, line breaks as <BR/>.
std::string html_text(std::string_view text) {
  std::string out;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = text.find('\n', begin);
    out += escape_xml(text.substr(begin, end - begin));
    if (end == std::string_view::npos) break;
    out += "<BR/>";
    begin = end + 1;
  }
  return out;
}

std::string legend_label(const Diagram& diagram, const RenderOptions& options) {
  std::string html = fmt::format(
      "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
      "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"32\" FACE=\"{0}\">{1}</FONT></TD></TR>"
      "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"{3}\" FACE=\"{0}\">{2}</FONT></TD></TR>",
      escape_xml(options.font), html_text(diagram.title), html_text(diagram.note), kLegendPoints);
  html +=
      fmt::format("<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"{}\" FACE=\"{}\">{}</FONT></TD></TR>",
                  kLegendPoints, escape_xml(options.font), html_text(diagram.legend_title));
  // Colour key, several entries to a row so the legend stays short.
  constexpr std::size_t kPerRow = 4;
  if (!diagram.legend.empty()) {
    html += "<TR><TD COLSPAN=\"2\"><TABLE BORDER=\"0\" CELLSPACING=\"3\"><TR>";
    for (std::size_t i = 0; i < diagram.legend.size(); ++i) {
      if (i > 0 && i % kPerRow == 0) html += "</TR><TR>";
      const LegendEntry& entry = diagram.legend[i];
      html += fmt::format(
          "<TD BGCOLOR=\"{}\" WIDTH=\"22\" HEIGHT=\"22\" BORDER=\"1\"> </TD>"
          "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"{}\" FACE=\"{}\">{}</FONT></TD>",
          escape_xml(entry.color), kLegendPoints, escape_xml(options.font), html_text(entry.label));
    }
    html += "</TR></TABLE></TD></TR>";
  }
  // The encoding, naming only the shapes and lines this diagram draws.
  std::set<DiagramNodeKind> nodes;
  std::set<DiagramEdgeKind> edges;
  for (const DiagramNode& node : diagram.nodes) nodes.insert(node.kind);
  for (const DiagramEdge& edge : diagram.edges) edges.insert(edge.kind);
  std::vector<std::string> shapes, lines;
  if (nodes.count(DiagramNodeKind::platform)) shapes.emplace_back("六边形 = 平台 platform");
  if (nodes.count(DiagramNodeKind::base)) shapes.emplace_back("圆角框 = 基地 base");
  if (nodes.count(DiagramNodeKind::host))
    shapes.emplace_back("椭圆 = 主播 host (大小 = 粉丝档位 size = tier)");
  if (nodes.count(DiagramNodeKind::community)) shapes.emplace_back("圆 = 社区 community");
  if (nodes.count(DiagramNodeKind::folded)) shapes.emplace_back("虚线框 = 合并的主播 folded hosts");
  auto line = [](std::string_view colour, std::string_view glyph, std::string_view what) {
    return fmt::format("<FONT COLOR=\"{}\">{}</FONT> {}", colour.substr(0, 7), glyph, what);
  };
  if (edges.count(DiagramEdgeKind::fanbase))
    lines.push_back(line(kFanbaseColor, "━━", "平台粉丝 fans on platform"));
  if (edges.count(DiagramEdgeKind::member))
    lines.push_back(line(kMemberColor, "┅┅", "所属 member"));
  if (edges.count(DiagramEdgeKind::audience))
    lines.push_back(line(kAudienceColor, "━━", "共同受众 shared audience"));
  if (edges.count(DiagramEdgeKind::collab))
    lines.push_back(line(kCollabColor, "╍╍", "连麦 co-streams"));
  html += fmt::format(
      "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"{1}\" FACE=\"{0}\">{2}</FONT></TD></TR>"
      "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"{1}\" FACE=\"{0}\">{3}</FONT></TD></TR></TABLE>>",
      escape_xml(options.font), kLegendPoints,
      escape_xml(fmt::format("{}", fmt::join(shapes, " · "))),
      fmt::format("{}", fmt::join(lines, "   ")));
  return html;
}

std::string node_line(const Diagram& diagram, std::size_t index) {
  const DiagramNode& node = diagram.nodes[index];
  std::string style = "filled";
  if (node.kind == DiagramNodeKind::base) style += ",rounded";
  if (node.kind == DiagramNodeKind::folded) style += ",dashed";
  std::string line = fmt::format(
      "n{} [shape={} label={} tooltip={} width={:.2f} fillcolor=\"{}\" fontcolor=\"{}\" "
      "style=\"{}\"",
      index, shape_of(node.kind), label(node.label), label(node.tooltip), node.size,
      escape_dot(node.color), text_color_on(node.color), style);
  line += fmt::format(" fontsize={:.0f}", node.font_size);
  if (node.kind == DiagramNodeKind::platform) line += " penwidth=2";
  if (node.emphasised) line += " penwidth=4 peripheries=2";
  return line + "];\n";
}

std::string edge_line(const DiagramEdge& edge) {
  std::string_view colour = kFanbaseColor, style = "solid";
  switch (edge.kind) {
    case DiagramEdgeKind::fanbase:
      break;
    case DiagramEdgeKind::member:
      colour = kMemberColor, style = "dotted";
      break;
    case DiagramEdgeKind::audience:
      colour = kAudienceColor;
      break;
    case DiagramEdgeKind::collab:
      colour = kCollabColor, style = "dashed";
      break;
  }
  return fmt::format(
      "n{} -- n{} [penwidth={:.2f} color=\"{}\" style={} weight={}{}{}];\n", edge.from, edge.to,
      edge.width, colour, style, edge.kind == DiagramEdgeKind::member ? 2 : 1,
      edge.tooltip.empty() ? "" : " tooltip=" + label(edge.tooltip),
      edge.label.empty()
          ? ""
          : fmt::format(" label={} fontsize=12 fontcolor=\"#333333\"", label(edge.label)));
}

// Cairo stamps a PDF with the time it was made; overwrite the digits (same length, so
// the cross-reference offsets stay right) so that the same input gives the same bytes.
void fix_creation_date(std::string& pdf) {
  constexpr std::string_view kKey = "/CreationDate (D:";
  const std::size_t at = pdf.find(kKey);
  if (at == std::string::npos) return;
  constexpr std::string_view kFixed = "20000101000000";  // YYYYMMDDHHmmSS
  for (std::size_t i = 0; i < kFixed.size(); ++i) {
    const std::size_t pos = at + kKey.size() + i;
    if (pos >= pdf.size() || pdf[pos] < '0' || pdf[pos] > '9') return;
    pdf[pos] = kFixed[i];
  }
}

// Graphviz reports through a process-wide callback; a mutex keeps renders apart.
std::mutex graphviz_mutex;
std::string* captured_warnings = nullptr;
int capture_warning(char* message) {
  if (captured_warnings && message) *captured_warnings += message;
  return 0;
}

}  // namespace

std::span<const std::string_view> layout_engines() { return kLayouts; }
std::span<const std::string_view> output_formats() { return kFormats; }

std::string to_dot(const Diagram& diagram, const RenderOptions& options) {
  if (std::find(kLayouts.begin(), kLayouts.end(), options.layout) == kLayouts.end())
    throw UsageError(fmt::format("unknown layout '{}': use one of {}", options.layout,
                                 fmt::join(kLayouts, ", ")));
  const std::string font = dot_string(options.font);
  std::string dot = "graph castgraph {\n";
  dot += fmt::format(
      "  graph [layout={} start={} {}{}sep=\"+8\" splines=false "
      "outputorder=edgesfirst K=1.2 ranksep=1.2 nodesep=0.4 "
      "fontname={} labelloc=t labeljust=l pad=0.4 bgcolor=white size=\"40,40\" dpi=96 "
      "style=\"rounded,dashed\" color=\"#888888\" fontsize=16];\n",
      dot_string(options.layout), options.seed,
      // fdp's overlap removal is not repeatable in Graphviz 2.42 (the same input gives
      // different layouts from run to run); fdp's own forces keep clusters apart.
      options.layout == "fdp" ? "" : "overlap=prism overlap_scaling=-4 ",
      // dot ranks disconnected parts side by side itself, and Graphviz 2.42's dot with
      // pack reads freed memory while splitting the graph into components (valgrind
      // shows it on the tiny sample), which can make its output differ run to run.
      options.layout == "dot" ? "" : "pack=true packmode=clust ", font);
  dot += fmt::format("  graph [label={}];\n", legend_label(diagram, options));
  dot += fmt::format("  node [fontname={} fontsize=11 margin=\"0.08,0.04\" penwidth=1];\n", font);
  dot += "  edge [arrowhead=none];\n";

  // Only fdp and dot lay clusters out as boxes of their own; the other engines would
  // draw each cluster's bounding box around scattered members, boxes overlapping.
  const bool clusters = options.layout == "fdp" || options.layout == "dot";
  std::vector<std::vector<std::size_t>> in_cluster(diagram.clusters.size());
  for (std::size_t i = 0; i < diagram.nodes.size(); ++i) {
    const int cluster = diagram.nodes[i].cluster;
    if (clusters && cluster >= 0 && static_cast<std::size_t>(cluster) < diagram.clusters.size())
      in_cluster[static_cast<std::size_t>(cluster)].push_back(i);
    else
      dot += "  " + node_line(diagram, i);
  }
  for (std::size_t c = 0; c < diagram.clusters.size(); ++c) {
    if (in_cluster[c].empty()) continue;
    dot += fmt::format("  subgraph cluster_{} {{\n    graph [label={} fontsize=13];\n", c,
                       label(diagram.clusters[c].label));
    for (std::size_t i : in_cluster[c]) dot += "    " + node_line(diagram, i);
    dot += "  }\n";
  }
  for (const DiagramEdge& edge : diagram.edges) dot += "  " + edge_line(edge);
  dot += "}\n";
  return dot;
}

namespace {

// Lays out and renders in this process. Graphviz 2.42 keeps global state from one layout
// to the next (neato draws clusters only the first time, fdp and sfdp start from other
// positions), so render_dot calls this in a child process of its own.
std::string render_here(const std::string& dot, std::string_view format, std::string_view layout,
                        std::string& warnings) {
  const std::lock_guard lock(graphviz_mutex);
  captured_warnings = &warnings;
  const agusererrf previous = agseterrf(capture_warning);
  struct Restore {
    agusererrf previous;
    ~Restore() {
      agseterrf(previous);
      captured_warnings = nullptr;
    }
  } restore{previous};
  // Declared in this order so the layout is freed before the graph, the graph before
  // the context.
  const GvContext context;
  const GvGraph graph(dot);
  const GvLayout laid_out(context, graph, std::string(layout));
  std::string bytes = laid_out.render(std::string(format));
  if (format == "pdf") fix_creation_date(bytes);
  return bytes;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The child's answer on the pipe: one status byte ('+' bytes follow, '!' a message
// follows), the warnings' length as 20 decimal digits, the warnings, then the payload.
std::string answer(char status, const std::string& warnings, const std::string& payload) {
  return std::string(1, status) + fmt::format("{:020}", warnings.size()) + warnings + payload;
}

}  // namespace

std::string render_dot(const std::string& dot, std::string_view format, std::string_view layout,
                       std::string* warnings) {
  if (std::find(kFormats.begin(), kFormats.end(), format) == kFormats.end())
    throw UsageError(fmt::format("unknown output format '{}': use one of {}", format,
                                 fmt::join(kFormats, ", ")));
  if (std::find(kLayouts.begin(), kLayouts.end(), layout) == kLayouts.end())
    throw UsageError(
        fmt::format("unknown layout '{}': use one of {}", layout, fmt::join(kLayouts, ", ")));
  if (format == "dot") return dot;

  int fds[2];
  if (::pipe(fds) != 0) throw ExternalError("render: cannot create a pipe");
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw ExternalError("render: cannot fork");
  }
  if (child == 0) {
    ::close(fds[0]);
    std::string collected, message;
    try {
      std::string bytes = render_here(dot, format, layout, collected);
      if (format == "svg") fix_svg_viewbox(bytes);
      message = answer('+', collected, bytes);
    } catch (const std::exception& error) {
      message = answer('!', collected, error.what());
    }
    ::_exit(write_all(fds[1], message) ? 0 : 1);  // no atexit handlers, no stdio flush
  }
  ::close(fds[1]);
  std::string received;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    received.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status))
    throw ExternalError(fmt::format("Graphviz crashed (signal {})", WTERMSIG(status)));
  if (received.size() < 21) throw ExternalError("Graphviz gave no answer");
  const std::size_t warning_length = std::stoull(received.substr(1, 20));
  if (21 + warning_length > received.size()) throw ExternalError("Graphviz's answer was cut short");
  if (warnings) *warnings = received.substr(21, warning_length);
  std::string payload = received.substr(21 + warning_length);
  if (received[0] != '+') throw ExternalError(payload);
  return payload;
}

std::string format_of(std::string_view path) {
  return format_from_extension(path, kFormats, "format");
}

}  // namespace castgraph::viz
