// Hand-drawn SVG charts for a kiosk's page: no library, no CDN (kiosk servers may be offline).
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const CHART = { width: 900, height: 140, left: 48, right: 12, top: 18, bottom: 22 };

function svgEl(name, attrs, parent) {
  const el = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  if (parent) parent.appendChild(el);
  return el;
}

function frame(container, title, since, until) {
  container.textContent = "";
  const svg = svgEl("svg", {
    viewBox: `0 0 ${CHART.width} ${CHART.height}`,
    role: "img",
    "aria-label": title,
    class: "chart-svg",
  }, container);
  svgEl("text", { x: CHART.left, y: 12, class: "chart-title" }, svg).textContent = title;
  const x = (t) => CHART.left + ((t - since) / (until - since)) * (CHART.width - CHART.left - CHART.right);
  const axisY = CHART.height - CHART.bottom;
  svgEl("line", { x1: CHART.left, x2: CHART.width - CHART.right, y1: axisY, y2: axisY, class: "axis" }, svg);
  for (let h = 0; h <= 24; h += 6) {
    const t = since + (h / 24) * (until - since);
    const label = new Date(t * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    svgEl("text", { x: x(t), y: CHART.height - 6, class: "tick", "text-anchor": "middle" }, svg).textContent = label;
  }
  return { svg, x, axisY };
}

// Connection spans (green while connected) with a dot per health report: gaps are missed heartbeats.
function drawLinks(container, page) {
  const { svg, x } = frame(container, "Heartbeats and connection", page.since, page.now);
  const y = 40;
  let openedAt = null;
  const spans = [];
  for (const link of page.links) {
    if (link.event === "connected") openedAt = link.at;
    else if (openedAt !== null) { spans.push([openedAt, link.at]); openedAt = null; }
  }
  if (openedAt !== null) spans.push([openedAt, page.now]);
  for (const [from, to] of spans) {
    svgEl("rect", { x: x(Math.max(from, page.since)), y: y - 8, width: Math.max(2, x(to) - x(Math.max(from, page.since))), height: 16, class: "span-up" }, svg);
  }
  for (const h of page.health) {
    svgEl("circle", { cx: x(h.at), cy: y + 30, r: 2.5, class: h.devices_ok ? "dot-ok" : "dot-fault" }, svg);
  }
  for (const f of page.kiosk.faults) {
    const until = f.cleared_at || page.now;
    svgEl("rect", { x: x(Math.max(f.opened_at, page.since)), y: y + 50, width: Math.max(2, x(until) - x(Math.max(f.opened_at, page.since))), height: 10, class: "span-fault" }, svg);
  }
  svgEl("text", { x: 4, y: y + 4, class: "tick" }, svg).textContent = "link";
  svgEl("text", { x: 4, y: y + 34, class: "tick" }, svg).textContent = "health";
  svgEl("text", { x: 4, y: y + 59, class: "tick" }, svg).textContent = "faults";
}

function drawSeries(container, title, since, until, series) {
  const { svg, x, axisY } = frame(container, title, since, until);
  const height = axisY - CHART.top;
  series.forEach((s, index) => {
    const points = s.points.filter((p) => p[1] !== null && p[1] !== undefined);
    const max = s.max || Math.max(1e-9, ...points.map((p) => p[1]));
    const d = points.map((p, i) => `${i ? "L" : "M"}${x(p[0]).toFixed(1)},${(axisY - (p[1] / max) * height).toFixed(1)}`).join(" ");
    if (d) svgEl("path", { d, class: `series series-${index}` }, svg);
    for (const p of points.length === 1 ? points : []) {
      svgEl("circle", { cx: x(p[0]), cy: axisY - (p[1] / max) * height, r: 3, class: `series-dot series-${index}` }, svg);
    }
    const legend = svgEl("text", { x: CHART.width - 260 + index * 130, y: 12, class: `legend series-${index}` }, svg);
    legend.textContent = `${s.name} (max ${s.maxLabel || max.toFixed(2)})`;
  });
}

window.KiosklinkCharts = {
  draw(page) {
    drawLinks(document.getElementById("chart-links"), page);
    drawSeries(document.getElementById("chart-load"), "CPU and memory", page.since, page.now, [
      { name: "CPU", max: 1, maxLabel: "100 %", points: page.health.map((h) => [h.at, h.cpu_ratio]) },
      { name: "memory", max: 1, maxLabel: "100 %", points: page.health.map((h) => [h.at, h.memory_ratio]) },
    ]);
    drawSeries(document.getElementById("chart-quality"), "Call quality", page.since, page.now, [
      { name: "RTT ms", points: page.quality.map((q) => [q.at, q.rtt_ms]) },
      { name: "loss", points: page.quality.map((q) => [q.at, q.packet_loss_ratio]) },
    ]);
  },
};
