"""A recording backend for controller tests: the I/O side without I/O (a fake, not a mock)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QImage

from agent_console.bookings import SeriesRequest
from signaling import messages as m


@dataclass
class FakeBackend:
    calls: list[tuple[str, object]] = field(default_factory=list)
    remote: QImage | None = None
    local: QImage | None = None
    party: QImage | None = None

    @property
    def sent(self) -> list[m.Message]:
        return [arg for name, arg in self.calls if name == "send" and isinstance(arg, m.Message)]

    def last_sent(self) -> m.Message:
        return self.sent[-1]

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def login(self, url: str, username: str, password: str) -> None:
        self.calls.append(("login", (url, username)))

    def open_link(self, url: str) -> None:
        self.calls.append(("open_link", url))

    def close_link(self) -> None:
        self.calls.append(("close_link", None))

    def send(self, message: m.Message) -> None:
        self.calls.append(("send", message))

    def start_media(self, call: m.CallStarted) -> None:
        self.calls.append(("start_media", call.call_id))

    def to_media(self, message: m.SessionDescription | m.IceCandidate) -> None:
        self.calls.append(("to_media", message))

    def end_media(self, call_id: str) -> None:
        self.calls.append(("end_media", call_id))

    def interpreter_changed(self, message: m.Interpreter) -> None:
        self.calls.append(("interpreter_changed", message))

    def send_text(self, text: str, committed: bool) -> None:
        self.calls.append(("send_text", (text, committed)))

    def set_muted(self, audio: bool, video: bool) -> None:
        self.calls.append(("set_muted", (audio, video)))

    def fetch_bookings(self) -> None:
        self.calls.append(("fetch_bookings", None))

    def publish_slots(self, series: SeriesRequest) -> None:
        self.calls.append(("publish_slots", series))

    def book_slot(self, slot_id: str) -> None:
        self.calls.append(("book_slot", slot_id))

    def save_calendar(self, path: str) -> None:
        self.calls.append(("save_calendar", path))

    def take_remote_frame(self) -> QImage | None:
        image, self.remote = self.remote, None
        return image

    def take_local_frame(self) -> QImage | None:
        image, self.local = self.local, None
        return image

    def take_party_frame(self) -> QImage | None:
        image, self.party = self.party, None
        return image


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class CountingRing:
    mode = "test"

    def __init__(self) -> None:
        self.starts = 0
        self.stops = 0

    def start(self) -> None:
        self.starts += 1

    def stop(self) -> None:
        self.stops += 1
