// The self-contained HTML report; see html_report.hpp.
#include "viz/html_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "viz/chinese_number.hpp"
#include "viz/escape.hpp"
#include "viz/palette.hpp"

namespace castgraph::viz {
namespace {

std::string esc(std::string_view text) { return escape_xml(text); }

// A yuan amount or other double for display: rounded to whole units.
std::uint64_t whole(double value) {
  return value <= 0 || !std::isfinite(value) ? 0 : static_cast<std::uint64_t>(std::llround(value));
}

// The exact value for data-value: integers without a decimal point, others as the
// shortest text that reads back to the same double.
std::string exact(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9.0e15)
    return fmt::format("{}", static_cast<long long>(value));
  return fmt::format("{}", value);
}

// "12,345,678" and, from 10,000 on, the Chinese reading after it.
std::string count_html(std::uint64_t value) {
  std::string html = group_digits(value);
  if (value >= 10'000) html += fmt::format(" <span class=\"cn\">({})</span>", chinese_count(value));
  return html;
}

// A number cell for tests and sorting: data-cell names it, data-value holds the number.
std::string num_cell(const std::string& cell, std::uint64_t value, bool chinese = true) {
  return fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"{}\">{}</td>", esc(cell), value,
                     chinese ? count_html(value) : group_digits(value));
}

std::string optional_cell(const std::string& cell, const std::optional<std::uint64_t>& value,
                          std::string_view prefix = {}) {
  if (!value)
    return fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"\">–</td>", esc(cell));
  return fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"{}\">{}{}</td>", esc(cell),
                     *value, prefix, count_html(*value));
}

std::string fee_cell(const std::string& cell, const std::optional<double>& fee) {
  if (!fee)
    return fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"\">unknown</td>", esc(cell));
  return fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"{}\">{}</td>", esc(cell),
                     exact(*fee), count_html(whole(*fee)));
}

std::string text_cell(std::string_view text) {
  return text.empty() ? std::string("<td class=\"none\">–</td>") : "<td>" + esc(text) + "</td>";
}

// A column header; data-type tells the sorting script numbers from text.
std::string th(std::string_view label, bool numeric, std::string_view hint = {}) {
  return fmt::format(
      "<th{}{} scope=\"col\">{}</th>", numeric ? " data-type=\"num\" class=\"n\"" : "",
      hint.empty() ? std::string() : fmt::format(" title=\"{}\"", esc(hint)), esc(label));
}

std::string percent(double share, int decimals = 1) {
  return fmt::format("{:.{}f}%", 100 * share, decimals);
}

// Round axis ticks: 0, step, 2 step, ... covering `top` with about `count` steps of
// 1, 2 or 5 times a power of ten.
std::vector<double> ticks(double top, int count = 5) {
  if (!(top > 0)) return {0, 1};
  const double rough = top / count;
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = power;
  for (double factor : {1.0, 2.0, 5.0, 10.0})
    if (power * factor >= rough) {
      step = power * factor;
      break;
    }
  std::vector<double> out;
  for (double tick = 0; tick <= top + step * 1e-9; tick += step) out.push_back(tick);
  if (out.back() < top) out.push_back(out.back() + step);
  return out;
}

// Exact below 100,000, the Chinese reading above: 11,922 and 8850万.
std::string short_count(std::uint64_t value) {
  return value < 100'000 ? group_digits(value) : chinese_count(value);
}

// Axis labels read the Chinese way, which stays short: 0, 5000, 1万, 1.5万, 200万.
std::string tick_label(double value) { return chinese_count(whole(value)); }

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i ? std::string(separator) : "") + parts[i];
  return out;
}

// Replaces every occurrence of `from` in `text`.
void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// Graphviz writes '-' in names as "&#45;"; the name as plain text.
std::string decode_graphviz_name(std::string name) {
  replace_all(name, "&#45;", "-");
  replace_all(name, "&gt;", ">");
  replace_all(name, "&lt;", "<");
  replace_all(name, "&amp;", "&");
  return name;
}

// ---- the page ----

