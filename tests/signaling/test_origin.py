"""Which pages may talk to the server (signaling.origin), pure."""

from __future__ import annotations

import pytest

from signaling.config import load_settings
from signaling.errors import ConfigError
from signaling.origin import OriginPolicy, origin_of, parse_allowed_origins

OWN = {"https://kiosk.example.se"}
POLICY = OriginPolicy(frozenset({"https://portal.example.se"}))


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("HTTPS://Kiosk.Example.se:443/admin/?x=1", "https://kiosk.example.se"),
        ("http://127.0.0.1:8750", "http://127.0.0.1:8750"),
        ("http://[::1]:80/x", "http://[::1]"),
        ("null", None),
        ("file:///home/x.html", None),
        ("https://x:99999", None),
        ("", None),
    ],
)
def test_origin_of(url: str, origin: str | None) -> None:
    assert origin_of(url) == origin


def test_no_origin_means_no_browser_and_passes() -> None:
    assert POLICY.judge(origin=None, referer=None, by_cookie=False, own=OWN) == ("no_origin", None)
    assert POLICY.judge(origin=None, referer=None, by_cookie=True, own=OWN)[0] == "no_origin"


def test_own_and_allowed_origins_pass_others_are_refused() -> None:
    def judge(origin: str) -> str:
        return POLICY.judge(origin=origin, referer=None, by_cookie=False, own=OWN)[0]

    assert judge("https://kiosk.example.se") == "own"
    assert judge("https://portal.example.se") == "allowed"
    assert judge("https://evil.example") == "refused"
    assert judge("http://kiosk.example.se") == "refused", "another scheme is another origin"
    assert judge("null") == "refused"


def test_a_cookie_without_origin_is_judged_by_its_referer() -> None:
    def judge(referer: str, by_cookie: bool) -> str:
        return POLICY.judge(origin=None, referer=referer, by_cookie=by_cookie, own=OWN)[0]

    assert judge("https://evil.example/page", by_cookie=True) == "refused"
    assert judge("https://kiosk.example.se/admin/", by_cookie=True) == "own"
    assert judge("https://evil.example/page", by_cookie=False) == "no_origin"


def test_preflight_only_for_api_routes_allowed_origins_and_routed_methods() -> None:
    headers = POLICY.preflight("/api/login", "https://portal.example.se", {"POST"}, "POST")
    assert headers is not None
    assert headers["Access-Control-Allow-Origin"] == "https://portal.example.se"
    assert headers["Access-Control-Allow-Methods"] == "POST"
    assert "Authorization" in headers["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in headers
    assert POLICY.preflight("/api/login", "https://evil.example", {"POST"}, "POST") is None
    assert POLICY.preflight("/api/login", "https://portal.example.se", {"POST"}, "PUT") is None
    assert (
        POLICY.preflight("/admin/api/login", "https://portal.example.se", {"POST"}, "POST") is None
    )


@pytest.mark.parametrize(
    "bad",
    ["*", "null", "https://portal.example.se/app", "portal.example.se", "https://u@p.example.se"],
)
def test_allowed_origins_must_be_origins(bad: str) -> None:
    with pytest.raises(ValueError, match="is not an origin"):
        parse_allowed_origins([bad])
    assert parse_allowed_origins(["HTTPS://Portal.example.se/", "https://p.example.se:443"]) == (
        "https://portal.example.se",
        "https://p.example.se",
    )


def test_settings_name_a_bad_origin_or_proxy_and_read_lists_from_the_environment() -> None:
    settings = load_settings(
        env={
            "KIOSKLINK_SERVER_ALLOWED_ORIGINS": "https://Portal.example.se,http://127.0.0.1:8080",
            "KIOSKLINK_SERVER_TRUSTED_PROXIES": '["127.0.0.1", "10.0.0.0/8"]',
            "KIOSKLINK_AUTH_LOGIN_PER_PERSON": "3",
        }
    )
    assert settings.server.allowed_origins == ("https://portal.example.se", "http://127.0.0.1:8080")
    assert settings.server.trusted_proxies == ("127.0.0.1", "10.0.0.0/8")
    assert settings.auth.login_per_person == 3
    with pytest.raises(ConfigError, match=r"^server\.allowed_origins: .*'\*'"):
        load_settings(env={"KIOSKLINK_SERVER_ALLOWED_ORIGINS": "*"})
    with pytest.raises(ConfigError, match=r"^server\.trusted_proxies: .*'office'"):
        load_settings(env={"KIOSKLINK_SERVER_TRUSTED_PROXIES": "127.0.0.1,office"})
    with pytest.raises(ConfigError, match=r"^auth\.login_per_person: "):
        load_settings(env={"KIOSKLINK_AUTH_LOGIN_PER_PERSON": "0"})
