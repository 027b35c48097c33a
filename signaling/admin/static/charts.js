// Charts on the dashboard, drawn by the vendored Chart.js (VENDORED.md): every chart has both axes
// titled with their unit, 24-hour time ticks, ranges that start at zero and do not shrink a fresh
// kiosk's few minutes into a pixel, and a text summary for screen readers (the canvas is an image).
"use strict";

const COLOURS = { blue: "#1f5fbf", orange: "#b45309", red: "#b3261e", green: "#1b7f3b", grey: "#6b6b73" };
const MIN_SPAN_S = 5 * 60;  // a new kiosk's first minutes fill a fifth of the chart or more
const PAD_S = 60;  // a little room before a kiosk's first figure
const STEPS_S = [60, 120, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600];  // whole clock times only
const charts = new Map();

function tr(key, values) { return window.KiosklinkI18n.t(key, values); }

// The time range to show: the last day, but starting shortly before the first figure we have.
function timeWindow(times, since, now) {
  const first = times.length ? Math.min(...times) : now;
  const min = Math.max(since, Math.min(first - PAD_S, now - MIN_SPAN_S));
  return { min, max: now };
}

// Ticks on whole clock times (a multiple of the step after local midnight), inside the range:
// Chart.js would start them at the range's first second (05:43, 08:43, ...).
function clockTicks(range, step) {
  const offset = -new Date(range.min * 1000).getTimezoneOffset() * 60;  // local time = UTC + offset
  const ticks = [];
  for (let v = Math.ceil((range.min + offset) / step) * step - offset; v <= range.max; v += step) {
    ticks.push({ value: v });
  }
  return ticks;
}

function timeAxis(range) {
  const span = range.max - range.min;
  const step = STEPS_S.find((s) => span / s <= 8) || 6 * 3600;
  return {
    type: "linear",
    min: range.min,
    max: range.max,
    title: { display: true, text: tr("time") },
    afterBuildTicks: (scale) => { scale.ticks = clockTicks(range, step); },
    ticks: {
      maxRotation: 0,
      autoSkip: false,
      callback: (value) => window.KiosklinkI18n.time(value),
    },
  };
}

function valueAxis(title, { max, suggestedMax, position = "left", grid = true, integer = false } = {}) {
  return {
    type: "linear",
    position,
    min: 0,
    max,
    suggestedMax,
    title: { display: true, text: title },
    grid: { drawOnChartArea: grid },
    ticks: integer ? { precision: 0 } : {},
  };
}

// Draw (or redraw) one chart into its <figure>: caption, canvas, and the summary a screen reader
// reads instead of the picture.
function draw(figureId, captionKey, config, summary) {
  const figure = document.getElementById(figureId);
  let canvas = figure.querySelector("canvas");
  if (!canvas) {
    figure.replaceChildren();
    const caption = document.createElement("figcaption");
    const box = document.createElement("div");  // Chart.js sizes the canvas to this box
    box.className = "chart-box";
    canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    box.append(canvas);
    figure.append(caption, box);
  }
  figure.querySelector("figcaption").textContent = tr(captionKey);
  canvas.setAttribute("aria-label", summary);
  const old = charts.get(figureId) || window.Chart.getChart(canvas);
  if (old) old.destroy();
  config.options = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: "nearest", intersect: false },
    plugins: { legend: { position: "bottom", labels: { boxWidth: 14, color: "#1d1d1f" } } },
    ...config.options,
  };
  charts.set(figureId, new window.Chart(canvas, config));
}

function summaryOf(titleKey, yTitles, range, format) {
  return tr("chartSummary", {
    title: tr(titleKey), y: yTitles.join(", "), x: tr("time"), from: format(range.min), to: format(range.max),
  });
}

function series(label, colour, points, extra = {}) {
  return { label, data: points.map(([x, y]) => ({ x, y })), borderColor: colour, backgroundColor: colour,
    pointRadius: points.length < 30 ? 3 : 0, borderWidth: 2, spanGaps: true, ...extra };
}

// --- a kiosk's last 24 hours ------------------------------------------------------------------

function connectionSteps(page, range) {
  let up = false;
  const events = page.links.filter((l) => l.at <= range.min);
  if (events.length) up = events[events.length - 1].event === "connected";
  const points = [[range.min, up ? 1 : 0]];
  for (const link of page.links.filter((l) => l.at > range.min)) {
    up = link.event === "connected";
    points.push([link.at, up ? 1 : 0]);
  }
  points.push([range.max, page.kiosk.connected ? 1 : 0]);
  return points;
}

