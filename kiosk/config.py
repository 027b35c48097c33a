"""Kiosk settings: one frozen object, read once at start from TOML, the environment and the CLI.

Precedence, lowest first: defaults, the TOML file (its ``[kiosk]`` table, or the top level), the
``KIOSKLINK_KIOSK_*`` environment variables, command-line flags. Nothing is read at import time.

The service PIN is stored only as an argon2 hash (``kiosklink kiosk --hash-pin`` prints one).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kiosk import languages
from signaling.errors import ConfigError

ENV_PREFIX: Final = "KIOSKLINK_KIOSK_"


@dataclass(frozen=True)
class KioskSettings:
    server_url: str = "ws://127.0.0.1:8080/ws/kiosk"
    token: str = ""
    camera: str = "auto"  # "auto", a device index ("0") or path ("/dev/video2"), or "none"
    # A camera over the desk for showing letters in a call (kiosk/still_camera.py): an index, a
    # path, or empty for none (the still then comes from the call's camera).
    document_camera: str = ""
    microphone: str = "auto"
    idle_timeout_s: float = 90.0
    waiting_idle_timeout_s: float = 600.0
    idle_warning_s: float = 30.0
    thanks_s: float = 6.0
    ui_language: str = languages.DEFAULT_UI_LANGUAGE
    # Welcome-screen taglines: the languages the attract screen speaks at once.
    welcome_languages: tuple[str, ...] = ("sv", "ar", "so", "ti", "fa", "uk", "en", "fi")
    # The reachable zone (EN 301 549 / wheelchair reach) and where the screen hangs: controls go
    # only on the part of the screen that lies inside the zone.
    reach_low_mm: float = 380.0
    reach_high_mm: float = 1220.0
    screen_bottom_mm: float = 700.0
    screen_height_mm: float = 0.0  # 0: ask the display
    fullscreen: bool = True
    kiosk_mode: bool = True  # refuse close / switch-away; service exit by PIN only
    service_pin_hash: str = ""
    health_interval_s: float = 10.0
    log_file: str = ""
    # The last complete published version of the common questions (kiosk/answers/cache.py);
    # empty: ~/.cache/kiosklink/answers.
    answers_dir: str = ""
    # Booking (docs/booking.md §Kiosk): from this upper estimate of the wait on, "Book a time"
    # is the first choice; the zone times without one (a refused code's) are shown in.
    book_offer_wait_s: float = 1200.0
    timezone: str = "Europe/Stockholm"

    def __post_init__(self) -> None:
        if self.idle_warning_s < 20:
            raise ConfigError("idle_warning_s must be at least 20 (WCAG 2.2.1)")
        if min(self.idle_timeout_s, self.waiting_idle_timeout_s) <= self.idle_warning_s:
            raise ConfigError("idle timeouts must be longer than idle_warning_s")
        if not 0 <= self.reach_low_mm < self.reach_high_mm:
            raise ConfigError("reach_low_mm must be below reach_high_mm")
        if not self.server_url.startswith(("ws://", "wss://")):
            raise ConfigError(f"server_url must be ws:// or wss://, not {self.server_url!r}")
        if self.health_interval_s <= 0:
            raise ConfigError("health_interval_s must be positive")
        try:
            ZoneInfo(self.timezone)
        except (ValueError, ZoneInfoNotFoundError):
            raise ConfigError(f"timezone {self.timezone!r} is not a known time zone") from None


_FIELDS: Final = {f.name: f for f in fields(KioskSettings)}


def _coerce(name: str, raw: object) -> object:
    """One value from TOML or the environment, turned into the field's type."""
    default = getattr(KioskSettings(), name)
    try:
        if isinstance(default, bool):
            if isinstance(raw, str):
                return raw.strip().lower() in ("1", "true", "yes", "on")
            return bool(raw)
        if isinstance(default, float):
            return float(raw)  # type: ignore[arg-type]
        if isinstance(default, tuple):
            items = raw.split(",") if isinstance(raw, str) else list(raw)  # type: ignore[call-overload]
            return tuple(str(i).strip() for i in items if str(i).strip())
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"kiosk setting {name}: {exc}") from None


def _apply(settings: KioskSettings, values: Mapping[str, object], where: str) -> KioskSettings:
    changes: dict[str, object] = {}
    for key, raw in values.items():
        if key not in _FIELDS:
            raise ConfigError(f"{where}: unknown kiosk setting {key!r}")
        changes[key] = _coerce(key, raw)
    return replace(settings, **changes)  # type: ignore[arg-type]


def load_settings(
    path: Path | None = None,
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, object] | None = None,
) -> KioskSettings:
    """Build the settings; raises ConfigError naming the file or variable that is wrong."""
    env = env or {}
    settings = KioskSettings()
    if path is None and env.get(ENV_PREFIX + "CONFIG"):
        path = Path(env[ENV_PREFIX + "CONFIG"])
    if path is not None:
        settings = _apply(settings, _read_toml(path), str(path))
    from_env = {
        key[len(ENV_PREFIX) :].lower(): value
        for key, value in env.items()
        if key.startswith(ENV_PREFIX) and key != ENV_PREFIX + "CONFIG"
    }
    settings = _apply(settings, from_env, "environment")
    return _apply(settings, {k: v for k, v in (overrides or {}).items() if v is not None}, "flags")


def _read_toml(path: Path) -> Mapping[str, object]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    table = data.get("kiosk", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [kiosk] must be a table")
    return table


def hash_pin(pin: str) -> str:
    if not (4 <= len(pin) <= 12 and pin.isdigit()):
        raise ConfigError("the service PIN must be 4 to 12 digits")
    return PasswordHasher().hash(pin)


def check_pin(pin: str, pin_hash: str) -> bool:
    """True when ``pin`` matches; an empty hash means the service exit is disabled."""
    if not pin_hash:
        return False
    try:
        return PasswordHasher().verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def reach_top_ratio(settings: KioskSettings, screen_height_mm: float) -> float:
    """The fraction of the screen, from its top edge, that hangs above the reachable zone.

    Controls go below that line. 0 when the whole screen is within reach or its size is unknown.
    """
    height = settings.screen_height_mm or screen_height_mm
    if height <= 0:
        return 0.0
    screen_top = settings.screen_bottom_mm + height
    return max(0.0, min(1.0, (screen_top - settings.reach_high_mm) / height))
