// The dashboard's words and formats, one language at a time (English or Swedish).
// Plural forms come from Intl.PluralRules ("1 fault", "2 faults"; "1 fel", "2 fel"); times are
// always on the 24-hour clock, numbers in the chosen locale ("4.6" / "4,6"); no library needed:
// the browser's Intl carries CLDR's rules.
"use strict";

const CATALOG = {
  en: {
    title: "Kiosklink fleet",
    signOut: "Sign out",
    uiLanguage: "Language",
    live: "live",
    connecting: "connecting…",
    reconnecting: "reconnecting…",
    liveLabel: "Live updates",
    skip: "Skip to the kiosk list",
    fleetHeading: "Kiosks",
    site: "Site",
    allSites: "All sites",
    state: "State",
    allStates: "All states",
    sort: "Sort",
    sortState: "State (offline first)",
    sortSite: "Site",
    sortName: "Name",
    sortLastSeen: "Last seen",
    online: "Online",
    degraded: "Degraded",
    stale: "Silent",
    offline: "Offline",
    kiosk: "Kiosk",
    lastSeen: "Last seen",
    version: "Version",
    camera: "Camera",
    microphone: "Microphone",
    speaker: "Speaker",
    cpu: "CPU",
    memory: "Memory",
    diskFree: "Disk free",
    uptime: "Uptime",
    rtt24: "RTT, 24 h",
    loss24: "Loss, 24 h",
    fps24: "FPS, 24 h",
    faults: "Faults",
    kiosksCaption: "Kiosks, their state, devices and call quality over the last 24 hours",
    deviceOk: "OK",
    deviceMissing: "missing",
    deviceFault: "not working",
    deviceUnknown: "unknown",
    lacks: "no {devices}",
    never: "never",
    queuesHeading: "Queues",
    queuesCaption: "Waiting residents and signed-in advisers per language",
    language: "Language",
    open: "Open",
    isOpen: "open",
    isClosed: "closed",
    waiting: "Waiting",
    longestWait: "Longest wait",
    available: "Available",
    busy: "Busy",
    away: "Away",
    sitesHeading: "Call quality per site",
    sitesCaption: "Calls, answers, failures and mean call quality per site",
    window: "Period",
    days: { one: "{n} day", other: "{n} days" },
    calls: "Calls",
    answered: "Answered",
    failed: "Failed",
    rttMean: "Round-trip time",
    lossMean: "Packet loss",
    fpsMean: "Frame rate",
    noCalls: "No calls in this period.",
    trendsHeading: "Fleet trends",
    callsPerDay: "Calls per day",
    qualityPerDay: "Mean call quality per day",
    completed: "Completed",
    other: "Other (left the queue, cancelled, open)",
    day: "Day",
    time: "Time",
    callsAxis: "Calls",
    rttAxis: "Round-trip time (ms)",
    lossAxis: "Packet loss (%)",
    useAxis: "Use (%)",
    linkAxis: "Connection",
    devicesWorking: "All devices working",
    connectedTick: "connected",
    disconnectedTick: "not connected",
    backToList: "← All kiosks",
    kioskFaults: "Faults",
    noFaults: "No faults.",
    remoteActions: "Remote actions",
    restart: "Restart app",
    reloadConfig: "Reload configuration",
    fetchLogs: "Fetch recent logs",
    message: "Message for the welcome screen",
    showMessage: "Show message",
    last24: "Last 24 hours",
    linkChart: "Connection",
    loadChart: "CPU and memory",
    qualityChart: "Call quality",
    recentActions: "Recent actions",
    when: "When",
    action: "Action",
    by: "By",
    answer: "Answer",
    done: "done",
    failedAnswer: "failed",
    waitingAnswer: "waiting…",
    acknowledge: "Acknowledge",
    acknowledgeFault: "Acknowledge: {fault}",
    faultCount: { one: "{n} fault", other: "{n} faults" },
    faultsToAck: { one: "{n} fault to acknowledge", other: "{n} faults to acknowledge" },
    samples: { one: "{n} sample", other: "{n} samples" },
    calls24: "Calls, 24 h",
    since: "since {when}",
    workingAgain: "working again {when}",
    ackBy: "acknowledged by {who}",
    clearsItself: "clears by itself",
    restartConfirm: "Restart the kiosk app? A resident using it now is interrupted.",
    sending: "Sending {action}…",
    actionDone: "{action}: done",
    actionFailed: "{action}: failed",
    noAnswer: "{action}: no answer from the kiosk",
    couldNotAck: "Could not acknowledge: {error}",
    secondsAgo: "{n} s ago",
    minutesAgo: "{n} min ago",
    hoursAgo: "{n} h ago",
    daysAgo: { one: "{n} day ago", other: "{n} days ago" },
    chartSummary: "{title}: {y} against {x}, {from} to {to}.",
    fault_no_heartbeat: "No heartbeat",
    fault_disk_low: "Disk almost full",
    fault_relay_unreachable: "STUN/TURN server unreachable",
    fault_camera: "Camera",
    fault_microphone: "Microphone",
    fault_speaker: "Speaker",
  },
  sv: {
    title: "Kiosklink – kiosker",
    signOut: "Logga ut",
    uiLanguage: "Språk",
    live: "live",
    connecting: "ansluter…",
    reconnecting: "ansluter igen…",
    liveLabel: "Uppdateras direkt",
    skip: "Hoppa till kiosklistan",
    fleetHeading: "Kiosker",
    site: "Plats",
    allSites: "Alla platser",
    state: "Läge",
    allStates: "Alla lägen",
    sort: "Sortera",
    sortState: "Läge (offline först)",
    sortSite: "Plats",
    sortName: "Namn",
    sortLastSeen: "Senast hörd",
    online: "Online",
    degraded: "Begränsad",
    stale: "Tyst",
    offline: "Offline",
    kiosk: "Kiosk",
    lastSeen: "Senast hörd",
    version: "Version",
    camera: "Kamera",
    microphone: "Mikrofon",
    speaker: "Högtalare",
    cpu: "Processor",
    memory: "Minne",
    diskFree: "Ledigt disk",
    uptime: "Drifttid",
    rtt24: "Svarstid, 24 h",
    loss24: "Förlust, 24 h",
    fps24: "Bilder/s, 24 h",
    faults: "Fel",
    kiosksCaption: "Kiosker, deras läge, enheter och samtalskvalitet senaste dygnet",
    deviceOk: "OK",
    deviceMissing: "saknas",
    deviceFault: "fungerar inte",
    deviceUnknown: "okänt",
    lacks: "{devices} saknas",
    never: "aldrig",
    queuesHeading: "Köer",
    queuesCaption: "Väntande invånare och inloggade rådgivare per språk",
    language: "Språk",
    open: "Öppet",
    isOpen: "öppet",
    isClosed: "stängt",
    waiting: "Väntar",
    longestWait: "Längsta väntan",
    available: "Lediga",
    busy: "Upptagna",
    away: "Borta",
    sitesHeading: "Samtalskvalitet per plats",
    sitesCaption: "Samtal, besvarade, misslyckade och genomsnittlig samtalskvalitet per plats",
    window: "Period",
    days: { one: "{n} dag", other: "{n} dagar" },
    calls: "Samtal",
    answered: "Besvarade",
    failed: "Misslyckade",
    rttMean: "Svarstid",
    lossMean: "Paketförlust",
    fpsMean: "Bildfrekvens",
    noCalls: "Inga samtal under perioden.",
    trendsHeading: "Trender för alla kiosker",
    callsPerDay: "Samtal per dag",
    qualityPerDay: "Genomsnittlig samtalskvalitet per dag",
    completed: "Genomförda",
    other: "Övriga (lämnade kön, avbrutna, pågående)",
    day: "Dag",
    time: "Tid",
    callsAxis: "Samtal",
    rttAxis: "Svarstid (ms)",
    lossAxis: "Paketförlust (%)",
    useAxis: "Användning (%)",
    linkAxis: "Anslutning",
    devicesWorking: "Alla enheter fungerar",
    connectedTick: "ansluten",
    disconnectedTick: "ej ansluten",
    backToList: "← Alla kiosker",
    kioskFaults: "Fel",
    noFaults: "Inga fel.",
    remoteActions: "Fjärråtgärder",
    restart: "Starta om appen",
    reloadConfig: "Läs in inställningar",
    fetchLogs: "Hämta senaste loggar",
    message: "Meddelande på välkomstskärmen",
    showMessage: "Visa meddelande",
    last24: "Senaste dygnet",
    linkChart: "Anslutning",
    loadChart: "Processor och minne",
    qualityChart: "Samtalskvalitet",
    recentActions: "Senaste åtgärder",
    when: "När",
    action: "Åtgärd",
    by: "Av",
    answer: "Svar",
    done: "klart",
    failedAnswer: "misslyckades",
    waitingAnswer: "väntar…",
    acknowledge: "Kvittera",
    acknowledgeFault: "Kvittera: {fault}",
    faultCount: { one: "{n} fel", other: "{n} fel" },
    faultsToAck: { one: "{n} fel att kvittera", other: "{n} fel att kvittera" },
    samples: { one: "{n} mätning", other: "{n} mätningar" },
    calls24: "Samtal, 24 h",
    since: "sedan {when}",
    workingAgain: "fungerar igen {when}",
    ackBy: "kvitterat av {who}",
    clearsItself: "försvinner av sig självt",
    restartConfirm: "Starta om kioskens app? En invånare som använder den nu avbryts.",
    sending: "Skickar {action}…",
    actionDone: "{action}: klart",
    actionFailed: "{action}: misslyckades",
    noAnswer: "{action}: inget svar från kiosken",
    couldNotAck: "Kunde inte kvittera: {error}",
    secondsAgo: "för {n} s sedan",
    minutesAgo: "för {n} min sedan",
    hoursAgo: "för {n} h sedan",
    daysAgo: { one: "för {n} dag sedan", other: "för {n} dagar sedan" },
    chartSummary: "{title}: {y} mot {x}, {from} till {to}.",
    fault_no_heartbeat: "Inga livstecken",
    fault_disk_low: "Disken nästan full",
    fault_relay_unreachable: "STUN/TURN-servern nås inte",
    fault_camera: "Kamera",
    fault_microphone: "Mikrofon",
    fault_speaker: "Högtalare",
  },
};

