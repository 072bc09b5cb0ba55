// Rendering: DOT that Graphviz parses, well-formed SVG, PNG and PDF that decode, hostile
// names kept as inert text, and the same bytes for the same input.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/errors.hpp"
#include "graphviz_owners.hpp"
#include "loaders/dataset_loader.hpp"
#include "support/samples.hpp"
#include "viz/diagram.hpp"
#include "viz/graphviz_svg.hpp"
#include "viz/render.hpp"
#include "viz_test_support.hpp"

using namespace castgraph;
using namespace castgraph::viz;
using castgraph::testing::png_size;
using castgraph::testing::read_file;
using castgraph::testing::run_shell;
using castgraph::testing::shell_quote;
using castgraph::testing::TempDir;
using castgraph::testing::tiny_network;

namespace {

std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

const Network& hostile_network() {
  static const Network network = [] {
    TempDir dir;
    castgraph::testing::write_hostile_dataset(dir);
    return load_dataset(dir.path()).network;
  }();
  return network;
}

// top 3: every host drawn; top 1: two fold into their base's node.
std::string hostile_dot(DiagramView view = DiagramView::network, std::size_t top = 3) {
  DiagramOptions options;
  options.view = view;
  options.top = top;
  return to_dot(build_diagram(hostile_network(), options));
}

}  // namespace

TEST_CASE("the DOT of a diagram with hostile names parses with Graphviz's dot", "[viz]") {
  TempDir dir;
  for (DiagramView view : {DiagramView::network, DiagramView::hosts})
    for (std::size_t top : {1, 3}) {
      const auto path = dir.write("g.dot", hostile_dot(view, top));
      CHECK(run_shell("dot -Tcanon " + shell_quote(path.string()) + " >/dev/null 2>&1") == 0);
    }
}

TEST_CASE("the SVG is well-formed and shows hostile names as text, never as markup", "[viz]") {
  std::string warnings;
  const std::string svg = render_dot(hostile_dot(), "svg", "fdp", &warnings);
  TempDir dir;
  const auto path = dir.write("g.svg", svg);
  CHECK(run_shell("xmllint --noout " + shell_quote(path.string()) + " 2>&1") == 0);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("Tom &amp; &quot;Jerry&quot;") != std::string::npos);
  CHECK(svg.find(R"(a\b&quot;c\)") != std::string::npos);
  CHECK(svg.find("抖音 &quot;quoted&quot;") != std::string::npos);
  CHECK(svg.find("&amp;amp; &lt;b&gt;基地&lt;/b&gt;") != std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("Noto Sans CJK SC") != std::string::npos);
}

TEST_CASE("a PNG render decodes: PNG signature and a sane IHDR size", "[viz]") {
  const std::string png = render_dot(hostile_dot(), "png", "sfdp");
  const auto [width, height] = png_size(png);
  CHECK(width > 100);
  CHECK(height > 100);
  CHECK(width < 20000);
  CHECK(height < 20000);
}

TEST_CASE("a PDF render is a PDF", "[viz]") {
  const std::string pdf = render_dot(hostile_dot(), "pdf", "neato");
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf.find("%%EOF") != std::string::npos);
}

TEST_CASE("the same input gives the same bytes, in every format and for each layout", "[viz]") {
  DiagramOptions options;
  options.view = DiagramView::hosts;
  for (const char* layout : {"sfdp", "neato", "dot"}) {  // not fdp: not repeatable in 2.42
    RenderOptions render;
    render.layout = layout;
    const std::string first = to_dot(build_diagram(tiny_network(), options), render);
    const std::string second = to_dot(build_diagram(tiny_network(), options), render);
    REQUIRE(first == second);
    if (std::string_view(layout) == "dot") {
      // dot in Graphviz 2.43 writes clusters in an order that follows heap addresses
      // (Graphviz issue 1789): now and then a run emits two clusters swapped. The
      // drawing is the same; only the order of its elements is not.
      CHECK(sorted_lines(render_dot(first, "svg", layout)) ==
            sorted_lines(render_dot(second, "svg", layout)));
      continue;
    }
    for (const char* format : {"svg", "png", "pdf"}) {
      INFO(layout << " " << format);
      CHECK(render_dot(first, format, layout) == render_dot(second, format, layout));
    }
  }
}

TEST_CASE("Graphviz lays out every engine's DOT without touching freed memory", "[viz]") {
  // Graphviz 2.42's dot with pack=true reads freed memory while it splits the graph into
  // components; to_dot leaves pack out for dot. valgrind sees what ASan cannot inside
  // an uninstrumented library. The dot program is the same binary in the sanitizer
  // build, so that build does not run it under valgrind a second time.
#if defined(__SANITIZE_ADDRESS__)
  SUCCEED("the release build runs Graphviz under valgrind");
  return;
#endif
  if (run_shell("command -v valgrind >/dev/null 2>&1") != 0) {
    WARN("skipped: valgrind is not installed");
    return;
  }
  TempDir dir;
  for (std::string_view layout : layout_engines()) {
    INFO(layout);
    RenderOptions options;
    options.layout = std::string(layout);
    const auto path =
        dir.write("g.dot", to_dot(build_diagram(tiny_network(), DiagramOptions{}), options));
    CHECK(run_shell("valgrind -q --error-exitcode=9 dot -Tsvg -o /dev/null " +
                    shell_quote(path.string()) + " >/dev/null 2>&1") == 0);
  }
}

