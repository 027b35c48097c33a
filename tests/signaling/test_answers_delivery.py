"""The common questions reach kiosks, and what residents do with them is counted: over a real
server on 127.0.0.1, real SQLite files and strict wire clients (docs/protocol.md §Common
questions).

* a publish reaches every connected kiosk as ``answers_published``: made in the server's process
  (the admin web's hook) or by another process on the same database file (the CLI);
* the ``welcome`` carries the published version, after a restart too;
* ``GET /api/kiosk/answers`` and ``/audio/{sha256}``: the bundle, 304, 401, 404, the recording;
* ``answer_event`` counted, read back through ``/admin/api/answers/stats`` and ``/metrics``;
  refused when malformed or naming no published question, and the connection lives on.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import time
import wave
from collections.abc import Callable
from datetime import datetime
from typing import Any

import aiohttp
from multidict import CIMultiDict
from prometheus_client.parser import text_string_to_metric_families

from signaling import messages as m
from signaling.answers.edit import QuestionData, Words
from signaling.embedded import EmbeddedServer
from signaling.errors import ErrorCode
from signaling.server import SWITCHBOARD
from signaling.store import Store
from signaling.today import service_timezone
from tests.signaling.test_store import FAST
from tests.signaling.wire import WireClient, kiosk

METRICS_TOKEN = "answers-metrics-token-0123456789abcdef"
BUNDLE = "/api/kiosk/answers"
# The periodic look at the store runs every 2 s; a publish from outside may take that and the
# fetch of the bundle, on a machine shared with other tests.
OUTSIDE_TIMEOUT_S = 15.0


def start(server_factory: Callable[..., EmbeddedServer], **sections: Any) -> EmbeddedServer:
    return server_factory(metrics={"token": METRICS_TOKEN, "allow_from": []}, **sections)


async def write_draft(store: Store, *, now: float) -> None:
    """Two questions on housing, in Swedish, one in Arabic too."""
    answers = store.answers
    await answers.save_topic("housing", {"sv": "Bostad", "en": "Housing"})
    for qid, title in (("housing-queue", "Bostadskön"), ("moving", "Flytta")):
        await answers.save_question(
            QuestionData(id=qid, topic="housing"),
            original=Words(title=title, body=f"{title}: så gör du."),
            reviewed_by="Editor Eva",
            now=now,
        )
    arabic = Words(title="طابور السكن", body="هكذا تفعل.")
    await answers.save_text("housing-queue", "ar", arabic, reviewed_by="Editor Eva", now=now)


async def publish(store: Store) -> int:
    await write_draft(store, now=time.time())
    return await store.answers.publish(by="editor:eva", now=time.time())


def publish_in_process(server: EmbeddedServer) -> int:
    """What the admin web's publish does: the store, then the switchboard's hook, in the
    server's own process and loop. Returns the version; the exchange knows it on return."""
    assert server.app is not None
    board = server.app[SWITCHBOARD]

    async def run() -> int:
        version = await publish(board.store)
        await board.answers_published(version)
        assert board.exchange.answers.version == version  # the hook, not the periodic look
        return version

    return server.run(run())


def welcome_of(client: WireClient) -> m.KioskWelcome:
    welcome = client.seen[0]
    assert isinstance(welcome, m.KioskWelcome)
    return welcome


def wav_bytes() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x01" * 800)
    return out.getvalue()


async def get(
    server: EmbeddedServer, path: str, token: str | None, **headers: str
) -> tuple[int, CIMultiDict[str], bytes]:
    sent = {**headers, **({"Authorization": f"Bearer {token}"} if token else {})}
    async with (
        aiohttp.ClientSession() as http,
        http.get(server.http_url + path, headers=sent) as resp,
    ):
        return resp.status, resp.headers.copy(), await resp.read()  # names any case


