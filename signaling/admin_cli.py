"""``kiosklink admin ...``: register kiosks and advisers, reset passwords, read call records,
give roles, import, export, list and publish the common questions (``answers ...``), and publish
slots and book for residents who phone (``booking ...``, signaling/booking_cli.py), and migrate
the schema (``db ...``, signaling/db_cli.py).

Wired by kiosklink/cli.py (``add_admin_commands`` on the ``admin`` subparsers, then ``run_admin``),
and runnable alone for servers installed without the apps::

    python -m signaling.admin_cli [--config FILE] add-kiosk --name "Kiosk 1" --site "Library"

Works on the database directly (``database.url``, else the SQLite file ``database.path``); WAL
mode lets it run while the server is up. Every change is written to the audit log with the actor
``cli``. Output meant for scripts: ``add-kiosk`` prints the token alone on its last line, and the
list commands take ``--json``. Passwords are never arguments (they would land in shell history
and ``ps``): they are prompted for, or read as one line from standard input with
``--password-stdin``.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any, TextIO, cast

from signaling.answers.model import status
from signaling.answers.validation import InvalidAnswer, check_language
from signaling.booking_cli import add_booking_commands
from signaling.config import Settings, load_settings
from signaling.db_cli import add_db_commands, run_db
from signaling.errors import ConfigError
from signaling.report_reader import AUDIT_ACTION, audit_target, read_report
from signaling.reports import (
    DIMENSIONS,
    FORMATS,
    BadReportQuery,
    parse_query,
    report_csv,
    report_json,
)
from signaling.store import LEVELS, AdviserRecord, CallRecord, Level, Store, StoreError
from signaling.store_answers import ROLES
from signaling.store_interpreting import InterpretationRecord
from signaling.today import service_timezone

MIN_PASSWORD_CHARS = 10
ACTOR = "cli"
STARTER_REVIEWER = "Kiosklink starter set"


@dataclass(frozen=True)
class _Io:
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    password: str | None  # read before the event loop starts, for the commands that need one


_Handler = Callable[[Store, argparse.Namespace, Settings, _Io], Awaitable[int]]


def add_admin_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the admin commands to ``sub`` (the subparsers of ``kiosklink admin``)."""
    cmd = sub.add_parser("add-kiosk", help="register a kiosk and print its token (shown once)")
    cmd.add_argument("--name", required=True, help="e.g. 'Kiosk 1, entrance'")
    cmd.add_argument("--site", required=True, help="the place, shown to advisers: 'Library'")
    cmd.set_defaults(admin_run=_add_kiosk)

    cmd = sub.add_parser("list-kiosks", help="every kiosk, revoked ones included")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(admin_run=_list_kiosks)

    cmd = sub.add_parser("revoke-kiosk", help="stop a kiosk's token from working")
    cmd.add_argument("kiosk_id")
    cmd.set_defaults(admin_run=_revoke_kiosk)

    cmd = sub.add_parser("add-adviser", help="create an adviser account")
    cmd.add_argument("--username", required=True)
    cmd.add_argument("--name", required=True, help="display name shown in the console")
    cmd.add_argument(
        "--language",
        required=True,
        action="append",
        type=_language,
        metavar="CODE=LEVEL",
        help=f"repeatable; LEVEL is one of {', '.join(LEVELS)} (e.g. ar=native)",
    )
    cmd.add_argument("--topic", action="append", help="repeatable; omit for every topic")
    cmd.add_argument("--admin", action="store_true", help="may use admin functions")
    _password_option(cmd)
    cmd.set_defaults(admin_run=_add_adviser)

    cmd = sub.add_parser("list-advisers", help="every adviser account")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(admin_run=_list_advisers)

    cmd = sub.add_parser("set-password", help="set an adviser's password")
    cmd.add_argument("username")
    _password_option(cmd)
    cmd.set_defaults(admin_run=_set_password)

    cmd = sub.add_parser("calls", help="call records (no personal data is kept)")
    cmd.add_argument("--since", type=_timestamp, help="ISO date or time, local unless offset")
    cmd.add_argument("--limit", type=int, default=1000)
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(admin_run=_calls)

    cmd = sub.add_parser("interpreting", help="interpreter minutes per language (no names)")
    cmd.add_argument("--since", type=_timestamp, default=0.0, help="ISO date or time")
    cmd.add_argument("--until", type=_timestamp, help="ISO date or time; default: now")
    cmd.set_defaults(admin_run=_interpreting)

    cmd = sub.add_parser("audit", help="the latest administrative actions")
    cmd.add_argument("--limit", type=int, default=50)
    cmd.set_defaults(admin_run=_audit)

    cmd = sub.add_parser("report", help="figures for a period, grouped (docs/reports.md)")
    cmd.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD")
    cmd.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD")
    cmd.add_argument("--by", default="", help=f"up to three of {', '.join(DIMENSIONS)}")
    cmd.add_argument("--format", choices=FORMATS, default="csv")
    cmd.set_defaults(admin_run=_report)

    cmd = sub.add_parser("adviser-role", help="give or take a role such as editor")
    cmd.add_argument("username")
    cmd.add_argument("change", choices=("add", "remove"))
    cmd.add_argument("role", choices=ROLES)
    cmd.set_defaults(admin_run=_adviser_role)

    _add_answer_commands(sub.add_parser("answers", help="common questions (docs/answers.md)"))
    add_booking_commands(sub.add_parser("booking", help="slots and bookings (docs/booking.md)"))
    add_db_commands(sub.add_parser("db", help="the database's schema migrations"))


