"""A headless adviser or kiosk in a process of its own, for tests that stop it (SIGSTOP) mid-call.

    python -m tests.e2e.far_party adviser HTTP_URL WS_URL USERNAME PASSWORD
    python -m tests.e2e.far_party kiosk WS_URL TOKEN LANGUAGE

The adviser signs in, goes available and accepts every offer; the kiosk joins LANGUAGE. Each
step of :class:`kiosklink.headless.HeadlessParty` is printed on its own line, flushed, so the test
can follow (``ready`` once connected and, for the adviser, available). Runs until killed.
"""

from __future__ import annotations

import asyncio
import sys

from kiosklink.headless import HeadlessParty, headless_adviser, headless_kiosk
from rtc.signaling_client import Connected


def say(who: str, what: str) -> None:
    print(f"{who}: {what}", flush=True)


async def main(role: str, args: list[str]) -> None:
    party: HeadlessParty
    if role == "adviser":
        http_url, ws_url, username, password = args
        party = await headless_adviser(
            http_url, ws_url, username, password, name=username, on_step=say, auto_accept=True
        )
    else:
        ws_url, token, _ = args
        party = await headless_kiosk(ws_url, token, name="kiosk", on_step=say)
    await party.wait_until(lambda: any(isinstance(e, Connected) for e in party.events), 20)
    if role == "adviser":
        await party.go_available()
    else:
        await party.join(args[2])
    say(party.name, "ready")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2:]))