def admin_token(server: EmbeddedServer) -> str:
    admin = server.add_adviser("it-admin", "a long admin password", {"sv": "native"}, is_admin=True)
    return server.with_store(
        lambda s: s.create_session(admin, ttl_s=600, now=time.time(), admin=True)
    )


async def stats(server: EmbeddedServer, token: str) -> dict[str, Any]:
    status, _, body = await get(server, "/admin/api/answers/stats", token)
    assert status == 200, body
    result: dict[str, Any] = json.loads(body)
    return result


# --- publishing reaches kiosks ---------------------------------------------------------------


async def test_a_publish_in_the_server_process_reaches_every_connected_kiosk_once(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory)
    first = await kiosk(server, server.add_kiosk("K1", "Rinkeby"))
    second = await kiosk(server, server.add_kiosk("K2", "Kista"))
    assert [welcome_of(c).answers_version for c in (first, second)] == [0, 0]
    version = await asyncio.to_thread(publish_in_process, server)
    for client in (first, second):
        await client.expect(m.AnswersPublished, version=version)
    # The periodic look at the store finds the same version: nobody is told twice.
    await asyncio.sleep(2.5)
    for client in (first, second):
        await client.expect_quiet()
        await client.close()


async def test_a_publish_by_another_process_reaches_connected_kiosks(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory)
    client = await kiosk(server, server.add_kiosk("K1", "Rinkeby"))
    # The CLI's way: its own Store on the same SQLite file, no word to the server.
    cli = await Store.open(server.settings.database.path, hasher=FAST)
    try:
        version = await publish(cli)
    finally:
        await cli.close()
    await client.expect(m.AnswersPublished, version=version, timeout=OUTSIDE_TIMEOUT_S)
    status, headers, body = await get(server, BUNDLE, server.add_kiosk("K2", "Kista"))
    assert (status, headers["ETag"], json.loads(body)["version"]) == (200, f'"{version}"', version)
    await client.close()


async def test_the_welcome_carries_the_published_version_after_a_restart(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory)
    token = server.add_kiosk("K1", "Rinkeby")
    version = await asyncio.to_thread(publish_in_process, server)
    server.stop()
    restarted = start(server_factory)  # the same settings: the same SQLite file
    client = await WireClient.open(restarted.kiosk_url, "kiosk")
    await client.send(m.Hello(protocol=1, token=token))
    welcome = await client.expect(m.KioskWelcome)
    assert welcome.answers_version == version == 1
    await client.expect_quiet()
    await client.close()


# --- the bundle and the recordings over HTTP -------------------------------------------------


async def test_the_bundle_with_its_etag_304_401_and_404(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory)
    token = server.add_kiosk("K1", "Rinkeby")
    status, _, body = await get(server, BUNDLE, token)
    assert status == 404
    assert json.loads(body) == {
        "code": "not_found",
        "message": "no common questions are published yet",
    }
    version = await asyncio.to_thread(publish_in_process, server)
    status, headers, body = await get(server, BUNDLE, token)
    assert status == 200
    assert headers["ETag"] == f'"{version}"' and headers["Cache-Control"] == "no-cache"
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    bundle = json.loads(body)
    assert bundle["version"] == version
    assert sorted(q["id"] for q in bundle["questions"]) == ["housing-queue", "moving"]
    for current in (f'"{version}"', f'W/"{version}"', f'"0", "{version}"', "*"):
        status, headers, body = await get(server, BUNDLE, token, **{"If-None-Match": current})
        assert (status, body, headers["ETag"]) == (304, b"", f'"{version}"'), current
    status, _, _ = await get(server, BUNDLE, token, **{"If-None-Match": '"0"'})
    assert status == 200
    for wrong in (None, "not-a-kiosk-token", _revoked_token(server)):
        status, headers, body = await get(server, BUNDLE, wrong)
        assert status == 401 and json.loads(body)["code"] == "unauthorized", wrong
        assert headers["WWW-Authenticate"] == 'Bearer realm="kiosk"'
    # A publish later: the kiosk's old ETag no longer matches.
    second = await asyncio.to_thread(publish_in_process, server)
    status, headers, _ = await get(server, BUNDLE, token, **{"If-None-Match": f'"{version}"'})
    assert (status, headers["ETag"]) == (200, f'"{second}"')