def _add_answer_commands(answers: argparse.ArgumentParser) -> None:
    sub = answers.add_subparsers(dest="answers_command", required=True)
    cmd = sub.add_parser("import", help="read a PO file (or the starter set) into the draft")
    cmd.add_argument("file", nargs="?", type=Path, help="a .po file; its Language: header says")
    cmd.add_argument("--starter", action="store_true", help="the 14 shipped questions, sv and en")
    cmd.add_argument("--reviewed-by", default="", metavar="NAME", help="who checked the texts")
    cmd.set_defaults(admin_run=_answers_import)

    cmd = sub.add_parser("export", help="write the draft as a PO file for translators")
    cmd.add_argument("--language", required=True, help="sv writes the originals")
    cmd.add_argument("file", type=Path, help="the .po file to write; '-' for standard output")
    cmd.set_defaults(admin_run=_answers_export)

    cmd = sub.add_parser("list", help="each question and its translation's state")
    cmd.add_argument("--language", required=True)
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(admin_run=_answers_list)

    cmd = sub.add_parser("publish", help="publish the draft to every kiosk as a new version")
    cmd.add_argument("--by", default=ACTOR, metavar="NAME", help="shown in the history")
    cmd.set_defaults(admin_run=_answers_publish)

    cmd = sub.add_parser("versions", help="the published versions, newest first")
    cmd.set_defaults(admin_run=_answers_versions)


