// The fleet dashboard: one live stream (server-sent events) of the whole fleet, a kiosk page by
// URL hash (#/kiosk/<id>), call quality per site and fleet trends (/admin/api/trends), remote
// actions and fault acknowledgements through the JSON API. Words and formats: i18n.js.
"use strict";

const I = window.KiosklinkI18n;
const t = (key, values) => I.t(key, values);
const state = { fleet: null, trends: null, skew: 0, kioskId: null, pageLoading: false, pagePending: false, trendsAt: 0 };
const DEVICES = ["camera", "microphone", "speaker"];
const STATES = ["online", "degraded", "stale", "offline"];
const TRENDS_EVERY_MS = 60_000;

// --- small helpers --------------------------------------------------------------------------

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== "") node.textContent = text;
  return node;
}

const missing = (v) => v === null || v === undefined;
const DASH = "–";

function serverNow() { return Date.now() / 1000 + state.skew; }

function ago(at) {
  if (missing(at)) return t("never");
  const s = Math.max(0, serverNow() - at);
  if (s < 90) return t("secondsAgo", { n: Math.round(s) });
  if (s < 5400) return t("minutesAgo", { n: Math.round(s / 60) });
  if (s < 172800) return t("hoursAgo", { n: Math.round(s / 3600) });
  return t("daysAgo", { n: Math.round(s / 86400) });
}

function duration(s) {
  if (missing(s)) return DASH;
  if (s < 120) return `${I.number(s, 0)} s`;
  if (s < 7200) return `${I.number(s / 60, 0)} min`;
  if (s < 172800) return `${I.number(s / 3600, 1)} h`;
  return `${I.number(s / 86400, 1)} d`;
}

// Every share on the page is a percentage: loss, CPU, memory, answered calls.
const pct = (percent, digits = 0) => (missing(percent) ? DASH : I.percent(percent, digits));
const gb = (b) => (missing(b) ? DASH : `${I.number(b / 1024 ** 3, 1)} GB`);
const num = (v, unit = "", digits = 1) => (missing(v) ? DASH : `${I.number(v, digits)}${unit}`);

function device(d) {
  if (!d) return [t("deviceUnknown"), "unknown"];
  if (d.present && d.working) return [t("deviceOk"), "ok"];
  return [d.present ? t("deviceFault") : t("deviceMissing"), "bad"];
}

function stateBadge(k) {
  const box = el("span", { class: `badge ${k.state}` }, t(k.state));
  if (k.state !== "degraded") return [box];
  const lacks = t("lacks", { devices: k.lacking.map((d) => t(d).toLowerCase()).join(", ") });
  return [box, el("span", { class: "lacking" }, lacks)];
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { "Content-Type": "application/json", ...(options.headers || {}) },
  });
  if (response.status === 401) {
    window.location.assign("/admin/login");
    throw new Error("signed out");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || `HTTP ${response.status}`);
  return body;
}

// --- the fleet list -------------------------------------------------------------------------

const RANK = { offline: 0, stale: 1, degraded: 2, online: 3 };

