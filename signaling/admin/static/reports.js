// The report pages (docs/reports.md §The report pages): /admin/reports, where a manager picks a
// period and a grouping, and /admin/reports/month?month=YYYY-MM, a month's report for print. Both
// read GET /admin/api/reports only, show each figure as the API gives it ("<5" stays "<5") and
// link the same reports as CSV. Pictures and tables: report_charts.js; words: i18n.js.
"use strict";

const I = window.KiosklinkI18n;
const C = window.KiosklinkReportCharts;
const t = (key, values) => I.t(key, values);
const MONTH_PAGE = document.body.classList.contains("month");
const API = "/admin/api/reports";
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"));
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const TREND_MONTHS = 12;
const state = { from: "", to: "", by: [], data: null, cache: new Map() };

// --- days and months (local calendar days, as the API takes them) ----------------------------

const pad = (n) => String(n).padStart(2, "0");
const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();  // m is 1-12
const monthOf = (day) => day.slice(0, 7);

function monthRange(month) {  // "2026-03" -> ["2026-03-01", "2026-03-31"]
  const [y, m] = month.split("-").map(Number);
  return [iso(y, m, 1), iso(y, m, daysIn(y, m))];
}

function addMonths(month, n) {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

function thisMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}

function preset(name) {
  const last = addMonths(thisMonth(), -1);
  if (name === "year") return [monthRange(addMonths(last, -11))[0], monthRange(last)[1]];
  return monthRange(last);
}

// The months a trend shows: those of the period, and at least the twelve ending with its last.
function trendMonths(from, to) {
  const months = [];
  for (let m = monthOf(to); months.length < TREND_MONTHS || m >= monthOf(from); m = addMonths(m, -1)) {
    months.unshift(m);
    if (months.length >= 25) break;
  }
  return months;
}

// --- reading reports -------------------------------------------------------------------------

function query(from, to, by, format = "json") {
  const params = new URLSearchParams({ from, to, by: by.join(",") });
  if (format !== "json") params.set("format", format);
  return `${API}?${params}`;
}

async function report(from, to, by) {
  const url = query(from, to, by);
  if (!state.cache.has(url)) {
    state.cache.set(url, fetch(url).then(async (response) => {
      if (response.status === 401) window.location.assign("/admin/login");
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.message || `HTTP ${response.status}`);
      return body;
    }));
  }
  return state.cache.get(url).catch((error) => { state.cache.delete(url); throw error; });
}

async function load() {
  const { from, to, by } = state;
  const months = trendMonths(from, to);
  const asked = [
    report(from, to, ["site"]),
    report(from, to, ["district"]),
    report(from, to, ["language"]),
    report(from, to, ["site", "weekday", "hour"]),
    Promise.all(months.map((m) => report(...monthRange(m), []))),
    MONTH_PAGE ? report(...monthRange(addMonths(monthOf(from), -1)), ["site"]) : null,
    MONTH_PAGE ? null : report(from, to, by),
  ];
  const [site, district, language, heat, trend, previousMonth, custom] = await Promise.all(asked);
  return { site, district, language, heat, months, trend, previousMonth, custom };
}

// --- words for codes ---------------------------------------------------------------------------

function languageName(code) {
  try {
    return new Intl.DisplayNames([I.locale], { type: "language" }).of(code) || code;
  } catch (e) {
    return code;
  }
}

function weekdayName(code) {
  const day = new Date(Date.UTC(2026, 0, 5 + WEEKDAYS.indexOf(code)));  // 5 January 2026: a Monday
  return new Intl.DateTimeFormat(I.locale, { weekday: "short", timeZone: "UTC" }).format(day);
}