constexpr std::string_view kStyle = R"CSS(
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dde5;--soft:#f4f6f9;--accent:#0072b2;--accent2:#d55e00}
*{box-sizing:border-box}
html{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei","Hiragino Sans GB",system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#fff;line-height:1.45}
body{margin:0 auto;max-width:1200px;padding:24px 28px 48px}
header h1{margin:0 0 4px;font-size:28px}
header p{margin:2px 0;color:var(--muted)}
nav{margin:14px 0 6px;display:flex;flex-wrap:wrap;gap:6px}
nav a{color:var(--accent);text-decoration:none;border:1px solid var(--line);border-radius:14px;padding:2px 12px;font-size:14px}
section{border-top:1px solid var(--line);padding:10px 0 18px}
h2{font-size:21px;margin:10px 0 8px}
h2 small,.note{color:var(--muted);font-weight:normal;font-size:14px}
.tiles{display:flex;flex-wrap:wrap;gap:12px;margin:10px 0 14px}
.tile{background:var(--soft);border-radius:8px;padding:10px 16px;min-width:210px}
.tile b{display:block;font-size:26px}
.tile span{color:var(--muted);font-size:14px}
table{border-collapse:collapse;font-size:14px;margin:6px 0}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--soft);white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.none{color:var(--muted)}
.cn{color:var(--muted);font-size:12px}
.scroll{overflow-x:auto;max-height:640px;overflow-y:auto;border:1px solid var(--line);border-radius:6px}
.scroll table{margin:0;width:100%}
.scroll th{position:sticky;top:0;z-index:1}
.twocol{display:flex;flex-wrap:wrap;gap:28px;align-items:flex-start}
.chart{max-width:100%;height:auto;font-size:12px}
.stack .chart{display:block;margin-bottom:8px}
.chart text{fill:var(--ink)}
.chart .axis{stroke:#8a93a3;stroke-width:1}
.chart .grid{stroke:#e6e9ef;stroke-width:1}
.unavailable{background:#fff4e5;border-left:4px solid var(--accent2);padding:8px 12px}
#cg-diagram{position:relative;border:1px solid var(--line);border-radius:6px;overflow:hidden;background:#fff}
#cg-diagram svg{display:block;width:100%;height:auto;max-height:none}
#cg-diagram svg{max-height:85vh}
html.js #cg-diagram svg{cursor:grab;touch-action:none}
html.js #cg-diagram svg.dragging{cursor:grabbing}
.controls{display:none;position:absolute;right:8px;top:8px;gap:4px;z-index:2}
html.js .controls{display:flex}
.controls button{font:inherit;font-size:16px;width:34px;height:30px;border:1px solid var(--line);border-radius:5px;background:#fff;cursor:pointer}
#cg-tip{position:fixed;display:none;pointer-events:none;background:rgba(29,35,48,.94);color:#fff;padding:6px 9px;border-radius:5px;font-size:13px;white-space:pre-line;max-width:360px;z-index:10}
html.js table.sortable th{cursor:pointer;user-select:none}
html.js table.sortable th::after{content:" ↕";color:#a0a7b4;font-size:11px}
html.js table.sortable th[aria-sort=ascending]::after{content:" ▲";color:var(--accent)}
html.js table.sortable th[aria-sort=descending]::after{content:" ▼";color:var(--accent)}
.js-only{display:none}
html.js .js-only{display:inline}
dl.about{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;font-size:14px}
dl.about dt{color:var(--muted)}
dl.about dd{margin:0}
footer{color:var(--muted);font-size:13px;margin-top:24px}
@media print{nav,.controls{display:none}.scroll{max-height:none;overflow:visible}section{break-inside:avoid-page}}
)CSS";

// Sorting, zoom and pan, and tooltips. It only reads the page (textContent, data-*),
// never writes markup from data, so no name can turn into code.
constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  var d = document, root = d.documentElement;
  root.classList.add('js');

  // Sortable tables: click (or Enter on) a header; numbers sort by data-value.
  function sortValue(cell, numeric) {
    if (!cell) return numeric ? -Infinity : '';
    if (!numeric) return cell.textContent.trim();
    var v = cell.getAttribute('data-value');
    return v === null || v === '' ? -Infinity : parseFloat(v);
  }
  function sortTable(table, column, header) {
    var numeric = header.getAttribute('data-type') === 'num';
    var now = header.getAttribute('aria-sort');
    var dir = now === 'descending' ? 'ascending' : now === 'ascending' ? 'descending'
            : numeric ? 'descending' : 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', dir);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortValue(a.cells[column], numeric), y = sortValue(b.cells[column], numeric);
      var c = numeric ? (x < y ? -1 : x > y ? 1 : 0) : String(x).localeCompare(String(y), 'zh');
      if (dir === 'descending') c = -c;
      return c || (+a.getAttribute('data-order') - +b.getAttribute('data-order'));
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(d.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r, i) { r.setAttribute('data-order', i); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      header.tabIndex = 0;
      header.addEventListener('click', function () { sortTable(table, column, header); });
      header.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortTable(table, column, header); }
      });
    });
  });

  // Tooltips: the text of each node's <title>, shown beside the pointer.
  var tip = d.getElementById('cg-tip');
  function showTip(e, text) {
    tip.textContent = text;
    tip.style.display = 'block';
    var x = e.clientX + 14, y = e.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth - 4) x = e.clientX - tip.offsetWidth - 10;
    if (y + tip.offsetHeight > window.innerHeight - 4) y = e.clientY - tip.offsetHeight - 10;
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }
  function hideTip() { tip.style.display = 'none'; }
  var XLINK = 'http://www.w3.org/1999/xlink';
  Array.prototype.forEach.call(d.querySelectorAll('svg.tips g.node, svg.tips g.edge, svg.chart [data-tip]'), function (g) {
    var title = g.querySelector('title');
    var text = g.getAttribute('data-tip') || (title ? title.textContent : '');
    if (!text) return;
    g.setAttribute('data-tip', text);
    if (title) title.parentNode.removeChild(title);  // no second, native tooltip
    Array.prototype.forEach.call(g.querySelectorAll('a'), function (a) { a.removeAttributeNS(XLINK, 'title'); });
    g.addEventListener('mousemove', function (e) { showTip(e, text); });
    g.addEventListener('mouseleave', hideTip);
  });

  // Zoom (wheel, +, −) and pan (drag) of the diagram, by moving its viewBox.
  var box = d.getElementById('cg-diagram');
  var svg = box && box.querySelector('svg');
  if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0) {
    var b = svg.getAttribute('viewBox').split(/[\s,]+/).map(parseFloat);
    var home = { x: b[0], y: b[1], w: b[2], h: b[3] };
    var v = { x: home.x, y: home.y, w: home.w, h: home.h };
    var apply = function () { svg.setAttribute('viewBox', [v.x, v.y, v.w, v.h].join(' ')); };
    // Diagram units per screen pixel, and the point under the pointer (meet, centred).
    var scale = function () {
      var r = svg.getBoundingClientRect();
      return Math.max(v.w / r.width, v.h / r.height);
    };
    var at = function (e) {
      var r = svg.getBoundingClientRect(), s = scale();
      return { x: v.x - (r.width * s - v.w) / 2 + (e.clientX - r.left) * s,
               y: v.y - (r.height * s - v.h) / 2 + (e.clientY - r.top) * s };
    };
    var zoom = function (factor, p) {
      var w = v.w * factor;
      if (w < home.w / 40 || w > home.w * 4) return;
      v.x = p.x - (p.x - v.x) * factor; v.y = p.y - (p.y - v.y) * factor;
      v.w = w; v.h *= factor;
      apply();
    };
    var centre = function () { return { x: v.x + v.w / 2, y: v.y + v.h / 2 }; };
    svg.addEventListener('wheel', function (e) {
      e.preventDefault();
      zoom(Math.pow(1.0016, e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY), at(e));
    }, { passive: false });
    var drag = null;
    svg.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, vx: v.x, vy: v.y, s: scale() };
      svg.classList.add('dragging');
      try { svg.setPointerCapture(e.pointerId); } catch (err) { /* a synthetic pointer */ }
    });
    svg.addEventListener('pointermove', function (e) {
      if (!drag) return;
      v.x = drag.vx - (e.clientX - drag.x) * drag.s;
      v.y = drag.vy - (e.clientY - drag.y) * drag.s;
      apply();
      hideTip();
    });
    var stop = function () { drag = null; svg.classList.remove('dragging'); };
    svg.addEventListener('pointerup', stop);
    svg.addEventListener('pointercancel', stop);
    svg.addEventListener('dblclick', function (e) { zoom(0.5, at(e)); });
    box.querySelector('[data-zoom=in]').addEventListener('click', function () { zoom(0.7, centre()); });
    box.querySelector('[data-zoom=out]').addEventListener('click', function () { zoom(1 / 0.7, centre()); });
    box.querySelector('[data-zoom=reset]').addEventListener('click', function () {
      v = { x: home.x, y: home.y, w: home.w, h: home.h }; apply();
    });
  }
  root.setAttribute('data-ready', '1');
})();
)JS";

