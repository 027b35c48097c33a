// The fleet dashboard: one live stream (server-sent events) of the whole fleet, a kiosk page by
// URL hash (#/kiosk/<id>), remote actions and fault acknowledgements through the JSON API.
"use strict";

const state = { fleet: null, skew: 0, kioskId: null, pageLoading: false, pagePending: false };
const DEVICES = ["camera", "microphone", "speaker"];

// --- small helpers --------------------------------------------------------------------------

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

function serverNow() { return Date.now() / 1000 + state.skew; }

function ago(t) {
  if (t === null || t === undefined) return "never";
  const s = Math.max(0, serverNow() - t);
  if (s < 90) return `${Math.round(s)} s ago`;
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  if (s < 172800) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} days ago`;
}

function duration(s) {
  if (s === null || s === undefined) return "–";
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}

const pct = (r) => (r === null || r === undefined ? "–" : `${Math.round(r * 100)} %`);
const gb = (b) => (b === null || b === undefined ? "–" : `${(b / 1024 ** 3).toFixed(1)} GB`);
const num = (v, unit = "") => (v === null || v === undefined ? "–" : `${Math.round(v * 10) / 10}${unit}`);

function device(d) {
  if (!d) return ["–", "unknown"];
  if (d.present && d.working) return ["OK", "ok"];
  return [d.present ? "fault" : "missing", "bad"];
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

const RANK = { offline: 0, stale: 1, online: 2 };

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

function renderFleet() {
  const fleet = state.fleet;
  const counts = { online: 0, stale: 0, offline: 0 };
  for (const k of fleet.kiosks) counts[k.state] += 1;
  const summary = document.getElementById("summary");
  summary.textContent = "";
  for (const s of ["online", "stale", "offline"]) {
    summary.appendChild(el("span", { class: `pill ${s}`, id: `count-${s}` }, `${counts[s]} ${s}`));
  }
  summary.appendChild(el("span", { class: "pill faults", id: "count-faults" },
    `${fleet.faults_needing_attention} faults to acknowledge`));

  const siteSelect = document.getElementById("filter-site");
  const current = siteSelect.value;
  siteSelect.replaceChildren(el("option", { value: "" }, "All sites"),
    ...fleet.sites.map((s) => el("option", { value: s }, s)));
  siteSelect.value = fleet.sites.includes(current) ? current : "";

  const body = document.querySelector("#kiosks tbody");
  body.replaceChildren(...chosenKiosks().map(kioskRow));

  const queues = document.querySelector("#queues tbody");
  queues.replaceChildren(...fleet.queues.map((q) => {
    const tr = el("tr", { "data-language": q.language });
    const cells = [q.language, q.open ? "open" : "closed", q.waiting, duration(q.longest_wait_s),
      q.advisers.available, q.advisers.busy, q.advisers.away];
    for (const c of cells) tr.appendChild(el("td", {}, String(c)));
    if (q.open && q.advisers.available + q.advisers.busy === 0) tr.classList.add("unstaffed");
    return tr;
  }));
}

function kioskRow(k) {
  const tr = el("tr", { "data-kiosk": k.id, class: `state-${k.state}` });
  const name = el("td");
  name.appendChild(el("a", { href: `#/kiosk/${encodeURIComponent(k.id)}` }, k.name));
  tr.appendChild(name);
  tr.appendChild(el("td", {}, k.site));
  tr.appendChild(el("td", { class: `state ${k.state}` }, k.state));
  tr.appendChild(el("td", { class: "last-seen" }, ago(k.last_seen)));
  tr.appendChild(el("td", {}, k.app_version || "–"));
  for (const d of DEVICES) {
    const [text, cls] = device(k.devices[d]);
    tr.appendChild(el("td", { class: `device ${d} ${cls}` }, text));
  }
  tr.appendChild(el("td", {}, pct(k.cpu_ratio)));
  tr.appendChild(el("td", {}, pct(k.memory_ratio)));
  tr.appendChild(el("td", {}, gb(k.disk_free_bytes)));
  tr.appendChild(el("td", { class: "uptime" }, duration(k.uptime_s)));
  tr.appendChild(el("td", {}, num(k.quality.rtt_ms, " ms")));
  tr.appendChild(el("td", {}, k.quality.packet_loss_ratio === null ? "–" : `${(k.quality.packet_loss_ratio * 100).toFixed(1)} %`));
  tr.appendChild(el("td", {}, num(k.quality.fps)));
  const open = k.faults.filter((f) => !f.acknowledged_at).length;
  tr.appendChild(el("td", { class: open ? "faults bad" : "faults" }, open ? `${open}` : ""));
  return tr;
}

// --- a kiosk's page -------------------------------------------------------------------------

function kioskFromFleet(id) {
  return state.fleet ? state.fleet.kiosks.find((k) => k.id === id) : undefined;
}

