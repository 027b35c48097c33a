"""Three-way calls over a real server (issue 16, docs/protocol.md §Interpreter).

Three headless parties, each the real signaling client and CallMedia over aiortc on loopback: a
kiosk, an adviser and an interpreter account, on an embedded server with a fresh SQLite file.
Media are small (320x240 at 15 fps) so three parties fit on a loaded two-core machine; each
party's picture is labelled with its name and each direction is counted on its own connection.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator

import pytest

from kiosklink.headless import (
    HeadlessParty,
    headless_adviser,
    headless_interpreter,
    headless_kiosk,
)
from rtc.documents import DocumentDelivered, DocumentReceived
from rtc.media import MediaConfig
from rtc.media.still import synthetic_still
from rtc.signaling_client import Connected
from signaling import messages as m
from signaling.embedded import EmbeddedServer

PASSWORD = "a-long-enough-password"
NAMES = ("kiosk", "adviser", "interpreter")
LINKS = tuple((receiver, sender) for receiver in NAMES for sender in NAMES if sender != receiver)


def _media(name: str) -> MediaConfig:
    return MediaConfig(width=320, height=240, fps=15, synthetic_label=name)


@pytest.fixture
async def parties() -> AsyncIterator[dict[str, HeadlessParty]]:
    started: dict[str, HeadlessParty] = {}
    yield started
    for party in started.values():
        await party.close()


async def _signed_in(party: HeadlessParty) -> HeadlessParty:
    await party.wait_until(lambda: any(isinstance(e, Connected) for e in party.events), 10)
    return party


async def _in_call(server: EmbeddedServer, parties: dict[str, HeadlessParty]) -> None:
    """Kiosk and adviser in a call with frames both ways; the interpreter signed in, available."""
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    server.add_interpreter("tesfay", PASSWORD, {"ti": "native"})
    url = server.http_url, server.adviser_url
    parties["adviser"] = await _signed_in(
        await headless_adviser(*url, "amal", PASSWORD, name="adviser", media=_media("adviser"))
    )
    parties["interpreter"] = await _signed_in(
        await headless_interpreter(*url, "tesfay", PASSWORD, media=_media("interpreter"))
    )
    token = server.add_kiosk("K1", "Rinkeby bibliotek")
    parties["kiosk"] = await _signed_in(
        await headless_kiosk(server.kiosk_url, token, media=_media("kiosk"))
    )
    await parties["adviser"].go_available()
    await parties["interpreter"].go_available()
    await parties["kiosk"].join("ar")
    await _until_frames(parties, (("kiosk", "adviser"), ("adviser", "kiosk")), 5, 30)


async def _until_frames(
    parties: dict[str, HeadlessParty],
    links: tuple[tuple[str, str], ...],
    more_than: int | dict[tuple[str, str], int],
    timeout: float,
) -> None:
    def floor(link: tuple[str, str]) -> int:
        return more_than if isinstance(more_than, int) else more_than[link]

    def enough() -> bool:
        return all(parties[r].frames_from(s) > floor((r, s)) for r, s in links)

    try:
        await parties["kiosk"].wait_until(enough, timeout)
    except TimeoutError:
        seen = {f"{r}<-{s}": parties[r].frames_from(s) for r, s in links}
        raise AssertionError(f"frames did not come on every link: {seen}") from None


async def _three_way(parties: dict[str, HeadlessParty]) -> None:
    await parties["adviser"].invite_interpreter("ti")
    await _until_frames(parties, LINKS, 5, 45)


def _told(party: HeadlessParty, state: str) -> list[m.Interpreter]:
    return [e for e in party.events if isinstance(e, m.Interpreter) and e.state == state]


async def test_three_parties_see_and_read_each_other_and_a_letter_goes_to_the_adviser(
    running_server: EmbeddedServer, parties: dict[str, HeadlessParty]
) -> None:
    await _in_call(running_server, parties)
    kiosk, adviser, interpreter = (parties[name] for name in NAMES)
    await _three_way(parties)
    print({f"{r}<-{s}": parties[r].frames_from(s) for r, s in LINKS})
    call_started = [e for e in interpreter.events if isinstance(e, m.CallStarted)]
    assert call_started[-1].interpreting and call_started[-1].call_id == kiosk.media.call_id
    assert _told(kiosk, "joined") and _told(adviser, "joined")

    # Each party's line reaches both others.
    for name in NAMES:
        await parties[name].commit_text(f"hello from the {name}")
    await kiosk.wait_until(
        lambda: all(parties[r].lines.get(s) == f"hello from the {s}" for r, s in LINKS), 20
    )

    # A 2 MB page from the kiosk to the adviser, byte-identical, while the call is three-way.
    still = synthetic_still(seed=0)
    doc_id = kiosk.send_document(still)
    await adviser.wait_until(lambda: bool(adviser.documents_of(DocumentReceived)), 120)
    await kiosk.wait_until(lambda: bool(kiosk.documents_of(DocumentDelivered)), 30)
    page = adviser.documents_of(DocumentReceived)[-1]
    assert page.doc_id == doc_id and page.data == still.data
    assert page.sha256 == hashlib.sha256(still.data).hexdigest()
    assert interpreter.document_events == []  # documents go to the adviser only

    # The interpreter leaves; the call goes on between kiosk and adviser.
    await interpreter.hang_up()
    for party in (kiosk, adviser):
        await party.wait_until(lambda p=party: bool(_told(p, "left")), 10)  # type: ignore[misc]
        assert _told(party, "left")[-1].reason == "hangup"
    await interpreter.wait_until(lambda: interpreter.session is None, 10)
    main = {link: parties[link[0]].frames_from(link[1]) for link in LINKS[:1] + LINKS[2:3]}
    await _until_frames(parties, tuple(main), {k: v + 15 for k, v in main.items()}, 30)
    assert kiosk.media.session_of("interpreter") is None
    assert adviser.media.session_of("interpreter") is None
    assert kiosk.in_call and adviser.in_call


async def test_an_interpreter_who_vanishes_leaves_and_the_call_goes_on(
    running_server: EmbeddedServer, parties: dict[str, HeadlessParty]
) -> None:
    await _in_call(running_server, parties)
    kiosk, adviser, interpreter = (parties[name] for name in NAMES)
    await _three_way(parties)

    await interpreter.client.close()  # its connection to the server is gone, its media not yet
    for party in (kiosk, adviser):
        await party.wait_until(lambda p=party: bool(_told(p, "left")), 15)  # type: ignore[misc]
        assert _told(party, "left")[-1].reason == "disconnected"
        assert party.media.session_of("interpreter") is None
    main = {link: parties[link[0]].frames_from(link[1]) for link in LINKS[:1] + LINKS[2:3]}
    await _until_frames(parties, tuple(main), {k: v + 15 for k, v in main.items()}, 30)
    await kiosk.commit_text("still here")
    await adviser.wait_until(lambda: adviser.lines.get("kiosk") == "still here", 10)


async def test_an_invite_for_a_language_nobody_interprets_is_unavailable(
    running_server: EmbeddedServer, parties: dict[str, HeadlessParty]
) -> None:
    await _in_call(running_server, parties)
    kiosk, adviser, _ = (parties[name] for name in NAMES)

    await adviser.invite_interpreter("fi")
    await adviser.wait_until(lambda: bool(_told(adviser, "unavailable")), 10)
    told = _told(adviser, "unavailable")[-1]
    assert (told.language, told.reason) == ("fi", "nobody_interprets")
    main = {link: parties[link[0]].frames_from(link[1]) for link in LINKS[:1] + LINKS[2:3]}
    await _until_frames(parties, tuple(main), {k: v + 15 for k, v in main.items()}, 30)
    assert not _told(kiosk, "unavailable")  # the kiosk is never told; the call goes on
    assert kiosk.media.party_figures.keys() == {"adviser"}