TEST_CASE("every offered layout engine lays out the tiny network", "[viz]") {
  const std::string dot = to_dot(build_diagram(tiny_network(), DiagramOptions{}));
  for (std::string_view layout : layout_engines()) {
    INFO(layout);
    const std::string svg = render_dot(dot, "svg", layout);
    CHECK(svg.find("</svg>") != std::string::npos);
  }
}

TEST_CASE("unknown formats and layouts are usage errors", "[viz]") {
  const std::string dot = to_dot(build_diagram(tiny_network(), DiagramOptions{}));
  CHECK_THROWS_AS(render_dot(dot, "gif", "fdp"), UsageError);
  CHECK_THROWS_AS(render_dot(dot, "svg", "spring"), UsageError);
  RenderOptions bad;
  bad.layout = "spring";
  CHECK_THROWS_AS(to_dot(build_diagram(tiny_network(), DiagramOptions{}), bad), UsageError);
  CHECK(format_of("out/diagram.SVG") == "svg");
  CHECK_THROWS_AS(format_of("out.svg/diagram"), UsageError);
}

namespace {

// Runs `body` in a forked child and returns its verdict. Graphviz is only ever used in
// child processes, here as in render_dot: Graphviz 2.42's pango plugin keeps a static
// pointer into a freed context's font names, which a later layout in the same process
// would read after free, and its font caches would outlive the test.
template <class Body>
bool in_child(Body body) {
  const pid_t child = ::fork();
  if (child == 0)
    ::_exit(body() ? 0 : 1);  // no atexit handlers, no leak check of Graphviz's caches
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

TEST_CASE("Graphviz owners move by exchange and leave the source empty", "[viz]") {
  CHECK(in_child([] {
    GvContext context;
    GVC_t* raw = context.c_struct();
    GvContext moved(std::move(context));
    bool ok = moved.c_struct() == raw &&
              context.c_struct() == nullptr;  // NOLINT(bugprone-use-after-move)

    GvGraph graph("graph { a -- b }");
    GvGraph other(std::move(graph));
    ok = ok && graph.c_struct() == nullptr;  // NOLINT(bugprone-use-after-move)
    {
      GvLayout layout(moved, other, "neato");
      GvLayout kept(std::move(layout));
      ok = ok && kept.render("svg").find("</svg>") != std::string::npos;
    }  // the layout is freed here, before the graph and the context
    return ok;
  }));
  CHECK(in_child([] {
    try {
      GvGraph("graph { a -- ");
    } catch (const castgraph::ExternalError&) {
      return true;
    }
    return false;
  }));
}

TEST_CASE("viewBox of the SVG bounds the whole drawing, which Graphviz 2.42 draws at 96 dpi",
          "[viz][svgfix]") {
  const std::string svg =
      render_dot(to_dot(build_diagram(tiny_network(), DiagramOptions{})), "svg", "sfdp");
  const std::size_t root = svg.find("<svg");
  const std::string tag = svg.substr(root, svg.find('>', root) - root);
  auto attribute = [&](const std::string& name) {
    const std::size_t at = tag.find(" " + name + "=\"");
    REQUIRE(at != std::string::npos);
    const std::size_t begin = at + name.size() + 3;
    return tag.substr(begin, tag.find('"', begin) - begin);
  };
  const double width = std::stod(attribute("width")), height = std::stod(attribute("height"));
  double x = -1, y = -1, w = 0, h = 0;
  REQUIRE(std::sscanf(attribute("viewBox").c_str(), "%lf %lf %lf %lf", &x, &y, &w, &h) == 4);
  CHECK(x == 0);
  CHECK(y == 0);
  CHECK(w == Approx(width).margin(0.01));
  CHECK(h == Approx(height).margin(0.01));
  // The drawing is scaled by 96/72 inside: the viewBox is that much larger than at 72 dpi.
  CHECK_THAT(svg, Catch::Contains("scale(1.33 1.33)"));

  std::string plain = "<svg width=\"10pt\" height=\"20pt\"\n viewBox=\"0.00 0.00 7.50 15.00\">";
  fix_svg_viewbox(plain);
  CHECK(plain == "<svg width=\"10pt\" height=\"20pt\"\n viewBox=\"0.00 0.00 10.00 20.00\">");
  std::string unitless = "<svg width=\"100%\" viewBox=\"0 0 5 5\">";
  fix_svg_viewbox(unitless);
  CHECK(unitless == "<svg width=\"100%\" viewBox=\"0 0 5 5\">");
}