function chosenKiosks() {
  const site = document.getElementById("filter-site").value;
  const wanted = document.getElementById("filter-state").value;
  const sort = document.getElementById("sort").value;
  const rows = state.fleet.kiosks.filter((k) => (!site || k.site === site) && (!wanted || k.state === wanted));
  const by = {
    state: (a, b) => RANK[a.state] - RANK[b.state] || a.site.localeCompare(b.site) || a.name.localeCompare(b.name),
    site: (a, b) => a.site.localeCompare(b.site) || a.name.localeCompare(b.name),
    name: (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    last_seen: (a, b) => (b.last_seen || 0) - (a.last_seen || 0),
  }[sort];
  return rows.sort(by);
}

function renderSummary(fleet) {
  const counts = Object.fromEntries(STATES.map((s) => [s, 0]));
  for (const k of fleet.kiosks) counts[k.state] += 1;
  const pills = STATES.map((s) => el("span", { class: `pill ${s}`, id: `count-${s}` }, `${counts[s]} ${t(s).toLowerCase()}`));
  const faults = fleet.faults_needing_attention;
  pills.push(el("span", { class: `pill ${faults ? "faults" : ""}`, id: "count-faults" }, t("faultsToAck", { n: faults })));
  // A live region: replaced only when its words change, so a screen reader is not told the same
  // counts again on every update of the stream.
  const summary = document.getElementById("summary");
  if (summary.textContent !== pills.map((p) => p.textContent).join("")) summary.replaceChildren(...pills);
}

function renderFleet() {
  const fleet = state.fleet;
  renderSummary(fleet);
  const siteSelect = document.getElementById("filter-site");
  const current = siteSelect.value;
  siteSelect.replaceChildren(el("option", { value: "" }, t("allSites")),
    ...fleet.sites.map((s) => el("option", { value: s }, s)));
  siteSelect.value = fleet.sites.includes(current) ? current : "";
  keepingFocus("#kiosks tbody", "data-kiosk", (body) => body.replaceChildren(...chosenKiosks().map(kioskRow)));
  document.querySelector("#queues tbody").replaceChildren(...fleet.queues.map(queueRow));
}

// The fleet is rebuilt on every update of the stream. A keyboard user whose focus is on a kiosk's
// link would otherwise be thrown back to the top of the page every few seconds: the focus moves to
// the same kiosk's link in the new rows.
function keepingFocus(selector, key, rebuild) {
  const body = document.querySelector(selector);
  const row = body.contains(document.activeElement) ? document.activeElement.closest(`tr[${key}]`) : null;
  const id = row ? row.getAttribute(key) : null;
  rebuild(body);
  if (id === null) return;
  const again = [...body.querySelectorAll(`tr[${key}]`)].find((tr) => tr.getAttribute(key) === id);
  const target = again && again.querySelector("a, button, [tabindex]");
  if (target) target.focus({ preventScroll: true });
}

function languageCell(q) {
  // The Swedish name for IT, the language's own name for whoever speaks it; each tagged with its
  // language so a screen reader pronounces it right.
  const td = el("td", { class: "language" });
  td.append(el("span", { lang: "sv" }, q.swedish_name));
  if (q.endonym !== q.swedish_name) {
    td.append(" · ", el("span", { lang: q.language, dir: "auto", class: "endonym" }, q.endonym));
  }
  td.append(el("span", { class: "code" }, q.language));
  return td;
}

function queueRow(q) {
  const tr = el("tr", { "data-language": q.language });
  tr.append(languageCell(q), el("td", {}, q.open ? t("isOpen") : t("isClosed")));
  for (const v of [I.number(q.waiting, 0), duration(q.longest_wait_s), q.advisers.available, q.advisers.busy, q.advisers.away]) {
    tr.append(el("td", { class: "num" }, String(v)));
  }
  if (q.open && q.advisers.available + q.advisers.busy === 0) tr.classList.add("unstaffed");
  return tr;
}

function kioskRow(k) {
  const tr = el("tr", { "data-kiosk": k.id, class: `state-${k.state}` });
  const name = el("td");
  name.append(el("a", { href: `#/kiosk/${encodeURIComponent(k.id)}` }, k.name));
  const stateTd = el("td", { class: "state", "data-state": k.state });
  stateTd.append(...stateBadge(k));
  tr.append(name, el("td", {}, k.site), stateTd);
  tr.append(el("td", { class: "last-seen", title: missing(k.last_seen) ? "" : I.dateTime(k.last_seen) }, ago(k.last_seen)));
  tr.append(el("td", {}, k.app_version || DASH));
  for (const d of DEVICES) {
    const [text, cls] = device(k.devices[d]);
    tr.append(el("td", { class: `device ${d} ${cls}` }, text));
  }
  const q = k.quality;
  for (const text of [pct(ratioToPercent(k.cpu_ratio)), pct(ratioToPercent(k.memory_ratio)), gb(k.disk_free_bytes)]) {
    tr.append(el("td", { class: "num" }, text));
  }
  tr.append(el("td", { class: "num uptime" }, duration(k.uptime_s)));
  tr.append(el("td", { class: "num" }, num(q.rtt_ms, " ms", 0)));
  tr.append(el("td", { class: "num loss" }, pct(q.packet_loss_percent, 2)));
  tr.append(el("td", { class: "num" }, num(q.fps, " fps")));
  const open = k.faults.filter((f) => !f.acknowledged_at).length;
  tr.append(el("td", { class: open ? "faults bad" : "faults" }, open ? t("faultCount", { n: open }) : ""));
  return tr;
}

function ratioToPercent(r) { return missing(r) ? null : r * 100; }

// --- call quality per site and trends ------------------------------------------------------

async function loadTrends(force = false) {
  if (!force && Date.now() - state.trendsAt < TRENDS_EVERY_MS) return;
  state.trendsAt = Date.now();
  const days = document.getElementById("trend-days").value;
  try {
    state.trends = await api(`/admin/api/trends?days=${days}`);
    renderTrends();
  } catch (e) {
    state.trendsAt = 0;  // try again on the next update
  }
}

function renderTrends() {
  const trends = state.trends;
  if (!trends || document.getElementById("fleet-view").hidden) return;
  const body = document.querySelector("#sites tbody");
  if (!trends.sites.length) {
    const row = el("tr");
    row.append(el("td", { colspan: "7", class: "none" }, t("noCalls")));
    body.replaceChildren(row);
  } else {
    body.replaceChildren(...trends.sites.map(siteRow));
  }
  window.KiosklinkCharts.drawTrends(trends);
}

function siteRow(s) {
  const tr = el("tr", { "data-site": s.site });
  const answered = s.calls ? (100 * s.answered) / s.calls : null;
  tr.append(el("td", {}, s.site));
  const cells = [
    [I.number(s.calls, 0), ""], [pct(answered), ""], [I.number(s.failed, 0), s.failed ? "bad" : ""],
    [num(s.rtt_ms, " ms", 0), ""], [pct(s.packet_loss_percent, 2), "loss"], [num(s.fps, " fps"), ""],
  ];
  for (const [text, cls] of cells) tr.append(el("td", { class: `num ${cls}`.trim() }, text));
  return tr;
}

// --- a kiosk's page -------------------------------------------------------------------------

function kioskFromFleet(id) {
  return state.fleet ? state.fleet.kiosks.find((k) => k.id === id) : undefined;
}

function renderKioskFacts(k) {
  document.getElementById("kiosk-title").textContent = `${k.name} · ${k.site}`;
  const q = k.quality;
  const items = [
    [t("state"), stateBadge(k), "", "kiosk-state"],
    [t("lastSeen"), ago(k.last_seen), "", "kiosk-last-seen"],
    [t("version"), k.app_version || DASH, "", "kiosk-version"],
    [t("uptime"), duration(k.uptime_s), "", "kiosk-uptime"],
    [t("cpu"), pct(ratioToPercent(k.cpu_ratio)), "", ""],
    [t("memory"), pct(ratioToPercent(k.memory_ratio)), "", ""],
    [t("diskFree"), gb(k.disk_free_bytes), "", ""],
    ...DEVICES.map((d) => [t(d), device(k.devices[d])[0], `device ${device(k.devices[d])[1]}`, `kiosk-${d}`]),
    [t("calls24"), `${t("samples", { n: q.samples })} · ${num(q.rtt_ms, " ms", 0)} · ${pct(q.packet_loss_percent, 2)} · ${num(q.fps, " fps")}`, "", ""],
  ];
  document.getElementById("kiosk-facts").replaceChildren(...items.map(([label, value, cls, id]) => {
    const box = el("div", { class: "fact" });
    box.append(el("span", { class: "label" }, label));
    const attrs = { class: `value ${cls}` };
    if (id) attrs.id = id;
    const shown = el("span", attrs);
    if (Array.isArray(value)) shown.append(...value); else shown.textContent = value;
    if (id === "kiosk-state") shown.dataset.state = k.state;
    box.append(shown);
    return box;
  }));
  const faults = document.getElementById("kiosk-faults");
  faults.replaceChildren(...(k.faults.length ? k.faults.map(faultItem) : [el("li", { class: "none" }, t("noFaults"))]));
  for (const button of document.querySelectorAll(".actions button")) button.disabled = !k.connected;
}

function faultItem(f) {
  const li = el("li", { "data-fault": f.id, "data-kind": f.kind, class: f.active ? "active" : "recovered" });
  const name = t(`fault_${f.kind}`);
  let text = `${name}: ${f.detail} — ${t("since", { when: ago(f.opened_at) })}`;
  if (!f.active) text += `, ${t("workingAgain", { when: ago(f.cleared_at) })}`;
  if (f.acknowledged_at) text += ` — ${t("ackBy", { who: f.acknowledged_by })}`;
  else if (f.self_clearing) text += ` — ${t("clearsItself")}`;
  li.append(el("span", {}, text));
  if (!f.acknowledged_at) {
    const button = el("button", { type: "button", class: "ack secondary", "aria-label": t("acknowledgeFault", { fault: name }) }, t("acknowledge"));
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await api(`/admin/api/faults/${encodeURIComponent(f.id)}/ack`, { method: "POST", body: "{}" });
      } catch (e) {
        setStatus(t("couldNotAck", { error: e.message }));
      }
    });
    li.append(button);
  }
  return li;
}

