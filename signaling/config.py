"""Server settings: one frozen object, loaded once by the CLI, validated, then passed down.

Sources, later ones winning:

1. built-in defaults (safe for a first run on one machine: loopback only, a SQLite file in the
   working directory, no TURN);
2. a TOML file (``deploy/kiosklink.example.toml`` documents every key);
3. environment variables ``KIOSKLINK_<SECTION>_<KEY>``, e.g. ``KIOSKLINK_SERVER_PORT=9000`` or
   ``KIOSKLINK_TURN_SECRET`` (the ``ice`` section also answers to the prefix ``KIOSKLINK_TURN_`` for
   its ``turn_*`` keys, so ``KIOSKLINK_TURN_SECRET`` is ``ice.turn_secret``). List values are JSON
   (``["sv","en"]``) or comma-separated words; tables (``escalation``, ``hours``) are JSON.

Nothing here reads the environment or the disk at import time: only :func:`load_settings` does. Any
invalid value raises :class:`~signaling.errors.ConfigError` whose message starts with the dotted key
(``server.port: ...``), and names the environment variable when the value came from there.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from signaling.client_address import parse_networks
from signaling.errors import ConfigError
from signaling.origin import parse_allowed_origins
from signaling.privacy import DEFAULT_HEALTH_TERMS
from signaling.routing import DEFAULT_ESCALATION, EscalationStep, escalation_problem

ENV_PREFIX = "KIOSKLINK_"
# Lets an operator point at a file without a command-line flag (systemd units, containers).
CONFIG_PATH_ENV = "KIOSKLINK_CONFIG"

Code = Annotated[str, Field(min_length=1, max_length=35, pattern=r"^[A-Za-z0-9_.-]+$")]
Seconds = Annotated[float, Field(gt=0)]
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"^([01]\d|2[0-4]):[0-5]\d$")


class _Section(BaseModel):
    # Unknown keys are typos until proven otherwise: refuse them instead of ignoring a setting.
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerSettings(_Section):
    host: str = "127.0.0.1"
    port: int = Field(default=8750, ge=0, le=65535)  # 0 picks a free port (tests)
    public_url: str | None = Field(default=None, pattern=r"^https?://")
    max_message_bytes: int = Field(default=65536, ge=1024, le=1024 * 1024)
    rate_limit_per_s: float = Field(default=20.0, gt=0)
    rate_limit_burst: int = Field(default=40, ge=1)
    hello_timeout_s: Seconds = 10.0
    kiosk_heartbeat_interval_s: Seconds = 10.0
    kiosk_health_interval_s: Seconds = 30.0
    adviser_heartbeat_interval_s: Seconds = 10.0
    tls_cert: Path | None = None
    tls_key: Path | None = None
    # Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (addresses or CIDR
    # networks); none by default, since anyone can write those headers (signaling.client_address).
    trusted_proxies: tuple[str, ...] = ()
    # Web pages on other origins that may call /api/ and open the WebSockets (signaling.origin).
    allowed_origins: tuple[str, ...] = ()

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, texts: tuple[str, ...]) -> tuple[str, ...]:
        parse_networks(texts)
        return texts

    @field_validator("allowed_origins")
    @classmethod
    def _origins(cls, texts: tuple[str, ...]) -> tuple[str, ...]:
        return parse_allowed_origins(texts)

    @model_validator(mode="after")
    def _tls_pair(self) -> ServerSettings:
        if (self.tls_cert is None) != (self.tls_key is None):
            raise ValueError("tls_key: tls_cert and tls_key must be set together")
        return self

    @property
    def tls(self) -> bool:
        """Whether the server serves HTTPS/WSS."""
        return self.tls_cert is not None and self.tls_key is not None


POSTGRES_URL_PREFIX = "postgresql+asyncpg://"


class DatabaseSettings(_Section):
    # The SQLite file when no url is set. Relative paths are relative to the working directory
    # of the server process.
    path: Path = Path("kiosklink.sqlite3")
    # PostgreSQL, for production (deploy/README.md §PostgreSQL):
    # postgresql+asyncpg://user:password@host:5432/kiosklink. Set, it wins over path. A
    # SecretStr keeps the password out of reprs and logs.
    url: SecretStr | None = None
    health_retention_days: int = Field(default=30, ge=1)
    # Wrap-up notes are deleted this many days after their call (docs/privacy.md); outcomes stay.
    note_retention_days: int = Field(default=30, ge=1)

    @field_validator("url")
    @classmethod
    def _postgres_url(cls, url: SecretStr | None) -> SecretStr | None:
        if url is not None and not url.get_secret_value().startswith(POSTGRES_URL_PREFIX):
            # Never echo the value: it may hold a password.
            raise ValueError(
                f"must start with {POSTGRES_URL_PREFIX} (PostgreSQL through asyncpg); "
                "for SQLite set database.path instead"
            )
        return url

    @property
    def target(self) -> str | Path:
        """What the store opens (signaling.store.Store.open): the URL when set, else the file."""
        return self.path if self.url is None else self.url.get_secret_value()


class AuthSettings(_Section):
    session_ttl_s: Seconds = 12 * 3600.0
    admin_session_ttl_s: Seconds = 3600.0
    # Sign-in throttling (signaling.throttle): failures counted over login_window_s; a limit
    # reached waits login_lockout_s. Per person (one account from one address), per account, and
    # per address counted in different accounts, so one person's typos never lock out colleagues.
    login_per_person: int = Field(default=5, ge=1)
    login_per_account: int = Field(default=20, ge=1)
    login_accounts_per_address: int = Field(default=20, ge=2)
    login_window_s: Seconds = 900.0
    login_lockout_s: Seconds = 300.0
    # An address the account signed in from within this many days is spared the account-wide
    # lock (still not the person's or the address's): a targeted account keeps working at its
    # usual desk. 0 turns this off.
    login_known_address_days: int = Field(default=30, ge=0, le=365)


class MetricsSettings(_Section):
    """Who may read GET /metrics: a bearer token from anywhere, or no token from allow_from."""

    # Prometheus sends it as "Authorization: Bearer <token>" (deploy/prometheus/prometheus.yml).
    token: SecretStr | None = None
    # Addresses or networks that need no token; an empty list asks everyone for the token.
    allow_from: tuple[str, ...] = ("127.0.0.0/8", "::1")

    @field_validator("allow_from")
    @classmethod
    def _networks(cls, texts: tuple[str, ...]) -> tuple[str, ...]:
        parse_networks(texts)
        return texts

    @field_validator("token")
    @classmethod
    def _long_enough(cls, token: SecretStr | None) -> SecretStr | None:
        text = token.get_secret_value() if token else ""
        if text.startswith("REPLACE_WITH"):
            raise ValueError("still the placeholder; use `openssl rand -hex 32`")
        if token is not None and len(text) < 16:
            raise ValueError("at least 16 characters; use `openssl rand -hex 32`")
        return token


class IceSettings(_Section):
    stun_url: str | None = Field(default=None, pattern=r"^stuns?:")
    turn_urls: tuple[Annotated[str, Field(pattern=r"^turns?:")], ...] = ()
    # A SecretStr keeps the shared secret out of reprs, logs and tracebacks.
    turn_secret: SecretStr | None = None
    turn_ttl_s: int = Field(default=3600, ge=60, le=7 * 24 * 3600)

    @model_validator(mode="after")
    def _turn_needs_secret(self) -> IceSettings:
        if self.turn_urls and not (self.turn_secret and self.turn_secret.get_secret_value()):
            raise ValueError("turn_secret: required when turn_urls is set (coturn use-auth-secret)")
        secret = self.turn_secret.get_secret_value() if self.turn_secret else ""
        if secret.startswith("REPLACE_WITH"):
            # deploy/'s examples ship a placeholder; running with it would hand out guessable
            # TURN credentials to anyone who read this repository.
            raise ValueError("turn_secret: still the placeholder; use `openssl rand -hex 32`")
        return self


class RoutingSettings(_Section):
    ring_timeout_s: Seconds = 20.0
    max_missed_offers: int = Field(default=2, ge=1)
    wrap_up_s: float = Field(default=60.0, ge=0)
    adviser_grace_s: float = Field(default=15.0, ge=0)
    caller_grace_s: float = Field(default=60.0, ge=0)
    heartbeat_timeout_s: Seconds = 30.0
    # After a side reports the other's media stalled (rtc.call: 3 s without video); docs §Faults.
    media_grace_s: float = Field(default=8.0, ge=0)
    handle_time_window: int = Field(default=50, ge=1)
    prior_handle_time_s: Seconds = 300.0
    # Steps are read straight into the router's EscalationStep: one definition, one check.
    escalation: tuple[EscalationStep, ...] = DEFAULT_ESCALATION
    # An invitation nobody accepted within this ends as unavailable/timeout (§Interpreter).
    interpreter_invitation_s: Seconds = 300.0

    @field_validator("escalation")
    @classmethod
    def _ordered(cls, steps: tuple[EscalationStep, ...]) -> tuple[EscalationStep, ...]:
        # Escalation only ever loosens; the router relies on it (signaling.routing.vocabulary).
        problem = escalation_problem(steps)
        if problem is not None:
            raise ValueError(problem)
        return steps


class _HoursSpec(_Section):
    """The shape signaling.hours.OpeningHours is built from; only used to check the raw dicts."""

    timezone: str = "Europe/Stockholm"
    weekly: dict[str, list[tuple[str, str]]] = Field(default_factory=dict)
    closed_dates: list[str] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {name!r}") from None
        return name

    @field_validator("weekly")
    @classmethod
    def _weekly(cls, weekly: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
        for day, spans in weekly.items():
            if day not in DAYS:
                raise ValueError(f"unknown day {day!r}; use {', '.join(DAYS)}")
            for start, end in spans:
                for clock in (start, end):
                    if not _CLOCK.match(clock) or clock > "24:00":
                        raise ValueError(f"{day}: {clock!r} is not HH:MM")
                if start >= end:
                    raise ValueError(f"{day}: {start}-{end} does not end after it starts")
        return weekly

    @field_validator("closed_dates")
    @classmethod
    def _dates(cls, dates: list[str]) -> list[str]:
        for text in dates:
            try:
                date.fromisoformat(text)
            except ValueError:
                raise ValueError(f"{text!r} is not a YYYY-MM-DD date") from None
        return dates


DEFAULT_LANGUAGES = ("sv", "en", "ar", "fa", "so", "ti", "uk", "fi")
DEFAULT_TOPICS = ("letter", "application", "housing", "work", "health", "other")
DEFAULT_OUTCOMES = ("resolved", "referred", "follow_up", "no_show", "other")


class ServiceSettings(_Section):
    languages: tuple[Code, ...] = Field(default=DEFAULT_LANGUAGES, min_length=1)
    topics: tuple[Code, ...] = DEFAULT_TOPICS
    outcomes: tuple[Code, ...] = Field(default=DEFAULT_OUTCOMES, min_length=1)
    idle_timeout_s: Seconds = 90.0
    # language (or "default") -> {"timezone", "weekly", "closed_dates"}; absent means always open.
    # Kept as plain dicts: the server builds signaling.hours.OpeningHours from them.
    hours: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @field_validator("languages", "topics", "outcomes")
    @classmethod
    def _unique(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(codes)) != len(codes):
            raise ValueError("holds the same code twice")
        return codes

    @field_validator("hours")
    @classmethod
    def _hours(
        cls, hours: dict[str, dict[str, Any]], info: ValidationInfo
    ) -> dict[str, dict[str, Any]]:
        languages = info.data.get("languages", ())
        checked: dict[str, dict[str, Any]] = {}
        for key, spec in hours.items():
            if key != "default" and key not in languages:
                raise ValueError(f"{key!r} is neither 'default' nor one of service.languages")
            try:
                parsed = _HoursSpec.model_validate(spec)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                message = first["msg"].removeprefix("Value error, ")
                raise ValueError(f"{key}.{where}: {message}") from None
            # Normalised: defaults filled in, spans as [start, end] lists.
            checked[key] = parsed.model_dump(mode="json")
        return checked


class PrivacySettings(_Section):
    # Word beginnings that make a wrap-up note refused as health data (signaling.privacy).
    health_terms: tuple[Annotated[str, Field(min_length=2, max_length=40)], ...] = (
        DEFAULT_HEALTH_TERMS
    )


class ReportsSettings(_Section):
    """Reports for service managers (signaling.reports, docs/reports.md)."""

    # District name -> the sites in it, e.g. {"Järva" = ["Rinkeby bibliotek", "Tensta träff"]}.
    # A site belongs to one district at most; sites in none are reported as district "(none)".
    districts: dict[
        Annotated[str, Field(min_length=1, max_length=200)],
        tuple[Annotated[str, Field(min_length=1, max_length=200)], ...],
    ] = Field(default_factory=dict)
    # Any figure based on fewer calls than this is shown as "<min_cell" (small-cell suppression).
    min_cell: int = Field(default=5, ge=2, le=100)

    @field_validator("districts")
    @classmethod
    def _one_district_per_site(
        cls, districts: dict[str, tuple[str, ...]]
    ) -> dict[str, tuple[str, ...]]:
        seen: dict[str, str] = {}
        for district, sites in districts.items():
            for site in sites:
                if site in seen:
                    raise ValueError(f"site {site!r} is in both {seen[site]!r} and {district!r}")
                seen[site] = district
        return districts


class BookingSettings(_Section):
    """Booked times and tickets (docs/booking.md §Settings)."""

    check_in_before_s: float = Field(default=900.0, ge=0)
    check_in_after_s: float = Field(default=600.0, ge=0)
    late_grace_s: float = Field(default=3600.0, ge=0)
    reserved_wait_s: float = Field(default=300.0, ge=0)
    booked_credit_s: float = Field(default=600.0, ge=0)
    ticket_valid_s: Seconds | None = None  # None: until the end of the local day
    book_lead_s: float = Field(default=1800.0, ge=0)
    horizon_days: int = Field(default=14, ge=1, le=366)
    bookings_per_kiosk: int = Field(default=6, ge=1)
    guesses_per_kiosk: int = Field(default=5, ge=1)
    guesses_global: int = Field(default=100, ge=1)
    guess_window_s: Seconds = 600.0
    # HMAC key for code hashes; set it in the environment so the database alone cannot test codes.
    code_secret: SecretStr | None = None

    @field_validator("code_secret")
    @classmethod
    def _a_real_secret(cls, secret: SecretStr | None) -> SecretStr | None:
        return MetricsSettings._long_enough(secret)  # the same rule as the metrics token


class Settings(_Section):
    """Everything the server needs to know, validated. Build it with :func:`load_settings`."""

    server: ServerSettings = Field(default_factory=ServerSettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    ice: IceSettings = Field(default_factory=IceSettings)
    routing: RoutingSettings = Field(default_factory=RoutingSettings)
    service: ServiceSettings = Field(default_factory=ServiceSettings)
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    metrics: MetricsSettings = Field(default_factory=MetricsSettings)
    reports: ReportsSettings = Field(default_factory=ReportsSettings)
    booking: BookingSettings = Field(default_factory=BookingSettings)
    # The file these settings came from, for log lines and `kiosklink check`; None for defaults.
    source: Path | None = None


SECTIONS: dict[str, type[_Section]] = {
    "server": ServerSettings,
    "database": DatabaseSettings,
    "auth": AuthSettings,
    "ice": IceSettings,
    "routing": RoutingSettings,
    "service": ServiceSettings,
    "privacy": PrivacySettings,
    "metrics": MetricsSettings,
    "reports": ReportsSettings,
    "booking": BookingSettings,
}


def load_settings(path: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Read ``path`` (TOML) and the environment, validate, and return frozen settings.

    ``path=None`` uses ``$KIOSKLINK_CONFIG`` when set, otherwise no file (defaults). ``env``
    defaults to ``os.environ``, read at call time. Raises ConfigError naming the offending key.
    """
    env = os.environ if env is None else env
    if path is None and env.get(CONFIG_PATH_ENV):
        path = Path(env[CONFIG_PATH_ENV])
    data = _read_toml(path) if path is not None else {}
    origins: dict[tuple[str, str], str] = {}
    for (section, key), (var, raw) in _env_overrides(env).items():
        data.setdefault(section, {})[key] = _env_value(SECTIONS[section], key, raw, var)
        origins[(section, key)] = var
    if path is not None:
        data["source"] = path
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise _config_error(exc, origins) from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such settings file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    for name, value in data.items():
        if name not in SECTIONS:
            raise ConfigError(f"{name}: unknown section; known: {', '.join(SECTIONS)}")
        if not isinstance(value, dict):
            raise ConfigError(f"{name}: must be a [{name}] table")
    return data


