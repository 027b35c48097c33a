"""Screenshots of every console state:
``kiosklink console-screenshots [--out DIR] [--language sv|en|both] [--size WxH]``.

The states are built by driving the real flow with sample server messages (no server, no network),
rendered by the real window, and grabbed to PNG. Without a display the offscreen platform is used;
under ``xvfb-run`` the real X11 one. The video areas show drawn sample pictures, never a camera.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QApplication

from agent_console.bookings import BookingRow, FreeSlot, ShownCode
from agent_console.events import BookingsLoaded, SlotBooked
from agent_console.flow import ConsoleFlow
from agent_console.state import Today
from agent_console.translation import install_translator
from agent_console.views.console_window import ConsoleWindow
from signaling import messages as m

T0 = 1_760_000_000.0
URL = "https://kiosklink.example.se"


def _welcome(status: str) -> m.AdviserWelcome:
    return m.AdviserWelcome(
        protocol=1,
        adviser_id="a-17",
        display_name="Amal Haddad",
        languages={"ar": "native", "ti": "fluent", "sv": "native"},
        ice_servers=[],
        status=status,
        outcomes=["resolved", "referred", "follow_up", "no_show", "other"],
        heartbeat_interval_s=20,
    )


def _queues() -> m.QueueOverview:
    rows = [("sv", 0, 0, 3), ("ar", 2, 95, 0), ("so", 1, 40, 1), ("ti", 0, 0, 1), ("uk", 3, 310, 0)]
    return m.QueueOverview(
        queues=[
            m.QueueStat(language=c, waiting=w, longest_wait_s=s, advisers_available=a)
            for c, w, s, a in rows
        ],
        advisers=[
            m.AdviserSummary(
                adviser_id="a-17",
                display_name="Amal Haddad",
                languages={"ar": "native", "ti": "fluent", "sv": "native"},
                status="available",
            ),
            m.AdviserSummary(
                adviser_id="a-4",
                display_name="Nadia Rahimi",
                languages={"fa": "native", "prs": "fluent", "sv": "fluent"},
                status="available",
            ),
            m.AdviserSummary(
                adviser_id="a-9",
                display_name="Omar Said",
                languages={"ar": "fluent", "sv": "native"},
                status="available",
            ),
        ],
    )


def _signed_in(status: str = "available") -> ConsoleFlow:
    flow = ConsoleFlow(server_url=URL, now=T0)
    flow.sign_in(URL, "amal", "sample", T0)
    flow.login_succeeded("a-17", "Amal Haddad", T0)
    flow.connected(_welcome(status), T0)
    flow.receive(_queues(), T0)
    today = Today(calls_taken=7, total_handle_s=7 * 412, ratings_count=5, ratings_average=4.6)
    flow.today_from_server(today, T0)
    return flow


def _offered(lacks: tuple[m.KioskDevice, ...] = ()) -> ConsoleFlow:
    flow = _signed_in()
    offer = m.Offer(
        call_id="c-1",
        language="ar",
        topic="housing",
        site="Rinkeby library",
        waited_s=95,
        expires_in_s=20,
        kiosk_lacks=list(lacks),
    )
    flow.receive(offer, T0)
    flow.tick(T0 + 6)
    return flow


def _in_call(lacks: tuple[m.KioskDevice, ...] = ()) -> ConsoleFlow:
    flow = _offered(lacks)
    flow.accept(T0 + 7)
    started = m.CallStarted(
        call_id="c-1", role="answerer", peer_name="Rinkeby library", language="ar", ice_servers=[]
    )
    flow.receive(started, T0 + 8)
    flow.media_state("c-1", "connected", T0 + 9)
    flow.remote_text(
        "c-1", "مرحبا، لدي رسالة من مصلحة الإسكان\nI do not understand this let", T0 + 60
    )
    flow.commit_text("Hej! Håll upp brevet mot kameran.", T0 + 70)
    flow.quality("c-1", m.Quality(rtt_ms=48, packet_loss_ratio=0.0, jitter_ms=4, fps=29), T0 + 80)
    flow.tick(T0 + 8 + 4 * 60 + 12)
    return flow


def _with_interpreter(state: str) -> ConsoleFlow:
    """The adviser's call with an interpreter of Tigrinya asked for (§Interpreter): the resident
    chose Arabic but is more at home in Tigrinya."""
    flow = _in_call()
    now = flow.state.now
    flow.invite_interpreter("ti", now)
    flow.receive(m.Interpreter(call_id="c-1", state="inviting", language="ti"), now + 1)
    if state == "joined":
        joined = m.Interpreter(call_id="c-1", state="joined", language="ti", name="Sara Tesfaye")
        flow.receive(joined, now + 40)
        flow.party_changed("c-1", "connected", now + 41)
        flow.party_text("c-1", "Hej! Jag tolkar till tigrinja.", now + 50)
    if state == "unavailable":
        gone = m.Interpreter(call_id="c-1", state="unavailable", language="ti", reason="timeout")
        flow.receive(gone, now + 300)
    flow.tick(now + 62)
    return flow


def _interpreter_signed_in() -> ConsoleFlow:
    flow = ConsoleFlow(server_url=URL, now=T0)
    flow.sign_in(URL, "sara", "sample", T0)
    flow.login_succeeded("i-3", "Sara Tesfaye", T0)
    welcome = _welcome("available").model_copy(
        update={
            "adviser_id": "i-3",
            "display_name": "Sara Tesfaye",
            "languages": {"ti": "native", "sv": "native"},
            "roles": ["interpreter"],
        }
    )
    flow.connected(welcome, T0)
    flow.receive(_queues(), T0)
    return flow


def _interpreter_offered() -> ConsoleFlow:
    flow = _interpreter_signed_in()
    asked = m.Offer(
        call_id="c-1",
        language="ti",
        topic="housing",
        site="Rinkeby library",
        waited_s=4,
        expires_in_s=20,
        kiosk_lacks=[],
        kind="interpreting",
    )
    flow.receive(asked, T0)
    flow.tick(T0 + 5)
    return flow


def _interpreting() -> ConsoleFlow:
    flow = _interpreter_offered()
    flow.accept(T0 + 6)
    started = m.CallStarted(
        call_id="c-1",
        role="offerer",
        peer_name="Amal Haddad",
        language="ti",
        ice_servers=[],
        interpreting=True,
    )
    flow.receive(started, T0 + 7)
    flow.media_state("c-1", "connected", T0 + 8)
    flow.party_changed("c-1", "connected", T0 + 8)
    flow.remote_text("c-1", "ሰላም፡ እዚ ደብዳቤ ኣይተረደአንን", T0 + 30)
    flow.party_text("c-1", "Fråga om brevet gäller hyran.", T0 + 40)
    flow.commit_text("Hej! Jag tolkar mellan er.", T0 + 20)
    flow.tick(T0 + 7 + 3 * 60 + 5)
    return flow


def _wrap_up() -> ConsoleFlow:
    flow = _in_call()
    now = flow.state.now
    flow.hang_up(now)
    flow.receive(m.AdviserStatus(status="wrap_up", wrap_up_ends_at=now + 60), now)
    flow.tick(now + 14)
    return flow


def _signed_out(*, wrong: bool = False) -> ConsoleFlow:
    flow = ConsoleFlow(server_url=URL, now=T0)
    if wrong:
        flow.sign_in(URL, "amal", "sample", T0)
        flow.login_failed("wrong username or password", unreachable=False, now=T0)
    return flow


def _away() -> ConsoleFlow:
    flow = _signed_in("available")
    flow.go_away("break", T0 + 1)
    return flow


def _reconnecting() -> ConsoleFlow:
    flow = _in_call()
    flow.disconnected("connection lost", 2.0, flow.state.now)
    return flow


def _bookings() -> ConsoleFlow:
    """Today's bookings: one checked in (live), one to come, one no-show, a code just made."""
    flow = _signed_in("away")
    flow.toggle_bookings(T0)
    start = T0 - 6800  # 09:00 in Stockholm on the sample day (T0 is 10:53)
    rows = (
        BookingRow("b-1", "ar", "housing", "a-17", start, 1800, "no_show"),
        BookingRow("b-2", "ti", None, None, start + 3600, 1200, "booked"),
        BookingRow("b-3", "ar", "letter", "a-17", start + 7200, 1800, "booked"),
        BookingRow("b-4", "sv", "work", "a-17", start + 10800, 1200, "booked"),
    )
    free = tuple(
        FreeSlot(f"s-{n}", "ar", "housing", "a-17", start + 14400 + n * 1200, 1200)
        for n in range(3)
    )
    loaded = BookingsLoaded("2025-10-09", "Europe/Stockholm", rows, free)
    flow.bookings_loaded(loaded, T0)
    flow.receive(
        m.BookingCheckedIn(booking_id="b-2", language="ti", topic=None, starts_at=start + 3600),
        T0,
    )
    flow.book_slot("s-0", T0)
    flow.booking_answered(SlotBooked(ShownCode("K7M4-QX2P", "ar", "housing", start + 14400)), T0)
    return flow


