"""Three real CallMedia parties over aiortc on loopback: the three-way call's mesh (issue 16).

An in-memory switch stands where the server is and does what docs/protocol.md §Interpreter says
it does with ``peer``: what a party sends with ``peer`` goes to that party, delivered with the
sender's name as ``peer``; without it, to the call's other main party. No fake of our code. Each
party sends a picture of its own size, so a frame says who sent it. Media are small to leave CPU
for the machine's other work; the figures are printed (pytest -s).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import av
import pytest

from rtc.call_media import CallMedia, MediaEvents
from rtc.media import MediaConfig, ToneAudioTrack
from signaling import messages as m

CALL = "call-3"
SIZES = {"kiosk": (320, 240), "adviser": (288, 224), "interpreter": (256, 192)}
MAIN_PEER = {"kiosk": "adviser", "adviser": "kiosk"}
# An offer aiortc refuses (no ICE credentials): setRemoteDescription raises ValueError.
NO_ICE_OFFER = (
    "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 96\r\n"
    "c=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendrecv\r\na=rtpmap:96 opus/48000/2\r\n"
)
OTHERS = {
    "kiosk": ("adviser", "interpreter"),
    "adviser": ("kiosk", "interpreter"),
    "interpreter": ("kiosk", "adviser"),
}


class Collect:
    """A speaker that counts what it is asked to play."""

    def __init__(self) -> None:
        self.frames = 0

    def play(self, frame: av.AudioFrame) -> None:
        self.frames += 1

    def close(self) -> None:
        pass


@dataclass
class Party:
    name: m.PartyRole
    media: CallMedia = field(init=False)
    queue: asyncio.Queue[m.SessionDescription | m.IceCandidate] = field(
        default_factory=asyncio.Queue
    )
    frames: dict[str, int] = field(default_factory=dict)  # by sender, from their frame size
    lines: dict[str, str] = field(default_factory=dict)  # the latest whole line by sender
    party_events: list[tuple[str, str]] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    speaker: Collect = field(default_factory=Collect)

    @property
    def main_peer(self) -> str:
        return MAIN_PEER.get(self.name, "kiosk")

    def events(self) -> MediaEvents:
        return MediaEvents(
            on_state=lambda _, state: self.states.append(state),
            on_remote_frame=lambda frame: self._frame(self.main_peer, frame),
            on_remote_text=lambda update, line: self._text(self.main_peer, line),
            on_party=lambda _, party, what: self.party_events.append((party, what)),
            on_party_frame=self._frame,
            on_party_text=lambda party, update, line: self._text(party, line),
        )

    def _frame(self, sender: str, frame: av.VideoFrame) -> None:
        # Count it under the party whose size it has, and check that is who it claims to be.
        by_size = next(p for p, size in SIZES.items() if size == (frame.width, frame.height))
        assert by_size == sender, f"{self.name} got {by_size}'s frame as {sender}'s"
        self.frames[sender] = self.frames.get(sender, 0) + 1

    def _text(self, sender: str, line: str) -> None:
        self.lines[sender] = line


class Switch:
    """The server's relay by ``peer``, in memory; ``negotiation_failed`` and reports are kept."""

    def __init__(self, *, name_main_peer: bool = False) -> None:
        self.name_main_peer = name_main_peer  # deliver the main pair's signals naming the sender
        self.parties: dict[str, Party] = {}
        self.failed: list[tuple[str, m.NegotiationFailed]] = []
        self.reports: list[tuple[str, m.Message]] = []
        self._pumps: list[asyncio.Task[None]] = []

    def add(self, name: m.PartyRole, **kwargs: float) -> Party:
        party = self.parties[name] = Party(name)
        width, height = SIZES[name]
        party.media = CallMedia(
            MediaConfig(width=width, height=height, fps=15, synthetic_label=name),
            send=lambda message: self._relay(name, message),
            events=party.events(),
            **kwargs,  # type: ignore[arg-type]
        )
        self._pumps.append(asyncio.create_task(self._pump(party)))
        return party

    async def _relay(self, sender: m.PartyRole, message: m.Message) -> None:
        match message:
            case m.SessionDescription() | m.IceCandidate():
                to = message.peer or MAIN_PEER[sender]
                named = message.peer is not None or self.name_main_peer
                delivered = message.model_copy(update={"peer": sender if named else None})
                await self.parties[to].queue.put(delivered)
            case m.NegotiationFailed():
                self.failed.append((sender, message))
            case _:
                self.reports.append((sender, message))

    @staticmethod
    async def _pump(party: Party) -> None:
        while True:
            await party.media.receive(await party.queue.get())

    async def stop(self) -> None:
        for task in self._pumps:
            task.cancel()
        await asyncio.gather(*self._pumps, return_exceptions=True)
        for party in self.parties.values():
            await party.media.close()


