"""The part of a soak driver both apps share: what it measures inside a real app, and its rhythm.

A driver runs inside the real app's process (``kiosklink soak`` starts ``python -m
kiosklink.soak_kiosk SPEC`` and ``python -m kiosklink.soak_console SPEC``, which build the app
exactly as ``kiosklink kiosk`` / ``kiosklink console`` do) and presses the app's real widgets
on a timer, as a person would; nothing below the widgets is called. What it measures, on the GUI
thread:

* :class:`LoopLateness`: how late a 20 ms timer fires, i.e. how long the GUI event loop was stuck
  (a resident sees a frozen screen for that long).
* :class:`ScreenFrames`: the remote pictures the GUI actually received, and their age when they got
  there: the synthetic camera stamps each frame with its capture time (:mod:`rtc.framecode`), so
  ``now - stamp`` is glass-to-glass up to the GUI, on one machine's wall clock.
* :class:`InterpreterWatch`: one side's view of the call's interpreter (issue 16): their frames,
  their text, and the other side's frames once they left.
* :class:`Journal`: one JSON object per line, flushed at once, so the orchestrator
  (:mod:`kiosklink.soak`) reads progress while the app runs and nothing is lost in a crash.

A letter's page is journalled by :func:`page_record` as size and sha256 of the bytes the app holds
in memory, never the bytes, and never written anywhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np
from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from rtc.framecode import age_ms, read_stamp
from rtc.media.synthetic import wall_ms

TICK_MS = 20
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
GIVE_UP_AFTER_S = 30.0  # past the talk time: a call that never connected is ended
AFTER_INTERPRETER_S = 5.0  # the two-party call goes on this long after the interpreter left
LATENCY_EVERY_NTH = 5  # reading the stamp costs ~1 ms; 6 samples a second are plenty


class LoopLateness(QObject):
    """The longest delay of a ``TICK_MS`` timer, since :meth:`take` and over the whole run."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worst_ms = 0.0
        self.worst_since_take_ms = 0.0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = self._clock.elapsed()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.elapsed()
        late = float(max(0, now - self._last - TICK_MS))
        self._last = now
        self.worst_ms = max(self.worst_ms, late)
        self.worst_since_take_ms = max(self.worst_since_take_ms, late)

    def take(self) -> float:
        worst, self.worst_since_take_ms = self.worst_since_take_ms, 0.0
        return worst


class ScreenFrames:
    """Counts the remote frames handed to the GUI and samples their glass-to-glass age."""

    def __init__(self) -> None:
        self.frames = 0
        self.unreadable = 0
        self.longest_gap_s = 0.0  # between two frames on the screen: a frozen picture
        self._last_at: float | None = None
        self._ages: list[int] = []

    def frame(self, image: QImage | None) -> None:
        if image is None or image.isNull():
            return
        now = time.monotonic()
        if self._last_at is not None:
            self.longest_gap_s = max(self.longest_gap_s, now - self._last_at)
        self._last_at = now
        self.frames += 1
        if self.frames % LATENCY_EVERY_NTH:
            return
        stamp = read_stamp(qimage_rgb(image))
        if stamp is None or stamp.time_ms is None:
            self.unreadable += 1
            return
        self._ages.append(age_ms(stamp.time_ms, wall_ms()))

    def take(self) -> tuple[int, float | None, float]:
        """Frames, their median age (ms) and the longest gap (s) since the last take."""
        frames, ages, gap = self.frames, self._ages, self.longest_gap_s
        self.frames, self._ages, self.longest_gap_s, self._last_at = 0, [], 0.0, None
        return frames, (float(statistics.median(ages)) if ages else None), gap