STATES: dict[str, Callable[[], ConsoleFlow]] = {
    "01-sign-in": _signed_out,
    "02-wrong-password": lambda: _signed_out(wrong=True),
    "03-available": _signed_in,
    "04-away": _away,
    "05-ringing": _offered,
    "06-in-call": _in_call,
    "07-reconnecting": _reconnecting,
    "08-wrap-up": _wrap_up,
    "09-ringing-kiosk-lacks": lambda: _offered(("camera", "microphone")),
    "10-in-call-kiosk-lacks": lambda: _in_call(("camera",)),
    "11-bookings": _bookings,
    "12-in-call-letter": _in_call,  # with two pages the resident showed (issue #16)
    "13-call-with-interpreter": lambda: _with_interpreter("joined"),
    "14-inviting-interpreter": lambda: _with_interpreter("inviting"),
    "15-interpreter-unavailable": lambda: _with_interpreter("unavailable"),
    "16-interpreter-ringing": _interpreter_offered,
    "17-interpreter-in-call": _interpreting,
}
_THREE_WAY = ("13-call-with-interpreter", "17-interpreter-in-call")


def sample_picture(width: int, height: int, label: str, hue: int) -> QImage:
    """A drawn stand-in for video: a soft gradient, a silhouette and a label."""
    image = QImage(width, height, QImage.Format.Format_RGB888)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, 0, height)
    gradient.setColorAt(0, QColor.fromHsv(hue, 60, 120))
    gradient.setColorAt(1, QColor.fromHsv(hue, 80, 50))
    painter.fillRect(image.rect(), gradient)
    painter.setBrush(QColor.fromHsv(hue, 30, 200))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QPoint(width // 2, height * 2 // 5), width // 9, width // 9)
    painter.drawRoundedRect(QRect(width * 3 // 10, height * 3 // 5, width * 2 // 5, height), 40, 40)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(max(12, height // 18))
    painter.setFont(font)
    painter.drawText(image.rect().adjusted(0, 8, 0, 0), Qt.AlignmentFlag.AlignHCenter, label)
    painter.end()
    return image


def sample_letter(width: int, height: int, page: int) -> QImage:
    """A drawn stand-in for a photographed letter: a white sheet with lines of text."""
    image = QImage(width, height, QImage.Format.Format_RGB888)
    image.fill(QColor("#f4f2ec"))
    painter = QPainter(image)
    painter.setPen(QColor("#222222"))
    font = QFont()
    font.setPixelSize(height // 40)
    painter.setFont(font)
    line = height // 28
    painter.drawText(width // 12, line * 3, f"SAMPLE – a decision letter, page {page}")
    for row in range(5, 26):
        painter.drawText(width // 12, line * row, "Lorem ipsum dolor sit amet, consectetur " * 2)
    painter.end()
    return image


SIZE = (1280, 800)  # the smallest screen advisers have (issue #12)


def show_state(window: ConsoleWindow, name: str) -> None:
    """Render the named sample state, with drawn pictures where a call shows video."""
    window.render(STATES[name]().state)
    pictures = (
        "06-in-call",
        "07-reconnecting",
        "12-in-call-letter",
        "14-inviting-interpreter",
        "15-interpreter-unavailable",
    )
    if name in pictures + _THREE_WAY:  # 10: no camera
        window.call.show_remote_frame(sample_picture(960, 720, "SAMPLE – resident", 200))
        window.call.show_local_frame(sample_picture(240, 180, "SAMPLE – you", 30))
    if name == "13-call-with-interpreter":
        window.call.show_party_frame(sample_picture(640, 480, "SAMPLE – interpreter", 120))
    if name == "17-interpreter-in-call":
        window.call.show_party_frame(sample_picture(640, 480, "SAMPLE – adviser", 300))
    if name == "12-in-call-letter":
        for page in (1, 2):
            window.call.documents.add_page(sample_letter(1280, 960, page))


def grab_all(out: Path, language: str, size: tuple[int, int] = SIZE) -> list[Path]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_translator(app, language)
    suffix = "" if size == SIZE else f"-{size[0]}x{size[1]}"
    saved = []
    try:
        for name in STATES:
            window = ConsoleWindow()
            window.arrange(portrait=size[1] > size[0])  # before: a landscape window cannot narrow
            window.resize(*size)
            show_state(window, name)
            window.show()
            app.processEvents()
            path = out / f"console-{language}-{name}{suffix}.png"
            window.grab().save(str(path))
            saved.append(path)
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        if translator is not None:
            app.removeTranslator(translator)
    return saved


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or int(width) < 320 or int(height) < 240:
        raise argparse.ArgumentTypeError(f"{text!r}: a size such as 1280x800")
    return int(width), int(height)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosklink console-screenshots")
    parser.add_argument("--out", type=Path, default=Path("artifacts/console-screenshots"))
    parser.add_argument("--language", choices=("sv", "en", "both"), default="both")
    parser.add_argument("--size", type=_size, default=SIZE, help="window size, e.g. 1920x1080")
    args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    args.out.mkdir(parents=True, exist_ok=True)
    languages = ("sv", "en") if args.language == "both" else (args.language,)
    for language in languages:
        for path in grab_all(args.out, language, args.size):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
