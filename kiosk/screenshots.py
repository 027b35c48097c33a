"""Render every kiosk screen in chosen languages to PNG files, for review and for the docs.

``kiosklink screenshots kiosk --out shots --lang sv --lang ar --size 1920x1080`` (or
``python -m kiosk.screenshots ...``); ``--size`` repeats, each size in a folder of its own.
Runs offscreen unless a display is set (under ``xvfb-run`` it uses the virtual X server). The states
are built by driving the real flow, so the screens show what a resident would see.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from kiosk.answers.sample import sample_bundle
from kiosk.flow import KioskFlow
from kiosk.screenshots_booking import SCREENS as BOOKING_SCREENS
from kiosk.screenshots_booking import booking_states
from kiosk.screenshots_call import SCREENS as CALL_SCREENS
from kiosk.screenshots_call import call_states
from kiosk.state import Alert, AnswersLoaded, KioskState, MediaOpened, RemoteText, ServerUp
from kiosk.views.catalog import Catalog
from kiosk.views.window_view import KioskWindow, app_font
from signaling import messages as m
from signaling.config import DEFAULT_LANGUAGES, DEFAULT_TOPICS

SIZE = (1080, 1920)  # a portrait touchscreen, the usual kiosk
SCREENS = (
    "welcome",
    "language",
    "confirm",
    "waiting",
    "call",
    "rating",
    "thanks",
    "idle_warning",
    "offline",
    "help",
    # answers_states: the common questions
    "answers_language",
    "answers_topics",
    "answers_questions",
    "answers_answer",
    "answers_search",
    "answers_in_line",
    *BOOKING_SCREENS,  # booking_states: book a time, a ticket, check in (issue #14)
    *CALL_SCREENS,  # call_states: a letter shown, an interpreter in the call (issue #16)
)


_SAMPLE_ORDER = ("ar", "so", "ti", "fa", "uk", "sv", "en", "fi")


def sample_welcome(notice: str = "", *, resident: str | None = None) -> m.KioskWelcome:
    """What a server with its default settings (signaling.config) says, with sample waits; the
    ``resident``'s language is staffed too, so every shipped language's screens can be drawn."""

    def lang(
        code: str, *, open_: bool = True, staffed: bool = True, low: int = 60, high: int = 300
    ) -> m.LanguageInfo:
        return m.LanguageInfo(
            code=code,
            open=open_,
            opens_at=None if open_ else 1_767_600_000.0,
            advisers_available=1 if open_ else 0,
            waiting=1,
            # No estimate while nobody for the language is signed in (docs/protocol.md §Position).
            wait=m.WaitEstimate(low_s=low, high_s=high) if open_ and staffed else None,
        )

    return m.KioskWelcome(
        protocol=1,
        kiosk_id="demo",
        site="Stadsbiblioteket",
        ice_servers=[],
        languages=[
            lang("ar"),
            lang("so", low=0, high=60),
            lang("ti", low=120, high=600),
            lang("fa"),
            lang("uk"),
            lang("sv"),
            lang("en"),
            lang("fi", staffed=False),  # open, but no adviser for it signed in
            *(lang(code) for code in DEFAULT_LANGUAGES if code not in _SAMPLE_ORDER),
            *(
                [lang(resident)]
                if resident and resident not in (*_SAMPLE_ORDER, *DEFAULT_LANGUAGES)
                else []
            ),
            lang("tr", open_=False),  # and one closed now
        ],
        topics=list(DEFAULT_TOPICS),  # the server's own, which the kiosk must translate
        heartbeat_interval_s=15,
        health_interval_s=10,
        notice=notice,
    )


def states(language: str) -> Iterator[tuple[str, KioskState]]:
    """(name, state) for every screen, the resident speaking ``language``."""
    flow = KioskFlow(now=0.0)
    flow.feed(ServerUp(sample_welcome(resident=language)), 0.0)
    yield "welcome", flow.state
    flow.start(1.0)
    yield "language", flow.state
    yield "help", replace(flow.state, help_open=True)
    flow.choose_language(language, 2.0)
    flow.choose_topic(DEFAULT_TOPICS[0], 2.0)
    yield "confirm", flow.state
    flow.request_call(3.0)
    flow.feed(MediaOpened(camera_ok=True, microphone_ok=True), 3.0)
    flow.feed(
        m.Queued(
            language=language,
            position=2,
            wait=m.WaitEstimate(low_s=60, high_s=240),
            resume_token="x",
        ),
        3.0,
    )
    yield "waiting", flow.state
    yield "offline", replace(flow.state, alerts=(Alert.SERVER_UNREACHABLE,), online=False)
    flow.feed(
        m.CallStarted(
            call_id="c1", role="offerer", peer_name="Amal", language=language, ice_servers=[]
        ),
        4.0,
    )
    flow.send_text("Hej, jag har en fråga om hyran.", 5.0)
    flow.feed(RemoteText("Hej! Jag hjälper dig gärna."), 5.0)
    yield "call", flow.state
    flow.hang_up(6.0)
    yield "rating", flow.state
    yield "idle_warning", replace(flow.state, idle_deadline=100.0)
    flow.rate(5, 7.0)
    yield "thanks", flow.state


def answers_states(language: str) -> Iterator[tuple[str, KioskState]]:
    """(name, state) for the common questions, read in ``language`` (sample_bundle: a fallback
    note for most languages, an outdated Arabic text, QR codes, hours and a phone number)."""
    flow = KioskFlow(now=0.0)
    flow.feed(ServerUp(sample_welcome(resident=language)), 0.0)
    flow.feed(AnswersLoaded(sample_bundle()), 0.0)
    flow.open_answers(1.0)
    yield "answers_language", flow.state
    flow.answers_language(language, 2.0)
    yield "answers_topics", flow.state
    flow.answers_topic("housing", 3.0)
    yield "answers_questions", flow.state
    flow.answers_question("housing-allowance", 4.0)
    yield "answers_answer", flow.state
    flow.answers_back(5.0)
    flow.answers_back(5.0)
    flow.answers_query("bostad", 6.0)
    yield "answers_search", flow.state
    flow.answers_leave(7.0)
    flow.start(8.0)
    flow.choose_language(language, 8.0)
    flow.request_call(9.0)
    flow.feed(
        m.Queued(
            language=language,
            position=3,
            wait=m.WaitEstimate(low_s=60, high_s=240),
            resume_token="x",
        ),
        9.0,
    )
    flow.open_answers(10.0)
    flow.answers_topic("housing", 10.0)
    flow.answers_question("housing-queue", 11.0)
    yield "answers_in_line", flow.state


def render_all(out: Path, langs: list[str], *, size: tuple[int, int] = SIZE) -> list[Path]:
    """Write ``<out>/<lang>_<screen>.png`` for every screen; return the paths."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setFont(app_font())  # as KioskApp does: the screens are drawn as the real app draws them
    out.mkdir(parents=True, exist_ok=True)
    catalog = Catalog()
    window = KioskWindow(catalog, ("sv", "ar", "so", "ti", "fa", "uk", "en", "fi"))
    window.resize(*size)
    window.set_reach_ratio(0.3)
    window.show()
    written = []
    for lang in langs:
        booking = booking_states(lang, sample_welcome(resident=lang))
        call = call_states(lang, sample_welcome(resident=lang))
        for name, state in (*states(lang), *answers_states(lang), *booking, *call):
            window.show_state(state, seconds_left=25)
            _fake_video(window, name)
            for _ in range(3):  # a wrapped label's new height asks for another layout pass
                app.processEvents()
            path = out / f"{lang}_{name}.png"
            window.grab().save(str(path))
            written.append(path)
    window.allow_close = True
    window.close()
    return written


