"""The console's settings: one frozen object, read once at start from TOML and the environment.

File (``--config FILE``), section ``[console]``::

    server_url = "https://kiosklink.example.se"   # the server's HTTP(S) base address
    ui_language = "sv"                            # "sv" or "en"
    ring = "auto"                                 # "auto" | "sound" | "beep" | "off"
    ring_volume = 0.6                             # 0.0 .. 1.0
    camera = 0                                    # index or device path; absent: test pattern
    microphone = true                             # true, false, or a device-name fragment
    speaker = true
    queue_alert_after_s = 300                     # a queue's row turns red past this wait

Environment (wins over the file): ``KIOSKLINK_CONSOLE_SERVER``, ``KIOSKLINK_CONSOLE_LANGUAGE``,
``KIOSKLINK_CONSOLE_RING``. The ``--server`` option wins over both. Nothing is read at import time.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, cast
from urllib.parse import urlsplit, urlunsplit

from signaling.errors import ConfigError

RingMode = Literal["auto", "sound", "beep", "off"]
UiLanguage = Literal["sv", "en"]
_RING_MODES = ("auto", "sound", "beep", "off")
_UI_LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class ConsoleConfig:
    server_url: str = "http://127.0.0.1:8080"
    ui_language: UiLanguage = "sv"
    ring: RingMode = "auto"
    ring_volume: float = 0.6
    camera: int | str | None = None
    microphone: bool | str = True
    speaker: bool | str = True
    # A queue whose longest wait reaches this, with no adviser free for it, is marked (colour,
    # sign and words) in the queue panel: someone should take it (agent_console.queue_alert).
    queue_alert_after_s: float = 300.0


def signaling_url(server_url: str) -> str:
    """The adviser WebSocket endpoint for a server's HTTP(S) base address."""
    parts = urlsplit(server_url.strip())
    scheme = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}.get(parts.scheme)
    if scheme is None or not parts.netloc:
        raise ConfigError(f"server_url: {server_url!r} is not an http(s) address")
    return urlunsplit((scheme, parts.netloc, "/ws/adviser", "", ""))


def http_url(server_url: str) -> str:
    parts = urlsplit(server_url.strip())
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    return urlunsplit((scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def load_config(
    path: Path | None, env: Mapping[str, str], *, server: str | None = None
) -> ConsoleConfig:
    """Defaults, then the file's ``[console]`` section, then the environment, then ``server``."""
    values: dict[str, object] = {}
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from None
        section = data.get("console", {})
        if not isinstance(section, dict):
            raise ConfigError("console: must be a table")
        values.update(section)
    for key, var in (
        ("server_url", "KIOSKLINK_CONSOLE_SERVER"),
        ("ui_language", "KIOSKLINK_CONSOLE_LANGUAGE"),
        ("ring", "KIOSKLINK_CONSOLE_RING"),
    ):
        if env.get(var):
            values[key] = env[var]
    if server:
        values["server_url"] = server
    return _validated(values)


def _validated(values: Mapping[str, object]) -> ConsoleConfig:
    config = ConsoleConfig()
    known = set(ConsoleConfig.__dataclass_fields__)
    for key in sorted(set(values) - known):
        raise ConfigError(f"console.{key}: unknown setting")
    url = str(values.get("server_url", config.server_url))
    signaling_url(url)  # raises on an unusable address
    language = values.get("ui_language", config.ui_language)
    if language not in _UI_LANGUAGES:
        raise ConfigError(f"console.ui_language: {language!r} is not one of {_UI_LANGUAGES}")
    ring = values.get("ring", config.ring)
    if ring not in _RING_MODES:
        raise ConfigError(f"console.ring: {ring!r} is not one of {_RING_MODES}")
    volume = values.get("ring_volume", config.ring_volume)
    if not isinstance(volume, int | float) or not 0 <= volume <= 1:
        raise ConfigError("console.ring_volume: must be a number from 0 to 1")
    camera = values.get("camera", config.camera)
    if camera is not None and not isinstance(camera, int | str):
        raise ConfigError("console.camera: an index or a device path")
    devices = {k: values.get(k, getattr(config, k)) for k in ("microphone", "speaker")}
    for key, device in devices.items():
        if not isinstance(device, bool | str):
            raise ConfigError(f"console.{key}: true, false or a device-name fragment")
    alert = values.get("queue_alert_after_s", config.queue_alert_after_s)
    if isinstance(alert, bool) or not isinstance(alert, int | float) or alert <= 0:
        raise ConfigError("console.queue_alert_after_s: must be a number of seconds above 0")
    return replace(
        config,
        queue_alert_after_s=float(alert),
        server_url=http_url(url),
        ui_language=cast(UiLanguage, language),
        ring=cast(RingMode, ring),
        ring_volume=float(volume),
        camera=camera,
        microphone=cast(bool | str, devices["microphone"]),
        speaker=cast(bool | str, devices["speaker"]),
    )
