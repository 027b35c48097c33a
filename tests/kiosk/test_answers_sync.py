"""kiosk/answers_sync.py and kiosk/answers_player.py over a real server on 127.0.0.1 and real
files: the starter set published through the store reaches the kiosk's cache whole (bundle and
recording checked), an unchanged version costs a 304, a restart reads the cache without any
server, an unreachable server is retried a bounded number of times and changes nothing, and a
cached recording decodes and plays to the end."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from kiosk.answers.bundle import Bundle
from kiosk.answers.cache import AnswersCache
from kiosk.answers.choice import Note, shown_text
from kiosk.answers_player import AnswerReader
from kiosk.answers_sync import ATTEMPTS, AnswersSync
from rtc.media.audio import NullSink
from signaling.embedded import EmbeddedServer
from tests.kiosk.answers.sample import RECORDING, RECORDING_SHA
from tests.kiosk.answers.server_side import ARABIC_TITLE, publish

Factory = Callable[..., EmbeddedServer]


def make_sync(server_url: str, token: str, folder: Path, got: list[Bundle]) -> AnswersSync:
    return AnswersSync(
        AnswersCache(folder),
        server_url=server_url,
        token=token,
        emit=got.append,
        first_retry_s=0.01,
    )


async def test_a_published_version_is_fetched_whole_and_survives_a_restart_without_server(
    server_factory: Factory, tmp_path: Path
) -> None:
    server = server_factory()
    token = server.add_kiosk("K1", "Rinkeby")
    version = await asyncio.to_thread(publish, server, recording=RECORDING)
    got: list[Bundle] = []
    sync = make_sync(server.kiosk_url, token, tmp_path, got)
    await sync.start()
    assert got == []  # an empty cache shows nothing
    sync.want(version)
    await sync.wait()
    assert [b.version for b in got] == [version]
    bundle = got[0]
    assert len(bundle.questions) == 14  # the starter set
    question = bundle.question("housing-queue")
    assert question is not None
    assert shown_text(question, "ar").text.title == ARABIC_TITLE
    somali = shown_text(question, "so")
    assert (somali.language, somali.note) == ("en", Note.MISSING)
    path = sync.cache.audio_path(RECORDING_SHA)
    assert path is not None and path.read_bytes() == RECORDING
    await sync.close()
    server.stop()
    # The kiosk starts again with no server: the cache shows the same version.
    again: list[Bundle] = []
    restarted = make_sync("ws://127.0.0.1:9/ws/kiosk", token, tmp_path, again)
    await restarted.start()
    assert again == [bundle]


async def test_the_same_version_is_not_fetched_again_and_a_newer_one_replaces_it(
    server_factory: Factory, tmp_path: Path
) -> None:
    server = server_factory()
    token = server.add_kiosk("K1", "Rinkeby")
    first = await asyncio.to_thread(publish, server)
    got: list[Bundle] = []
    sync = make_sync(server.kiosk_url, token, tmp_path, got)
    sync.want(first)
    await sync.wait()
    sync.want(first)  # the welcome says what the kiosk has: nothing to do
    await sync.wait()
    sync.want(first + 5)  # a version the server does not have yet: its answer is 304
    await sync.wait()
    assert [b.version for b in got] == [first]
    second = await asyncio.to_thread(publish, server, title="طابور السكن")
    sync.want(second)
    await sync.wait()
    assert [b.version for b in got] == [first, second]
    assert AnswersCache(tmp_path).load() == got[-1]
    await sync.close()


async def test_a_refused_token_changes_nothing(server_factory: Factory, tmp_path: Path) -> None:
    server = server_factory()
    version = await asyncio.to_thread(publish, server)
    got: list[Bundle] = []
    sync = make_sync(server.kiosk_url, "not-a-kiosk-token", tmp_path, got)
    sync.want(version)
    await sync.wait()
    assert got == [] and AnswersCache(tmp_path).load() is None


async def test_an_unreachable_server_is_tried_a_bounded_number_of_times(
    server_factory: Factory, tmp_path: Path, caplog: object
) -> None:
    server = server_factory()
    token = server.add_kiosk("K1", "Rinkeby")
    version = await asyncio.to_thread(publish, server)
    got: list[Bundle] = []
    sync = make_sync(server.kiosk_url, token, tmp_path, got)
    sync.want(version)
    await sync.wait()
    url = server.kiosk_url
    server.stop()
    later: list[Bundle] = []
    offline = make_sync(url, token, tmp_path, later)
    await offline.start()
    offline.want(version + 1)
    await asyncio.wait_for(offline.wait(), 30)  # ends: the attempts are bounded
    assert [b.version for b in later] == [version]  # only what the cache had
    assert AnswersCache(tmp_path).load() == got[0]
    assert ATTEMPTS >= 2


async def test_a_cached_recording_is_read_to_the_end_and_stops_on_request(tmp_path: Path) -> None:
    path = tmp_path / RECORDING_SHA
    path.write_bytes(RECORDING)
    sinks: list[NullSink] = []
    done: list[str] = []

    def open_sink() -> NullSink:
        sinks.append(NullSink())
        return sinks[-1]

    reader = AnswerReader(open_sink=open_sink, on_done=done.append)
    await reader.play(RECORDING_SHA, path)
    await reader.wait()
    assert done == [RECORDING_SHA] and sinks[0].frames > 0
    long = tmp_path / "long.wav"
    from tests.kiosk.answers.sample import tone_wav

    long.write_bytes(tone_wav(seconds=30))
    await reader.play("long", long)
    await asyncio.sleep(0.3)
    await reader.stop()
    assert done == [RECORDING_SHA, "long"]
    assert 0 < sinks[1].frames < 30 * 16_000 / 1024  # stopped well before the end
