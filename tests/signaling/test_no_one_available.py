"""Nobody signed in for a language: no wait range, in the welcome or in line (issue #12 item 5).

Over a real server on 127.0.0.1: before, every language showed "0–13 min" with nobody to answer.
"""

from __future__ import annotations

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from tests.signaling.wire import WireClient, adviser

PASSWORD = "correct horse battery"


async def hello(server: EmbeddedServer, token: str) -> tuple[WireClient, m.KioskWelcome]:
    client = await WireClient.open(server.kiosk_url, "kiosk")
    await client.send(m.Hello(protocol=1, token=token))
    return client, await client.expect(m.KioskWelcome)


def waits(welcome: m.KioskWelcome) -> dict[str, m.WaitEstimate | None]:
    return {info.code: info.wait for info in welcome.languages}


async def test_no_range_until_an_adviser_for_the_language_is_signed_in(
    running_server: EmbeddedServer,
) -> None:
    server = running_server
    token = server.add_kiosk("Kiosk Rinkeby 1", "Rinkeby library")
    server.add_adviser("amal", PASSWORD, {"ar": "native"})

    first, welcome = await hello(server, token)
    assert welcome.languages, "the service staffs languages"
    assert set(waits(welcome).values()) == {None}  # nobody signed in: no range anywhere
    await first.send(m.Join(language="ar", topic="letter"))
    queued = await first.expect(m.Queued)
    assert queued.position == 1 and queued.wait is None

    away = await adviser(server, "amal", available=False)
    await first.expect_quiet()  # signed in but away answers nobody: still no range
    await away.send(m.SetStatus(status="available"))
    await away.expect(m.AdviserStatus, status="available")
    await away.expect(m.Offer)  # the resident in line rings at Amal

    second_token = server.add_kiosk("Kiosk Rinkeby 2", "Rinkeby library")
    second, welcome = await hello(server, second_token)
    now = waits(welcome)
    assert now["ar"] is not None and now["ar"].high_s > 0  # Amal is staffed: a range
    assert now["sv"] is None  # still nobody for Swedish
    for client in (first, second, away):
        await client.close()