// Number and time formats per UI language: both on the 24-hour clock (hourCycle h23), as Swedish
// offices read times; en-GB keeps English words with a day-month order.
const LOCALES = { en: "en-GB", sv: "sv-SE" };
const STORAGE_KEY = "kiosklink.dashboard.language";

function chooseLanguage() {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (saved && CATALOG[saved]) return saved;
  return (navigator.language || "").toLowerCase().startsWith("sv") ? "sv" : "en";
}

let language = chooseLanguage();

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : `{${name}}`));
}

window.KiosklinkI18n = {
  get language() { return language; },
  get locale() { return LOCALES[language]; },
  languages: Object.keys(CATALOG),

  setLanguage(code) {
    if (!CATALOG[code]) return;
    language = code;
    window.localStorage.setItem(STORAGE_KEY, code);
  },

  // t("faultCount", { n: 2 }) -> "2 faults": an entry with plural forms picks one by n.
  t(key, values = {}) {
    const entry = CATALOG[language][key] ?? CATALOG.en[key] ?? key;
    if (typeof entry === "string") return fill(entry, values);
    const form = new Intl.PluralRules(LOCALES[language]).select(values.n ?? 0);
    return fill(entry[form] ?? entry.other, values);
  },

  number(value, digits = 1) {
    return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits }).format(value);
  },

  // 2.5 -> "2.5%" / "2,5 %": a value already in per cent.
  percent(value, digits = 0) {
    return new Intl.NumberFormat(LOCALES[language], { style: "percent", maximumFractionDigits: digits }).format(value / 100);
  },

  // "14:05" (epoch seconds), always 24-hour.
  time(seconds) {
    return new Intl.DateTimeFormat(LOCALES[language], {
      hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).format(new Date(seconds * 1000));
  },

  // "29 nov. 14:05" / "29 Nov, 14:05": for events older than today.
  dateTime(seconds) {
    return new Intl.DateTimeFormat(LOCALES[language], {
      day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).format(new Date(seconds * 1000));
  },

  // "mån 24/11" / "Mon 24/11" for an ISO day ("2026-11-24") of the trends.
  day(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return new Intl.DateTimeFormat(LOCALES[language], {
      weekday: "short", day: "numeric", month: "numeric", timeZone: "UTC",
    }).format(new Date(Date.UTC(y, m - 1, d)));
  },

  // Put every [data-i18n] text, [data-i18n-aria] label and [data-i18n-placeholder] in the language.
  apply(root = document) {
    document.documentElement.lang = language;
    for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = this.t(node.dataset.i18n);
    for (const node of root.querySelectorAll("[data-i18n-aria]")) node.setAttribute("aria-label", this.t(node.dataset.i18nAria));
    for (const node of root.querySelectorAll("[data-i18n-placeholder]")) node.setAttribute("placeholder", this.t(node.dataset.i18nPlaceholder));
  },
};
