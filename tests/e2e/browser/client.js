// A Kiosklink client for a web browser, written from docs/protocol.md alone (§Browsers).
//
// It is what a third party would build: the WebSocket protocol (§Handshake, §Call, §Messages), a
// standard RTCPeerConnection for audio and video, and the real-time-text data channel
// (§Real-time text). tests/e2e/test_browser_conformance.py runs it in Chromium against the real
// server and the project's own kiosk and adviser, so the document and the clients cannot drift.
//
// Everything the test reads is kept in `window.conformance`; nothing here knows about the test.

"use strict";

const PROTOCOL = 1;
const RTT_LABEL = "rtt"; // §Real-time text: any other label is not the text channel
const RTT_MAX_LINE = 500;

const conformance = {
  received: [], // the type of every message from the server, in order
  errors: [], // every `error` message, whole
  welcome: null,
  callId: null,
  callEnded: null, // the `call_ended` message of the call
  wrapUpSaved: false,
  framesDecoded: 0, // inbound video, from getStats()
  framesRendered: 0, // requestVideoFrameCallback on the <video> element
  channelOpen: false,
  remoteLines: [], // the peer's committed lines
  remoteDraft: "", // the peer's line being typed
  failure: null, // anything this page could not do, for the test's message
  descriptionSent: null, // the SDP of this page's offer or answer, as sent
  candidatesSent: [], // what a trickling page sent in `ice`, null for the end
};
window.conformance = conformance;

// --- signaling --------------------------------------------------------------------------------

class Signaling {
  constructor(url, token, onMessage) {
    this.url = url;
    this.token = token;
    this.onMessage = onMessage;
    this.ws = null;
    this.pingTimer = null;
  }

  // Open the WebSocket and send `hello` first (§Handshake); resolves with `welcome`.
  open() {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url);
      this.ws = ws;
      ws.onopen = () =>
        this.send({ type: "hello", protocol: PROTOCOL, token: this.token, app_version: "browser-1" });
      ws.onerror = () => reject(new Error(`WebSocket ${this.url} failed`));
      ws.onclose = (event) => {
        clearInterval(this.pingTimer);
        reject(new Error(`closed ${event.code} ${event.reason}`));
      };
      ws.onmessage = (event) => {
        const msg = JSON.parse(event.data);
        conformance.received.push(msg.type);
        if (msg.type === "error") conformance.errors.push(msg);
        if (msg.type === "welcome") {
          conformance.welcome = msg;
          this.keepAlive(msg.heartbeat_interval_s);
          resolve(msg);
        }
        this.onMessage(msg);
      };
    });
  }

  // An adviser heard from for no message in 30 s is closed (§Handshake): ping meanwhile.
  keepAlive(intervalS) {
    let seq = 0;
    this.pingTimer = setInterval(() => this.send({ type: "ping", seq: ++seq }), intervalS * 1000);
  }

  send(msg) {
    this.ws.send(JSON.stringify(msg));
  }

  close() {
    clearInterval(this.pingTimer);
    this.ws.onclose = null;
    this.ws.close(1000);
  }
}

// --- real-time text (§Real-time text) -----------------------------------------------------------

class RttSender {
  constructor() {
    this.seq = 0;
    this.line = 0;
  }

  // The whole current line, at every keystroke.
  draft(text) {
    return this.next(text, false);
  }

  // Enter: the line is final, the next keystroke starts line + 1.
  commit(text) {
    const update = this.next(text, true);
    this.line += 1;
    return update;
  }

  next(text, committed) {
    this.seq += 1;
    return { seq: this.seq, line: this.line, text: text.slice(0, RTT_MAX_LINE), committed };
  }
}

// Apply an update only when it is newer than the last one applied, except a commit of a line not
// yet committed, which always counts (a late commit is never lost).
class RttReceiver {
  constructor() {
    this.seq = 0;
    this.line = 0;
  }

  receive(update) {
    if (update.line < this.line) return;
    if (update.seq <= this.seq && !update.committed) return;
    if (update.committed) {
      if (update.line > this.line && conformance.remoteDraft) {
        conformance.remoteLines.push(conformance.remoteDraft); // a lost commit's last draft
      }
      conformance.remoteLines.push(update.text);
      conformance.remoteDraft = "";
      this.line = update.line + 1;
    } else {
      conformance.remoteDraft = update.text;
      this.line = update.line;
    }
    this.seq = Math.max(this.seq, update.seq);
  }
}

