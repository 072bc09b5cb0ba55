// A suspicious block drawn as a small bipartite picture; see report_audit.hpp.
#include <fmt/format.h>

#include <algorithm>

#include "viz/chinese_number.hpp"
#include "viz/escape.hpp"
#include "viz/report_audit.hpp"

namespace castgraph::viz {
namespace {

constexpr double kFanX = 46, kHostX = 236, kTop = 30, kRowGap = 11, kWidth = 420;

// y of row `index` of `count` rows spread over `rows` row gaps, centred.
double row_y(std::size_t index, std::size_t count, std::size_t rows) {
  const double span = kRowGap * static_cast<double>(rows > 0 ? rows - 1 : 0);
  if (count <= 1) return kTop + span / 2;
  return kTop + span * static_cast<double>(index) / static_cast<double>(count - 1);
}

}  // namespace

std::string svg_block_picture(const ReportAuditBlock& block, std::size_t number) {
  const std::size_t fans = block.sample.size(), hosts = block.hosts.size();
  const std::size_t rows = std::max<std::size_t>({fans, hosts, 2});
  const double height = kTop + kRowGap * static_cast<double>(rows - 1) + 30;
  const std::string caption = fmt::format(
      "Block {}: {} of its {} fans (left) and its {} host{} (right); a line is a follow", number,
      fans, group_digits(block.fans), hosts, hosts == 1 ? "" : "s");
  std::string svg = fmt::format(
      "<svg class=\"chart block\" role=\"img\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{2}</title>\n"
      "<text x=\"0\" y=\"14\" font-weight=\"bold\">Block {3}</text>\n",
      kWidth, height, escape_xml(caption), number);
  // Lines first, so the dots and labels sit on top of them.
  for (std::size_t f = 0; f < fans; ++f) {
    const double y = row_y(f, fans, rows);
    for (std::uint32_t h : block.sample[f].hosts)
      svg += fmt::format(
          "<line x1=\"{:.0f}\" y1=\"{:.1f}\" x2=\"{:.0f}\" y2=\"{:.1f}\" stroke=\"#0072b2\" "
          "stroke-opacity=\"0.45\" stroke-width=\"1\"/>\n",
          kFanX, y, kHostX, row_y(h, hosts, rows));
  }
  for (std::size_t f = 0; f < fans; ++f) {
    const ReportBlockFan& fan = block.sample[f];
    const double y = row_y(f, fans, rows);
    const std::string tip = fmt::format(
        "a fan following {} of the block's hosts and {} other fanbase{}", fan.hosts.size(),
        group_digits(fan.other_follows), fan.other_follows == 1 ? "" : "s");
    svg += fmt::format("<g data-tip=\"{0}\"><title>{0}</title>", escape_xml(tip));
    if (fan.other_follows > 0)  // camouflage: follows that lead out of the block
      svg += fmt::format(
          "<line x1=\"{:.0f}\" y1=\"{:.1f}\" x2=\"{:.0f}\" y2=\"{:.1f}\" stroke=\"#9aa3b2\" "
          "stroke-width=\"2\"/>",
          kFanX - 22, y, kFanX - 4, y);
    svg += fmt::format("<circle cx=\"{:.0f}\" cy=\"{:.1f}\" r=\"3.2\" fill=\"#d55e00\"/></g>\n",
                       kFanX, y);
  }
  for (std::size_t h = 0; h < hosts; ++h) {
    const double y = row_y(h, hosts, rows);
    svg += fmt::format(
        "<g data-tip=\"{0}\"><title>{0}</title><rect x=\"{1:.0f}\" y=\"{2:.1f}\" width=\"8\" "
        "height=\"8\" fill=\"#0072b2\"/><text x=\"{3:.0f}\" y=\"{4:.1f}\">{0}</text></g>\n",
        escape_xml(block.hosts[h]), kHostX - 4, y - 4, kHostX + 10, y + 4);
  }
  svg += fmt::format(
      "<text x=\"0\" y=\"{:.0f}\" class=\"legend\">grey tick: the fan also follows hosts "
      "outside the block (camouflage)</text>\n</svg>",
      height - 6);
  return svg;
}

}  // namespace castgraph::viz