def _fake_video(window: KioskWindow, screen: str) -> None:
    if screen == "waiting":
        window.show_local_frame(_picture("#5B7DB1", "you"))
    if screen.startswith("call"):
        window.show_remote_frame(_picture("#3E6E4E", "adviser"))
        window.show_local_frame(_picture("#5B7DB1", "you"))
    if screen.startswith("call_letter"):
        window.show_local_frame(_held_letter())
    if screen.startswith("call_interpreter"):
        window.show_interpreter_frame(_picture("#7A4E8C", "interpreter"))


def _held_letter() -> QImage:
    """The camera's picture of a resident holding a letter up to it."""
    image = _picture("#5B7DB1", "you")
    painter = QPainter(image)
    painter.setBrush(QColor("#F4F1EA"))
    painter.setPen(QColor("#B0A999"))
    painter.drawRect(228, 70, 184, 260)
    painter.setPen(QColor("#555555"))
    for y in range(100, 310, 18):
        painter.drawLine(246, y, 394, y)
    painter.end()
    return image


def _picture(colour: str, caption: str) -> QImage:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.setBrush(QColor("#E8D3B9"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(250, 110, 140, 170)
    painter.drawRoundedRect(190, 300, 260, 200, 80, 80)
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(16, 32, caption)
    painter.end()
    return image


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` -> ``(1920, 1080)``; argparse turns the ValueError into a usage error."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise argparse.ArgumentTypeError(f"size must be WIDTHxHEIGHT, e.g. 1920x1080, not {text!r}")
    size = (int(width), int(height))
    if not (320 <= size[0] <= 8192 and 320 <= size[1] <= 8192):
        raise argparse.ArgumentTypeError(f"size {text} is outside 320..8192 pixels a side")
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosklink screenshots kiosk", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("kiosk-screenshots"))
    parser.add_argument("--lang", action="append", help="UI language (repeatable); sv, ar default")
    parser.add_argument(
        "--size",
        type=parse_size,
        action="append",
        metavar="WxH",
        help=f"window size (repeatable); {SIZE[0]}x{SIZE[1]} default",
    )
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sizes: list[tuple[int, int]] = args.size or [SIZE]
    for size in sizes:
        out = args.out if len(sizes) == 1 else args.out / f"{size[0]}x{size[1]}"
        for path in render_all(out, args.lang or ["sv", "ar"], size=size):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