def qimage_rgb(image: QImage) -> np.ndarray[Any, np.dtype[np.uint8]]:
    """A numpy RGB copy of ``image`` (any format)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    buffer = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * height)
    return buffer.reshape(height, stride)[:, : 3 * width].reshape(height, width, 3).copy()


class InterpreterWatch:
    """One side's view of the call's interpreter (issue 16): their frames on this screen, their
    text, when they left, and the other side's frames after that (the call went on)."""

    def __init__(self) -> None:
        self.frames = 0
        self.text_in = False
        self.invited = False
        self.joined = False
        self.joined_at: float | None = None  # monotonic (system-wide: compared across the apps)
        self.left_at: float | None = None
        self.frames_after = 0
        self.rejoins = 0

    def update(self, *, invited: bool, joined: bool) -> bool:
        """What the app's state says now: an interpreter invited, and in the call. True when
        that changed (the driver journals each change: a flicker is evidence for a report)."""
        before = (self.invited, self.in_call)
        self.invited = invited
        if joined and not self.in_call:
            if self.joined:
                self.rejoins += 1  # shown as gone, then back: counted afresh from here
            self.joined, self.joined_at, self.left_at = True, time.monotonic(), None
            self.frames_after = 0
        elif not joined and self.in_call:
            self.left_at = time.monotonic()
        return before != (self.invited, self.in_call)

    @property
    def in_call(self) -> bool:
        return self.joined and self.left_at is None

    def interpreter_frame(self) -> None:
        if self.in_call:
            self.frames += 1

    def main_frame(self) -> None:
        """A frame of the call's other side (the resident, or the adviser)."""
        if self.left_at is not None:
            self.frames_after += 1

    def holds_call(self) -> bool:
        """Invited, in the call, or only just gone: the call's end waits (the soak checks that
        the call goes on without them)."""
        if self.left_at is not None:
            return time.monotonic() - self.left_at < AFTER_INTERPRETER_S
        return self.invited or self.joined

    def journal_fields(self) -> dict[str, object]:
        return {
            "interpreter_joined_at": self.joined_at,
            "interpreter_left_at": self.left_at,
            "interpreter_frames": self.frames,
            "interpreter_rejoins": self.rejoins,
            "interpreter_text_in": self.text_in,
            "interpreter_left": self.left_at is not None,
            "frames_after_interpreter": self.frames_after,
        }


def page_record(data: bytes, at: float) -> dict[str, object]:
    """A page for the journal: size and sha256 of the bytes the app holds (never the bytes)."""
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "at": round(at, 3)}


class Journal:
    """Appends one JSON object per line to ``path``; ``t`` is seconds since the journal opened."""

    def __init__(self, path: Path) -> None:
        self._file: IO[str] = path.open("a", encoding="utf-8", buffering=1)
        self._started = time.monotonic()

    def write(self, event: str, **fields: object) -> None:
        record = {"t": round(time.monotonic() - self._started, 3), "event": event, **fields}
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


@dataclass(frozen=True)
class DriverSpec:
    """What the orchestrator tells a driver (a JSON file; it holds a test password, mode 0600)."""

    journal: str
    stop_file: str
    server_url: str
    language: str = "ar"
    talk_s: float = 20.0
    hang_up_on: str = "odd"  # this side ends calls with an "odd" or "even" number
    screenshot_dir: str = ""
    stay_s: float = 9.0  # interpreter: leaves this long after the resident's first frame
    dismiss_after_s: float = 5.0  # adviser: thanks the interpreter this long after their frame
    token: str = ""  # kiosk
    username: str = ""  # console
    password: str = ""  # console

    @classmethod
    def load(cls, path: Path) -> DriverSpec:
        return cls(**json.loads(path.read_text(encoding="utf-8")))

    def save(self, path: Path) -> None:
        path.touch(mode=0o600)
        path.write_text(json.dumps(self.__dict__), encoding="utf-8")


