"""``kiosklink admin answers ...`` and ``adviser-role`` through run_admin on a real SQLite file,
and the starter import once as a real subprocess (the PO files are found as package data)."""

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

T = TypeVar("T")


class Result(NamedTuple):
    code: int
    out: str
    err: str


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(env={"KIOSKLINK_DATABASE_PATH": str(tmp_path / "kiosklink.sqlite3")})


def admin(settings: Settings, *argv: str) -> Result:
    top = argparse.ArgumentParser(prog="kiosklink admin")
    add_admin_commands(top.add_subparsers(dest="admin_command", required=True))
    out, err = io.StringIO(), io.StringIO()
    code = run_admin(top.parse_args(argv), settings, stdout=out, stderr=err)
    return Result(code, out.getvalue(), err.getvalue())


def with_store(settings: Settings, action: Callable[[Store], Awaitable[T]]) -> T:
    async def run() -> T:
        store = await Store.open(settings.database.path, hasher=PasswordHasher())
        try:
            return await action(store)
        finally:
            await store.close()

    return asyncio.run(run())


def test_starter_import_list_and_publish(settings: Settings) -> None:
    result = admin(settings, "answers", "import", "--starter")
    assert result.code == 0, result.err
    assert "starter/sv.po: 14 new, 0 changed (sv)" in result.out
    assert "starter/en.po: 0 new, 14 changed (en)" in result.out

    listed = json.loads(admin(settings, "answers", "list", "--language", "en", "--json").out)
    assert len(listed) == 14 and {row["status"] for row in listed} == {"current"}
    arabic = admin(settings, "answers", "list", "--language", "ar")
    assert arabic.out.count("missing") == 14
    assert "Hur överklagar jag ett beslut?" in arabic.out  # the Swedish title stands in

    assert (
        admin(settings, "answers", "publish", "--by", "Eva").out.strip() == "Published version 1."
    )
    assert "Eva" in admin(settings, "answers", "versions").out
    published = with_store(settings, lambda s: s.answers.latest_published())
    assert published is not None and published.published_by == "Eva"
    actions = [(e.action, e.target) for e in with_store(settings, lambda s: s.audit_log())]
    assert ("answers_publish", "version 1") in actions
    assert ("answers_import", "starter/sv.po") in actions


def test_export_translate_and_import_a_real_file(settings: Settings, tmp_path: Path) -> None:
    assert admin(settings, "answers", "import", "--starter").code == 0
    path = tmp_path / "so.po"
    result = admin(settings, "answers", "export", "--language", "so", str(path))
    assert result.code == 0, result.err
    text = path.read_text(encoding="utf-8")
    assert "Language: so" in text
    text = text.replace(
        'msgid "Hur skaffar jag BankID?"\nmsgstr ""',
        'msgid "Hur skaffar jag BankID?"\nmsgstr "Sideen ku helaa BankID?"',
    )
    body = text.split('msgctxt "bankid:body"\n')[1].split("msgstr")[0]
    text = text.replace(body + 'msgstr ""', body + 'msgstr "Bangigaaga ayaa ku siinaya BankID."')
    path.write_text(text, encoding="utf-8")

    result = admin(settings, "answers", "import", str(path), "--reviewed-by", "Hodan")
    assert result.code == 0, result.err
    assert "1 changed (so)" in result.out
    rows = json.loads(admin(settings, "answers", "list", "--language", "so", "--json").out)
    states = {row["id"]: row["status"] for row in rows}
    assert states["bankid"] == "current"
    assert list(states.values()).count("missing") == 13
    draft = with_store(settings, lambda s: s.answers.draft())
    bankid = draft.question("bankid")
    assert bankid is not None and bankid.texts["so"].reviewed_by == "Hodan"


def test_a_refused_file_says_why_and_changes_nothing(settings: Settings, tmp_path: Path) -> None:
    assert admin(settings, "answers", "import", "--starter").code == 0
    before = with_store(settings, lambda s: s.answers.draft())
    path = tmp_path / "ar.po"
    assert admin(settings, "answers", "export", "--language", "ar", str(path)).code == 0
    text = path.read_text(encoding="utf-8").replace(
        'msgid "Hur skaffar jag BankID?"\nmsgstr ""',
        'msgid "Hur skaffar jag BankID?"\nmsgstr "<script>x</script>"',
    )
    path.write_text(text, encoding="utf-8")
    result = admin(settings, "answers", "import", str(path))
    assert result.code == 1
    assert "ar.po: line " in result.err and "HTML tag" in result.err
    assert "Nothing was imported" in result.err
    assert with_store(settings, lambda s: s.answers.draft()) == before

    result = admin(settings, "answers", "import", str(tmp_path / "missing.po"))
    assert result.code == 1 and "cannot read" in result.err
    result = admin(settings, "answers", "list", "--language", "klingon")
    assert result.code == 1 and "unknown language code 'klingon'" in result.err
    assert admin(settings, "answers", "import").code == 2  # neither a file nor --starter


def test_publishing_nothing_is_an_error(settings: Settings) -> None:
    result = admin(settings, "answers", "publish")
    assert result.code == 1 and "nothing to publish" in result.err


def test_adviser_role_add_and_remove(settings: Settings) -> None:
    eva = with_store(
        settings, lambda s: s.add_adviser("eva", "Eva", "a long password", {"sv": "native"})
    )
    result = admin(settings, "adviser-role", "eva", "add", "editor")
    assert result.code == 0 and "eva now has these roles: editor." in result.out
    assert with_store(settings, lambda s: s.answers.roles_of(eva.id)) == {"editor"}
    result = admin(settings, "adviser-role", "eva", "remove", "editor")
    assert result.code == 0 and "roles: none." in result.out
    assert with_store(settings, lambda s: s.answers.roles_of(eva.id)) == frozenset()
    actions = [
        (e.action, e.target, e.detail) for e in with_store(settings, lambda s: s.audit_log())
    ]
    assert ("role_add", eva.id, "role=editor") in actions
    assert ("role_remove", eva.id, "role=editor") in actions
    assert admin(settings, "adviser-role", "nobody", "add", "editor").code == 1


def test_the_standalone_module_imports_the_starter_set(tmp_path: Path) -> None:
    db = tmp_path / "kiosklink.sqlite3"
    env = {**os.environ, "KIOSKLINK_DATABASE_PATH": str(db)}
    argv = [sys.executable, "-m", "signaling.admin_cli", "answers", "import", "--starter"]
    done = subprocess.run(
        argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    settings = load_settings(env={"KIOSKLINK_DATABASE_PATH": str(db)})
    draft = with_store(settings, lambda s: s.answers.draft())
    assert len(draft.questions) == 14
