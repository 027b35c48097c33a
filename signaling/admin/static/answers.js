// The common questions' editor: the list with each language's status, a question's Swedish
// original beside one translation, the preview as a kiosk shows it, publish and history
// (/admin/api/answers/..., signaling/admin/answers_routes.py). Words and formats: i18n.js.
// Every text from the server is put in with textContent, never as HTML: answers are plain text.
"use strict";

const I = window.KiosklinkI18n;
const t = (key, values) => I.t(key, values);
const API = "/admin/api/answers";
const ORIGINAL = "sv";
const UPLOAD_HEADER = "X-Kiosklink-Upload";
const state = { overview: null, question: null, isNew: false, translation: null, versions: [] };

// --- small helpers --------------------------------------------------------------------------

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== "") node.textContent = text;
  return node;
}

const $ = (id) => document.getElementById(id);
const lines = (text) => text.split("\n").map((s) => s.trim()).filter(Boolean);
// Labels pair with links by line; an empty line keeps its place, empty lines at the end say nothing.
function labelLines(text) {
  const all = text.split("\n").map((s) => s.trim());
  while (all.length && !all[all.length - 1]) all.pop();
  return all;
}
const enc = encodeURIComponent;

class Refusal extends Error {
  constructor(message, field) { super(message); this.field = field || ""; }
}

