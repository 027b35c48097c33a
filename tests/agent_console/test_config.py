from pathlib import Path

import pytest

from agent_console.config import ConsoleConfig, load_config, signaling_url
from signaling.errors import ConfigError


def test_defaults() -> None:
    assert load_config(None, {}) == ConsoleConfig()


def test_file_then_environment_then_option(tmp_path: Path) -> None:
    path = tmp_path / "console.toml"
    path.write_text(
        '[console]\nserver_url = "https://a.example"\nui_language = "en"\nring = "beep"\n'
        'camera = 1\nmicrophone = "USB"\n'
    )
    config = load_config(path, {})
    assert (config.server_url, config.ui_language, config.ring) == (
        "https://a.example",
        "en",
        "beep",
    )
    assert (config.camera, config.microphone) == (1, "USB")
    env = {"KIOSKLINK_CONSOLE_SERVER": "https://b.example", "KIOSKLINK_CONSOLE_LANGUAGE": "sv"}
    config = load_config(path, env)
    assert (config.server_url, config.ui_language) == ("https://b.example", "sv")
    assert load_config(path, env, server="http://c.example:8080/").server_url == (
        "http://c.example:8080"
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('ring = "loud"', "console.ring"),
        ('ui_language = "de"', "console.ui_language"),
        ("ring_volume = 3", "console.ring_volume"),
        ('server_url = "ftp://x"', "server_url"),
        ("colour = 1", "console.colour"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "console.toml"
    path.write_text(f"[console]\n{text}\n")
    with pytest.raises(ConfigError, match=key):
        load_config(path, {})


def test_signaling_url() -> None:
    assert signaling_url("http://127.0.0.1:8080") == "ws://127.0.0.1:8080/ws/adviser"
    assert signaling_url("https://k.example/") == "wss://k.example/ws/adviser"


def test_queue_alert_threshold_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "console.toml"
    path.write_text("[console]\nqueue_alert_after_s = 180\n")
    assert load_config(path, {}).queue_alert_after_s == 180.0
    assert load_config(None, {}).queue_alert_after_s == 300.0
    for bad in ("0", "-5", '"soon"', "true"):
        path.write_text(f"[console]\nqueue_alert_after_s = {bad}\n")
        with pytest.raises(ConfigError, match="queue_alert_after_s"):
            load_config(path, {})
