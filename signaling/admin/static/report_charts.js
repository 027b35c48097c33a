// The report pages' pictures and tables (reports.js decides what to show). Charts are drawn by the
// vendored Chart.js and, for the demand heatmap, the vendored chartjs-chart-matrix plugin
// (VENDORED.md). Every chart has a <table> with the same numbers for screen readers (visually
// hidden until "Show tables", always printed). A suppressed cell ("<5") is never plotted as a
// number: its value is left out (null) and the chart writes "<5" where it would be.
"use strict";

(() => {
  const I = window.KiosklinkI18n;
  const t = (key, values) => I.t(key, values);
  const COLOURS = ["#1f5fbf", "#1b7f3b", "#b45309", "#8c1d18", "#5b3f9e"];
  const HEAT_LOW = [244, 248, 253];  // the palest blue: no visits
  const HEAT_HIGH = [11, 61, 145];  // the darkest: the busiest hour of the site
  const SUPPRESSED_FILL = "#d9d9de";

  function el(tag, attrs = {}, text = "") {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text !== "") node.textContent = text;
    return node;
  }

  // A figure's value: a number, null (nothing to show) or the suppressed mark ("<5").
  const isNumber = (v) => typeof v === "number";

  function show(value, digits = 0) {
    if (isNumber(value)) return I.number(value, digits);
    if (value === null || value === undefined) return "–";
    return String(value);  // the suppressed mark, as the API wrote it
  }

  // Chart data from figures: numbers as they are, everything else left out, and which were hidden.
  function plotted(values) {
    return { data: values.map((v) => (isNumber(v) ? v : null)), suppressed: values.map((v) => typeof v === "string") };
  }

  // Writes the suppressed mark where a hidden value would be drawn, so the gap is explained.
  const suppressedMarks = {
    id: "kiosklinkSuppressed",
    afterDatasetsDraw(chart) {
      const { ctx, scales } = chart;
      const y = scales.y || Object.values(scales).find((s) => s.axis === "y");
      if (!y) return;
      ctx.save();
      ctx.font = "600 11px system-ui, sans-serif";
      ctx.fillStyle = "#1d1d1f";
      ctx.textAlign = "center";
      chart.data.datasets.forEach((dataset, d) => {
        if (!dataset.suppressed || chart.getDatasetMeta(d).hidden) return;
        const meta = chart.getDatasetMeta(d);
        dataset.suppressed.forEach((hidden, i) => {
          if (!hidden) return;
          const element = meta.data[i];
          const x = element && Number.isFinite(element.x) ? element.x : chart.scales.x.getPixelForValue(i);
          ctx.fillText(dataset.mark || "<5", x, y.getPixelForValue(y.min) - 4 - 12 * (d % 3));
        });
      });
      ctx.restore();
    },
  };

  // The heatmap's cells carry their number, so the picture does not rely on colour alone.
  const cellLabels = {
    id: "kiosklinkCellLabels",
    afterDatasetsDraw(chart) {
      if (chart.config.type !== "matrix") return;
      const { ctx } = chart;
      ctx.save();
      ctx.font = "10px system-ui, sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      const meta = chart.getDatasetMeta(0);
      chart.data.datasets[0].data.forEach((cell, i) => {
        const centre = meta.data[i].getCenterPoint();
        ctx.fillStyle = cell.share > 0.5 ? "#fff" : "#1d1d1f";
        ctx.fillText(cell.label, centre.x, centre.y);
      });
      ctx.restore();
    },
  };

  const charts = new Map();

  // A <figure> with caption and canvas (role img, named by a summary) in ``parent``; returns it.
  function figure(parent, id, caption, summary, config, { tall = false } = {}) {
    const fig = el("figure", { class: tall ? "chart tall" : "chart", id });
    const box = el("div", { class: "chart-box" });
    const canvas = el("canvas", { role: "img", "aria-label": summary });
    box.append(canvas);
    fig.append(el("figcaption", {}, caption), box);
    parent.append(fig);
    const old = charts.get(id);
    if (old) old.destroy();
    config.plugins = [suppressedMarks, cellLabels];
    config.options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: "bottom", labels: { boxWidth: 14, color: "#1d1d1f" } } },
      ...config.options,
    };
    charts.set(id, new window.Chart(canvas, config));
    return fig;
  }

  function axis(title, extra = {}) {
    return { beginAtZero: true, title: { display: true, text: title }, ticks: { precision: 0 }, ...extra };
  }

  // A table: caption, header cells, and rows of [header cell, ...cells]; each cell is text or
  // {text, value, className}. Numbers are right-aligned; ``data-value`` keeps the API's value.
  function table(parent, id, caption, headers, rows, { visible = false } = {}) {
    const wrap = el("div", { class: visible ? "table-wrap" : "table-wrap chart-table" });
    const tbl = el("table", { id });
    tbl.append(el("caption", {}, caption));
    const head = el("tr");
    headers.forEach((h, i) => head.append(el("th", { scope: "col", class: i ? "num" : "" }, h)));
    const thead = el("thead");
    thead.append(head);
    tbl.append(thead);
    const body = el("tbody");
    for (const row of rows) {
      const tr = el("tr");
      row.forEach((cell, i) => {
        const c = typeof cell === "object" && cell !== null ? cell : { text: cell };
        const td = el(i ? "td" : "th", i ? { class: `num ${c.className || ""}`.trim() } : { scope: "row" }, c.text);
        if ("value" in c) td.dataset.value = JSON.stringify(c.value);
        tr.append(td);
      });
      body.append(tr);
    }
    tbl.append(body);
    wrap.append(tbl);
    parent.append(wrap);
    return tbl;
  }

  const cell = (value, digits = 0) => ({ text: show(value, digits), value, className: typeof value === "string" ? "suppressed" : "" });

  // --- the charts ---------------------------------------------------------------------------

  // Demand by weekday (rows) and hour (columns) for one site: ``grid[w][h]`` is a figure.
  function heatmap(parent, id, caption, grid, hours, weekdays) {
    const max = Math.max(1, ...grid.flat().filter(isNumber));
    const data = [];
    grid.forEach((row, w) => row.forEach((v, h) => {
      const share = isNumber(v) ? v / max : 0;
      data.push({ x: hours[h], y: weekdays[w], v: isNumber(v) ? v : null, suppressed: typeof v === "string", share, label: show(v) });
    }));
    const mix = (share) => `rgb(${HEAT_LOW.map((low, i) => Math.round(low + (HEAT_HIGH[i] - low) * share)).join(",")})`;
    const summary = t("rpHeatSummary", { title: caption });
    return figure(parent, id, caption, summary, {
      type: "matrix",
      data: {
        datasets: [{
          label: t("rpVisits"),
          data,
          backgroundColor: (ctx) => (ctx.raw && ctx.raw.suppressed ? SUPPRESSED_FILL : mix(ctx.raw ? ctx.raw.share : 0)),
          borderColor: "#fff",
          borderWidth: 1,
          width: ({ chart }) => (chart.chartArea || {}).width / hours.length - 1,
          height: ({ chart }) => (chart.chartArea || {}).height / weekdays.length - 1,
        }],
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { title: () => "", label: (ctx) => `${ctx.raw.y} ${ctx.raw.x}:00 — ${ctx.raw.label}` } },
        },
        scales: {
          x: { type: "category", labels: hours, offset: true, grid: { display: false }, title: { display: true, text: t("rpHour") }, ticks: { maxRotation: 0, autoSkip: false } },
          y: { type: "category", labels: weekdays, offset: true, grid: { display: false }, title: { display: true, text: t("rpWeekday") } },
        },
      },
    }, { tall: true });
  }

  // Bars per label: ``series`` is [{label, values}], values as the API gives them.
  function bars(parent, id, caption, labels, series, yTitle) {
    const summary = t("rpBarSummary", { title: caption, series: series.map((s) => s.label).join(", ") });
    return figure(parent, id, caption, summary, {
      type: "bar",
      data: {
        labels,
        datasets: series.map((s, i) => ({ label: s.label, backgroundColor: COLOURS[i % COLOURS.length], ...plotted(s.values) })),
      },
      options: { scales: { x: { title: { display: true, text: series.xTitle || "" } }, y: axis(yTitle) } },
    });
  }

  // Lines per month: ``series`` is [{label, values, axis: "y"|"y2"}].
  function lines(parent, id, caption, labels, series, yTitle, y2Title) {
    const summary = t("rpLineSummary", { title: caption, series: series.map((s) => s.label).join(", ") });
    const scales = { x: { title: { display: true, text: t("rpMonth") } }, y: axis(yTitle) };
    if (y2Title) scales.y2 = axis(y2Title, { position: "right", min: 1, max: 5, beginAtZero: false, grid: { drawOnChartArea: false }, ticks: {} });
    return figure(parent, id, caption, summary, {
      type: "line",
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label, yAxisID: s.axis || "y", borderColor: COLOURS[i], backgroundColor: COLOURS[i],
          borderDash: s.axis === "y2" ? [6, 4] : [], pointRadius: 4, pointStyle: ["circle", "rect", "triangle"][i % 3], spanGaps: false,
          ...plotted(s.values),
        })),
      },
      options: { scales },
    });
  }

  window.KiosklinkReportCharts = { el, show, cell, heatmap, bars, lines, table, charts };
})();
