// Bookable times for staff (/admin/bookings; signaling/admin/bookings.py): a day's slots with
// their bookings, check-ins and no-shows; add times (one, a span, a weekly fixed-time service);
// withdraw a free time; book for a resident who phoned (the code shown once); cancel a booking.
// Words and formats: i18n.js. Every text from the server goes in with textContent, never as HTML.
// Times are shown in the service's time zone, the one the resident was told.
"use strict";

const I = window.KiosklinkI18n;
const t = (key, values) => I.t(key, values);
const API = "/admin/api/bookings";
const REFRESH_MS = 15000;  // check-ins and no-shows appear without a reload
const state = { day: null, view: null, admin: false, shown: "" };

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== "") node.textContent = text;
  return node;
}

const $ = (id) => document.getElementById(id);

class Refusal extends Error {}

async function api(path, options = {}) {
  const init = { method: options.method || "GET", headers: { "Content-Type": "application/json" } };
  if (init.method === "POST") init.body = JSON.stringify(options.body || {});
  const response = await fetch(path, init);
  if (response.status === 401) {
    window.location.assign("/admin/login");
    throw new Refusal("signed out");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Refusal(body.message || `HTTP ${response.status}`);
  return body;
}

function setStatus(text) { $("status").textContent = text; }

// "13:00" in the service's zone, 24-hour.
function clock(seconds) {
  return new Intl.DateTimeFormat(I.locale, {
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: state.view.timezone,
  }).format(new Date(seconds * 1000));
}

function longDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(I.locale, {
    weekday: "long", day: "numeric", month: "long", timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

function languageLabel(code) {
  const found = state.view && state.view.languages.find((l) => l.code === code);
  if (!found) return code;
  const local = I.language === "sv" ? found.swedish : found.endonym;
  return local === found.endonym ? local : `${local} · ${found.endonym}`;
}

function adviserName(id) {
  if (id === null) return t("bkAnyAdviser");
  const found = state.view.advisers.find((a) => a.adviser_id === id);
  return found ? found.name : id;
}

function stateOf(slot) {
  if (slot.booking && slot.booking.state !== "cancelled") return slot.booking.state;
  return "free";
}

// --- the day --------------------------------------------------------------------------------

async function loadDay() {
  const view = await api(`${API}/day?day=${encodeURIComponent(state.day || "")}`);
  const seen = JSON.stringify(view);
  if (seen === state.shown) return;  // unchanged: keep the table, and the keyboard's place in it
  state.shown = seen;
  state.view = view;
  state.day = view.day;
  $("day").value = state.day;
  if (!$("s-date").value) $("s-date").value = state.day;
  fillForm();  // first: the day's filters are among the choices it fills
  renderDay();
}

// The day's slots of the chosen language and topic ("" for all); a slot of any topic counts
// under every topic, as kiosks offer it.
function shownSlots() {
  const language = $("f-language").value;
  const topic = $("f-topic").value;
  return state.view.slots.filter((slot) =>
    (!language || slot.language === language) && (!topic || slot.topic === null || slot.topic === topic));
}

function renderDay() {
  const view = state.view;
  if (!view) return;
  $("day-heading").textContent = t("bkDayOf", { day: longDay(view.day) });
  const slots = shownSlots();
  const counts = { free: 0, booked: 0, checked_in: 0, no_show: 0 };
  for (const slot of slots) counts[stateOf(slot)] = (counts[stateOf(slot)] || 0) + 1;
  $("day-summary").textContent = slots.length
    ? t("bkSummary", { booked: counts.booked, checked: counts.checked_in, noShow: counts.no_show, free: counts.free })
    : t("bkNoSlots");
  const body = $("slots").querySelector("tbody");
  body.replaceChildren(...slots.map(slotRow));
}

function slotRow(slot) {
  const row = el("tr", { "data-slot": slot.slot_id });
  const shown = stateOf(slot);
  row.append(
    el("td", {}, `${clock(slot.starts_at)}–${clock(slot.starts_at + slot.duration_s)}`),
    el("td", {}, languageLabel(slot.language)),
    el("td", {}, slot.topic ? topicLabel(slot.topic) : t("bkAnyTopic")),
    el("td", {}, adviserName(slot.adviser_id)),
    el("td", { class: `state ${shown}` }, t(`bkState_${shown}`)),
  );
  const cell = el("td");
  const actions = el("div", { class: "actions" });
  if (state.admin) {
    if (shown === "free" && slot.free) {
      actions.append(button("bkBook", () => book(slot), "", slot));
      actions.append(button("bkWithdraw", () => withdraw(slot), "secondary", slot));
    } else if (shown === "booked") {
      actions.append(button("bkCancel", () => cancel(slot), "secondary", slot));
    }
  }
  cell.append(actions);
  row.append(cell);
  return row;
}

function button(key, action, kind, slot) {
  const label = t(key);
  const node = el("button", { type: "button", class: kind || "primary" }, label);
  // A screen reader hears which time the button acts on, not just "Book" many times over.
  node.setAttribute("aria-label", `${label}: ${clock(slot.starts_at)} ${languageLabel(slot.language)}`);
  node.addEventListener("click", action);
  return node;
}

function topicLabel(code) {
  const key = `bkTopic_${code}`;
  const word = t(key);
  return word === key ? code : word;
}

// --- changes --------------------------------------------------------------------------------

async function change(run, done) {
  setStatus("");
  try {
    const answer = await run();
    if (done) done(answer);
    await loadDay();
  } catch (e) {
    setStatus(t("bkRefused", { message: e.message }));
  }
}

function book(slot) {
  change(() => api(`${API}/book`, { method: "POST", body: { slot_id: slot.slot_id } }), showCode);
}

function withdraw(slot) {
  change(() => api(`${API}/slots/${encodeURIComponent(slot.slot_id)}/withdraw`, { method: "POST" }),
    () => setStatus(t("bkWithdrawn")));
}

function cancel(slot) {
  // The resident keeps a code that will open nothing: ask first, naming the time.
  const when = `${clock(slot.starts_at)} ${languageLabel(slot.language)}`;
  if (!window.confirm(t("bkCancelConfirm", { when }))) return;
  const id = slot.booking.booking_id;
  change(() => api(`${API}/bookings/${encodeURIComponent(id)}/cancel`, { method: "POST" }),
    () => setStatus(t("bkCancelled")));
}

function showCode(answer) {
  $("code").textContent = answer.code;
  $("code-when").textContent = t("bkCodeWhen", {
    time: clock(answer.starts_at), language: languageLabel(answer.language),
  });
  $("code-box").hidden = false;
  $("code-heading").focus();
}

function hideCode() {
  $("code").textContent = "";
  $("code-when").textContent = "";
  $("code-box").hidden = true;
}

// --- adding times ---------------------------------------------------------------------------

function options(select, items) {
  const kept = select.value;
  select.replaceChildren(...items.map(([value, text]) => {
    const option = el("option", { value }, text);
    return option;
  }));
  if (items.some(([value]) => value === kept)) select.value = kept;
}

function fillForm() {
  const view = state.view;
  options($("f-language"), [["", t("bkAll")], ...view.languages.map((l) => [l.code, languageLabel(l.code)])]);
  options($("f-topic"), [["", t("bkAll")], ...view.topics.map((c) => [c, topicLabel(c)])]);
  options($("s-language"), view.languages.map((l) => [l.code, languageLabel(l.code)]));
  options($("s-topic"), [["", t("bkAnyTopic")], ...view.topics.map((c) => [c, topicLabel(c)])]);
  options($("s-adviser"), [["", t("bkAnyAdviser")], ...view.advisers.map((a) => [a.adviser_id, a.name])]);
}

async function publish(event) {
  event.preventDefault();
  const form = $("series-form");
  const value = (name) => form.elements[name].value.trim();
  const body = {
    language: value("language"),
    topic: value("topic") || null,
    adviser_id: value("adviser_id") || null,
    date: value("date"),
    start: value("start"),
    end: value("end"),
    slot_minutes: Number(value("slot_minutes")),
    weekly_until: value("weekly_until") || null,
  };
  $("series-error").textContent = "";
  try {
    const answer = await api(`${API}/slots`, { method: "POST", body });
    setStatus(t("bkPublished", { n: answer.slots.length }));
    state.day = body.date;
    await loadDay();
  } catch (e) {
    $("series-error").textContent = t("bkRefused", { message: e.message });
  }
}

// --- start ----------------------------------------------------------------------------------

function renderAll() {
  I.apply();
  document.title = t("bkTitle");
  $("ui-language").value = I.language;
  if (state.view) {
    fillForm();
    renderDay();
  }
}

async function start() {
  renderAll();
  const me = await api("/admin/api/me");
  $("me").textContent = me.display_name;
  state.admin = me.roles.includes("admin");
  $("read-only").hidden = state.admin;
  $("nav-fleet").hidden = !state.admin;
  $("publish-view").hidden = !state.admin;
  $("sign-out").addEventListener("click", async () => {
    await api("/admin/api/logout", { method: "POST" }).catch(() => {});
    window.location.assign("/admin/login");
  });
  $("ui-language").addEventListener("change", (event) => {
    I.setLanguage(event.target.value);
    renderAll();
  });
  $("day").addEventListener("change", () => { state.day = $("day").value; loadDay(); });
  $("refresh").addEventListener("click", () => loadDay());
  $("f-language").addEventListener("change", renderDay);
  $("f-topic").addEventListener("change", renderDay);
  $("code-done").addEventListener("click", hideCode);
  $("series-form").addEventListener("submit", publish);
  await loadDay();
  window.setInterval(() => { if (!document.hidden) loadDay().catch(() => {}); }, REFRESH_MS);
  document.body.dataset.ready = "true";
}

start();
