// RAII owners for Graphviz's C handles: the context (GVC_t), a graph (Agraph_t), a layout
// of a graph, and rendered bytes. One owner per handle, after Graphviz's later
// lib/cgraph++ and lib/gvc++: copy deleted, move by std::exchange, c_struct() hands out
// the non-owning pointer. Declare a layout after its graph and context so that it is
// destroyed first (Graphviz requires gvFreeLayout before agclose and gvFreeContext).
//
// Internal to viz/: it includes Graphviz's headers, so nothing outside viz/ may include
// it (render.hpp is the public face).
#pragma once

// Reached only through viz/'s private include path; this stops an include of the
// full path from another folder.
#ifndef CASTGRAPH_INSIDE_VIZ
#error "private to viz/: include its public headers instead"
#endif

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <string>
#include <string_view>
#include <utility>

namespace castgraph::viz {

// A Graphviz context with the plugins linked into libgvc (gvContext(), not
// gvContextPlugins: Graphviz 2.42 finds its installed plugins itself).
class GvContext {
 public:
  GvContext();
  ~GvContext();
  GvContext(const GvContext&) = delete;
  GvContext& operator=(const GvContext&) = delete;
  GvContext(GvContext&& other) noexcept : context_(std::exchange(other.context_, nullptr)) {}
  GvContext& operator=(GvContext&& other) noexcept;

  GVC_t* c_struct() const { return context_; }

 private:
  GVC_t* context_ = nullptr;
};

// A graph parsed from DOT text. Throws ExternalError when the text does not parse.
class GvGraph {
 public:
  explicit GvGraph(const std::string& dot);
  ~GvGraph();
  GvGraph(const GvGraph&) = delete;
  GvGraph& operator=(const GvGraph&) = delete;
  GvGraph(GvGraph&& other) noexcept : graph_(std::exchange(other.graph_, nullptr)) {}
  GvGraph& operator=(GvGraph&& other) noexcept;

  Agraph_t* c_struct() const { return graph_; }

 private:
  Agraph_t* graph_ = nullptr;
};

// A layout of `graph` by `engine` (sfdp, dot, ...). The context and graph must outlive
// it. Throws ExternalError when the engine is unknown or the layout fails.
class GvLayout {
 public:
  GvLayout(const GvContext& context, const GvGraph& graph, const std::string& engine);
  ~GvLayout();
  GvLayout(const GvLayout&) = delete;
  GvLayout& operator=(const GvLayout&) = delete;
  GvLayout(GvLayout&& other) noexcept
      : context_(std::exchange(other.context_, nullptr)),
        graph_(std::exchange(other.graph_, nullptr)) {}
  GvLayout& operator=(GvLayout&& other) noexcept;

  // Renders the laid-out graph in `format` ("svg", "png", "pdf", ...). Throws
  // ExternalError when the format has no renderer.
  std::string render(const std::string& format) const;

 private:
  void release();
  GVC_t* context_ = nullptr;
  Agraph_t* graph_ = nullptr;
};

// Bytes from gvRenderData, freed with gvFreeRenderData.
class GvRenderedData {
 public:
  GvRenderedData(char* data, unsigned length) : data_(data), length_(length) {}
  ~GvRenderedData();
  GvRenderedData(const GvRenderedData&) = delete;
  GvRenderedData& operator=(const GvRenderedData&) = delete;
  GvRenderedData(GvRenderedData&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), length_(std::exchange(other.length_, 0)) {}
  GvRenderedData& operator=(GvRenderedData&& other) noexcept;

  std::string_view view() const { return {data_ ? data_ : "", length_}; }
  char* c_struct() const { return data_; }

 private:
  char* data_ = nullptr;
  unsigned length_ = 0;
};

}  // namespace castgraph::viz
