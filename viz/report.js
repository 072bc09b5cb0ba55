// The report's script: sorting, zoom and pan, and tooltips. It only reads the page
// (textContent, data-*, attributes), never writes markup from data, so no name can turn
// into code. viz/embed_text.cmake compiles it into castgraph.
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

  // Tooltips: a chart element's data-tip, or the tooltip Graphviz wrote as the xlink:title
  // of the link around a node or edge, shown beside the pointer.
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
    var title = g.querySelector('title'), link = g.querySelector('a');
    var text = g.getAttribute('data-tip') || (link && link.getAttributeNS(XLINK, 'title')) ||
               (title ? title.textContent : '');
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
