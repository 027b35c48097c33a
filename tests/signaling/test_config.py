"""Settings: defaults, TOML, environment overrides, and errors that name the key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from signaling.config import Settings, load_settings
from signaling.errors import ConfigError

EXAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "kiosklink.example.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosklink.toml"
    path.write_text(text, encoding="utf-8")
    return path


def names(message: str, key: str) -> bool:
    """Whether the error message starts with ``key`` or a path inside it (``key.0.min_level``)."""
    return re.match(rf"{re.escape(key)}[.:]", message) is not None


def test_no_file_no_environment_gives_safe_defaults() -> None:
    settings = load_settings(env={})
    assert settings.server.host == "127.0.0.1"
    assert settings.server.port == 8750
    assert settings.server.tls is False
    assert settings.database.path == Path("kiosklink.sqlite3")
    assert settings.auth.session_ttl_s == 12 * 3600
    assert settings.ice.turn_urls == ()
    assert settings.ice.turn_secret is None
    assert settings.routing.escalation[0].after_s == 0
    assert [s.min_level for s in settings.routing.escalation] == ["fluent", "basic", "basic"]
    assert "ti" in settings.service.languages
    assert settings.service.hours == {}
    assert settings.source is None


def test_the_example_file_loads_and_documents_the_defaults() -> None:
    example = load_settings(EXAMPLE, env={})
    assert example.source == EXAMPLE
    assert example.model_dump(exclude={"source"}) == Settings().model_dump(exclude={"source"})


def test_values_come_from_the_toml_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        [server]
        host = "0.0.0.0"
        port = 9000
        public_url = "https://kiosk.example.se"
        [database]
        path = "/var/lib/kiosklink/db.sqlite3"
        [ice]
        stun_url = "stun:turn.example.se:3478"
        turn_urls = ["turn:turn.example.se:3478"]
        turn_secret = "s3cret"
        [routing]
        escalation = [{ after_s = 0, min_level = "native" }, { after_s = 60, min_level = "basic" }]
        [service]
        languages = ["sv", "ti"]
        [service.hours.ti]
        weekly = { tue = [["09:00", "12:00"]] }
        closed_dates = ["2026-12-24"]
        """,
    )
    settings = load_settings(path, env={})
    assert (settings.server.host, settings.server.port) == ("0.0.0.0", 9000)
    assert settings.database.path == Path("/var/lib/kiosklink/db.sqlite3")
    assert settings.ice.turn_secret is not None
    assert settings.ice.turn_secret.get_secret_value() == "s3cret"
    assert settings.routing.escalation[1].min_level == "basic"
    assert settings.service.languages == ("sv", "ti")
    assert settings.service.hours == {
        "ti": {
            "timezone": "Europe/Stockholm",
            "weekly": {"tue": [["09:00", "12:00"]]},
            "closed_dates": ["2026-12-24"],
        }
    }


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[server]\nport = 9000\nhost = '0.0.0.0'\n")
    env = {
        "KIOSKLINK_SERVER_PORT": "9100",
        "KIOSKLINK_DATABASE_PATH": str(tmp_path / "db.sqlite3"),
        "KIOSKLINK_TURN_SECRET": "from-env",
        "KIOSKLINK_ICE_TURN_URLS": "turn:a.example:3478, turns:a.example:443",
        "KIOSKLINK_SERVICE_LANGUAGES": '["sv", "en"]',
        "KIOSKLINK_SERVICE_HOURS": json.dumps(
            {"default": {"weekly": {"mon": [["08:00", "12:00"]]}}}
        ),
        "KIOSKLINK_SERVER_PUBLIC_URL": "",
    }
    settings = load_settings(path, env=env)
    assert settings.server.port == 9100
    assert settings.server.host == "0.0.0.0"  # from the file, not overridden
    assert settings.database.path == tmp_path / "db.sqlite3"
    assert settings.ice.turn_secret is not None
    assert settings.ice.turn_secret.get_secret_value() == "from-env"
    assert settings.ice.turn_urls == ("turn:a.example:3478", "turns:a.example:443")
    assert settings.service.languages == ("sv", "en")
    assert settings.service.hours["default"]["weekly"] == {"mon": [["08:00", "12:00"]]}
    assert settings.server.public_url is None