function monthName(month) {
  const [y, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(I.locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

function longMonth(month) {
  const [y, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(I.locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

function labelOf(dimension, value) {
  if (dimension === "language") return languageName(value);
  if (dimension === "weekday") return weekdayName(value);
  if (dimension === "hour") return `${value}:00`;
  return value === "(none)" ? t("rpNoDistrict") : value;
}

function dayText(day) {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(I.locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

const period = (p) => `${dayText(p.from)} – ${dayText(p.to)}`;

// "▲ +3" / "▼ −2" / "= 0": the direction in a sign and an arrow, never by colour alone.
function change(now, before, digits = 0) {
  if (typeof now !== "number" || typeof before !== "number") return { text: "–", value: null };
  const d = Math.round((now - before) * 10 ** digits) / 10 ** digits;
  const arrow = d > 0 ? "▲ +" : d < 0 ? "▼ −" : "= ";
  return { text: `${arrow}${I.number(Math.abs(d), digits)}`, value: d, className: d > 0 ? "up" : d < 0 ? "down" : "" };
}

// --- the sections ------------------------------------------------------------------------------

const FIGURES = [  // [column, words key, decimals]
  ["visits", "rpVisits", 0], ["answered", "rpAnswered", 0], ["abandoned", "rpAbandoned", 0],
  ["wait_p50_s", "rpWaitP50", 0], ["wait_p90_s", "rpWaitP90", 0], ["rating_mean", "rpRatingMean", 2],
  ["answers_viewed", "rpAnswersViewed", 0],
];

function section(id, titleKey, by, intro = "") {
  const box = C.el("section", { id, "aria-labelledby": `${id}-heading`, class: "report-section" });
  const head = C.el("div", { class: "section-head" });
  head.append(C.el("h2", { id: `${id}-heading` }, t(titleKey)));
  if (by) {
    const link = C.el("a", { class: "csv", href: query(state.from, state.to, by, "csv"), download: "" }, t("rpCsv"));
    link.setAttribute("aria-label", t("rpCsvOf", { what: t(titleKey) }));
    head.append(link);
  }
  box.append(head);
  if (intro) box.append(C.el("p", { class: "hint" }, intro));
  document.getElementById("sections").append(box);
  return box;
}

function keyFigures(data) {
  const now = data.site.current;
  const before = MONTH_PAGE ? data.previousMonth.current : data.site.previous;
  const box = section("key-figures", "rpKeyFigures", ["site"], t("rpComparedWith", { period: period(before) }));
  const rows = FIGURES.map(([column, key, digits]) => [
    t(key), C.cell(now.total[column], digits), C.cell(before.total[column], digits), change(now.total[column], before.total[column], digits),
  ]);
  C.table(box, "table-key-figures", t("rpKeyFigures"), [t("rpFigure"), t("rpNow"), t("rpBefore"), t("rpChange")], rows, { visible: true });
}

function heatmaps(data) {
  const box = section("heatmap", "rpHeatmap", ["site", "weekday", "hour"], t("rpHeatHint"));
  const sites = [...new Set(data.heat.current.rows.map((r) => r.site))];
  if (!sites.length) box.append(C.el("p", {}, t("rpNoVisits")));
  sites.forEach((site, n) => {
    const grid = WEEKDAYS.map(() => HOURS.map(() => 0));  // a group with no row had no visit
    for (const row of data.heat.current.rows.filter((r) => r.site === site)) {
      grid[WEEKDAYS.indexOf(row.weekday)][HOURS.indexOf(row.hour)] = row.visits;
    }
    const caption = t("rpHeatCaption", { site });
    const days = WEEKDAYS.map(weekdayName);
    C.heatmap(box, `chart-heat-${n}`, caption, grid, HOURS, days).dataset.site = site;
    const rows = grid.map((row, w) => [days[w], ...row.map((v) => C.cell(v))]);
    C.table(box, `table-heat-${n}`, caption, [t("rpWeekday"), ...HOURS], rows).dataset.site = site;
  });
}

function languages(data) {
  const box = section("languages", "rpLanguages", ["language"]);
  const rows = data.language.current.rows;
  const names = rows.map((r) => languageName(r.language));
  const columns = [["visits", "rpVisits"], ["answered", "rpAnswered"], ["abandoned", "rpAbandoned"]];
  C.bars(box, "chart-languages", t("rpLanguagesCaption"), names, columns.map(([c, k]) => ({ label: t(k), values: rows.map((r) => r[c]) })), t("rpResidents"));
  const body = rows.map((r, i) => [names[i], ...columns.map(([c]) => C.cell(r[c]))]);
  C.table(box, "table-languages", t("rpLanguagesCaption"), [t("rpLanguage"), ...columns.map(([, k]) => t(k))], body);
}

function trend(data) {
  const box = section("trend", "rpTrend", null, t("rpTrendHint"));
  const labels = data.months.map(monthName);
  const totals = data.trend.map((r) => r.current.total);
  const pick = (column) => totals.map((total) => total[column]);
  C.lines(box, "chart-trend-visits", t("rpTrendVisits"), labels, [{ label: t("rpVisits"), values: pick("visits") }], t("rpResidents"));
  C.lines(box, "chart-trend-wait", t("rpTrendWait"), labels, [
    { label: t("rpWaitP50"), values: pick("wait_p50_s") },
    { label: t("rpWaitP90"), values: pick("wait_p90_s") },
    { label: t("rpRatingMean"), values: pick("rating_mean"), axis: "y2" },
  ], t("rpSeconds"), t("rpScore"));
  const rows = data.months.map((m, i) => [labels[i], C.cell(totals[i].visits), C.cell(totals[i].wait_p50_s), C.cell(totals[i].wait_p90_s), C.cell(totals[i].rating_mean, 2)]);
  C.table(box, "table-trend", t("rpTrend"), [t("rpMonth"), t("rpVisits"), t("rpWaitP50"), t("rpWaitP90"), t("rpRatingMean")], rows);
  const links = C.el("p", { class: "csv-months" });
  links.append(C.el("span", {}, `${t("rpCsvMonths")} `));
  data.months.forEach((m, i) => {
    links.append(C.el("a", { href: query(...monthRange(m), [], "csv"), download: "" }, labels[i]), " ");
  });
  box.append(links);
}

function districts(data) {
  const box = section("districts", "rpDistricts", ["district"], t("rpComparedWith", { period: period(data.district.previous) }));
  const before = new Map(data.district.previous.rows.map((r) => [r.district, r]));
  const rows = data.district.current.rows.map((r) => {
    const old = before.get(r.district) || {};
    return [labelOf("district", r.district), ...FIGURES.map(([c, , d]) => C.cell(r[c], d)), C.cell(old.visits ?? 0), change(r.visits, old.visits ?? 0)];
  });
  const heads = [t("rpDistrict"), ...FIGURES.map(([, k]) => t(k)), t("rpVisitsBefore"), t("rpChange")];
  C.table(box, "table-districts", t("rpDistrictsCaption"), heads, rows, { visible: true });
}

function sites(data) {
  const box = section("sites", "rpSites", ["site"], t("rpComparedWith", { period: period(data.site.previous) }));
  const before = new Map(data.site.previous.rows.map((r) => [r.site, r]));
  const columns = FIGURES.filter(([c]) => c !== "answers_viewed");
  const heads = [t("rpSite")];
  for (const [, key] of columns) heads.push(t(key), t("rpBeforeOf", { what: t(key) }), t("rpChange"));
  const rows = data.site.current.rows.map((r) => {
    const old = before.get(r.site) || { visits: 0, answered: 0, abandoned: 0 };
    const row = [r.site];
    for (const [c, , d] of columns) row.push(C.cell(r[c], d), C.cell(old[c] ?? null, d), change(r[c], old[c], d));
    return row;
  });
  C.table(box, "table-sites", t("rpSitesCaption"), heads, rows, { visible: true }).dataset.compared = "previous";
}

function satisfaction(data) {
  const total = data.site.current.total;
  const box = section("satisfaction", "rpSatisfaction", ["site"], t("rpSatisfactionHint", {
    n: C.show(total.ratings), mean: C.show(total.rating_mean, 2),
  }));
  const scores = ["1", "2", "3", "4", "5"];
  const values = scores.map((s) => total[`rating_${s}`]);
  C.bars(box, "chart-satisfaction", t("rpSatisfactionCaption"), scores, [{ label: t("rpRatings"), values }], t("rpRatings"));
  C.table(box, "table-satisfaction", t("rpSatisfactionCaption"), [t("rpScore"), t("rpRatings")], scores.map((s, i) => [s, C.cell(values[i])]));
}

function answersViewed(data) {
  const box = section("answers", "rpAnswers", ["language"], t("rpAnswersHint"));
  const rows = data.language.current.rows;
  const names = rows.map((r) => languageName(r.language));
  C.bars(box, "chart-answers", t("rpAnswersCaption"), names, [{ label: t("rpAnswersViewed"), values: rows.map((r) => r.answers_viewed) }], t("rpTimes"));
  C.table(box, "table-answers", t("rpAnswersCaption"), [t("rpLanguage"), t("rpAnswersViewed")], rows.map((r, i) => [names[i], C.cell(r.answers_viewed)]));
}

// The report as grouped by the manager's choice: one row per group, the group named in one cell
// ("Rinkeby bibliotek · Arabic") so a screen reader reads a row as one.
function customTable(data) {
  const by = data.custom.by;
  const box = section("custom", "rpCustom", by);
  const group = by.map((d) => t(`rpBy_${d}`)).join(" · ") || t("rpAll");
  const figures = (r) => FIGURES.map(([c, , d]) => C.cell(r[c], d));
  const rows = data.custom.current.rows.map((r) => [by.map((d) => labelOf(d, r[d])).join(" · "), ...figures(r)]);
  rows.push([t("rpTotal"), ...figures(data.custom.current.total)]);
  const heads = [group, ...FIGURES.map(([, k]) => t(k))];
  C.table(box, "table-custom", t("rpCustomCaption", { by: group }), heads, rows, { visible: true });
}

function render() {
  I.apply();
  const data = state.data;
  const sections = document.getElementById("sections");
  for (const chart of C.charts.values()) chart.destroy();
  C.charts.clear();
  sections.replaceChildren();
  if (!data) return;
  const status = document.getElementById("status");
  status.className = "status-line";
  status.textContent = MONTH_PAGE
    ? t("rpMonthShowing", { month: longMonth(monthOf(state.from)) })
    : t("rpShowing", { period: period(data.site.current) });
  if (MONTH_PAGE) document.getElementById("month-heading").textContent = t("rpMonthTitle", { month: longMonth(monthOf(state.from)) });
  keyFigures(data);
  if (!MONTH_PAGE) customTable(data);
  heatmaps(data);
  languages(data);
  trend(data);
  districts(data);
  sites(data);
  satisfaction(data);
  answersViewed(data);
  document.getElementById("print-link").href = `/admin/reports/month?month=${monthOf(state.to)}`;
}

// --- the controls --------------------------------------------------------------------------------

function readControls() {
  if (MONTH_PAGE) {
    [state.from, state.to] = monthRange(document.getElementById("month").value || addMonths(thisMonth(), -1));
    return;
  }
  const choice = document.getElementById("preset").value;
  if (choice === "custom") {
    state.from = document.getElementById("from").value;
    state.to = document.getElementById("to").value;
  } else {
    [state.from, state.to] = preset(choice);
    document.getElementById("from").value = state.from;
    document.getElementById("to").value = state.to;
  }
  state.by = ["by-1", "by-2", "by-3"].map((id) => document.getElementById(id).value).filter(Boolean);
}

function showControls() {
  const custom = document.getElementById("preset").value === "custom";
  for (const id of ["from", "to"]) document.getElementById(id).disabled = !custom;
}

async function refresh() {
  document.body.dataset.ready = "false";
  readControls();
  const status = document.getElementById("status");
  status.className = "status-line";
  status.textContent = t("rpLoading");
  try {
    state.data = await load();
    render();
  } catch (error) {
    state.data = null;
    render();
    status.className = "status-line error";
    status.textContent = t("rpFailed", { error: error.message });
  }
  const address = MONTH_PAGE ? `?month=${monthOf(state.from)}` : `?${new URLSearchParams({ from: state.from, to: state.to, by: state.by.join(",") })}`;
  window.history.replaceState(null, "", address);
  document.body.dataset.ready = "true";
}

// A shared address (?from=&to=&by= or ?month=) opens that report.
function fromAddress() {
  const params = new URLSearchParams(window.location.search);
  if (MONTH_PAGE) {
    const month = params.get("month");
    document.getElementById("month").value = /^\d{4}-\d{2}$/.test(month || "") ? month : addMonths(thisMonth(), -1);
    return;
  }
  if (params.get("from") && params.get("to")) {
    document.getElementById("preset").value = "custom";
    document.getElementById("from").value = params.get("from");
    document.getElementById("to").value = params.get("to");
  }
  (params.get("by") || "site,language").split(",").filter(Boolean).slice(0, 3).forEach((d, i) => {
    document.getElementById(`by-${i + 1}`).value = d;
  });
}

function fillGroupings() {
  for (const [n, id] of ["by-1", "by-2", "by-3"].entries()) {
    const select = document.getElementById(id);
    select.append(C.el("option", { value: "", "data-i18n": n ? "rpByNone" : "rpByTotal" }));
    for (const d of ["site", "district", "language", "topic", "hour", "weekday"]) {
      select.append(C.el("option", { value: d, "data-i18n": `rpBy_${d}` }));
    }
  }
}

async function start() {
  const select = document.getElementById("ui-language");
  select.value = I.language;
  if (!MONTH_PAGE) fillGroupings();
  I.apply();
  fromAddress();
  const me = await fetch("/admin/api/me").then((r) => (r.ok ? r.json() : Promise.reject(r)))
    .catch(() => { window.location.assign("/admin/login"); return null; });
  if (!me) return;
  document.getElementById("me").textContent = me.display_name;
  document.getElementById("nav-fleet").hidden = !me.roles.includes("admin");  // the fleet is IT's
  document.getElementById("sign-out").addEventListener("click", async () => {
    await fetch("/admin/api/logout", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }).catch(() => {});
    window.location.assign("/admin/login");
  });
  select.addEventListener("change", () => { I.setLanguage(select.value); render(); });
  document.getElementById("show-tables").addEventListener("click", (event) => {
    const shown = document.body.classList.toggle("tables-shown");
    event.currentTarget.setAttribute("aria-pressed", String(shown));
  });
  document.getElementById("period-form").addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
  if (MONTH_PAGE) {
    document.getElementById("print").addEventListener("click", () => window.print());
  } else {
    document.getElementById("preset").addEventListener("change", showControls);
    showControls();
  }
  await refresh();
}

start();
