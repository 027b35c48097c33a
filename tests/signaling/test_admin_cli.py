"""``kiosklink admin``: in-process through run_admin, and once as a real subprocess.

These tests are synchronous on purpose: run_admin owns its event loop (asyncio.run), as it does
when an operator types the command. Checks against the store run in their own asyncio.run.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import NamedTuple, TypeVar

import pytest
from argon2 import PasswordHasher

from signaling.admin_cli import add_admin_commands, run_admin
from signaling.config import Settings, load_settings
from signaling.store import Store

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "a long enough password"
T = TypeVar("T")


class Result(NamedTuple):
    code: int
    out: str
    err: str


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(env={"KIOSKLINK_DATABASE_PATH": str(tmp_path / "kiosklink.sqlite3")})


def parser() -> argparse.ArgumentParser:
    """The same wiring as kiosklink/cli.py: the commands under an ``admin`` parser."""
    top = argparse.ArgumentParser(prog="kiosklink admin")
    add_admin_commands(top.add_subparsers(dest="admin_command", required=True))
    return top


def admin(settings: Settings, *argv: str, stdin: str = "") -> Result:
    out, err = io.StringIO(), io.StringIO()
    args = parser().parse_args(argv)
    code = run_admin(args, settings, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return Result(code, out.getvalue(), err.getvalue())


def with_store(settings: Settings, action: Callable[[Store], Awaitable[T]]) -> T:
    async def run() -> T:
        store = await Store.open(settings.database.path, hasher=PasswordHasher())
        try:
            return await action(store)
        finally:
            await store.close()

    return asyncio.run(run())


def add_kiosk(settings: Settings, name: str = "Kiosk 1", site: str = "Library") -> str:
    result = admin(settings, "add-kiosk", "--name", name, "--site", site)
    assert result.code == 0, result.err
    return result.out.strip().splitlines()[-1]


def test_add_kiosk_prints_a_token_that_authenticates(settings: Settings) -> None:
    result = admin(settings, "add-kiosk", "--name", "Kiosk 1", "--site", "Library")
    assert result.code == 0
    *text, token = result.out.strip().splitlines()
    assert "Library" in " ".join(text)
    assert token.strip() == token and " " not in token
    kiosk = with_store(settings, lambda s: s.kiosk_by_token(token))
    assert kiosk is not None
    assert (kiosk.name, kiosk.site) == ("Kiosk 1", "Library")


def test_list_and_revoke_kiosks(settings: Settings) -> None:
    token = add_kiosk(settings)
    [listed] = json.loads(admin(settings, "list-kiosks", "--json").out)
    assert (listed["name"], listed["revoked"]) == ("Kiosk 1", False)
    assert listed["id"] in admin(settings, "list-kiosks").out
    assert token not in admin(settings, "list-kiosks", "--json").out

    result = admin(settings, "revoke-kiosk", listed["id"])
    assert result.code == 0
    assert with_store(settings, lambda s: s.kiosk_by_token(token)) is None
    assert "revoked" in admin(settings, "list-kiosks").out


def test_revoking_an_unknown_kiosk_fails_with_a_message(settings: Settings) -> None:
    result = admin(settings, "revoke-kiosk", "k_nope")
    assert result.code == 1
    assert "k_nope" in result.err


def test_add_adviser_with_password_from_stdin(settings: Settings) -> None:
    argv = ["add-adviser", "--username", "anna", "--name", "Anna Andersson"]
    argv += ["--language", "ar=native", "--language", "sv=fluent", "--topic", "housing", "--admin"]
    result = admin(settings, *argv, "--password-stdin", stdin=PASSWORD + "\n")
    assert result.code == 0, result.err
    adviser = with_store(settings, lambda s: s.verify_password("anna", PASSWORD))
    assert adviser is not None
    assert adviser.display_name == "Anna Andersson"
    assert adviser.languages == {"ar": "native", "sv": "fluent"}
    assert adviser.topics == ("housing",)
    assert adviser.is_admin
    [listed] = json.loads(admin(settings, "list-advisers", "--json").out)
    assert listed["username"] == "anna"
    assert "password" not in json.dumps(listed)
    assert "ar=native" in admin(settings, "list-advisers").out


def test_add_adviser_refusals(settings: Settings) -> None:
    argv = ["add-adviser", "--username", "anna", "--name", "Anna", "--language", "ar=native"]
    short = admin(settings, *argv, "--password-stdin", stdin="short\n")
    assert short.code == 2
    assert "at least" in short.err
    assert admin(settings, *argv, "--password-stdin", stdin=PASSWORD).code == 0
    again = admin(settings, *argv, "--password-stdin", stdin=PASSWORD)
    assert again.code == 1
    assert "already exists" in again.err
    with pytest.raises(SystemExit):
        parser().parse_args(["add-adviser", "--username", "x", "--name", "X", "--language", "ar"])


def test_a_language_kiosks_do_not_offer_is_noted(settings: Settings) -> None:
    argv = ["add-adviser", "--username", "lin", "--name", "Lin", "--language", "zh=native"]
    result = admin(settings, *argv, "--password-stdin", stdin=PASSWORD)
    assert result.code == 0
    assert "'zh'" in result.err


def test_set_password(settings: Settings) -> None:
    argv = ["add-adviser", "--username", "anna", "--name", "Anna", "--language", "ar=native"]
    admin(settings, *argv, "--password-stdin", stdin=PASSWORD)
    new = "another long password"
    assert admin(settings, "set-password", "anna", "--password-stdin", stdin=new).code == 0
    assert with_store(settings, lambda s: s.verify_password("anna", PASSWORD)) is None
    assert with_store(settings, lambda s: s.verify_password("anna", new)) is not None
    assert admin(settings, "set-password", "bob", "--password-stdin", stdin=new).code == 1


def test_calls_as_table_and_json(settings: Settings) -> None:
    async def record(store: Store) -> None:
        for call_id, joined in (("c_old", 1_000_000.0), ("c_new", 2_000_000_000.0)):
            await store.open_call(
                call_id, kiosk_id="k", site="Library", language="ti", topic=None, joined_at=joined
            )
        await store.answer_call("c_new", adviser_id="a_1", at=2_000_000_030.0)
        await store.close_call("c_new", at=2_000_000_330.0, outcome="completed")
        await store.set_rating("c_new", 4)

    with_store(settings, record)
    table = admin(settings, "calls").out
    assert "c_old" in table and "c_new" in table
    assert " 30 " in table and " 300 " in table
    recent = json.loads(admin(settings, "calls", "--since", "2020-01-01", "--json").out)
    assert [(c["id"], c["rating"], c["outcome"]) for c in recent] == [("c_new", 4, "completed")]
    with pytest.raises(SystemExit):
        parser().parse_args(["calls", "--since", "last tuesday"])


def test_calls_show_interpreter_minutes_and_the_period_sums_them(settings: Settings) -> None:
    async def record(store: Store) -> None:
        joined = 2_000_000_000.0
        await store.open_call(
            "c_ti", kiosk_id="k", site="Library", language="ar", topic=None, joined_at=joined
        )
        for asked, got, left, outcome in (
            (joined + 60, None, joined + 70, "none_signed_in"),
            (joined + 80, joined + 100, joined + 100 + 12 * 60, "hangup"),
        ):
            await store.interpreting.record(
                "c_ti", language="ti", asked_at=asked, joined_at=got, left_at=left, outcome=outcome
            )

    with_store(settings, record)
    table = admin(settings, "calls").out
    assert "ti none_signed_in, ti 12.0 min" in table
    (call,) = json.loads(admin(settings, "calls", "--json").out)
    assert [(i["language"], i["outcome"], i["minutes"]) for i in call["interpretations"]] == [
        ("ti", "none_signed_in", 0.0),
        ("ti", "hangup", 12.0),
    ]
    assert set(call["interpretations"][0]) == {
        "call_id",
        "language",
        "asked_at",
        "joined_at",
        "left_at",
        "outcome",
        "minutes",
    }  # nobody's name or id
    summed = admin(settings, "interpreting", "--since", "2033-01-01", "--until", "2034-01-01")
    assert summed.out.splitlines()[2].split() == ["ti", "2", "1", "12.0"]
    assert "(none)" in admin(settings, "interpreting", "--until", "2020-01-01").out


def test_interpreter_is_a_role_to_grant(settings: Settings) -> None:
    argv = ["add-adviser", "--username", "semhar", "--name", "Semhar", "--language", "ti=native"]
    admin(settings, *argv, "--password-stdin", stdin=PASSWORD)
    done = admin(settings, "adviser-role", "semhar", "add", "interpreter")
    assert done.code == 0 and "interpreter" in done.out
    assert with_store(settings, lambda s: s.interpreting.languages()) == frozenset({"ti"})
    admin(settings, "adviser-role", "semhar", "remove", "interpreter")
    assert with_store(settings, lambda s: s.interpreting.languages()) == frozenset()


def test_changes_are_audited(settings: Settings) -> None:
    add_kiosk(settings)
    log = with_store(settings, lambda s: s.audit_log(10))
    assert [(e.actor, e.action) for e in log] == [("cli", "add_kiosk")]
    assert "add_kiosk" in admin(settings, "audit").out


def test_the_module_runs_standalone_against_a_real_file(tmp_path: Path) -> None:
    db = tmp_path / "standalone.sqlite3"
    env = {**os.environ, "KIOSKLINK_DATABASE_PATH": str(db)}
    argv = [sys.executable, "-m", "signaling.admin_cli", "add-kiosk", "--name", "K", "--site", "S"]
    done = subprocess.run(
        argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    token = done.stdout.strip().splitlines()[-1]
    settings = load_settings(env={"KIOSKLINK_DATABASE_PATH": str(db)})
    kiosk = with_store(settings, lambda s: s.kiosk_by_token(token))
    assert kiosk is not None and kiosk.site == "S"


def test_the_standalone_module_reports_bad_settings(tmp_path: Path) -> None:
    env = {**os.environ, "KIOSKLINK_SERVER_PORT": "not-a-port"}
    env["KIOSKLINK_DATABASE_PATH"] = str(tmp_path / "never-created.sqlite3")
    argv = [sys.executable, "-m", "signaling.admin_cli", "list-kiosks"]
    done = subprocess.run(
        argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    assert "server.port" in done.stderr
    assert not (tmp_path / "never-created.sqlite3").exists()