def _revoked_token(server: EmbeddedServer) -> str:
    token = server.add_kiosk("Old", "Rinkeby")
    kiosk_record = server.with_store(lambda s: s.kiosk_by_token(token))
    assert kiosk_record is not None
    server.with_store(lambda s: s.revoke_kiosk(kiosk_record.id))
    return token


async def test_a_recording_by_its_digest(server_factory: Callable[..., EmbeddedServer]) -> None:
    server = start(server_factory)
    token = server.add_kiosk("K1", "Rinkeby")
    data = wav_bytes()

    async def with_audio() -> None:
        assert server.app is not None
        store = server.app[SWITCHBOARD].store
        await write_draft(store, now=time.time())
        await store.answers.set_audio("housing-queue", "ar", data)

    server.run(with_audio())
    await asyncio.to_thread(publish_in_process, server)
    _, _, body = await get(server, BUNDLE, token)
    (question,) = [q for q in json.loads(body)["questions"] if q["id"] == "housing-queue"]
    digest = question["audio"]["ar"]["sha256"]
    assert digest == hashlib.sha256(data).hexdigest()
    path = f"{BUNDLE}/audio/{digest}"
    status, headers, got = await get(server, path, token)
    assert (status, got, headers["Content-Type"]) == (200, data, question["audio"]["ar"]["mime"])
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["ETag"] == f'"{digest}"'
    status, _, got = await get(server, path, token, **{"If-None-Match": f'"{digest}"'})
    assert (status, got) == (304, b"")
    assert (await get(server, path, None))[0] == 401
    assert (await get(server, f"{BUNDLE}/audio/{'0' * 64}", token))[0] == 404
    for bad in ("abc", digest.upper(), digest + "0", "..%2F..%2Fetc"):
        status, _, body = await get(server, f"{BUNDLE}/audio/{bad}", token)
        assert status in (400, 404), bad
        if status == 400:
            assert json.loads(body)["code"] == "bad_message"


# --- answer events ---------------------------------------------------------------------------


async def test_answer_events_are_counted_and_read_back_by_question_and_language(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory)
    admin = admin_token(server)
    client = await kiosk(server, server.add_kiosk("K1", "Rinkeby"))
    await asyncio.to_thread(publish_in_process, server)
    await client.expect(m.AnswersPublished, version=1)
    sent = [
        m.AnswerEvent(language="ar", event="viewed", question="housing-queue"),
        m.AnswerEvent(language="ar", event="viewed", question="housing-queue"),
        m.AnswerEvent(language="ar", event="helped", question="housing-queue"),
        m.AnswerEvent(language="sv", event="viewed", question="moving"),
        m.AnswerEvent(language="sv", event="to_adviser", question="moving"),
        m.AnswerEvent(language="ar", event="no_result"),
    ]
    for event in sent:
        await client.send(event)
    await client.expect_quiet()  # accepted silently: no reply
    today = datetime.now(service_timezone(server.settings)).date().isoformat()
    got = await stats(server, admin)
    assert got == {
        "from": got["from"],
        "to": today,
        "site": None,
        "questions": [
            {
                "question": "housing-queue",
                "language": "ar",
                "viewed": 2,
                "helped": 1,
                "not_helped": 0,
                "to_adviser": 0,
            },
            {
                "question": "moving",
                "language": "sv",
                "viewed": 1,
                "helped": 0,
                "not_helped": 0,
                "to_adviser": 1,
            },
        ],
        "no_result": [{"language": "ar", "count": 1}],
    }
    elsewhere = await get(server, "/admin/api/answers/stats?site=Kista", admin)
    assert json.loads(elsewhere[2])["questions"] == []
    assert await metric_samples(server) == {
        ("helped", "ar"): 1,
        ("no_result", "ar"): 1,
        ("to_adviser", "sv"): 1,
        ("viewed", "ar"): 2,
        ("viewed", "sv"): 1,
    }
    await client.close()