def test_the_process_environment_is_read_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSKLINK_SERVER_PORT", "9200")
    assert load_settings().server.port == 9200
    monkeypatch.setenv("KIOSKLINK_SERVER_PORT", "9201")
    assert load_settings().server.port == 9201


def test_kiosklink_config_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[server]\nport = 9300\n")
    settings = load_settings(env={"KIOSKLINK_CONFIG": str(path)})
    assert settings.server.port == 9300
    assert settings.source == path


def test_variables_of_other_programs_are_left_alone() -> None:
    settings = load_settings(env={"KIOSKLINK_KIOSK_SERVER_URL": "ws://x", "KIOSKLINKER": "1"})
    assert settings == load_settings(env={})


def test_settings_are_frozen_and_hide_the_turn_secret() -> None:
    settings = load_settings(
        env={"KIOSKLINK_TURN_SECRET": "hunter2-secret", "KIOSKLINK_ICE_TURN_URLS": "turn:t:3478"}
    )
    with pytest.raises(ValidationError):
        settings.server.port = 1  # type: ignore[misc]
    assert "hunter2-secret" not in repr(settings)
    assert "hunter2-secret" not in str(settings.model_dump())


BAD_ENV = [
    ({"KIOSKLINK_SERVER_PORT": "abc"}, "server.port", "KIOSKLINK_SERVER_PORT"),
    ({"KIOSKLINK_SERVER_PORT": "70000"}, "server.port", "KIOSKLINK_SERVER_PORT"),
    ({"KIOSKLINK_SERVER_RATE_LIMIT_PER_S": "0"}, "server.rate_limit_per_s", ""),
    ({"KIOSKLINK_SERVER_BOGUS": "1"}, "server.bogus", "KIOSKLINK_SERVER_BOGUS"),
    ({"KIOSKLINK_ICE_TURN_URLS": "turn:t.example:3478"}, "ice.turn_secret", ""),
    ({"KIOSKLINK_ICE_STUN_URL": "http://t.example"}, "ice.stun_url", ""),
    ({"KIOSKLINK_ICE_TURN_URLS": "[not json"}, "ice.turn_urls", "KIOSKLINK_ICE_TURN_URLS"),
    ({"KIOSKLINK_SERVER_TLS_CERT": "/etc/cert.pem"}, "server.tls_key", ""),
    ({"KIOSKLINK_SERVICE_LANGUAGES": "sv,en,sv"}, "service.languages", ""),
    ({"KIOSKLINK_SERVICE_LANGUAGES": "sv,en us"}, "service.languages", ""),
    ({"KIOSKLINK_AUTH_SESSION_TTL_S": "-5"}, "auth.session_ttl_s", ""),
    ({"KIOSKLINK_DATABASE_HEALTH_RETENTION_DAYS": "0"}, "database.health_retention_days", ""),
]


@pytest.mark.parametrize(("env", "key", "var"), BAD_ENV)
def test_invalid_environment_values_name_the_key(env: dict[str, str], key: str, var: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env=env)
    assert names(str(caught.value), key)
    assert var in str(caught.value)