def run_admin(
    args: argparse.Namespace,
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the parsed admin command against the configured database; returns the exit code."""
    io = _Io(stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr, None)
    if getattr(args, "db_run", None) is not None:  # migrations: without opening the store first
        return run_db(args, settings, io.stdout)
    handler = cast("_Handler | None", getattr(args, "admin_run", None))
    if handler is None:
        print("error: no admin command given", file=io.stderr)
        return 2
    if getattr(args, "password_stdin", None) is not None:
        try:
            io = _Io(io.stdin, io.stdout, io.stderr, _read_password(args.password_stdin, io))
        except ValueError as exc:
            print(f"error: {exc}", file=io.stderr)
            return 2
    return asyncio.run(_with_store(handler, args, settings, io))


async def _with_store(
    handler: _Handler, args: argparse.Namespace, settings: Settings, io: _Io
) -> int:
    store = await Store.open(settings.database.target)
    try:
        return await handler(store, args, settings, io)
    except (StoreError, InvalidAnswer) as exc:
        print(f"error: {exc}", file=io.stderr)
        return 1
    finally:
        await store.close()


# -- commands --------------------------------------------------------------------------------------


async def _add_kiosk(store: Store, args: argparse.Namespace, _s: Settings, io: _Io) -> int:
    kiosk, token = await store.add_kiosk(args.name, args.site)
    await store.audit(ACTOR, "add_kiosk", kiosk.id, time.time(), f"site={kiosk.site}")
    print(f"Added kiosk {kiosk.id} ({kiosk.name!r} at {kiosk.site!r}).", file=io.stdout)
    print(
        "Its token follows; it is shown only this once. Put it in the kiosk's settings:",
        file=io.stdout,
    )
    print(token, file=io.stdout)
    return 0


async def _list_kiosks(store: Store, args: argparse.Namespace, _s: Settings, io: _Io) -> int:
    kiosks = await store.list_kiosks()
    if args.json:
        print(json.dumps([asdict(k) for k in kiosks], indent=2), file=io.stdout)
        return 0
    rows = [
        [k.id, k.name, k.site, "revoked" if k.revoked else "active", _when(k.last_seen),
         k.app_version or "-"]
        for k in kiosks
    ]  # fmt: skip
    print(_table(["id", "name", "site", "state", "last seen", "version"], rows), file=io.stdout)
    return 0


async def _revoke_kiosk(store: Store, args: argparse.Namespace, _s: Settings, io: _Io) -> int:
    kiosk = await store.revoke_kiosk(args.kiosk_id)
    await store.audit(ACTOR, "revoke_kiosk", kiosk.id, time.time())
    print(f"Revoked kiosk {kiosk.id} ({kiosk.name!r} at {kiosk.site!r}).", file=io.stdout)
    print("A connected kiosk keeps its session until it reconnects.", file=io.stdout)
    return 0


async def _add_adviser(store: Store, args: argparse.Namespace, settings: Settings, io: _Io) -> int:
    languages: dict[str, Level] = dict(args.language)
    for code in sorted(set(languages) - set(settings.service.languages)):
        print(f"note: {code!r} is not in service.languages; kiosks do not offer it", file=io.stderr)
    assert io.password is not None
    adviser = await store.add_adviser(
        args.username, args.name, io.password, languages, topics=args.topic, is_admin=args.admin
    )
    await store.audit(ACTOR, "add_adviser", adviser.id, time.time(), f"admin={adviser.is_admin}")
    print(
        f"Added adviser {adviser.id} ({adviser.username}, {_languages(adviser)}).", file=io.stdout
    )
    return 0


async def _list_advisers(store: Store, args: argparse.Namespace, _s: Settings, io: _Io) -> int:
    advisers = await store.list_advisers()
    if args.json:
        print(json.dumps([asdict(a) for a in advisers], indent=2), file=io.stdout)
        return 0
    rows = [
        [a.id, a.username, a.display_name, _languages(a), ", ".join(a.topics or ["(all)"]),
         "yes" if a.is_admin else ""]
        for a in advisers
    ]  # fmt: skip
    headers = ["id", "username", "name", "languages", "topics", "admin"]
    print(_table(headers, rows), file=io.stdout)
    return 0


async def _set_password(store: Store, args: argparse.Namespace, _s: Settings, io: _Io) -> int:
    assert io.password is not None
    adviser = await store.set_password(args.username, io.password)
    await store.audit(ACTOR, "set_password", adviser.id, time.time())
    print(f"Password set for {adviser.username}.", file=io.stdout)
    return 0


async def _calls(store: Store, args: argparse.Namespace, _s: Settings, io: _Io) -> int:
    calls = await store.list_calls(since=args.since, limit=args.limit)
    interpreting = await store.interpreting.of_calls([c.id for c in calls])
    if args.json:
        body = [_call_json(c, interpreting.get(c.id, [])) for c in calls]
        print(json.dumps(body, indent=2), file=io.stdout)
        return 0
    headers = ["call", "joined", "lang", "topic", "site", "adviser", "wait s", "talk s", "outcome"]
    headers += ["wrap-up", "rating", "interpreter"]
    rows = [[*_call_row(c), _interpreting_cell(interpreting.get(c.id, []))] for c in calls]
    print(_table(headers, rows), file=io.stdout)
    return 0


async def _interpreting(store: Store, args: argparse.Namespace, _s: Settings, io: _Io) -> int:
    """Interpreter minutes per language over a period (§Interpreter): nobody's name."""
    until = args.until if args.until is not None else time.time()
    figures = await store.interpreting.by_language(since=args.since, until=until)
    rows = [[f.language, str(f.asked), str(f.joined), f"{f.minutes:.1f}"] for f in figures]
    print(_table(["lang", "asked", "joined", "interpreter min"], rows), file=io.stdout)
    return 0


async def _audit(store: Store, args: argparse.Namespace, _s: Settings, io: _Io) -> int:
    rows = [
        [_when(e.at), e.actor, e.action, e.target, e.detail[:60]]
        for e in await store.audit_log(args.limit)
    ]
    print(_table(["at", "actor", "action", "target", "detail"], rows), file=io.stdout)
    return 0


async def _report(store: Store, args: argparse.Namespace, settings: Settings, io: _Io) -> int:
    try:
        query = parse_query(args.first, args.last, args.by)
    except BadReportQuery as exc:
        print(f"error: {exc}", file=io.stderr)
        return 2
    now = time.time()
    report = await read_report(store, settings, query, now=now)
    await store.audit(ACTOR, AUDIT_ACTION, audit_target(query), now, args.format)
    if args.format == "json":
        body = report_json(report, timezone=service_timezone(settings).key)
        print(json.dumps(body, indent=2, ensure_ascii=False), file=io.stdout)
    else:
        io.stdout.write(report_csv(report))
    return 0


async def _adviser_role(store: Store, args: argparse.Namespace, _s: Settings, io: _Io) -> int:
    if args.change == "add":
        adviser = await store.answers.grant_role(args.username, args.role)
    else:
        adviser = await store.answers.revoke_role(args.username, args.role)
    await store.audit(ACTOR, f"role_{args.change}", adviser, time.time(), f"role={args.role}")
    roles = ", ".join(sorted(await store.answers.roles_of(adviser))) or "none"
    print(f"{args.username} now has these roles: {roles}.", file=io.stdout)
    return 0


# -- common questions ------------------------------------------------------------------------------


async def _answers_import(store: Store, args: argparse.Namespace, s: Settings, io: _Io) -> int:
    if args.starter == (args.file is not None):
        print("error: give either a .po file or --starter", file=io.stderr)
        return 2
    files = _starter_files() if args.starter else [(args.file.name, _read_file(args.file))]
    reviewer = args.reviewed_by or (STARTER_REVIEWER if args.starter else "")
    for name, data in files:
        try:
            result = await store.answers.import_po(
                data, reviewed_by=reviewer, now=time.time(), languages=s.service.languages
            )
        except InvalidAnswer as exc:
            print(f"error: {name}: {exc}. Nothing was imported from it.", file=io.stderr)
            return 1
        await store.audit(ACTOR, "answers_import", name, time.time(), result.summary)
        print(f"Imported {name}: {result.summary}.", file=io.stdout)
    print("The draft changed; kiosks see it after 'answers publish'.", file=io.stdout)
    return 0


async def _answers_export(store: Store, args: argparse.Namespace, s: Settings, io: _Io) -> int:
    data = await store.answers.export_po(
        args.language, now=time.time(), languages=s.service.languages
    )
    if str(args.file) == "-":
        io.stdout.write(data.decode())
    else:
        args.file.write_bytes(data)
        print(f"Wrote {args.file} ({args.language}).", file=io.stdout)
    return 0


async def _answers_list(store: Store, args: argparse.Namespace, s: Settings, io: _Io) -> int:
    check_language(args.language, s.service.languages)
    draft = await store.answers.draft()
    rows = [
        {"id": q.id, "topic": q.topic, "status": status(q, args.language),
         "title": (q.texts.get(args.language) or q.original).title}
        for q in draft.sorted_questions()
    ]  # fmt: skip
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False), file=io.stdout)
        return 0
    table = [[r["id"], r["topic"], r["status"], r["title"][:60]] for r in rows]
    print(_table(["question", "topic", args.language, "title"], table), file=io.stdout)
    return 0