async function loadKioskPage() {
  if (state.pageLoading) { state.pagePending = true; return; }
  state.pageLoading = true;
  try {
    const id = state.kioskId;
    const page = await api(`/admin/api/kiosks/${encodeURIComponent(id)}`);
    if (id !== state.kioskId) return;
    renderKioskFacts(kioskFromFleet(id) || page.kiosk);
    window.KiosklinkCharts.drawKiosk(page);
    const rows = page.commands.map((c) => {
      const tr = el("tr");
      const answer = c.ok === null ? t("waitingAnswer") : (c.ok ? t("done") : t("failedAnswer"));
      for (const v of [I.time(c.sent_at), c.action, c.sent_by, answer]) tr.append(el("td", {}, v));
      return tr;
    });
    document.querySelector("#kiosk-commands tbody").replaceChildren(...rows);
  } catch (e) {
    setStatus(e.message);
  } finally {
    state.pageLoading = false;
    if (state.pagePending) { state.pagePending = false; loadKioskPage(); }
  }
}

function setStatus(text) { document.getElementById("action-status").textContent = text; }

async function sendAction(action) {
  const text = document.getElementById("message-text").value;
  if (action === "restart" && !window.confirm(t("restartConfirm"))) return;
  setStatus(t("sending", { action }));
  try {
    const sent = await api(`/admin/api/kiosks/${encodeURIComponent(state.kioskId)}/commands`, {
      method: "POST",
      body: JSON.stringify({ action, text }),
    });
    for (let i = 0; i < 120; i += 1) {  // at most a minute
      const result = await api(`/admin/api/commands/${sent.command_id}`);
      if (result.ok !== null) {
        setStatus(t(result.ok ? "actionDone" : "actionFailed", { action }));
        const output = document.getElementById("command-output");
        output.hidden = action !== "fetch_logs";
        output.textContent = result.output;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    setStatus(t("noAnswer", { action }));
  } catch (e) {
    setStatus(`${action}: ${e.message}`);
  }
}

// --- navigation, language and the live stream -----------------------------------------------

function route(byUser = false) {
  const match = window.location.hash.match(/^#\/kiosk\/(.+)$/);
  state.kioskId = match ? decodeURIComponent(match[1]) : null;
  document.getElementById("fleet-view").hidden = Boolean(state.kioskId);
  document.getElementById("kiosk-view").hidden = !state.kioskId;
  setStatus("");
  document.getElementById("command-output").hidden = true;
  if (state.kioskId) loadKioskPage();
  else renderTrends();
  // A keyboard or screen-reader user lands on the new view's heading, not at the old position.
  if (byUser) document.getElementById(state.kioskId ? "kiosk-title" : "fleet-heading").focus();
}

function renderAll() {
  I.apply();
  document.title = t("title");
  document.getElementById("ui-language").value = I.language;
  for (const option of document.querySelectorAll("#trend-days option")) option.textContent = t("days", { n: Number(option.value) });
  if (state.fleet) renderFleet();
  if (state.trends) renderTrends();
  if (state.kioskId) loadKioskPage();
}

function connect() {
  const live = document.getElementById("live");
  const source = new EventSource("/admin/api/events");
  source.addEventListener("fleet", (event) => {
    state.fleet = JSON.parse(event.data);
    state.skew = state.fleet.now - Date.now() / 1000;
    live.textContent = t("live");
    live.dataset.i18n = "live";
    live.className = "live on";
    renderFleet();
    loadTrends();
    if (state.kioskId) loadKioskPage();
  });
  source.addEventListener("error", () => {
    live.textContent = t("reconnecting");
    live.dataset.i18n = "reconnecting";
    live.className = "live off";
    // EventSource retries by itself; a lost session shows up as a 401 on the next API call.
    api("/admin/api/me").catch(() => {});
  });
}

async function start() {
  renderAll();
  const me = await api("/admin/api/me");
  document.getElementById("me").textContent = me.display_name;
  document.getElementById("sign-out").addEventListener("click", async () => {
    await api("/admin/api/logout", { method: "POST", body: "{}" }).catch(() => {});
    window.location.assign("/admin/login");
  });
  document.getElementById("ui-language").addEventListener("change", (event) => {
    I.setLanguage(event.target.value);
    renderAll();
  });
  for (const id of ["filter-site", "filter-state", "sort"]) {
    document.getElementById(id).addEventListener("change", () => state.fleet && renderFleet());
  }
  document.getElementById("trend-days").addEventListener("change", () => loadTrends(true));
  for (const button of document.querySelectorAll(".actions button")) {
    button.addEventListener("click", () => sendAction(button.dataset.action));
  }
  window.addEventListener("hashchange", () => route(true));
  route();
  connect();
  setInterval(() => {  // keep "last seen" ages honest between updates
    if (!state.fleet) return;
    for (const row of document.querySelectorAll("#kiosks tbody tr")) {
      const k = kioskFromFleet(row.dataset.kiosk);
      if (k) row.querySelector(".last-seen").textContent = ago(k.last_seen);
    }
  }, 5000);
}

start();