async def _until(predicate: Callable[[], bool], timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        await asyncio.sleep(0.05)


async def _open(switch: Switch, *names: m.PartyRole) -> None:
    for name in names:
        local = await switch.parties[name].media.open()
        local.speaker = switch.parties[name].speaker


@pytest.fixture
async def three() -> AsyncIterator[Switch]:
    """A kiosk-adviser call with frames both ways, and the interpreter joining it."""
    switch = Switch()
    for name in ("kiosk", "adviser", "interpreter"):
        switch.add(name, quality_interval_s=1.0)
    await _open(switch, "kiosk", "adviser", "interpreter")
    kiosk, adviser, interpreter = (switch.parties[n] for n in ("kiosk", "adviser", "interpreter"))
    await adviser.media.start_call(CALL, "answerer", [])
    await kiosk.media.start_call(CALL, "offerer", [])
    await _until(lambda: kiosk.frames.get("adviser", 0) > 3 and adviser.frames.get("kiosk", 0) > 3)
    await interpreter.media.start_call(CALL, "offerer", [], interpreting=True)
    yield switch
    await switch.stop()


def _all_directions(switch: Switch, at_least: int) -> bool:
    return all(
        switch.parties[name].frames.get(sender, 0) >= at_least
        for name, senders in OTHERS.items()
        for sender in senders
    )


async def test_three_parties_see_hear_and_read_each_other(three: Switch) -> None:
    kiosk, adviser, interpreter = (three.parties[n] for n in ("kiosk", "adviser", "interpreter"))
    await _until(lambda: _all_directions(three, 10))
    for name, senders in OTHERS.items():
        print(name, "frames from", {s: three.parties[name].frames[s] for s in senders})
    assert ("interpreter", "joined") in kiosk.party_events
    assert ("interpreter", "connected") in adviser.party_events
    assert interpreter.party_events[:2] == [("adviser", "joined"), ("adviser", "connected")]
    assert "connected" in interpreter.states  # its main peer, the kiosk

    # Each party's line reaches both others.
    for party in (kiosk, adviser, interpreter):
        await party.media.send_text(f"hello from the {party.name}")
    await _until(
        lambda: all(
            three.parties[name].lines.get(sender) == f"hello from the {sender}"
            for name, senders in OTHERS.items()
            for sender in senders
        )
    )

    # Documents stay on the kiosk-adviser connection: no leg has the doc channel.
    for name, party in three.parties.items():
        for other in OTHERS[name]:
            session = party.media.session_of(other)
            assert session is not None
            main_pair = {name, other} == {"kiosk", "adviser"}
            assert session.documents.open == main_pair, (name, other)
            labels = {t.mid for t in session.pc.getTransceivers()}
            assert len(labels) == 2  # audio and video, negotiated once (pitfall 9)

    # The microphone goes to both connections without halving: each connection receives about
    # every frame its sender's microphone made (a source split between two senders would give
    # each half; a loaded machine makes the tone skip frames at the source, so count those).
    before, played_before = _audio_counts(three), kiosk.speaker.frames
    await asyncio.sleep(2.0)
    after, played = _audio_counts(three), kiosk.speaker.frames - played_before
    for name, senders in OTHERS.items():
        for sender in senders:
            made = after[sender][0] - before[sender][0]
            got = after[sender][1][name] - before[sender][1][name]
            print(f"{name} <- {sender}: {got} audio frames of {made} made")
            assert got > 0.75 * made, (name, sender, got, made)
    # The kiosk hears both as one mix: a 20 ms block out per 20 ms in, not one per frame each.
    heard = [after[s][1]["kiosk"] - before[s][1]["kiosk"] for s in ("adviser", "interpreter")]
    print(f"kiosk's speaker played {played} blocks for {heard} frames")
    assert 0.6 * max(heard) <= played <= 1.3 * max(heard) + 5

    # Only the kiosk-adviser pair reports quality; every figure names its party.
    reporters = {sender for sender, r in three.reports if isinstance(r, m.QualityReport)}
    assert reporters <= {"kiosk", "adviser"}
    assert set(interpreter.media.party_figures) == {"kiosk", "adviser"}
    assert set(kiosk.media.party_figures) == {"adviser", "interpreter"}
    assert set(adviser.media.party_figures) == {"kiosk", "interpreter"}
    assert three.failed == []


def _audio_counts(switch: Switch) -> dict[str, tuple[int, dict[str, int]]]:
    """By sender: tone frames its microphone made, and audio frames each other party decoded."""
    counts: dict[str, tuple[int, dict[str, int]]] = {}
    for sender, party in switch.parties.items():
        tone = party.media.local.audio if party.media.local is not None else None
        assert isinstance(tone, ToneAudioTrack)
        received = {
            name: switch.parties[name].media.party_figures[sender].audio_frames
            for name in OTHERS[sender]
        }
        counts[sender] = (tone.frames_sent, received)
    return counts


async def test_the_interpreter_leaves_and_the_call_goes_on(three: Switch) -> None:
    kiosk, adviser, interpreter = (three.parties[n] for n in ("kiosk", "adviser", "interpreter"))
    await _until(lambda: _all_directions(three, 5))
    leg = kiosk.media.party_figures["interpreter"]

    await interpreter.media.end_call("hangup")
    left = m.Interpreter(call_id=CALL, state="left", language="ti", reason="hangup")
    for party in (kiosk, adviser):
        await party.media.interpreter_changed(left)
        await party.media.interpreter_changed(left)  # told twice: still one "left"
        assert party.party_events.count(("interpreter", "left")) == 1
    assert leg.left_at is not None and leg.frames >= 5  # the figures stay for the call

    # The kiosk and the adviser still see each other; nobody sees the interpreter any more.
    main = (kiosk.frames["adviser"], adviser.frames["kiosk"])
    from_interpreter = (kiosk.frames["interpreter"], adviser.frames["interpreter"])
    await _until(lambda: kiosk.frames["adviser"] > main[0] + 15)
    await _until(lambda: adviser.frames["kiosk"] > main[1] + 15)
    assert (kiosk.frames["interpreter"], adviser.frames["interpreter"]) == from_interpreter
    await kiosk.media.send_text("still here")
    await _until(lambda: adviser.lines.get("kiosk") == "still here")
    assert three.failed == []
    assert "failed" not in kiosk.states and "failed" not in adviser.states


async def test_the_interpreter_offering_again_replaces_the_legs_without_a_leaving(
    three: Switch,
) -> None:
    """As when the adviser comes back within the grace and the server has the interpreter
    negotiate again (docs/protocol.md §Interpreter): fresh offers replace the answered legs."""
    kiosk, adviser, interpreter = (three.parties[n] for n in ("kiosk", "adviser", "interpreter"))
    await _until(lambda: _all_directions(three, 5))
    old = kiosk.media.session_of("interpreter")

    await interpreter.media.start_call(CALL, "offerer", [], interpreting=True)
    await _until(lambda: kiosk.media.session_of("interpreter") is not old)
    frames = {(n, s): three.parties[n].frames[s] for n, senders in OTHERS.items() for s in senders}
    await _until(
        lambda: all(three.parties[n].frames[s] > count + 10 for (n, s), count in frames.items())
    )
    assert old is not None and old.pc.connectionState == "closed"
    for party in (kiosk, adviser):
        assert party.party_events.count(("interpreter", "joined")) == 2
        assert ("interpreter", "left") not in party.party_events
    assert three.failed == []


async def test_signals_for_a_party_with_no_connection_are_dropped() -> None:
    # The main pair's signals arrive naming the main peer: the same as absent (§Interpreter).
    switch = Switch(name_main_peer=True)
    kiosk = switch.add("kiosk")
    adviser = switch.add("adviser")
    await _open(switch, "kiosk", "adviser")
    await adviser.media.start_call(CALL, "answerer", [])
    await kiosk.media.start_call(CALL, "offerer", [])
    try:
        await _until(lambda: adviser.frames.get("kiosk", 0) > 3)
        main = adviser.media.session
        host = "candidate:1 1 udp 2130706431 192.0.2.4 50000 typ host"

        # An ICE candidate from an interpreter before any offer, an offer naming the adviser
        # itself, an answer nobody asked for: dropped, the call untouched.
        await adviser.media.receive(
            m.IceCandidate(call_id=CALL, candidate=host, sdp_mid="0", peer="interpreter")
        )
        offer = m.SessionDescription(call_id=CALL, sdp_type="offer", sdp="v=0\r\n", peer="adviser")
        await adviser.media.receive(offer)
        answer = offer.model_copy(update={"sdp_type": "answer", "peer": "interpreter"})
        await adviser.media.receive(answer)
        assert adviser.media.session is main and adviser.party_events == []

        # An unusable offer from the interpreter: that connection alone fails, told with peer.
        garbage = offer.model_copy(update={"sdp": NO_ICE_OFFER, "peer": "interpreter"})
        await adviser.media.receive(garbage)
        await _until(lambda: ("interpreter", "left") in adviser.party_events)
        assert [(s, f.peer) for s, f in switch.failed] == [("adviser", "interpreter")]
        frames = adviser.frames["kiosk"]
        await _until(lambda: adviser.frames["kiosk"] > frames + 10)
        assert adviser.media.session is main and "failed" not in adviser.states
    finally:
        await switch.stop()