async def _answers_publish(store: Store, args: argparse.Namespace, _s: Settings, io: _Io) -> int:
    version = await store.answers.publish(by=args.by, now=time.time())
    await store.audit(ACTOR, "answers_publish", f"version {version}", time.time(), f"by={args.by}")
    print(f"Published version {version}.", file=io.stdout)
    return 0


async def _answers_versions(store: Store, _a: argparse.Namespace, _s: Settings, io: _Io) -> int:
    rows = [[str(v.version), _when(v.published_at), v.published_by]
            for v in await store.answers.versions()]  # fmt: skip
    print(_table(["version", "published", "by"], rows), file=io.stdout)
    return 0


def _starter_files() -> list[tuple[str, bytes]]:
    # Swedish first: it creates the questions the English file translates.
    folder = resources.files("signaling.answers") / "starter"
    return [(f"starter/{name}", (folder / name).read_bytes()) for name in ("sv.po", "en.po")]


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InvalidAnswer(f"cannot read {path}: {exc.strerror}") from None


# -- helpers ---------------------------------------------------------------------------------------


def _password_option(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password as one line from standard input instead of prompting",
    )


def _read_password(from_stdin: bool, io: _Io) -> str:
    if from_stdin:
        password = io.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise ValueError("the two passwords differ")
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValueError(f"a password needs at least {MIN_PASSWORD_CHARS} characters")
    return password


