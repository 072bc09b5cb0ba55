// RAII owners for Graphviz handles; see graphviz_owners.hpp.
#include "graphviz_owners.hpp"

#include "graph/errors.hpp"

namespace castgraph::viz {

GvContext::GvContext() : context_(gvContext()) {
  if (!context_) throw ExternalError("Graphviz: gvContext failed");
}

GvContext::~GvContext() {
  if (context_) gvFreeContext(context_);
}

GvContext& GvContext::operator=(GvContext&& other) noexcept {
  if (this != &other) {
    if (context_) gvFreeContext(context_);
    context_ = std::exchange(other.context_, nullptr);
  }
  return *this;
}

GvGraph::GvGraph(const std::string& dot) : graph_(agmemread(dot.c_str())) {
  if (!graph_) throw ExternalError("Graphviz: the DOT text does not parse");
}

GvGraph::~GvGraph() {
  if (graph_) agclose(graph_);
}

GvGraph& GvGraph::operator=(GvGraph&& other) noexcept {
  if (this != &other) {
    if (graph_) agclose(graph_);
    graph_ = std::exchange(other.graph_, nullptr);
  }
  return *this;
}

GvLayout::GvLayout(const GvContext& context, const GvGraph& graph, const std::string& engine)
    : context_(context.c_struct()), graph_(graph.c_struct()) {
  if (gvLayout(context_, graph_, engine.c_str()) != 0) {
    context_ = nullptr;  // gvLayout leaves nothing to free when it fails
    graph_ = nullptr;
    throw ExternalError("Graphviz: layout with engine '" + engine + "' failed");
  }
}

GvLayout::~GvLayout() { release(); }

void GvLayout::release() {
  if (context_ && graph_) gvFreeLayout(context_, graph_);
  context_ = nullptr;
  graph_ = nullptr;
}

GvLayout& GvLayout::operator=(GvLayout&& other) noexcept {
  if (this != &other) {
    release();
    context_ = std::exchange(other.context_, nullptr);
    graph_ = std::exchange(other.graph_, nullptr);
  }
  return *this;
}

std::string GvLayout::render(const std::string& format) const {
  char* data = nullptr;
  unsigned length = 0;
  const int status = gvRenderData(context_, graph_, format.c_str(), &data, &length);
  GvRenderedData owned(data, length);  // freed whatever happened
  if (status != 0) throw ExternalError("Graphviz: no renderer for format '" + format + "'");
  return std::string(owned.view());
}

GvRenderedData::~GvRenderedData() {
  if (data_) gvFreeRenderData(data_);
}

GvRenderedData& GvRenderedData::operator=(GvRenderedData&& other) noexcept {
  if (this != &other) {
    if (data_) gvFreeRenderData(data_);
    data_ = std::exchange(other.data_, nullptr);
    length_ = std::exchange(other.length_, 0);
  }
  return *this;
}

}  // namespace castgraph::viz
