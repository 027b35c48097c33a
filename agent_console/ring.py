"""The ring's sound: a generated two-note chime, played through PortAudio, or the system beep.

Why not QtMultimedia: the console depends on PySide6-Essentials, which has no QtMultimedia. The
chime is generated (no sound file to ship or license) and played with ``sounddevice`` when an output
device exists; otherwise ``QApplication.beep()`` once per ring cycle. ``ring = "off"`` in the
settings silences it (the ring stays visible). The visual ring lives in the offer view.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from agent_console.config import RingMode

log = logging.getLogger(__name__)

SAMPLE_RATE = 48_000
CYCLE_S = 2.0  # one chime, then silence, repeated while the offer rings


def chime(
    *, rate: int = SAMPLE_RATE, volume: float = 0.6, cycle_s: float = CYCLE_S
) -> npt.NDArray[np.float32]:
    """One ring cycle: two soft notes (E6 then C6) with short fades, then silence."""
    notes = ((1318.5, 0.0, 0.22), (1046.5, 0.26, 0.40))
    out = np.zeros(int(rate * cycle_s), dtype=np.float32)
    for freq, start_s, length_s in notes:
        n = int(rate * length_s)
        t = np.arange(n, dtype=np.float32) / rate
        envelope = np.minimum(1.0, t / 0.01) * np.exp(-t * 6.0)  # 10 ms attack, gentle decay
        tone = np.sin(2 * np.pi * freq * t) * envelope
        begin = int(rate * start_s)
        out[begin : begin + n] += tone.astype(np.float32)
    peak = float(np.max(np.abs(out))) or 1.0
    return (out / peak * max(0.0, min(1.0, volume))).astype(np.float32)


class Ring(Protocol):
    mode: str

    def start(self) -> None: ...

    def stop(self) -> None: ...


class SilentRing:
    mode = "off"

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass


class BeepRing(QObject):
    mode = "beep"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(int(CYCLE_S * 1000))
        self._timer.timeout.connect(QApplication.beep)

    def start(self) -> None:
        if not self._timer.isActive():
            QApplication.beep()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


class SoundRing:
    """Loops the chime on PortAudio's own thread; start and stop return at once."""

    mode = "sound"

    def __init__(self, sounddevice: Any, device: int, volume: float) -> None:
        self._sd = sounddevice
        self._device = device
        self._samples = chime(volume=volume)
        self._playing = False

    def start(self) -> None:
        if self._playing:
            return
        try:
            self._sd.play(self._samples, SAMPLE_RATE, device=self._device, loop=True)
            self._playing = True
        except Exception as exc:  # PortAudio raises plain Exceptions; a ring must never crash
            log.warning("cannot play the ring: %s", exc)

    def stop(self) -> None:
        if self._playing:
            self._playing = False
            try:
                self._sd.stop()
            except Exception as exc:
                log.warning("cannot stop the ring: %s", exc)


def _output_device() -> tuple[Any, int] | None:
    try:
        import sounddevice
    except OSError:  # PortAudio missing
        return None
    try:
        device = sounddevice.default.device[1]
        if not isinstance(device, int) or device < 0:
            outputs = [
                i for i, d in enumerate(sounddevice.query_devices()) if d["max_output_channels"]
            ]
            device = outputs[0] if outputs else -1
    except Exception:
        return None
    return (sounddevice, device) if device >= 0 else None


def make_ring(mode: RingMode, volume: float, parent: QObject | None = None) -> Ring:
    """The best ring this machine can sound for ``mode``; ``auto`` prefers the chime."""
    if mode == "off":
        return SilentRing()
    if mode in ("auto", "sound"):
        found = _output_device()
        if found is not None:
            return SoundRing(found[0], found[1], volume)
        if mode == "sound":
            log.warning("no sound output device: ringing with the system beep")
    return BeepRing(parent)