def _language(text: str) -> tuple[str, Level]:
    code, sep, level = text.partition("=")
    if not sep or not code or level not in LEVELS:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not CODE=LEVEL with LEVEL one of {', '.join(LEVELS)}"
        )
    return code, level


def _timestamp(text: str) -> float:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date or time") from None
    return moment.astimezone().timestamp()  # naive means local time


def _when(at: float | None) -> str:
    if at is None:
        return "-"
    return datetime.fromtimestamp(at).astimezone().isoformat(timespec="seconds")


def _languages(adviser: AdviserRecord) -> str:
    return ", ".join(f"{code}={level}" for code, level in adviser.languages.items())


def _seconds(start: float | None, end: float | None) -> str:
    return "-" if start is None or end is None else f"{end - start:.0f}"


def _call_row(call: CallRecord) -> list[str]:
    wait_end = call.answered_at if call.answered_at is not None else call.ended_at
    return [
        call.id,
        _when(call.joined_at),
        call.language,
        call.topic or "-",
        call.site,
        call.adviser_id or "-",
        _seconds(call.joined_at, wait_end),
        _seconds(call.answered_at, call.ended_at),
        call.outcome or "open",
        call.wrap_up_category or "-",
        "-" if call.rating is None else str(call.rating),
    ]


def _call_json(call: CallRecord, interpreting: Sequence[InterpretationRecord]) -> dict[str, Any]:
    data = asdict(call)
    for side in ("kiosk_quality", "adviser_quality"):
        quality = getattr(call, side)
        data[side] = None if quality is None else quality.model_dump(mode="json")
    data["interpretations"] = [{**asdict(i), "minutes": round(i.minutes, 1)} for i in interpreting]
    return data


def _interpreting_cell(interpreting: Sequence[InterpretationRecord]) -> str:
    """Each interpretation as ``language minutes`` (or its outcome when nobody joined)."""
    if not interpreting:
        return "-"
    return ", ".join(
        f"{i.language} {i.minutes:.1f} min"
        if i.joined_at is not None
        else f"{i.language} {i.outcome}"
        for i in interpreting
    )


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    if not rows:
        return "(none)"
    widths = [
        max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)
    ]
    lines = [headers, ["-" * w for w in widths], *rows]
    return "\n".join(
        "  ".join(str(cell).ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Standalone entry: ``python -m signaling.admin_cli [--config FILE] COMMAND ...``."""
    parser = argparse.ArgumentParser(prog="python -m signaling.admin_cli", description=__doc__)
    parser.add_argument("--config", type=Path, help="settings file (TOML); default: built-ins")
    add_admin_commands(parser.add_subparsers(dest="admin_command", required=True))
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return run_admin(args, settings)


if __name__ == "__main__":
    sys.exit(main())