def _env_overrides(env: Mapping[str, str]) -> dict[tuple[str, str], tuple[str, str]]:
    """Map ``KIOSKLINK_SECTION_KEY`` variables to ``(section, key)``; unknown keys are errors."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for var in sorted(env):
        if not var.startswith(ENV_PREFIX) or var == CONFIG_PATH_ENV:
            continue
        rest = var[len(ENV_PREFIX) :].lower()
        section, _, key = rest.partition("_")
        if section == "turn":  # KIOSKLINK_TURN_SECRET -> ice.turn_secret
            section, key = "ice", rest
        if section not in SECTIONS:
            continue  # another program's variable (the kiosk app has its own settings)
        if key not in SECTIONS[section].model_fields:
            raise ConfigError(f"{section}.{key}: unknown setting (from environment {var})")
        found[(section, key)] = (var, env[var])
    return found


def _env_value(model: type[_Section], key: str, raw: str, var: str) -> Any:
    """Turn an environment string into what the TOML file would have held."""
    annotation = str(model.model_fields[key].annotation)
    text = raw.strip()
    if text == "" and "None" in annotation:
        return None
    if text[:1] in "[{":
        try:
            return json.loads(text)
        except ValueError as exc:
            raise ConfigError(f"{model_key(model, key)}: {var} is not valid JSON: {exc}") from None
    if annotation.startswith("tuple"):
        return [word.strip() for word in text.split(",") if word.strip()]
    return text


def model_key(model: type[_Section], key: str) -> str:
    section = next(name for name, cls in SECTIONS.items() if cls is model)
    return f"{section}.{key}"


def _config_error(exc: ValidationError, origins: Mapping[tuple[str, str], str]) -> ConfigError:
    first = exc.errors()[0]
    loc = [str(p) for p in first["loc"]]
    message = first["msg"].removeprefix("Value error, ")
    # Cross-field checks run on a whole section; their message starts with the key they blame.
    blamed = re.match(r"^(\w+): ", message)
    if len(loc) == 1 and blamed and blamed[1] in SECTIONS.get(loc[0], Settings).model_fields:
        loc.append(blamed[1])
        message = message[blamed.end() :]
    where = ".".join(loc) or "settings"
    origin = origins.get((loc[0], loc[1])) if len(loc) >= 2 else None
    suffix = f" (from environment {origin})" if origin else ""
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return ConfigError(f"{where}: {message}{suffix}{more}")