// --- the call (§Call) -------------------------------------------------------------------------

// ice_servers from `call_started` in the W3C form; null username and credential left out.
function rtcIceServers(iceServers) {
  return iceServers.map((server) => {
    const entry = { urls: server.urls };
    if (server.username != null) entry.username = server.username;
    if (server.credential != null) entry.credential = server.credential;
    return entry;
  });
}

// Trickle ICE is optional (§ICE candidates): by default this client sends complete descriptions,
// as the project's own clients do, waiting for gathering to finish before sending one. With
// `trickle` it sends the description at once and each candidate as an `ice` message.
function gatheringComplete(pc) {
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    pc.addEventListener("icegatheringstatechange", () => {
      if (pc.iceGatheringState === "complete") resolve();
    });
  });
}

class Call {
  constructor(signaling, started, localStream, trickle) {
    this.signaling = signaling;
    this.callId = started.call_id;
    this.role = started.role;
    this.pc = new RTCPeerConnection({
      iceServers: rtcIceServers(started.ice_servers),
      bundlePolicy: "max-bundle",
    });
    this.localStream = localStream;
    this.trickle = trickle;
    if (trickle) this.pc.onicecandidate = (event) => this.sendCandidate(event.candidate);
    this.channel = null;
    this.sender = new RttSender();
    this.receiver = new RttReceiver();
    this.statsTimer = setInterval(() => this.countDecodedFrames(), 250);
    this.pc.ontrack = (event) => this.showRemote(event);
    this.pc.ondatachannel = (event) => this.takeChannel(event.channel);
  }

  // The offerer adds audio, video and the text channel before its one offer (§Call).
  async offer() {
    for (const track of this.localStream.getTracks()) this.pc.addTrack(track, this.localStream);
    this.takeChannel(this.pc.createDataChannel(RTT_LABEL, { ordered: true }));
    await this.pc.setLocalDescription(await this.pc.createOffer());
    await this.sendDescription("offer");
  }

  async receiveDescription(msg) {
    await this.pc.setRemoteDescription({ type: msg.sdp_type, sdp: msg.sdp });
    if (msg.sdp_type !== "offer") return;
    // The answerer sends audio and video on the transceivers the offer made.
    for (const track of this.localStream.getTracks()) this.pc.addTrack(track, this.localStream);
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    await this.sendDescription("answer");
  }

  async sendDescription(sdpType) {
    if (!this.trickle) await gatheringComplete(this.pc);
    const sdp = this.pc.localDescription.sdp;
    conformance.descriptionSent = sdp;
    this.signaling.send({ type: "sdp", call_id: this.callId, sdp_type: sdpType, sdp });
  }

  // Chromium ends its candidates with null, sent as it is (the server relays it as "").
  sendCandidate(candidate) {
    conformance.candidatesSent.push(candidate ? candidate.candidate : null);
    this.signaling.send({
      type: "ice",
      call_id: this.callId,
      candidate: candidate ? candidate.candidate : null,
      sdp_mid: candidate ? candidate.sdpMid : null,
      sdp_mline_index: candidate ? candidate.sdpMLineIndex : null,
    });
  }

  // A peer that trickles: "" is the end of candidates (§ICE candidates).
  async receiveCandidate(msg) {
    const candidate = msg.candidate
      ? { candidate: msg.candidate, sdpMid: msg.sdp_mid, sdpMLineIndex: msg.sdp_mline_index }
      : null;
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (err) {
      console.warn("dropped a candidate I cannot use", err); // a candidate never ends a call
    }
  }

  takeChannel(channel) {
    if (channel.label !== RTT_LABEL) return;
    this.channel = channel;
    channel.onopen = () => {
      conformance.channelOpen = true;
    };
    channel.onmessage = (event) => this.receiver.receive(JSON.parse(event.data));
    if (channel.readyState === "open") conformance.channelOpen = true;
  }

  typeText(draft) {
    this.channel.send(JSON.stringify(this.sender.draft(draft)));
  }

