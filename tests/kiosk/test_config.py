"""Kiosk settings from TOML, environment and flags; the PIN hash; the reach zone."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kiosk.config import KioskSettings, check_pin, hash_pin, load_settings, reach_top_ratio
from kiosk.main import main
from signaling.errors import ConfigError


def test_precedence_file_then_environment_then_flags(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[kiosk]\nserver_url = "wss://a.example/ws/kiosk"\ntoken = "file"\nidle_timeout_s = 120\n'
        'welcome_languages = ["sv", "ar"]\nfullscreen = false\n',
        encoding="utf-8",
    )
    env = {"KIOSKLINK_KIOSK_TOKEN": "env", "KIOSKLINK_KIOSK_CAMERA": "/dev/video2"}
    settings = load_settings(path, env=env, overrides={"token": "flag", "server_url": None})
    assert settings.server_url == "wss://a.example/ws/kiosk"
    assert settings.token == "flag"
    assert settings.camera == "/dev/video2"
    assert settings.idle_timeout_s == 120.0
    assert settings.welcome_languages == ("sv", "ar")
    assert settings.fullscreen is False


def test_config_path_from_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "k.toml"
    path.write_text('token = "t"\n', encoding="utf-8")
    assert load_settings(env={"KIOSKLINK_KIOSK_CONFIG": str(path)}).token == "t"


@pytest.mark.parametrize(
    "text",
    [
        "nonsense = 1\n",
        "idle_warning_s = 10\n",
        'server_url = "http://x"\n',
        "idle_timeout_s = [\n",
    ],
)
def test_bad_settings_name_the_problem(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(path)


def test_pin_hash_round_trip() -> None:
    pin_hash = hash_pin("482913")
    assert check_pin("482913", pin_hash)
    assert not check_pin("000000", pin_hash)
    assert not check_pin("482913", "")  # no hash: the service exit is off
    with pytest.raises(ConfigError):
        hash_pin("12")


def test_reach_zone_puts_controls_below_the_reachable_top() -> None:
    # A 1000 mm tall screen from 700 mm: the top 480 mm lie above 1220 mm.
    settings = KioskSettings(screen_bottom_mm=700, screen_height_mm=1000)
    assert reach_top_ratio(settings, 0) == pytest.approx(0.48)
    low = KioskSettings(screen_bottom_mm=400, screen_height_mm=600)
    assert reach_top_ratio(low, 0) == 0.0
    assert reach_top_ratio(KioskSettings(), 0) == 0.0  # size unknown


def test_main_refuses_to_start_without_a_token(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--server", "ws://127.0.0.1:1/ws/kiosk"]) == 2
    assert "no token" in capsys.readouterr().err


def test_main_hashes_a_pin_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    assert main(["--hash-pin"]) == 0
    assert check_pin("2468", capsys.readouterr().out.strip())


def test_the_booking_zone_must_be_a_known_time_zone() -> None:
    assert KioskSettings(timezone="Europe/Helsinki").timezone == "Europe/Helsinki"
    with pytest.raises(ConfigError, match="time zone"):
        KioskSettings(timezone="Mars/Olympus_Mons")


def test_a_document_camera_is_set_in_the_file_or_the_environment(tmp_path: Path) -> None:
    assert KioskSettings().document_camera == ""  # none: the still comes from the call camera
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\ndocument_camera = "/dev/video2"\n', encoding="utf-8")
    assert load_settings(path).document_camera == "/dev/video2"
    env = {"KIOSKLINK_KIOSK_DOCUMENT_CAMERA": "1"}
    assert load_settings(path, env=env).document_camera == "1"
