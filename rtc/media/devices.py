"""Finding the microphone and speaker through PortAudio, preferring the echo-cancelled ones.

aiortc has no echo cancellation (../shared/AIORTC.md pitfall 2). The kiosk gets it from the sound
server: deploy/audio/ loads PipeWire's (or PulseAudio's) ``echo-cancel`` module with the WebRTC
canceller and makes its source and sink the defaults. This module's part is to pick those devices:
asked for "a microphone" (``True``), it takes a device whose name contains one of
:data:`ECHO_CANCEL_HINTS` before the system default; asked for a name, it takes the first device
whose name contains it. The choice itself is pure (:func:`pick_device`), tested without sound cards.

``sounddevice`` is imported lazily: it raises ``OSError`` at import when PortAudio is missing, and
the server and the tests must not need PortAudio.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

Direction = Literal["input", "output"]
ECHO_CANCEL_HINTS = ("kiosklink_ec", "echo-cancel", "echo cancel", "echocancel")


def _channels(device: Mapping[str, Any], direction: Direction) -> int:
    return int(device.get(f"max_{direction}_channels", 0))


def pick_device(
    devices: Sequence[Mapping[str, Any]],
    direction: Direction,
    want: bool | str,
    default: int | None = None,
) -> int | None:
    """Index of the device to open, or None when ``want`` is False or nothing fits.

    ``devices`` is what ``sounddevice.query_devices()`` returns; ``default`` its default index for
    ``direction`` (-1 or None when there is none).
    """
    if want is False:
        return None
    usable = [i for i, d in enumerate(devices) if _channels(d, direction) > 0]
    if isinstance(want, str):
        needle = want.casefold()
        return next((i for i in usable if needle in str(devices[i]["name"]).casefold()), None)
    for hint in ECHO_CANCEL_HINTS:
        for i in usable:
            if hint in str(devices[i]["name"]).casefold():
                return i
    if default is not None and default in usable:
        return default
    return usable[0] if usable else None


def find_device(direction: Direction, want: bool | str) -> tuple[int | None, str]:
    """Ask PortAudio; return the device index (or None) and a short, person-free reason."""
    if want is False:
        return None, "not wanted"
    try:
        import sounddevice
    except OSError as exc:
        return None, f"PortAudio missing: {exc}"[:200]
    try:
        devices = list(sounddevice.query_devices())
        defaults = sounddevice.default.device
        default = defaults[0 if direction == "input" else 1]
    except Exception as exc:  # PortAudio errors are plain Exceptions with a message
        return None, f"PortAudio error: {exc}"[:200]
    index = pick_device(devices, direction, want, default if isinstance(default, int) else None)
    if index is None:
        return None, f"no {direction} device" + (
            f" matching {want!r}" if isinstance(want, str) else ""
        )
    return index, str(devices[index]["name"])[:200]