async def metric_samples(server: EmbeddedServer) -> dict[tuple[str, str], float]:
    status, _, body = await get(server, "/metrics", METRICS_TOKEN)
    assert status == 200
    found = {}
    for family in text_string_to_metric_families(body.decode()):
        for s in family.samples:
            if s.name == "kiosklink_answer_events_total":
                found[(s.labels["event"], s.labels["language"])] = s.value
    return found


async def test_bad_answer_events_are_refused_and_the_connection_lives(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory)
    admin = admin_token(server)
    client = await kiosk(server, server.add_kiosk("K1", "Rinkeby"))
    await client.send(m.AnswerEvent(language="ar", event="viewed", question="moving"))
    await client.expect(m.Error, code=ErrorCode.NOT_FOUND, ref_type="answer_event")
    await asyncio.to_thread(publish_in_process, server)
    await client.expect(m.AnswersPublished, version=1)
    malformed: list[dict[str, Any]] = [
        {"type": "answer_event", "language": "ar", "event": "viewed"},  # no question
        {"type": "answer_event", "language": "ar", "event": "no_result", "question": "moving"},
        {"type": "answer_event", "language": "ar", "event": "liked", "question": "moving"},
        {"type": "answer_event", "language": "<ar>", "event": "viewed", "question": "moving"},
        {"type": "answer_event", "language": "ar", "event": "no_result", "query": "19800101-1234"},
        {"type": "answer_event", "language": "ar", "event": "viewed", "question": ["moving"]},
    ]
    for data in malformed:
        await client.send_raw(data)
        error = await client.expect(m.Error)
        assert error.code is ErrorCode.BAD_MESSAGE and error.ref_type == "answer_event", data
    await client.send(m.AnswerEvent(language="ar", event="viewed", question="bankid"))
    unknown = await client.expect(m.Error, code=ErrorCode.NOT_FOUND, ref_type="answer_event")
    assert "'bankid' is not in the published common questions (version 1)" in unknown.message
    await client.send(m.AnswerEvent(language="xx", event="viewed", question="moving"))
    await client.expect(m.Error, code=ErrorCode.OUT_OF_ROLE, ref_type="answer_event")
    # Still connected and heard; nothing refused was counted.
    await client.send(m.AnswerEvent(language="ar", event="viewed", question="moving"))
    await client.expect_quiet()
    got = await stats(server, admin)
    assert [(q["question"], q["language"], q["viewed"]) for q in got["questions"]] == [
        ("moving", "ar", 1)
    ]
    assert got["no_result"] == []
    await client.close()


async def test_a_flood_of_answer_events_is_rate_limited_and_only_accepted_ones_count(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory, server={"rate_limit_per_s": 1.0, "rate_limit_burst": 5})
    admin = admin_token(server)
    client = await kiosk(server, server.add_kiosk("K1", "Rinkeby"))
    await asyncio.to_thread(publish_in_process, server)
    await client.expect(m.AnswersPublished, version=1)
    sent = 12
    for _ in range(sent):
        await client.send(m.AnswerEvent(language="sv", event="viewed", question="moving"))
    limited = 0
    for _ in range(sent):  # bounded: at most one refusal per event sent
        try:
            await client.expect(m.Error, code=ErrorCode.RATE_LIMITED, timeout=1.0)
        except TimeoutError:
            break
        limited += 1
    assert limited >= 1
    # Every frame has been read by now (a second went by without a refusal).
    got = await stats(server, admin)
    assert [(q["question"], q["viewed"]) for q in got["questions"]] == [("moving", sent - limited)]
    await client.close()