  commitText(line) {
    this.channel.send(JSON.stringify(this.sender.commit(line)));
  }

  showRemote(event) {
    if (event.track.kind !== "video") return;
    const video = document.getElementById("remote");
    video.srcObject = new MediaStream([event.track]);
    const counted = () => {
      conformance.framesRendered += 1;
      video.requestVideoFrameCallback(counted);
    };
    video.requestVideoFrameCallback(counted);
  }

  async countDecodedFrames() {
    const stats = await this.pc.getStats();
    stats.forEach((report) => {
      if (report.type === "inbound-rtp" && report.kind === "video") {
        conformance.framesDecoded = report.framesDecoded || 0;
      }
    });
  }

  close() {
    clearInterval(this.statsTimer);
    this.pc.close();
  }
}

// --- the parties ------------------------------------------------------------------------------

class Party {
  constructor(url, token, trickle = false) {
    this.signaling = new Signaling(url, token, (msg) => this.dispatch(msg));
    this.call = null;
    this.localStream = null;
    this.trickle = trickle;
  }

  async start() {
    // Camera and microphone first: a page that captured media is allowed its real addresses in
    // ICE candidates (otherwise Chromium hides them behind mDNS names).
    this.localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    return this.signaling.open();
  }

  dispatch(msg) {
    const run = this.handle(msg);
    if (run) run.catch((err) => (conformance.failure = `${msg.type}: ${err}`));
  }

  async handle(msg) {
    switch (msg.type) {
      case "call_started":
        conformance.callId = msg.call_id;
        this.call = new Call(this.signaling, msg, this.localStream, this.trickle);
        if (msg.role === "offerer") await this.call.offer();
        return;
      case "sdp":
        return this.call.receiveDescription(msg);
      case "ice":
        return this.call.receiveCandidate(msg);
      case "call_ended":
        conformance.callEnded = msg;
        this.endCall();
        return this.afterCall(msg);
    }
    return this.handleRole(msg);
  }

  hangUp() {
    this.signaling.send({ type: "hangup", call_id: this.call.callId });
  }

  endCall() {
    if (this.call) this.call.close();
    this.call = null;
  }

  async handleRole() {}

  async afterCall() {}
}

class Kiosk extends Party {
  join(language, topic) {
    this.signaling.send({ type: "join", language, topic, fallback_languages: [] });
  }

  async afterCall(ended) {
    if (ended.reason === "hangup") {
      this.signaling.send({ type: "rating", call_id: ended.call_id, score: 5 });
    }
  }
}

class Adviser extends Party {
  async handleRole(msg) {
    switch (msg.type) {
      case "offer":
        this.signaling.send({ type: "accept", call_id: msg.call_id });
        return;
      case "wrap_up_saved":
        conformance.wrapUpSaved = true;
        this.signaling.send({ type: "ready" });
        return;
    }
  }

  // §Wrap-up: an outcome from welcome.outcomes, a note without personal data, then `ready`.
  async afterCall(ended) {
    const outcome = conformance.welcome.outcomes[0];
    this.signaling.send({ type: "wrap_up", call_id: ended.call_id, outcome, note: "" });
  }
}

// `POST /api/login` from this page's origin: allowed by the server's `allowed_origins` (§Browsers).
async function signIn(httpUrl, username, password) {
  const response = await fetch(`${httpUrl}/api/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login: ${response.status} ${await response.text()}`);
  return (await response.json()).token;
}

// --- what the test calls ----------------------------------------------------------------------

let party = null;

async function startKiosk(wsUrl, token, language, topic, trickle = false) {
  party = new Kiosk(wsUrl, token, trickle);
  await party.start();
  party.join(language, topic);
}

async function startAdviser(httpUrl, wsUrl, username, password) {
  const token = await signIn(httpUrl, username, password);
  party = new Adviser(wsUrl, token);
  await party.start();
  party.signaling.send({ type: "set_status", status: "available" });
}

function typeText(draft) {
  party.call.typeText(draft);
}

function commitText(line) {
  party.call.commitText(line);
}

function hangUp() {
  party.hangUp();
}

Object.assign(window, { startKiosk, startAdviser, typeText, commitText, hangUp });