ESCALATION = "routing.escalation"
HOURS = "service.hours"
BAD_TOML = [
    ("[server]\nbogus = 1\n", "server.bogus"),
    ("[nosuch]\nx = 1\n", "nosuch"),
    ("server = 5\n", "server"),
    ("[routing]\nescalation = [{ after_s = 10, min_level = 'basic' }]\n", ESCALATION),
    ("[routing]\nescalation = []\n", ESCALATION),
    (
        "[routing]\nescalation = [{ after_s = 0, min_level = 'basic' },"
        " { after_s = 60, min_level = 'native' }]\n",
        ESCALATION,
    ),
    (
        "[routing]\nescalation = [{ after_s = 0, min_level = 'basic', include_fallbacks = true },"
        " { after_s = 60, min_level = 'basic' }]\n",
        ESCALATION,
    ),
    ("[routing]\nescalation = [{ after_s = 0, min_level = 'good' }]\n", ESCALATION),
    ("[routing]\nring_timeout_s = 0\n", "routing.ring_timeout_s"),
    ("[service.hours.xx]\nweekly = {}\n", HOURS),
    ("[service.hours.default]\nweekly = { monday = [['09:00', '16:00']] }\n", HOURS),
    ("[service.hours.default]\nweekly = { mon = [['16:00', '09:00']] }\n", HOURS),
    ("[service.hours.default]\nweekly = { mon = [['9', '16:00']] }\n", HOURS),
    ("[service.hours.default]\ntimezone = 'Mars/Olympus'\n", HOURS),
    ("[service.hours.default]\nclosed_dates = ['2026-13-40']\n", HOURS),
    ("[service.hours.default]\nopen = true\n", HOURS),
]


@pytest.mark.parametrize(("text", "key"), BAD_TOML)
def test_invalid_file_values_name_the_key(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, text), env={})
    assert names(str(caught.value), key)


def test_a_file_that_is_not_toml_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path, "[server\nport = ")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(path, env={})


def test_a_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such settings file"):
        load_settings(tmp_path / "absent.toml", env={})


@given(st.integers(min_value=-100_000, max_value=200_000))
def test_any_port_either_loads_as_given_or_is_refused_by_name(port: int) -> None:
    try:
        settings = load_settings(env={"KIOSKLINK_SERVER_PORT": str(port)})
    except ConfigError as exc:
        assert not 0 <= port <= 65535
        assert str(exc).startswith("server.port:")
    else:
        assert settings.server.port == port


def test_placeholder_turn_secret_is_refused() -> None:
    turn = {"KIOSKLINK_ICE_TURN_URLS": "turn:turn.example.org:3478"}
    placeholder = "REPLACE_WITH_OUTPUT_OF_openssl_rand_hex_32"
    with pytest.raises(ConfigError, match="placeholder"):
        load_settings(None, env={**turn, "KIOSKLINK_ICE_TURN_SECRET": placeholder})
    good = load_settings(None, env={**turn, "KIOSKLINK_ICE_TURN_SECRET": "a" * 64})
    assert good.ice.turn_secret is not None


def test_note_retention_and_health_terms_are_settings() -> None:
    settings = load_settings(
        None,
        env={
            "KIOSKLINK_DATABASE_NOTE_RETENTION_DAYS": "14",
            "KIOSKLINK_PRIVACY_HEALTH_TERMS": "astma, diabet",
        },
    )
    assert settings.database.note_retention_days == 14
    assert settings.privacy.health_terms == ("astma", "diabet")
    with pytest.raises(ConfigError, match=r"database\.note_retention_days"):
        load_settings(None, env={"KIOSKLINK_DATABASE_NOTE_RETENTION_DAYS": "0"})


def test_a_postgresql_url_from_the_environment_wins_over_the_file_and_stays_secret() -> None:
    url = "postgresql+asyncpg://kiosklink:s3cret-pw@127.0.0.1:5432/kiosklink"
    settings = load_settings(env={"KIOSKLINK_DATABASE_URL": url})
    assert settings.database.target == url
    assert "s3cret-pw" not in repr(settings)
    assert load_settings(env={}).database.target == Path("kiosklink.sqlite3")


def test_a_database_url_of_another_kind_is_refused_without_echoing_it() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"KIOSKLINK_DATABASE_URL": "mysql://root:s3cret-pw@db/kiosklink"})
    message = str(caught.value)
    assert message.startswith("database.url: must start with postgresql+asyncpg://")
    assert "KIOSKLINK_DATABASE_URL" in message and "s3cret-pw" not in message