// Opens a section; when it could not be computed, says why, closes it and returns null.
template <class T>
const T* open_section(std::ostream& out, std::string_view id, std::string_view title,
                      std::string_view chinese, const ReportSection<T>& section) {
  out << "<section id=\"" << id << "\">\n<h2>" << title << " <small>" << chinese
      << "</small></h2>\n";
  if (section.value) return &*section.value;
  out << "<p class=\"unavailable\">Not available for this dataset: " << esc(section.unavailable)
      << "</p>\n</section>\n";
  return nullptr;
}

void write_summary(std::ostream& out, const HtmlReport& report) {
  out << "<section id=\"summary\">\n<h2>Summary <small>概况</small></h2>\n<div class=\"tiles\">\n";
  for (const ReportCount& count : report.summary) {
    if (count.key != "broadcasters" && count.key != "declared_fans" && count.key != "reach")
      continue;
    out << fmt::format(
        "<div class=\"tile\"><b>{}</b><span>{}</span></div>\n",
        esc(count.value >= 10'000 ? chinese_count(count.value) : group_digits(count.value)),
        esc(count.label));
  }
  out << "</div>\n<table id=\"summary-table\">\n<thead><tr><th scope=\"col\"></th>"
      << th("count", true) << "</tr></thead>\n<tbody>\n";
  for (const ReportCount& count : report.summary)
    out << "<tr><th scope=\"row\">" << esc(count.label) << "</th>"
        << num_cell("summary/" + count.key, count.value) << "</tr>\n";
  out << "</tbody>\n</table>\n";
  if (!report.reach_note.empty()) out << "<p class=\"note\">" << esc(report.reach_note) << "</p>\n";
  out << "</section>\n";
}

void write_tiers(std::ostream& out, const ReportSection<ReportTiers>& section) {
  const ReportTiers* found_section = open_section(out, "tiers", "Tiers", "粉丝档位", section);
  if (!found_section) return;
  const ReportTiers& tiers = *found_section;
  out << "<p class=\"note\">Hosts by " << esc(tiers.basis)
      << ".</p>\n<div class=\"twocol\">\n<div>\n";
  out << "<table id=\"tiers-table\">\n<thead><tr>" << th("tier", false) << th("hosts", true)
      << th("fans", true) << "</tr></thead>\n<tbody>\n";
  for (const ReportTier& band : tiers.bands)
    out << "<tr><th scope=\"row\">" << esc(band.name) << "</th>"
        << num_cell("tiers/" + band.name + "/hosts", band.hosts)
        << num_cell("tiers/" + band.name + "/fans", band.fans) << "</tr>\n";
  out << "</tbody>\n</table>\n";
  if (!tiers.cumulative.empty()) {
    out << "<table id=\"tiers-cumulative\">\n<thead><tr>" << th("at least", false)
        << th("hosts", true) << "</tr></thead>\n<tbody>\n";
    for (const ReportTier& level : tiers.cumulative)
      out << "<tr><th scope=\"row\">" << esc(level.name) << "</th>"
          << num_cell("tiers/" + level.name + "/hosts", level.hosts) << "</tr>\n";
    out << "</tbody>\n</table>\n";
  }
  out << "</div>\n<div class=\"stack\">\n";
  std::vector<std::pair<std::string, std::uint64_t>> hosts, fans;
  for (const ReportTier& band : tiers.bands) {
    hosts.emplace_back(band.name, band.hosts);
    fans.emplace_back(band.name, band.fans);
  }
  out << svg_bar_chart(hosts, "hosts per tier") << "\n"
      << svg_bar_chart(fans, "fans per tier") << "\n</div>\n</div>\n</section>\n";
}

void write_hosts(std::ostream& out, const ReportSection<ReportHosts>& section) {
  const ReportHosts* found_section = open_section(out, "hosts", "Top hosts", "头部主播", section);
  if (!found_section) return;
  const ReportHosts& hosts = *found_section;
  out << "<p class=\"note\">" << group_digits(hosts.hosts.size()) << " of "
      << group_digits(hosts.total) << " hosts, " << esc(hosts.order) << ".";
  if (!hosts.reach_method.empty())
    out << " Reach: " << esc(hosts.reach_method)
        << "; exclusive reach: people no other host of the dataset reaches.";
  out << "<span class=\"js-only\"> Click a column to sort.</span></p>\n";
  out << "<div class=\"scroll\">\n<table id=\"hosts-table\" class=\"sortable\">\n<thead><tr>"
      << th("#", true) << th("host", false) << th("name", false)
      << th("fans", true, "declared fans") << th("reach", true, "distinct people this host reaches")
      << th("exclusive", true, "people no other host reaches") << th("tier", false)
      << th("base", false) << th("province", false) << th("kind", false) << th("fee (yuan)", true)
      << "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < hosts.hosts.size(); ++i) {
    const ReportHost& host = hosts.hosts[i];
    const std::string prefix = "hosts/" + host.id + "/";
    out << "<tr data-row=\"" << esc(host.id) << "\">" << num_cell(prefix + "rank", i + 1, false)
        << text_cell(host.id) << text_cell(host.name) << num_cell(prefix + "fans", host.fans)
        << optional_cell(prefix + "reach", host.reach)
        << optional_cell(prefix + "exclusive", host.exclusive) << text_cell(host.tier)
        << text_cell(host.base) << text_cell(host.province) << text_cell(host.kind)
        << fee_cell(prefix + "fee", host.fee) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n</section>\n";
}

void write_communities(std::ostream& out, const ReportSection<ReportCommunities>& section) {
  const ReportCommunities* found_section =
      open_section(out, "communities", "Communities", "社群", section);
  if (!found_section) return;
  const ReportCommunities& found = *found_section;
  out << fmt::format(
      "<p class=\"note\">{} communities, modularity <span data-cell=\"communities/modularity\" "
      "data-value=\"{}\">{:.4f}</span> (0 = no structure, above ~0.3 = clear clusters); "
      "{}.{}</p>\n",
      group_digits(found.count), exact(found.modularity), found.modularity, esc(found.method),
      found.communities.size() < found.count
          ? fmt::format(" The largest {} are listed.", found.communities.size())
          : std::string());
  out << "<div class=\"scroll\">\n<table id=\"communities-table\" class=\"sortable\">\n<thead><tr>"
      << th("#", true) << th("hosts", true) << th("declared fans", true)
      << th("reach", true, "distinct people its hosts reach; ~ = model estimate")
      << th("province", false, "dominant province, with the share of hosts in it")
      << th("base", false, "dominant base") << th("platform", false, "platform with most fans")
      << th("kind", false) << th("top hosts", false) << "</tr></thead>\n<tbody>\n";
  for (const ReportCommunity& c : found.communities) {
    const std::string prefix = fmt::format("communities/{}/", c.number);
    out << "<tr data-row=\"" << c.number << "\">" << num_cell(prefix + "number", c.number, false)
        << num_cell(prefix + "size", c.size, false)
        << num_cell(prefix + "declared_fans", c.declared_fans)
        << optional_cell(prefix + "reach", c.reach, c.reach_estimated ? "~" : "");
    if (c.province.empty())
      out << text_cell("");
    else
      out << "<td>" << esc(c.province) << " <span class=\"cn\">" << percent(c.province_share, 0)
          << "</span></td>";
    out << text_cell(c.base) << text_cell(c.platform) << text_cell(c.kind)
        << text_cell(join(c.top_hosts, ", ")) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n</section>\n";
}

void write_plan(std::ostream& out, const ReportSection<ReportPlan>& section) {
  const ReportPlan* found_section =
      open_section(out, "plan", "Recommended roster", "推荐主播组合", section);
  if (!found_section) return;
  const ReportPlan& plan = *found_section;
  out << "<p class=\"note\">For " << esc(plan.request) << ", from " << group_digits(plan.candidates)
      << " eligible hosts; reach: " << esc(plan.method)
      << ". Each host is the one that adds the most people not yet reached"
      << (plan.request.find("budget") != std::string::npos ? " per yuan" : "") << ".</p>\n";
  out << "<div class=\"tiles\">\n"
      << fmt::format(
             "<div class=\"tile\"><b data-cell=\"plan/total/unique_reach\" data-value=\"{}\">{}</b>"
             "<span>people reached by {} host{}{}</span></div>\n",
             plan.unique_reach, esc(group_digits(plan.unique_reach)), plan.picks.size(),
             plan.picks.size() == 1 ? "" : "s",
             plan.reach_error.empty() ? "" : ", " + esc(plan.reach_error))
      << fmt::format(
             "<div class=\"tile\"><b data-cell=\"plan/total/spent\" data-value=\"{}\">{}</b>"
             "<span>yuan spent on fees</span></div>\n",
             exact(plan.spent), esc(group_digits(whole(plan.spent))))
      << fmt::format(
             "<div class=\"tile\"><b data-cell=\"plan/total/upper_bound\" data-value=\"{}\">{}</b>"
             "<span>upper bound: no roster reaches more; this one is within {} of "
             "it</span></div>\n",
             plan.upper_bound, esc(group_digits(plan.upper_bound)), percent(1 - plan.ratio))
      << "</div>\n";
  if (plan.picks.empty()) {
    out << "<p>No host booked: " << esc(plan.stop) << ".</p>\n</section>\n";
    return;
  }
  out << "<div class=\"twocol\">\n<div>\n<table id=\"plan-table\">\n<thead><tr>" << th("#", true)
      << th("host", false) << th("name", false) << th("fee (yuan)", true)
      << th("adds", true, "marginal reach: people this host adds")
      << th("reach so far", true, "cumulative reach") << th("spent so far", true)
      << "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < plan.picks.size(); ++i) {
    const ReportPick& pick = plan.picks[i];
    const std::string prefix = fmt::format("plan/{}/", i + 1);
    out << "<tr data-row=\"" << esc(pick.id) << "\">"
        << "<td class=\"n\">" << i + 1 << (pick.included ? "*" : "") << "</td>"
        << text_cell(pick.id) << text_cell(pick.name) << fee_cell(prefix + "fee", pick.fee)
        << num_cell(prefix + "marginal_reach", pick.marginal_reach)
        << num_cell(prefix + "cumulative_reach", pick.cumulative_reach)
        << fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"{}\">{}</td>",
                       esc(prefix + "spent"), exact(pick.spent), count_html(whole(pick.spent)))
        << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
  if (std::ranges::any_of(plan.picks, &ReportPick::included))
    out << "<p class=\"note\">* booked because the options asked for it</p>\n";
  out << "<p class=\"note\">Stopped: " << esc(plan.stop) << ".</p>\n";
  if (!plan.unknown_fee_excluded.empty()) {
    std::vector<std::string> shown(
        plan.unknown_fee_excluded.begin(),
        plan.unknown_fee_excluded.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(
                                                10, plan.unknown_fee_excluded.size())));
    out << "<p class=\"note\">Left out for an unknown fee (" << plan.unknown_fee_excluded.size()
        << "): " << esc(join(shown, ", "))
        << (plan.unknown_fee_excluded.size() > shown.size() ? ", …" : "") << "</p>\n";
  }
  out << "</div>\n<div>\n" << svg_reach_curve(plan) << "\n</div>\n</div>\n</section>\n";
}