class Driver(QObject):
    """The rhythm both drivers share: a step every ``STEP_MS``, calls numbered from 1, a line of
    text typed one character at a time during each call, and the measurements per call."""

    STEP_MS = 200
    TYPE_EVERY_S = 0.3

    def __init__(self, spec: DriverSpec, window: QWidget) -> None:
        super().__init__(window)
        self.spec = spec
        self.window = window
        self.journal = Journal(Path(spec.journal))
        self.lateness = LoopLateness(self)
        self.frames = ScreenFrames()
        self.calls = 0
        self.call_entered_at = 0.0  # monotonic, when this side asked for / accepted the call
        self.call_started_at: float | None = None  # monotonic, when media first showed
        self.text_in = False
        self.interpreter = InterpreterWatch()
        self._typed = ""
        self._last_key_at = 0.0
        self._shots: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(self.STEP_MS)
        self._timer.timeout.connect(self._step_safely)

    def start(self) -> None:
        self.journal.write("started", pid=os.getpid())
        self._timer.start()

    def _step_safely(self) -> None:
        try:
            self.step()
        except Exception as exc:  # a driver bug is reported, not mistaken for an app crash
            self.journal.write("driver_error", detail=f"{type(exc).__name__}: {exc}")
            raise

    def step(self) -> None:
        raise NotImplementedError

    # --- helpers for subclasses ----------------------------------------------------------------

    @property
    def stop_requested(self) -> bool:
        return Path(self.spec.stop_file).exists()

    def hangs_up(self, call: int) -> bool:
        return (call % 2 == 1) == (self.spec.hang_up_on == "odd")

    def press(self, button: QAbstractButton) -> bool:
        """Click ``button`` as a finger would; False (and a journal line) when it cannot be seen."""
        if not (button.isVisible() and button.isEnabled()):
            return False
        if not _on_screen(button, self.window):
            self.journal.write("unreachable", widget=_caption(button))
        button.click()
        return True

    def new_call(self) -> None:
        self.calls += 1
        self.call_entered_at = time.monotonic()
        self.call_started_at = None
        self.text_in = False
        self.interpreter = InterpreterWatch()
        self._typed = ""
        self.frames.take()
        self.lateness.take()

    def media_showing(self) -> None:
        """The first remote frame of this call is on the screen."""
        if self.call_started_at is None:
            self.call_started_at = time.monotonic()
            self.journal.write("call_connected", call=self.calls)

    def hang_up_due(self) -> bool:
        """This side's turn, the talk is over and nothing of the plan is under way; or any side,
        when the call never got going (a failed call is reported, not waited on for ever)."""
        if time.monotonic() - self.call_entered_at > self.spec.talk_s + GIVE_UP_AFTER_S:
            return True
        talked = self.talked_for() >= self.spec.talk_s
        return self.hangs_up(self.calls) and talked and not self.holds_call()

    def holds_call(self) -> bool:
        """Something of the call's plan still under way (kiosklink.soak_plan): the hang-up waits
        for it, so a page or an interpreter is judged on what the apps did, not cut off."""
        return self.interpreter.holds_call()

    def talked_for(self) -> float:
        return 0.0 if self.call_started_at is None else time.monotonic() - self.call_started_at

    def type_into(self, entry: QLineEdit, line: str) -> bool:
        """Type the next character of ``line`` (real key events); True when the line is done."""
        now = time.monotonic()
        if len(self._typed) >= len(line):
            return True
        if now - self._last_key_at >= self.TYPE_EVERY_S and entry.isVisible():
            char = line[len(self._typed)]
            type_character(entry, char)
            self._typed += char
            self._last_key_at = now
        return False

    def screenshot(self, name: str) -> None:
        """The call, once a run, after a few seconds of talk."""
        if self.talked_for() > 3:
            self.shot(name)

    def shot(self, name: str) -> None:
        """The window as it is now, saved as ``name``.png once a run."""
        if self.spec.screenshot_dir and name not in self._shots:
            self._shots.add(name)
            self.window.grab().save(str(Path(self.spec.screenshot_dir) / f"{name}.png"))

    def call_done(self, **extra: object) -> None:
        frames, latency, gap = self.frames.take()
        talk = self.talked_for()
        self.journal.write(
            "call_done",
            call=self.calls,
            connected=self.call_started_at is not None,
            frames_in=frames,
            fps_in=round(frames / talk, 1) if talk > 0 else 0.0,
            latency_ms=latency,
            longest_gap_s=round(gap, 2),
            unreadable=self.frames.unreadable,
            text_in=self.text_in,
            talk_s=round(talk, 1),
            stall_ms=self.lateness.take(),
            python_threads=sorted(t.name for t in threading.enumerate()),
            **self.interpreter.journal_fields(),
            **extra,
        )
        self.call_started_at = None

    def finish(self, exit_app: Any) -> None:
        self.journal.write("stopping", calls=self.calls, worst_stall_ms=self.lateness.worst_ms)
        self._timer.stop()
        self.journal.close()
        exit_app()


def type_character(widget: QWidget, char: str) -> None:
    """A key press and release carrying ``char``, as a keyboard or an input method delivers it
    (QTest.keyClicks knows only ASCII)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, NO_MODIFIER, char))


def _caption(button: QAbstractButton) -> str:
    """What the button says (the kiosk's wrapping buttons draw their own text)."""
    shown = getattr(button, "text_shown", None)
    text = shown() if callable(shown) else button.text()
    return " ".join(str(text).split())[:60] or type(button).__name__


def _on_screen(widget: QWidget, window: QWidget) -> bool:
    """Whether the widget lies inside the visible screen (a window taller than the screen, or a
    control scrolled away, hides it from a person even though Qt can still click it)."""
    screen = window.screen().geometry()
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    bottom_right = widget.mapToGlobal(widget.rect().bottomRight())
    return screen.contains(top_left) and screen.contains(bottom_right)