function drawKiosk(page) {
  const time = window.KiosklinkI18n.time;
  const kioskSide = page.quality.filter((q) => q.side === "kiosk");
  // Each chart spans its own figures: a kiosk that reported for ten minutes fills its chart even
  // when its calls' figures go back a day.
  let range = timeWindow([...page.health.map((h) => h.at), ...page.links.map((l) => l.at)], page.since, page.now);
  const yesNo = { min: 0, max: 1, title: { display: true, text: tr("linkAxis") },
    ticks: { stepSize: 1, callback: (v) => (v === 1 ? tr("connectedTick") : v === 0 ? tr("disconnectedTick") : "") } };
  draw("chart-links", "linkChart", {
    type: "line",
    data: { datasets: [
      series(tr("linkChart"), COLOURS.green, connectionSteps(page, range), { stepped: "before", pointRadius: 0 }),
      series(tr("devicesWorking"), COLOURS.orange, page.health.map((h) => [h.at, h.devices_ok ? 1 : 0]),
        { stepped: "before", pointRadius: 0, borderDash: [6, 4] }),
    ] },
    options: { scales: { x: timeAxis(range), y: yesNo } },
  }, summaryOf("linkChart", [tr("linkAxis")], range, time));

  draw("chart-load", "loadChart", {
    type: "line",
    data: { datasets: [
      series(tr("cpu"), COLOURS.blue, page.health.map((h) => [h.at, h.cpu_ratio * 100])),
      series(tr("memory"), COLOURS.orange, page.health.map((h) => [h.at, h.memory_ratio * 100])),
    ] },
    options: { scales: { x: timeAxis(range), y: valueAxis(tr("useAxis"), { max: 100 }) } },
  }, summaryOf("loadChart", [tr("useAxis")], range, time));

  range = timeWindow(kioskSide.map((q) => q.at), page.since, page.now);
  draw("chart-quality", "qualityChart", {
    type: "line",
    data: { datasets: [
      series(tr("rttMean"), COLOURS.blue, kioskSide.map((q) => [q.at, q.rtt_ms]), { yAxisID: "y" }),
      series(tr("lossMean"), COLOURS.red, kioskSide.map((q) => [q.at, q.packet_loss_percent]), { yAxisID: "loss" }),
    ] },
    options: { scales: {
      x: timeAxis(range),
      y: valueAxis(tr("rttAxis"), { suggestedMax: 200 }),
      loss: valueAxis(tr("lossAxis"), { suggestedMax: 5, position: "right", grid: false }),
    } },
  }, summaryOf("qualityChart", [tr("rttAxis"), tr("lossAxis")], range, time));
}

// --- the fleet's trends -----------------------------------------------------------------------

function drawTrends(trends) {
  const I = window.KiosklinkI18n;
  const labels = trends.per_day.map((d) => I.day(d.day));
  const range = { min: trends.per_day[0].day, max: trends.per_day[trends.per_day.length - 1].day };
  const dayAxis = { type: "category", title: { display: true, text: tr("day") }, ticks: { maxRotation: 0, autoSkip: true } };
  const stacked = { ...dayAxis, stacked: true };
  const days = (d) => I.day(d);
  draw("chart-calls", "callsPerDay", {
    type: "bar",
    data: { labels, datasets: [
      { label: tr("completed"), data: trends.per_day.map((d) => d.completed), backgroundColor: COLOURS.green },
      { label: tr("failed"), data: trends.per_day.map((d) => d.failed), backgroundColor: COLOURS.red },
      { label: tr("other"), data: trends.per_day.map((d) => d.calls - d.completed - d.failed), backgroundColor: COLOURS.grey },
    ] },
    options: { scales: { x: stacked, y: { ...valueAxis(tr("callsAxis"), { suggestedMax: 5, integer: true }), stacked: true } } },
  }, tr("chartSummary", { title: tr("callsPerDay"), y: tr("callsAxis"), x: tr("day"), from: days(range.min), to: days(range.max) }));

  draw("chart-trend-quality", "qualityPerDay", {
    type: "line",
    data: { labels, datasets: [
      { ...series(tr("rttMean"), COLOURS.blue, []), data: trends.per_day.map((d) => d.rtt_ms), yAxisID: "y" },
      { ...series(tr("lossMean"), COLOURS.red, []), data: trends.per_day.map((d) => d.packet_loss_percent), yAxisID: "loss" },
    ] },
    options: { scales: {
      x: dayAxis,
      y: valueAxis(tr("rttAxis"), { suggestedMax: 200 }),
      loss: valueAxis(tr("lossAxis"), { suggestedMax: 5, position: "right", grid: false }),
    } },
  }, tr("chartSummary", { title: tr("qualityPerDay"), y: `${tr("rttAxis")}, ${tr("lossAxis")}`, x: tr("day"), from: days(range.min), to: days(range.max) }));
}

window.KiosklinkCharts = { drawKiosk, drawTrends, timeWindow };