void write_diagram(std::ostream& out, const ReportSection<ReportDiagram>& section) {
  const ReportDiagram* found_section = open_section(out, "diagram", "Network", "网络图", section);
  if (!found_section) return;
  const ReportDiagram& diagram = *found_section;
  out << "<p class=\"note\">" << esc(diagram.note)
      << ". Hover a node for its details<span class=\"js-only\">; drag to pan, wheel or +/− to "
         "zoom, double-click to zoom in</span>.</p>\n";
  out << "<div id=\"cg-diagram\">\n<div class=\"controls\"><button type=\"button\" "
         "data-zoom=\"in\" "
         "title=\"zoom in\">+</button><button type=\"button\" data-zoom=\"out\" title=\"zoom "
         "out\">−</button><button type=\"button\" data-zoom=\"reset\" title=\"whole "
         "diagram\">⟲</button></div>\n"
      << inline_svg(diagram.svg, diagram.titles) << "\n</div>\n</section>\n";
}

void write_about(std::ostream& out, const HtmlReport& report) {
  out << "<section id=\"about\">\n<h2>About this report <small>说明</small></h2>\n<dl "
         "class=\"about\">\n"
      << "<dt>dataset</dt><dd id=\"about-dataset\">" << esc(report.dataset) << "</dd>\n"
      << "<dt>made</dt><dd id=\"about-generated\">" << esc(report.generated) << "</dd>\n"
      << "<dt>by</dt><dd>" << esc(report.version) << "</dd>\n";
  for (const auto& [name, value] : report.options)
    out << "<dt>" << esc(name) << "</dt><dd>" << esc(value) << "</dd>\n";
  out << "</dl>\n</section>\n";
}

}  // namespace