async function api(path, options = {}) {
  const headers = options.form ? { [UPLOAD_HEADER]: "1" } : { "Content-Type": "application/json" };
  const init = { method: options.method || "GET", headers };
  if (options.form) init.body = options.form;
  else if (init.method === "POST") init.body = JSON.stringify(options.body || {});
  const response = await fetch(path, init);
  if (response.status === 401) {
    window.location.assign("/admin/login");
    throw new Refusal("signed out");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Refusal(body.message || `HTTP ${response.status}`, body.field);
  return body;
}

function setStatus(text) { $("status").textContent = text; }

function languageLabel(code) {
  const found = state.overview && state.overview.languages.find((l) => l.code === code);
  if (!found) return code;
  const local = I.language === "sv" ? found.swedish : found.endonym;
  return local === found.endonym ? `${local} (${code})` : `${local} · ${found.endonym} (${code})`;
}

function direction(code) {
  const found = state.overview && state.overview.languages.find((l) => l.code === code);
  return found ? found.direction : "auto";
}

// --- the list -------------------------------------------------------------------------------

async function loadOverview() {
  state.overview = await api(`${API}/draft`);
  renderOverview();
  await loadPending();
}

// What publishing now would change: the latest version compared with the draft.
async function loadPending() {
  const latest = state.overview.latest_version;
  $("pending-heading").hidden = !latest;
  if (latest) renderChanges($("pending-changes"), await api(`${API}/versions/compare?from=${latest}&to=draft`));
  else $("pending-changes").replaceChildren();
}

function renderOverview() {
  const { languages, questions, topics, latest_version: latest } = state.overview;
  const head = $("questions-head");
  head.replaceChildren(el("th", { scope: "col" }, t("edQuestion")), el("th", { scope: "col" }, t("edTopic")));
  for (const lang of languages) {
    const th = el("th", { scope: "col", title: languageLabel(lang.code) }, lang.code);
    th.append(el("span", { class: "visually-hidden" }, ` ${languageLabel(lang.code)}`));
    head.append(th);
  }
  head.append(el("th", { scope: "col" }, t("edRecordings")));
  const topicTitle = (id) => {
    const topic = topics.find((x) => x.id === id);
    return topic ? topic.titles[I.language] || topic.titles.sv : id;
  };
  $("questions").querySelector("tbody").replaceChildren(...questions.map((q) => {
    const tr = el("tr", { "data-question": q.id });
    const open = el("button", { type: "button", class: "link open", "data-question": q.id, lang: "sv" }, q.title);
    open.addEventListener("click", () => openQuestion(q.id));
    const first = el("td");
    first.append(open);
    tr.append(first, el("td", {}, topicTitle(q.topic)));
    for (const lang of languages) {
      const status = q.status[lang.code];
      tr.append(el("td", { class: `status ${status}`, "data-language": lang.code, "data-status": status }, t(`ed_${status}`)));
    }
    tr.append(el("td", {}, q.audio.join(", ") || "–"));
    return tr;
  }));
  $("topic-list").replaceChildren(...topics.map((x) => {
    const li = el("li", { "data-topic": x.id });
    li.append(el("code", {}, x.id), el("span", { lang: "sv" }, ` ${x.titles.sv}`));
    if (x.titles.en) li.append(el("span", { lang: "en" }, ` · ${x.titles.en}`));
    return li;
  }));
  $("q-topic").replaceChildren(...topics.map((x) => el("option", { value: x.id }, `${x.titles.sv} (${x.id})`)));
  $("latest-version").textContent = latest ? t("edLatest", { n: latest }) : t("edNothingPublished");
  fillLanguageChoices();
}

function fillLanguageChoices() {
  const others = state.overview.languages.filter((l) => l.code !== ORIGINAL);
  fillChoice($("t-language"), others, others.length ? others[0].code : "");
  fillChoice($("preview-language"), state.overview.languages, ORIGINAL);
}

// The options again (names follow the UI language), keeping what the editor had chosen.
function fillChoice(select, languages, fallback) {
  const chosen = select.value || fallback;
  select.replaceChildren(...languages.map((l) => el("option", { value: l.code }, languageLabel(l.code))));
  select.value = chosen;
}

// --- one question ---------------------------------------------------------------------------

async function openQuestion(id) {
  state.question = await api(`${API}/questions/${enc(id)}`);
  state.isNew = false;
  showEditor();
}

function newQuestion() {
  state.question = { id: "", topic: state.overview.topics[0]?.id || "", order: 0, route_topic: null, links: [], phone: null, texts: {}, audio: {} };
  state.isNew = true;
  showEditor();
}

function showEditor() {
  const q = state.question;
  $("editor").hidden = false;
  renderHeading();
  $("q-id").value = q.id;
  $("q-id").readOnly = !state.isNew;
  $("q-topic").value = q.topic;
  $("q-route-topic").value = q.route_topic || "";
  $("q-order").value = String(q.order);
  $("q-phone").value = q.phone || "";
  $("q-links").value = q.links.join("\n");
  const sv = q.texts[ORIGINAL] || { title: "", body: "", hours: "", link_labels: [] };
  $("sv-title").value = sv.title;
  $("sv-body").value = sv.body;
  $("sv-hours").value = sv.hours;
  $("sv-labels").value = sv.link_labels.join("\n");
  showTranslation();
  clearError();
  $("preview-screen").hidden = true;
  $("editor-heading").focus();
}

function renderHeading() {
  $("editor-heading").textContent = state.isNew ? t("edNewQuestion") : t("edEditing", { id: state.question.id });
}

function showTranslation() {
  const q = state.question;
  const code = $("t-language").value;
  const text = q.texts[code];
  const dir = direction(code);
  for (const id of ["t-title", "t-body", "t-hours", "t-labels"]) {
    $(id).setAttribute("lang", code);
    $(id).setAttribute("dir", dir);
  }
  $("translation").setAttribute("lang", code);
  $("t-title").value = text ? text.title : "";
  $("t-body").value = text ? text.body : "";
  $("t-hours").value = text ? text.hours : "";
  $("t-labels").value = text ? text.link_labels.join("\n") : "";
  const review = $("t-review");
  review.dataset.status = text ? text.status : "missing";
  review.textContent = text
    ? `${t(`ed_${text.status}`)} · ${t("edReviewed", { who: text.reviewed_by || "–", when: text.reviewed_at ? I.dateTime(text.reviewed_at) : "–" })}`
    : t("ed_missing");
  $("mark-current").disabled = !text || text.status !== "outdated";
  const audio = q.audio[code];
  $("t-audio").textContent = audio ? t("edHasRecording", { mime: audio.mime, kb: I.number(audio.bytes / 1024, 0) }) : t("edNoRecording");
  $("remove-audio").disabled = !audio;
  const saved = !state.isNew;
  for (const id of ["save-translation", "upload-audio"]) $(id).disabled = !saved;
}

// --- saving ---------------------------------------------------------------------------------

const FIELDS = {
  original: { title: "sv-title", body: "sv-body", hours: "sv-hours", link_labels: "sv-labels", topic: "q-topic",
    route_topic: "q-route-topic", order: "q-order", phone: "q-phone", links: "q-links", id: "q-id" },
  translation: { title: "t-title", body: "t-body", hours: "t-hours", link_labels: "t-labels", language: "t-language", file: "t-audio-file" },
};

function clearError() {
  $("editor-error").textContent = "";
  for (const node of document.querySelectorAll("#editor [aria-invalid]")) {
    node.removeAttribute("aria-invalid");
    node.removeAttribute("aria-describedby");
  }
}

// The server names the field it refused ("body", "links.1"): mark that one and take the focus there.
function showError(error, fields) {
  clearError();
  $("editor-error").textContent = error.message;
  const id = fields[(error.field || "").split(".")[0]];
  if (id) {
    $(id).setAttribute("aria-invalid", "true");
    $(id).setAttribute("aria-describedby", "editor-error");
    $(id).focus();
  }
}

function originalBody() {
  return {
    topic: $("q-topic").value,
    order: Number($("q-order").value || 0),
    route_topic: $("q-route-topic").value.trim() || null,
    links: lines($("q-links").value),
    phone: $("q-phone").value.trim() || null,
    title: $("sv-title").value,
    body: $("sv-body").value,
    hours: $("sv-hours").value,
    link_labels: labelLines($("sv-labels").value),
  };
}

async function saving(fields, work) {
  clearError();
  try {
    await work();
  } catch (error) {
    showError(error, fields);
  }
}

async function saveOriginal(event) {
  event.preventDefault();
  await saving(FIELDS.original, async () => {
    const id = $("q-id").value.trim();
    state.question = await api(`${API}/questions/${enc(id)}`, { method: "POST", body: originalBody() });
    state.isNew = false;
    renderHeading();
    $("q-id").readOnly = true;
    await loadOverview();
    showTranslation();
    setStatus(t("edSaved", { what: t("edOriginal") }));
  });
}

async function saveTranslation() {
  await saving(FIELDS.translation, async () => {
    const code = $("t-language").value;
    const body = { title: $("t-title").value, body: $("t-body").value, hours: $("t-hours").value,
      link_labels: labelLines($("t-labels").value) };
    state.question = await api(`${API}/questions/${enc(state.question.id)}/texts/${enc(code)}`, { method: "POST", body });
    await loadOverview();
    showTranslation();
    setStatus(t("edSaved", { what: languageLabel(code) }));
  });
}

async function markCurrent() {
  await saving(FIELDS.translation, async () => {
    const code = $("t-language").value;
    state.question = await api(`${API}/questions/${enc(state.question.id)}/texts/${enc(code)}/current`, { method: "POST" });
    await loadOverview();
    showTranslation();
    setStatus(t("edMarked", { what: languageLabel(code) }));
  });
}

async function uploadAudio() {
  await saving(FIELDS.translation, async () => {
    const file = $("t-audio-file").files[0];
    if (!file) throw new Refusal(t("edChooseFile"), "file");
    const form = new FormData();
    form.append("file", file);
    const code = $("t-language").value;
    state.question = await api(`${API}/questions/${enc(state.question.id)}/audio/${enc(code)}`, { method: "POST", form });
    $("t-audio-file").value = "";
    await loadOverview();
    showTranslation();
  });
}

async function removeAudio() {
  await saving(FIELDS.translation, async () => {
    const code = $("t-language").value;
    state.question = await api(`${API}/questions/${enc(state.question.id)}/audio/${enc(code)}/remove`, { method: "POST" });
    await loadOverview();
    showTranslation();
  });
}

// --- the preview: large type, plain text, links as host and URL (the kiosk draws a QR code) -----

async function showPreview() {
  await saving({ language: "preview-language" }, async () => {
    const code = $("preview-language").value;
    const shown = await api(`${API}/questions/${enc(state.question.id)}/preview?language=${enc(code)}`);
    renderPreview(shown);
  });
}

function renderPreview(shown) {
  const screen = $("preview-screen");
  screen.setAttribute("lang", shown.language);
  screen.setAttribute("dir", shown.direction);
  screen.dataset.note = shown.note;
  const parts = [];
  if (shown.note !== "none") {
    // The note is in the resident's language on the kiosk; here it says the same to the editor.
    parts.push(el("p", { class: "note", lang: I.language, dir: "ltr" },
      t(shown.note === "missing" ? "edNoteMissing" : "edNoteOutdated", { asked: languageLabel(shown.asked), shown: languageLabel(shown.language) })));
  }
  parts.push(el("p", { class: "topic" }, shown.topic), el("h4", { class: "title" }, shown.title), el("p", { class: "body" }, shown.body));
  if (shown.hours) parts.push(el("p", { class: "hours" }, shown.hours));
  if (shown.phone) parts.push(el("p", { class: "phone", dir: "ltr" }, shown.phone));
  for (const link of shown.links) {
    // The kiosk draws a QR code of the URL; the host and URL are set apart (bdi) so a Latin
    // address keeps its order inside right-to-left text.
    const box = el("div", { class: "link" });
    box.append(el("span", { class: "qr", "aria-hidden": "true" }, "QR"));
    if (link.label !== link.host) box.append(el("div", { class: "label" }, link.label));
    for (const kind of ["host", "url"]) {
      const line = el("div", { class: kind });
      line.append(el("bdi", { dir: "ltr" }, link[kind]));
      box.append(line);
    }
    parts.push(box);
  }
  if (shown.audio) parts.push(el("p", { class: "audio", lang: I.language }, t("edReadAloud")));
  screen.replaceChildren(...parts);
  screen.hidden = false;
}

// --- publishing and history -----------------------------------------------------------------

async function loadVersions() {
  state.versions = await api(`${API}/versions`);
  $("versions").querySelector("tbody").replaceChildren(...state.versions.map((v, i) => {
    const tr = el("tr", { "data-version": String(v.version) });
    const actions = el("td", { class: "actions" });
    const older = state.versions[i + 1];
    if (older) actions.append(button(t("edCompareWith", { n: older.version }), () => compareVersions(older.version, v.version), "compare"));
    actions.append(button(t("edCompareDraft"), () => compareVersions(v.version, "draft"), "compare-draft"));
    if (i > 0) actions.append(button(t("edRepublish", { n: v.version }), () => republish(v.version), "republish"));
    tr.append(el("td", {}, String(v.version)), el("td", {}, I.dateTime(v.published_at)), el("td", {}, v.published_by), actions);
    return tr;
  }));
}

function button(text, onClick, kind) {
  const node = el("button", { type: "button", class: `secondary ${kind}` }, text);
  node.addEventListener("click", onClick);
  return node;
}

async function compareVersions(from, to) {
  const changes = await api(`${API}/versions/compare?from=${enc(from)}&to=${enc(to)}`);
  const heading = $("compare-heading");
  heading.textContent = t("edComparing", { from, to: to === "draft" ? t("edDraft") : to });
  renderChanges($("compare-result"), changes);
  heading.focus();
}

function renderChanges(list, changes) {
  const items = [
    ...changes.topics.map((c) => el("li", { "data-topic": c.id, "data-change": c.change }, t(`edTopic_${c.change}`, { id: c.id }))),
    ...changes.questions.map((c) => {
      const parts = [];
      if (c.data) parts.push(t("edDataChanged"));
      if (c.languages.length) parts.push(t("edLanguagesChanged", { languages: c.languages.join(", ") }));
      const detail = parts.length ? `: ${parts.join("; ")}` : "";
      return el("li", { "data-question": c.id, "data-change": c.change }, `${t(`edQuestion_${c.change}`, { id: c.id })}${detail}`);
    }),
  ];
  list.replaceChildren(...(items.length ? items : [el("li", { class: "none" }, t("edNoChanges"))]));
}

async function publish() {
  const next = (state.overview.latest_version || 0) + 1;
  if (!window.confirm(t("edPublishConfirm", { n: next }))) return;
  try {
    const result = await api(`${API}/publish`, { method: "POST" });
    setStatus(t("edPublished", { n: result.version }));
    await refreshPublishing();
  } catch (error) {
    setStatus(error.message);
  }
}

async function republish(version) {
  if (!window.confirm(t("edRepublishConfirm", { n: version }))) return;
  try {
    const result = await api(`${API}/versions/${enc(version)}/republish`, { method: "POST" });
    setStatus(t("edRepublished", { n: result.version, from: version }));
    await refreshPublishing();
  } catch (error) {
    setStatus(error.message);
  }
}

async function refreshPublishing() {
  await loadOverview();
  await loadVersions();
}

// --- topics ---------------------------------------------------------------------------------

async function saveTopic(event) {
  event.preventDefault();
  const error = $("topic-error");
  error.textContent = "";
  const titles = { sv: $("topic-sv").value };
  if ($("topic-en").value.trim()) titles.en = $("topic-en").value;
  const body = { titles };
  if ($("topic-order").value !== "") body.order = Number($("topic-order").value);
  try {
    await api(`${API}/topics/${enc($("topic-id").value.trim())}`, { method: "POST", body });
    $("topic-form").reset();
    await loadOverview();
    setStatus(t("edSaved", { what: t("edTopic") }));
  } catch (e) {
    error.textContent = e.message;
  }
}

// --- start ----------------------------------------------------------------------------------

function renderAll() {
  I.apply();
  document.title = t("edTitle");
  $("ui-language").value = I.language;
  if (state.overview) renderOverview();
  if (state.question) {
    renderHeading();
    showTranslation();
  }
  if (state.versions.length) loadVersions();
}

async function start() {
  renderAll();
  const me = await api("/admin/api/me");
  $("me").textContent = me.display_name;
  $("sign-out").addEventListener("click", async () => {
    await api("/admin/api/logout", { method: "POST" }).catch(() => {});
    window.location.assign("/admin/login");
  });
  $("ui-language").addEventListener("change", (event) => {
    I.setLanguage(event.target.value);
    renderAll();
  });
  $("new-question").addEventListener("click", newQuestion);
  $("question-form").addEventListener("submit", saveOriginal);
  $("t-language").addEventListener("change", showTranslation);
  $("save-translation").addEventListener("click", saveTranslation);
  $("mark-current").addEventListener("click", markCurrent);
  $("upload-audio").addEventListener("click", uploadAudio);
  $("remove-audio").addEventListener("click", removeAudio);
  $("show-preview").addEventListener("click", showPreview);
  $("publish").addEventListener("click", publish);
  $("topic-form").addEventListener("submit", saveTopic);
  await refreshPublishing();
  document.body.dataset.ready = "true";
}

start();
