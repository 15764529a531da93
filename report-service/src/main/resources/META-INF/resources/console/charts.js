// Draws each <figure class="chart"> with uPlot from the table it names (data-table): the table is the chart's data and
// stays beside it for readers who cannot see the chart. Columns marked data-series are drawn; a cell's data-value is
// its number (empty: not reported, left as a gap); data-lines adds dashed reference lines (e.g. 2 and 3.5 %).
(function () {
  'use strict';
  function value(cell) {
    var v = cell ? cell.getAttribute('data-value') : null;
    return v === null || v === '' ? null : Number(v);
  }
  function draw(figure) {
    var table = document.getElementById(figure.dataset.table);
    if (!table || typeof uPlot === 'undefined') { return; }
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var bars = figure.dataset.kind === 'bars';
    var labels = rows.map(function (r) { return r.cells[0].getAttribute('data-label') || r.cells[0].textContent.trim(); });
    var xs = rows.map(function (r, i) { return bars ? i : value(r.cells[0]); });
    var data = [xs];
    var series = [{ label: bars ? 'Nation' : 'Year', value: function (u, v) { return v == null ? '' : bars ? labels[v] : String(v); } }];
    heads.forEach(function (th, i) {
      if (!th.dataset.series) { return; }
      data.push(rows.map(function (r) { return value(r.cells[i]); }));
      series.push({
        label: th.dataset.series, stroke: th.dataset.color, width: 2,
        fill: bars ? th.dataset.color : undefined, dash: th.dataset.dash ? [6, 4] : undefined,
        paths: bars ? uPlot.paths.bars({ size: [0.7, 28] }) : undefined,
        points: { show: !bars }, spanGaps: false,
        value: function (u, v) { return v == null ? '–' : v.toFixed(2) + ' %'; }
      });
    });
    (figure.dataset.lines || '').split(',').filter(Boolean).forEach(function (line) {
      data.push(xs.map(function () { return Number(line); }));
      series.push({ label: line + ' %', stroke: '#b71c1c', width: 1.5, dash: [4, 4], points: { show: false } });
    });
    var plot = figure.querySelector('.plot');
    var opts = {
      width: Math.max(320, plot.clientWidth || figure.clientWidth - 20), height: bars ? 380 : 340,
      series: series,
      scales: { x: bars ? { time: false, range: [-0.6, rows.length - 0.4] } : { time: false }, y: { range: function (u, min, max) { return [0, Math.max(6, Math.ceil(max + 0.5))]; } } },
      axes: [
        bars ? { splits: function () { return xs; }, values: function (u, splits) { return splits.map(function (i) { return labels[i]; }); },
                 rotate: -90, size: 52, gap: 4, font: '11px sans-serif' }
             : { values: function (u, splits) { return splits.map(function (v) { return String(v); }); } },
        { label: '% of GDP', values: function (u, splits) { return splits.map(function (v) { return v + ' %'; }); } }
      ],
      // The legend names the series; the values are in the table beside the chart (a live legend read 'not
      // reported' until a pointer hovered, which said the wrong thing to a reader).
      legend: { live: false }
    };
    new uPlot(opts, data, plot);
  }
  Array.prototype.forEach.call(document.querySelectorAll('figure.chart'), draw);
})();