function renderKioskFacts(k) {
  document.getElementById("kiosk-title").textContent = `${k.name} · ${k.site}`;
  const facts = document.getElementById("kiosk-facts");
  const items = [
    ["State", k.state, `state ${k.state}`, "kiosk-state"],
    ["Last seen", ago(k.last_seen), "", "kiosk-last-seen"],
    ["Version", k.app_version || "–", "", "kiosk-version"],
    ["Uptime", duration(k.uptime_s), "", "kiosk-uptime"],
    ["CPU", pct(k.cpu_ratio), "", ""],
    ["Memory", pct(k.memory_ratio), "", ""],
    ["Disk free", gb(k.disk_free_bytes), "", ""],
    ...DEVICES.map((d) => [d[0].toUpperCase() + d.slice(1), device(k.devices[d])[0], `device ${device(k.devices[d])[1]}`, `kiosk-${d}`]),
    ["Calls (24 h)", `${k.quality.samples} samples · RTT ${num(k.quality.rtt_ms, " ms")} · FPS ${num(k.quality.fps)}`, "", ""],
  ];
  facts.replaceChildren(...items.map(([label, value, cls, id]) => {
    const box = el("div", { class: "fact" });
    box.appendChild(el("span", { class: "label" }, label));
    const attrs = { class: `value ${cls}` };
    if (id) attrs.id = id;
    box.appendChild(el("span", attrs, value));
    return box;
  }));
  const faults = document.getElementById("kiosk-faults");
  faults.replaceChildren(...(k.faults.length ? k.faults.map(faultItem) : [el("li", { class: "none" }, "No faults.")]));
  for (const button of document.querySelectorAll(".actions button")) button.disabled = !k.connected;
}

const FAULT_TEXT = {
  no_heartbeat: "No heartbeat",
  disk_low: "Disk almost full",
  relay_unreachable: "STUN/TURN server unreachable",
  camera: "Camera",
  microphone: "Microphone",
  speaker: "Speaker",
};

function faultItem(f) {
  const li = el("li", { "data-fault": f.id, "data-kind": f.kind, class: f.active ? "active" : "recovered" });
  let text = `${FAULT_TEXT[f.kind] || f.kind}: ${f.detail} — since ${ago(f.opened_at)}`;
  if (!f.active) text += `, working again ${ago(f.cleared_at)}`;
  if (f.acknowledged_at) text += ` — acknowledged by ${f.acknowledged_by}`;
  else if (f.self_clearing) text += " — clears by itself";
  li.appendChild(el("span", {}, text));
  if (!f.acknowledged_at) {
    const button = el("button", { type: "button", class: "ack" }, "Acknowledge");
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await api(`/admin/api/faults/${encodeURIComponent(f.id)}/ack`, { method: "POST", body: "{}" });
      } catch (e) {
        setStatus(`Could not acknowledge: ${e.message}`);
      }
    });
    li.appendChild(button);
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
    window.KiosklinkCharts.draw(page);
    const rows = page.commands.map((c) => {
      const tr = el("tr");
      const answer = c.ok === null ? "waiting…" : (c.ok ? "done" : "failed");
      for (const v of [new Date(c.sent_at * 1000).toLocaleTimeString(), c.action, c.sent_by, answer]) tr.appendChild(el("td", {}, v));
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
  if (action === "restart" && !window.confirm("Restart the kiosk app? A resident using it now is interrupted.")) return;
  setStatus(`Sending ${action}…`);
  try {
    const sent = await api(`/admin/api/kiosks/${encodeURIComponent(state.kioskId)}/commands`, {
      method: "POST",
      body: JSON.stringify({ action, text }),
    });
    for (let i = 0; i < 120; i += 1) {  // at most a minute
      const result = await api(`/admin/api/commands/${sent.command_id}`);
      if (result.ok !== null) {
        setStatus(`${action}: ${result.ok ? "done" : "failed"}`);
        const output = document.getElementById("command-output");
        output.hidden = action !== "fetch_logs";
        output.textContent = result.output;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    setStatus(`${action}: no answer from the kiosk`);
  } catch (e) {
    setStatus(`${action}: ${e.message}`);
  }
}

// --- navigation and the live stream ---------------------------------------------------------

function route() {
  const match = window.location.hash.match(/^#\/kiosk\/(.+)$/);
  state.kioskId = match ? decodeURIComponent(match[1]) : null;
  document.getElementById("fleet-view").hidden = Boolean(state.kioskId);
  document.getElementById("kiosk-view").hidden = !state.kioskId;
  setStatus("");
  document.getElementById("command-output").hidden = true;
  if (state.kioskId) loadKioskPage();
}

function connect() {
  const live = document.getElementById("live");
  const source = new EventSource("/admin/api/events");
  source.addEventListener("fleet", (event) => {
    state.fleet = JSON.parse(event.data);
    state.skew = state.fleet.now - Date.now() / 1000;
    live.textContent = "live";
    live.className = "live on";
    renderFleet();
    if (state.kioskId) loadKioskPage();
  });
  source.addEventListener("error", () => {
    live.textContent = "reconnecting…";
    live.className = "live off";
    // EventSource retries by itself; a lost session shows up as a 401 on the next API call.
    api("/admin/api/me").catch(() => {});
  });
}

async function start() {
  const me = await api("/admin/api/me");
  document.getElementById("me").textContent = me.display_name;
  document.getElementById("sign-out").addEventListener("click", async () => {
    await api("/admin/api/logout", { method: "POST", body: "{}" }).catch(() => {});
    window.location.assign("/admin/login");
  });
  for (const id of ["filter-site", "filter-state", "sort"]) {
    document.getElementById(id).addEventListener("change", () => state.fleet && renderFleet());
  }
  for (const button of document.querySelectorAll(".actions button")) {
    button.addEventListener("click", () => sendAction(button.dataset.action));
  }
  window.addEventListener("hashchange", route);
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
