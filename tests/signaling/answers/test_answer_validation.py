"""signaling.answers.validation: plain text only, https links with a host, known languages."""

from __future__ import annotations

import pytest

from signaling.answers.validation import (
    MAX_TITLE_CHARS,
    InvalidAnswer,
    check_language,
    check_link,
    check_phone,
    check_plain_text,
)

STAFFED = ["prs", "ckb", "kmr", "se", "ti", "am", "so", "sv", "en", "ar", "fa", "uk", "fi"]


@pytest.mark.parametrize("code", STAFFED)
def test_the_languages_the_service_staffs_are_known(code: str) -> None:
    assert check_language(code) == code


@pytest.mark.parametrize("code", ["xx", "klingon", "", "SV", "sv_SE", "en-", "ar;"])
def test_made_up_codes_are_refused_by_name(code: str) -> None:
    with pytest.raises(InvalidAnswer, match="unknown language code"):
        check_language(code)


def test_a_configured_language_passes_though_cldr_lacks_it() -> None:
    assert check_language("xx", configured=("sv", "xx")) == "xx"


@pytest.mark.parametrize(
    "text",
    [
        "Mån–fre 8–16",
        "Svar inom < 5 minuter, ofta > 2",
        "ستجد القرار على صفحاتي",
        "ቅጥዒ መመልከቲ",
        "e-post: info@kommun.se, telefon 08-123 45",
        "Rad ett\nRad två",
    ],
)
def test_plain_text_in_any_script_passes(text: str) -> None:
    assert check_plain_text(text, "body", max_chars=200) == text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Klicka <a href='x'>här</a>", "HTML tag"),
        ("<script>alert(1)</script>", "HTML tag"),
        ("Hej <!-- dolt -->", "HTML tag"),
        ("<img src=x onerror=alert(1)", "HTML tag"),
        ("Gå till javascript:alert(1)", "script link"),
        ("JavaScript :void(0)", "script link"),
        ("data:text/html;base64,AAAA", "script link"),
        ("Tom &amp; Jerry", "HTML entity"),
        ("Se [sidan](https://example.se)", "Markdown link"),
        ("dold\x00text", "control character"),
        ("bidi\x1btext", "control character"),
    ],
)
def test_markup_and_scripts_are_refused_with_the_reason(text: str, kind: str) -> None:
    with pytest.raises(InvalidAnswer, match=kind) as refused:
        check_plain_text(text, "q:body", max_chars=200)
    assert "q:body" in str(refused.value)


def test_length_limits_and_empty_text() -> None:
    assert check_plain_text("x" * MAX_TITLE_CHARS, "title", max_chars=MAX_TITLE_CHARS)
    with pytest.raises(InvalidAnswer, match=f"at most {MAX_TITLE_CHARS}"):
        check_plain_text("x" * (MAX_TITLE_CHARS + 1), "title", max_chars=MAX_TITLE_CHARS)
    with pytest.raises(InvalidAnswer, match="empty"):
        check_plain_text("   ", "title", max_chars=10)
    assert check_plain_text("  ", "hours", max_chars=10, required=False) == ""


@pytest.mark.parametrize(
    "url", ["https://www.skatteverket.se/", "https://arbetsformedlingen.se/sok?q=1#a"]
)
def test_https_links_with_a_host_pass(url: str) -> None:
    assert check_link(url) == url


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://www.skatteverket.se/", "https://"),
        ("javascript:alert(1)", "https://"),
        ("ftp://files.example.se/", "https://"),
        ("www.skatteverket.se", "https://"),
        ("https://", "no host"),
        ("https:///path", "no host"),
        ("https://localhost/", "no host"),
        ("https://user:secret@bank.example.se/", "user name or password"),
        ("https://exa mple.se/", "space"),
        ("https://[::1/", "not a URL"),
    ],
)
def test_other_links_are_refused(url: str, reason: str) -> None:
    with pytest.raises(InvalidAnswer, match=reason):
        check_link(url)


def test_phone_numbers() -> None:
    assert check_phone("0771-524 524") == "0771-524 524"
    assert check_phone("+46 8 508 00 000") == "+46 8 508 00 000"
    for bad in ("call us", "12", "0771<b>", "+46 8 508 00 000 000 000 0000"):
        with pytest.raises(InvalidAnswer, match="phone"):
            check_phone(bad)