std::string svg_bar_chart(const std::vector<std::pair<std::string, std::uint64_t>>& bars,
                          const std::string& caption) {
  constexpr double kLabel = 70, kBar = 330, kRow = 28, kTop = 26, kRight = 150;
  const double width = kLabel + kBar + kRight;
  const double height = kTop + kRow * static_cast<double>(bars.size()) + 8;
  std::uint64_t largest = 0;
  for (const auto& bar : bars) largest = std::max(largest, bar.second);
  std::string svg = fmt::format(
      "<svg class=\"chart\" role=\"img\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 "
      "{0:.0f} "
      "{1:.0f}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{2}</title>\n"
      "<text x=\"0\" y=\"16\" font-weight=\"bold\">{2}</text>\n",
      width, height, esc(caption));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = kTop + kRow * static_cast<double>(i);
    const double length =
        largest ? kBar * static_cast<double>(bars[i].second) / static_cast<double>(largest) : 0;
    svg += fmt::format(
        "<g data-tip=\"{0}: {1}\"><title>{0}: {1}</title><text x=\"{2:.0f}\" y=\"{3:.1f}\" "
        "text-anchor=\"end\">{0}</text><rect x=\"{4:.0f}\" y=\"{5:.1f}\" width=\"{6:.1f}\" "
        "height=\"20\" rx=\"2\" fill=\"{7}\"/><text x=\"{8:.1f}\" y=\"{3:.1f}\">{1}</text></g>\n",
        esc(bars[i].first), esc(short_count(bars[i].second)), kLabel - 8, y + 15, kLabel, y + 1,
        std::max(length, bars[i].second ? 1.0 : 0.0), sequential_color(i, bars.size()),
        kLabel + length + 6);
  }
  return svg + "</svg>";
}

