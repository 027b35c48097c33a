"""``[booking]`` settings: the code secret must be a real one (docs/booking.md §Codes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from signaling.booking import codes
from signaling.booking_desk import BookingDesk
from signaling.config import load_settings
from signaling.errors import ConfigError
from signaling.store import Store

SECRETS_EXAMPLE = Path(__file__).resolve().parents[3] / "deploy" / "systemd" / "secrets.env.example"


@pytest.mark.parametrize(
    ("value", "why"),
    [("REPLACE_WITH_OUTPUT_OF_openssl_rand_hex_32", "placeholder"), ("short", "16 characters")],
)
def test_a_placeholder_or_short_code_secret_is_refused(value: str, why: str) -> None:
    with pytest.raises(ConfigError, match=why) as refused:
        load_settings(env={"KIOSKLINK_BOOKING_CODE_SECRET": value})
    assert str(refused.value).startswith("booking.code_secret")


def test_a_real_secret_is_kept_secret() -> None:
    settings = load_settings(env={"KIOSKLINK_BOOKING_CODE_SECRET": "9f" * 16})
    assert settings.booking.code_secret is not None
    assert settings.booking.code_secret.get_secret_value() == "9f" * 16
    assert "9f9f" not in repr(settings.booking)


def test_the_deploy_example_names_the_variable() -> None:
    lines = SECRETS_EXAMPLE.read_text().splitlines()
    assert "KIOSKLINK_BOOKING_CODE_SECRET=REPLACE_WITH_OUTPUT_OF_openssl_rand_hex_32" in lines


async def test_codes_are_hashed_with_the_configured_secret_else_the_databases(
    tmp_path: Path,
) -> None:
    configured = load_settings(
        env={
            "KIOSKLINK_BOOKING_CODE_SECRET": "9f" * 16,
            "KIOSKLINK_DATABASE_PATH": str(tmp_path / "k.sqlite3"),
        }
    )
    store = await Store.open(configured.database.path)
    try:
        with_secret = await BookingDesk(configured, store).hash_of("K7M4QX2P")
        assert with_secret == codes.code_hash(("9f" * 16).encode(), "K7M4QX2P")
        unset = configured.model_copy(
            update={"booking": configured.booking.model_copy(update={"code_secret": None})}
        )
        from_db = await BookingDesk(unset, store).hash_of("K7M4QX2P")
        assert from_db == codes.code_hash(await store.bookings.secret(), "K7M4QX2P")
        assert from_db != with_secret
    finally:
        await store.close()
