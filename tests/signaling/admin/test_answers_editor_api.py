"""The common questions' editor API (signaling/admin/answers_routes.py) over a real server on
127.0.0.1 and a real SQLite file, signed in by cookie as the admin web's page is.

* who: an editor and an admin may; a plain adviser cannot sign in, a manager gets 403, and an
  editor sees no fleet page;
* the draft: a Swedish original, a translation with its reviewer, outdated when the original
  changes, marked current again; the list says so per language;
* refusals: markup, a script link, http links, unknown languages, topics and fields are 400 with
  the field named, and not one row of the database changes;
* recordings: by their bytes, at most 5 MB, only with the upload header;
* the preview as a kiosk shows it, checked against the kiosk's own bundle parser and fallback rule;
* publish reaches a connected kiosk at once; history, compare, republish; the audit log names
  what changed and never the words.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from kiosk.answers.bundle import parse_bundle
from kiosk.answers.choice import Note, shown_text
from signaling import messages as m
from signaling.admin.answers_routes import STATIC, UPLOAD_HEADER
from signaling.answers.audio import MAX_AUDIO_BYTES
from signaling.embedded import EmbeddedServer
from signaling.server import SETTINGS, SWITCHBOARD
from tests.signaling.admin.answers_helpers import (
    ADMIN,
    ADVISER,
    API,
    ARABIC,
    EDITOR,
    EDITOR_NAME,
    MANAGER,
    QUEUE,
    call,
    ok,
    signed_in,
    start_editor_server,
    write_housing,
)
from tests.signaling.answers.recordings import wav_bytes
from tests.signaling.answers.test_answer_store import dump
from tests.signaling.wire import kiosk

QUESTION = f"{API}/questions/housing-queue"


@pytest.fixture
def server(server_factory: Callable[..., EmbeddedServer]) -> EmbeddedServer:
    return start_editor_server(server_factory)


def database(server: EmbeddedServer) -> Path:
    assert server.app is not None
    return Path(server.app[SETTINGS].database.path)


def status_of(overview: dict[str, Any], question_id: str) -> dict[str, str]:
    found = next(q for q in overview["questions"] if q["id"] == question_id)
    result: dict[str, str] = found["status"]
    return result


# --- who may ---------------------------------------------------------------------------------


async def test_an_editor_and_an_admin_may_edit_a_plain_adviser_or_manager_may_not(
    server: EmbeddedServer,
) -> None:
    async with aiohttp.ClientSession(server.http_url) as anonymous:
        body = {"username": ADVISER[0], "password": ADVISER[1]}
        assert (await call(anonymous, "POST", "/admin/api/login", body))[0] == 403
        assert (await call(anonymous, "GET", f"{API}/draft"))[0] == 401
    for account in (EDITOR, ADMIN):
        async with await signed_in(server, account) as http:
            overview = await ok(http, "GET", f"{API}/draft")
            assert [lang["code"] for lang in overview["languages"]] == ["sv", "en", "ar", "so"]
    async with await signed_in(server, MANAGER) as http:
        assert (await call(http, "GET", f"{API}/draft"))[0] == 403
        status, _ = await call(http, "POST", f"{API}/topics/housing", {"titles": {"sv": "B"}})
        assert status == 403
    async with await signed_in(server, EDITOR) as http:
        # An editor sees no fleet: neither the dashboard nor its API.
        for path in ("/admin/", "/admin/api/fleet", "/admin/api/audit"):
            assert (await call(http, "GET", path))[0] == 403, path
        assert (await call(http, "GET", "/admin/answers"))[0] == 200


# --- the draft -------------------------------------------------------------------------------


async def test_a_translation_turns_outdated_when_the_original_changes_and_current_when_marked(
    server: EmbeddedServer,
) -> None:
    async with await signed_in(server, EDITOR) as http:
        await write_housing(http)
        overview = await ok(http, "GET", f"{API}/draft")
        assert status_of(overview, "housing-queue") == {
            "sv": "current", "en": "missing", "ar": "missing", "so": "missing",
        }  # fmt: skip
        saved = await ok(http, "POST", f"{QUESTION}/texts/ar", ARABIC)
        arabic = saved["texts"]["ar"]
        assert (arabic["title"], arabic["status"]) == (ARABIC["title"], "current")
        assert arabic["reviewed_by"] == EDITOR_NAME and arabic["direction"] == "rtl"
        assert saved["links"] == QUEUE["links"] and saved["phone"] == QUEUE["phone"]

        changed = {**QUEUE, "body": "Du registrerar dig på bostad.stockholm.se."}
        saved = await ok(http, "POST", QUESTION, changed)
        assert saved["revision"] == 2 and saved["texts"]["ar"]["status"] == "outdated"
        assert status_of(await ok(http, "GET", f"{API}/draft"), "housing-queue")["ar"] == "outdated"
        # Saving the same words again is no new revision.
        assert (await ok(http, "POST", QUESTION, changed))["revision"] == 2

        saved = await ok(http, "POST", f"{QUESTION}/texts/ar/current")
        assert saved["texts"]["ar"]["status"] == "current"
        assert saved["texts"]["ar"]["made_from"] == 2


@pytest.mark.parametrize(
    ("path", "body", "field", "reason"),
    [
        ("/questions/housing-queue", {**QUEUE, "body": "Se <script>alert(1)</script>"}, "body",
         "HTML tag"),
        ("/questions/housing-queue", {**QUEUE, "title": "Klicka javascript:alert(1)"}, "title",
         "script link"),
        ("/questions/housing-queue", {**QUEUE, "links": ["http://bostad.stockholm.se/"]},
         "links.0", "https://"),
        ("/questions/housing-queue", {**QUEUE, "topic": "weather"}, "topic", "no topic"),
        ("/questions/housing-queue", {**QUEUE, "phone": "call me"}, "phone", "digits"),
        ("/questions/housing-queue", {**QUEUE, "colour": "red"}, "colour", "Extra inputs"),
        ("/questions/housing-queue", {**QUEUE, "body": 7}, "body", "string"),
        ("/questions/housing-queue", {**QUEUE, "body": " "}, "body", "empty"),
        ("/questions/Not%20an%20id", QUEUE, "id", "lowercase"),
        ("/questions/housing-queue/texts/xx", ARABIC, "language", "unknown language code"),
        ("/questions/housing-queue/texts/ar", {**ARABIC, "body": "<b>مهم</b>"}, "body", "HTML"),
        ("/questions/housing-queue/texts/ar", {**ARABIC, "link_labels": ["a", "b"]},
         "link_labels", "2 labels for 1 links"),
        ("/topics/housing", {"titles": {"sv": "Bo<img src=x>"}}, "titles.sv", "HTML tag"),
        ("/topics/housing", {"titles": {"en": "Housing"}}, "titles.sv", "Swedish title"),
        ("/topics/weather", {"titles": {"sv": "Väder", "klingon": "x"}}, "titles.klingon",
         "unknown language code"),
    ],
)  # fmt: skip
async def test_a_refused_change_names_the_field_and_changes_no_row(
    server: EmbeddedServer, path: str, body: dict[str, Any], field: str, reason: str
) -> None:
    async with await signed_in(server, EDITOR) as http:
        await write_housing(http)
        await ok(http, "POST", f"{QUESTION}/texts/ar", ARABIC)
        before = dump(database(server))
        status, answer = await call(http, "POST", API + path, body)
        assert status == 400, answer
        assert answer["field"] == field and reason in answer["message"], answer
        assert dump(database(server)) == before


async def test_a_new_question_with_one_bad_part_is_not_saved_at_all(
    server: EmbeddedServer,
) -> None:
    async with await signed_in(server, EDITOR) as http:
        await write_housing(http)
        bad = {**QUEUE, "links": ["https://bostad.stockholm.se/", "ftp://files.example.se/"]}
        status, answer = await call(http, "POST", f"{API}/questions/moving", bad)
        assert (status, answer["field"]) == (400, "links.1")
        assert (await call(http, "GET", f"{API}/questions/moving"))[0] == 404
        overview = await ok(http, "GET", f"{API}/draft")
        assert [q["id"] for q in overview["questions"]] == ["housing-queue"]


# --- recordings ------------------------------------------------------------------------------


async def upload(
    http: aiohttp.ClientSession, language: str, data: bytes, *, header: bool = True
) -> tuple[int, Any]:
    form = aiohttp.FormData()
    form.add_field("file", data, filename="reading.wav", content_type="audio/wav")
    headers = {UPLOAD_HEADER: "1"} if header else {}
    async with http.post(f"{QUESTION}/audio/{language}", data=form, headers=headers) as resp:
        return resp.status, await resp.json()


async def test_a_recording_is_taken_by_its_bytes_up_to_5_mb_and_only_with_the_header(
    server: EmbeddedServer,
) -> None:
    async with await signed_in(server, EDITOR) as http:
        await write_housing(http)
        wav = wav_bytes()
        assert (await upload(http, "ar", wav, header=False))[0] == 415
        status, saved = await upload(http, "ar", wav)
        assert status == 200, saved
        assert saved["audio"]["ar"]["mime"] == "audio/wav"
        assert saved["audio"]["ar"]["bytes"] == len(wav)
        before = dump(database(server))
        status, refused = await upload(http, "so", b"<html><script>x</script></html>")
        assert (status, refused["field"]) == (400, "")
        assert "not Ogg, MP3 or WAV" in refused["message"]
        status, refused = await upload(http, "so", wav[:44] + bytes(MAX_AUDIO_BYTES))
        assert status == 413 and "at most" in refused["message"]
        assert (await upload(http, "xx", wav))[0] == 400
        assert dump(database(server)) == before
        overview = await ok(http, "GET", f"{API}/draft")
        assert overview["questions"][0]["audio"] == ["ar"]
        saved = await ok(http, "POST", f"{QUESTION}/audio/ar/remove")
        assert saved["audio"] == {}
        assert (await call(http, "POST", f"{QUESTION}/audio/ar/remove"))[0] == 404


# --- the preview -----------------------------------------------------------------------------


async def test_the_preview_is_what_a_kiosk_would_show_with_its_fallback_note(
    server: EmbeddedServer,
) -> None:
    async with await signed_in(server, EDITOR) as http:
        await write_housing(http)
        await ok(http, "POST", f"{QUESTION}/texts/ar", ARABIC)
        english = {**ARABIC, "title": "Joining the housing queue", "body": "Register online.",
                   "link_labels": []}  # fmt: skip
        await ok(http, "POST", f"{QUESTION}/texts/en", english)
        await ok(http, "POST", QUESTION, {**QUEUE, "body": "Ny text."})  # en, ar outdated
        await ok(http, "POST", f"{QUESTION}/texts/en/current")

        shown: dict[str, Any] = {}
        for language in ("ar", "so", "en", "sv"):
            shown[language] = await ok(http, "GET", f"{QUESTION}/preview?language={language}")
        assert (shown["ar"]["language"], shown["ar"]["note"]) == ("ar", "outdated")
        assert shown["ar"]["direction"] == "rtl" and shown["ar"]["title"] == ARABIC["title"]
        assert shown["ar"]["links"] == [
            {"url": QUEUE["links"][0], "host": "bostad.stockholm.se", "label": "مكتب السكن"}
        ]
        assert shown["ar"]["topic"] == "Housing"  # no Arabic topic title: English, as a kiosk
        assert (shown["so"]["language"], shown["so"]["note"]) == ("en", "missing")
        assert shown["so"]["links"][0]["label"] == "Bostadsförmedlingen"
        assert (shown["en"]["note"], shown["sv"]["note"]) == ("none", "none")
        assert shown["sv"]["body"] == "Ny text." and shown["sv"]["hours"] == QUEUE["hours"]

        # The kiosk's own parser takes the entry, and its fallback rule picks the same text.
        bundle = {"version": 1, "topics": [{"id": "housing", "titles": {"sv": "Bostad"}}],
                  "questions": [shown["ar"]["entry"]]}  # fmt: skip
        question = parse_bundle(json.dumps(bundle)).questions[0]
        for language, preview in shown.items():
            kiosk_view = shown_text(question, language)
            assert kiosk_view.language == preview["language"]
            assert Note(kiosk_view.note).value == preview["note"]
        status, refused = await call(http, "GET", f"{QUESTION}/preview?language=xx")
        assert (status, refused["field"]) == (400, "language")
        assert (await call(http, "GET", f"{API}/questions/nothing/preview"))[0] == 404


# --- publishing and history ------------------------------------------------------------------


async def test_publish_reaches_a_connected_kiosk_at_once_and_history_compares_and_republishes(
    server: EmbeddedServer,
) -> None:
    resident = await kiosk(server, server.add_kiosk("K1", "Rinkeby"))
    async with await signed_in(server, EDITOR) as http:
        status, refused = await call(http, "POST", f"{API}/publish")
        assert status == 400 and "nothing to publish" in refused["message"]
        await write_housing(http)
        assert await ok(http, "POST", f"{API}/publish") == {"version": 1}
        # The hook ran before the answer: the exchange knows the version, not the 2 s look.
        assert server.app is not None
        assert server.app[SWITCHBOARD].exchange.answers.version == 1
        await resident.expect(m.AnswersPublished, version=1)

        await ok(http, "POST", f"{QUESTION}/texts/ar", ARABIC)
        await ok(http, "POST", f"{API}/topics/work", {"titles": {"sv": "Arbete"}})
        assert (await ok(http, "POST", f"{API}/publish"))["version"] == 2
        await resident.expect(m.AnswersPublished, version=2)

        history = await ok(http, "GET", f"{API}/versions")
        assert [(v["version"], v["published_by"]) for v in history] == [
            (2, EDITOR_NAME), (1, EDITOR_NAME),
        ]  # fmt: skip
        assert history[0]["published_at"] >= history[1]["published_at"] > 0
        changes = await ok(http, "GET", f"{API}/versions/compare?from=1&to=2")
        assert changes == {
            "topics": [{"id": "work", "change": "added"}],
            "questions": [
                {"id": "housing-queue", "change": "changed", "languages": ["ar"], "data": False}
            ],
        }
        nothing: dict[str, list[Any]] = {"topics": [], "questions": []}
        assert await ok(http, "GET", f"{API}/versions/compare?from=2") == nothing  # to the draft
        status, refused = await call(http, "GET", f"{API}/versions/compare?from=9&to=2")
        assert status == 404 and "from" in refused["message"]

        assert await ok(http, "POST", f"{API}/versions/1/republish") == {"version": 3, "from": 1}
        await resident.expect(m.AnswersPublished, version=3)
        assert await ok(http, "GET", f"{API}/versions/compare?from=1&to=3") == nothing
        back = await ok(http, "GET", f"{API}/versions/compare?from=3")
        assert [q["languages"] for q in back["questions"]] == [["ar"]]
        assert (await call(http, "POST", f"{API}/versions/7/republish"))[0] == 404
    await resident.expect_quiet()
    await resident.close()


async def test_the_audit_log_names_each_change_and_never_the_words(
    server: EmbeddedServer,
) -> None:
    async with await signed_in(server, EDITOR) as http:
        await write_housing(http)
        await ok(http, "POST", f"{QUESTION}/texts/ar", ARABIC)
        await ok(http, "POST", f"{QUESTION}/texts/ar/current")
        assert (await upload(http, "ar", wav_bytes()))[0] == 200
        await ok(http, "POST", f"{API}/publish")
        await ok(http, "POST", f"{API}/versions/1/republish")
    entries = server.with_store(lambda s: s.audit_log(50))
    mine = [(e.actor, e.action, e.target) for e in reversed(entries) if e.action != "admin_sign_in"]
    actor = f"editor:{EDITOR[0]}"
    assert mine == [
        (actor, "answers_save_topic", "housing"),
        (actor, "answers_save_question", "housing-queue"),
        (actor, "answers_save_text", "housing-queue/ar"),
        (actor, "answers_mark_current", "housing-queue/ar"),
        (actor, "answers_audio", "housing-queue/ar"),
        (actor, "answers_publish", "version 1"),
        (actor, "answers_republish", "version 2"),
    ]
    details = " ".join(e.detail for e in entries)
    for words in (QUEUE["title"], QUEUE["body"], ARABIC["body"], "Bostad", "bostad.stockholm"):
        assert words not in details


async def test_a_stream_of_edits_from_two_editors_at_once_loses_none(
    server: EmbeddedServer,
) -> None:
    async with await signed_in(server, EDITOR) as first, await signed_in(server, ADMIN) as second:
        await write_housing(first)
        await asyncio.gather(
            ok(first, "POST", f"{QUESTION}/texts/ar", ARABIC),
            ok(second, "POST", f"{QUESTION}/texts/so", {**ARABIC, "title": "Safka guryaha",
                                                        "body": "Iska diiwaangeli.",
                                                        "link_labels": []}),
        )  # fmt: skip
        saved = await ok(first, "GET", QUESTION)
        assert sorted(saved["texts"]) == ["ar", "so", "sv"]
        assert saved["texts"]["so"]["reviewed_by"] == "IT Desk"


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/plain", b"OggS not a form"),
        ("multipart/form-data", b"--x\r\n\r\nOggS"),  # no boundary
        ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data"),  # cut
        ("multipart/form-data; boundary=x",
         b'--x\r\nContent-Disposition: form-data; name="other"\r\n\r\nOggS\r\n--x--\r\n'),
        ("multipart/form-data; boundary=x", b""),
        ("application/json", b'{"file": "OggS"}'),
    ],
)  # fmt: skip
async def test_a_malformed_upload_is_refused_with_a_reason_and_the_server_lives_on(
    server: EmbeddedServer, content_type: str, body: bytes
) -> None:
    async with await signed_in(server, EDITOR) as http:
        await write_housing(http)
        before = dump(database(server))
        headers = {"Content-Type": content_type, UPLOAD_HEADER: "1"}
        async with http.post(f"{QUESTION}/audio/ar", data=body, headers=headers) as resp:
            status, text = resp.status, await resp.text()
        assert status in (400, 415), text
        assert "message" in json.loads(text)
        assert dump(database(server)) == before
        assert (await ok(http, "GET", QUESTION))["audio"] == {}


def test_the_page_puts_text_in_as_text_only() -> None:
    """Answers are plain text: the editor's script never hands the browser a string to parse."""
    script = (STATIC / "answers.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script, sink
    assert "textContent" in script