std::string svg_reach_curve(const ReportPlan& plan) {
  constexpr double kWidth = 500, kHeight = 320, kLeft = 64, kRight = 20, kTop = 30, kBottom = 48;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const bool by_spend = plan.spent > 0;
  std::vector<std::pair<double, double>> points{{0, 0}};
  for (std::size_t i = 0; i < plan.picks.size(); ++i)
    points.emplace_back(by_spend ? plan.picks[i].spent : static_cast<double>(i + 1),
                        static_cast<double>(plan.picks[i].cumulative_reach));
  double max_x = 0, max_y = static_cast<double>(plan.upper_bound);
  for (const auto& [x, y] : points) max_x = std::max(max_x, x), max_y = std::max(max_y, y);
  const std::vector<double> xs = ticks(max_x > 0 ? max_x : 1), ys = ticks(max_y > 0 ? max_y : 1);
  const double top_x = xs.back(), top_y = ys.back();
  auto px = [&](double x) { return kLeft + plot_w * x / top_x; };
  auto py = [&](double y) { return kTop + plot_h * (1 - y / top_y); };

  const std::string caption = by_spend ? "reach against spend" : "reach against hosts booked";
  std::string svg = fmt::format(
      "<svg class=\"chart\" id=\"reach-curve\" role=\"img\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{2}</title>\n"
      "<text x=\"{3:.0f}\" y=\"16\" font-weight=\"bold\">{2}</text>\n",
      kWidth, kHeight, esc(caption), kLeft);
  for (double y : ys)
    svg += fmt::format(
        "<line class=\"grid\" x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\"/>"
        "<text x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
        kLeft, kLeft + plot_w, py(y), kLeft - 6, py(y) + 4, esc(tick_label(y)));
  for (double x : xs)
    svg += fmt::format(
        "<line class=\"axis\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\"/>"
        "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>\n",
        px(x), kTop + plot_h, kTop + plot_h + 5, kTop + plot_h + 19,
        esc(by_spend ? tick_label(x) : group_digits(whole(x))));
  svg += fmt::format(
      "<line class=\"axis\" x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\"/>"
      "<line class=\"axis\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{3:.1f}\" y2=\"{2:.1f}\"/>\n"
      "<text x=\"{4:.1f}\" y=\"{5:.1f}\" text-anchor=\"middle\">{6}</text>\n"
      "<text x=\"14\" y=\"{7:.1f}\" text-anchor=\"middle\" transform=\"rotate(-90 14 "
      "{7:.1f})\">people "
      "reached</text>\n",
      kLeft, kLeft + plot_w, kTop + plot_h, kTop, kLeft + plot_w / 2, kHeight - 8,
      by_spend ? "spend (yuan)" : "hosts booked", kTop + plot_h / 2);
  if (plan.upper_bound > 0)
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#d55e00\" "
        "stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/><text x=\"{5:.1f}\" y=\"{3:.1f}\" "
        "fill=\"#d55e00\">upper bound {4}</text>\n",
        kLeft, kLeft + plot_w, py(static_cast<double>(plan.upper_bound)),
        py(static_cast<double>(plan.upper_bound)) - 5, esc(group_digits(plan.upper_bound)),
        kLeft + 6);
  std::string line;
  for (const auto& [x, y] : points) line += fmt::format("{:.1f},{:.1f} ", px(x), py(y));
  svg += fmt::format(
      "<polyline fill=\"none\" stroke=\"#0072b2\" stroke-width=\"2.5\" points=\"{}\"/>\n", line);
  for (std::size_t i = 0; i < plan.picks.size(); ++i) {
    const ReportPick& pick = plan.picks[i];
    const std::string text =
        fmt::format("{}. {} ({}): +{} → {} people, {} yuan spent", i + 1, pick.name, pick.id,
                    group_digits(pick.marginal_reach), group_digits(pick.cumulative_reach),
                    group_digits(whole(pick.spent)));
    svg += fmt::format(
        "<g data-tip=\"{0}\"><title>{0}</title><circle cx=\"{1:.1f}\" cy=\"{2:.1f}\" r=\"4.5\" "
        "fill=\"#0072b2\" stroke=\"#fff\" stroke-width=\"1.5\"/></g>\n",
        esc(text), px(points[i + 1].first), py(points[i + 1].second));
  }
  return svg + "</svg>";
}

std::string inline_svg(const std::string& graphviz_svg,
                       const std::map<std::string, std::string>& titles) {
  std::string svg = graphviz_svg;
  // Everything before <svg (XML declaration, DOCTYPE, comments) goes.
  const std::size_t start = svg.find("<svg");
  if (start == std::string::npos) return "";
  svg.erase(0, start);
  // Comments: Graphviz writes one per node and edge, naming it.
  for (std::size_t at = svg.find("<!--"); at != std::string::npos; at = svg.find("<!--", at)) {
    const std::size_t end = svg.find("-->", at);
    if (end == std::string::npos) break;
    svg.erase(at, end + 3 - at);
    if (at < svg.size() && svg[at] == '\n') svg.erase(at, 1);
  }
  // The root element: drop the fixed size in points so CSS sizes it; mark it for tooltips.
  const std::size_t root_end = svg.find('>');
  std::string root = svg.substr(0, root_end);
  for (const char* attribute : {"width=\"", "height=\""}) {
    const std::size_t at = root.find(attribute);
    if (at == std::string::npos || (at > 0 && root[at - 1] != ' ' && root[at - 1] != '\n'))
      continue;
    const std::size_t close = root.find('"', at + std::string_view(attribute).size());
    root.erase(at, close + 1 - at);
  }
  root.insert(4, " class=\"tips\" role=\"img\" aria-label=\"network diagram\"");
  svg = root + svg.substr(root_end);
  // Titles: <title>NAME</title> -> <title>text</title> for every NAME in `titles`.
  std::string out;
  out.reserve(svg.size() + svg.size() / 4);
  std::size_t from = 0;
  for (std::size_t at = svg.find("<title>"); at != std::string::npos;
       at = svg.find("<title>", from)) {
    const std::size_t body = at + 7, end = svg.find("</title>", body);
    if (end == std::string::npos) break;
    out.append(svg, from, body - from);
    const auto found = titles.find(decode_graphviz_name(svg.substr(body, end - body)));
    if (found != titles.end())
      out += esc(found->second);
    else
      out.append(svg, body, end - body);
    from = end;
  }
  out.append(svg, from, std::string::npos);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

void write_html_report(std::ostream& out, const HtmlReport& report) {
  out << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\""
      << esc(report.version) << "\">\n<title>" << esc(report.title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n";
  out << "<header>\n<h1>" << esc(report.title) << "</h1>\n<p>Dataset <b>" << esc(report.dataset)
      << "</b> · made " << esc(report.generated) << " by " << esc(report.version)
      << "</p>\n</header>\n";
  out << "<nav><a href=\"#summary\">Summary</a><a href=\"#tiers\">Tiers</a><a href=\"#hosts\">Top "
         "hosts</a><a href=\"#communities\">Communities</a><a href=\"#plan\">Roster</a><a "
         "href=\"#diagram\">Network</a><a href=\"#about\">About</a></nav>\n";
  write_summary(out, report);
  write_tiers(out, report.tiers);
  write_hosts(out, report.hosts);
  write_communities(out, report.communities);
  write_plan(out, report.plan);
  write_diagram(out, report.diagram);
  write_about(out, report);
  out << "<footer>Made by castgraph. This file is self-contained: it loads nothing and can be "
         "forwarded as it is.</footer>\n<div id=\"cg-tip\" role=\"tooltip\"></div>\n<script>"
      << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace castgraph::viz
