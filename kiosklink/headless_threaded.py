"""A :class:`~kiosklink.headless.HeadlessParty` on a loop thread of its own, with blocking methods.

For tests of the Qt apps: the app under test owns the main thread (Qt) and its own asyncio thread,
and the far end of its calls runs here as the other app would, on an
:class:`~rtc.loop_thread.LoopThread`. Every method may be called from any thread; each one runs
its work on the party's loop and waits for it, with a ceiling, so the party's state is only ever
touched on its own loop::

    kiosk = ThreadedKiosk(server.kiosk_url, token).start()
    kiosk.send(m.Join(language="ar"))
    ...
    kiosk.stop()

Media are small (320x240 at 15 fps) so the app under test keeps most of the CPU, and no quality
reports are sent: those tests check what the app shows, not the server's records.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Self, TypeVar

from kiosklink.headless import HeadlessParty, headless_adviser, headless_kiosk
from rtc.loop_thread import LoopThread
from rtc.media import MediaConfig
from rtc.media.still import Still
from rtc.signaling_client import ClientEvent
from rtc.text import RttUpdate
from signaling import messages as m

T = TypeVar("T")

SMALL_MEDIA = MediaConfig(width=320, height=240, fps=15)
START_TIMEOUT_S = 15.0
CALL_TIMEOUT_S = 10.0


class ThreadedParty:
    """Runs the party that ``make`` starts (on the party's loop) until :meth:`stop`."""

    def __init__(self, make: Callable[[], Awaitable[HeadlessParty]], *, name: str) -> None:
        self._make = make
        self._loop = LoopThread(f"headless-{name}")
        self._party: HeadlessParty | None = None

    def start(self) -> Self:
        self._loop.start()
        self._loop.submit(self._start()).result(START_TIMEOUT_S)
        return self

    def stop(self) -> None:
        try:
            if self._party is not None:
                self._loop.submit(self._party.close()).result(START_TIMEOUT_S)
        finally:
            self._loop.stop()

    # --- what the party saw ----------------------------------------------------------------------

    def events(self) -> list[ClientEvent]:
        return self._read(lambda p: list(p.events))

    def received(self, kind: type[T]) -> list[T]:
        return [e for e in self.events() if isinstance(e, kind)]

    @property
    def remote_frames(self) -> int:
        return self._read(lambda p: p.remote_frames)

    def frames_from(self, party: str) -> int:
        """Frames decoded from ``party`` ("kiosk", "adviser", "interpreter") in this call."""
        return self._read(lambda p: p.frames_from(party))

    @property
    def remote_text(self) -> list[RttUpdate]:
        return self._read(lambda p: list(p.remote_text))

    @property
    def in_call(self) -> bool:
        return self._read(lambda p: p.in_call)

    @property
    def call_id(self) -> str | None:
        return self._read(lambda p: p.session.call_id if p.session is not None else None)

    @property
    def connected_call(self) -> bool:
        return self._read(lambda p: p.session is not None and p.session.state == "connected")

    # --- intents -------------------------------------------------------------------------------

    def send(self, message: m.Message) -> None:
        self._run(lambda p: p.client.send(message))

    def type_text(self, draft: str) -> None:
        """Real-time text: the line as typed so far."""
        self._run(lambda p: p.send_text(draft))

    def type_line(self, line: str) -> None:
        """Real-time text: a whole line, Enter pressed."""
        self._run(lambda p: p.commit_text(line))

    def hang_up(self) -> None:
        self._run(lambda p: p.hang_up())

    def send_document(self, still: Still) -> None:
        """Show the peer a page (docs/protocol.md §Documents in a call)."""

        async def send(party: HeadlessParty) -> None:
            party.send_document(still)

        self._run(send)

    def decline_document(self) -> None:
        async def decline(party: HeadlessParty) -> None:
            party.decline_document()

        self._run(decline)

    def documents_of(self, kind: type[T]) -> list[T]:
        """The party's document events of one kind, in order."""
        return self._read(lambda p: p.documents_of(kind))

    # --- on the party's loop -------------------------------------------------------------------

    async def _start(self) -> None:
        self._party = await self._make()

    def _run(self, action: Callable[[HeadlessParty], Coroutine[Any, Any, None]]) -> None:
        party = self._started()
        self._loop.submit(action(party)).result(CALL_TIMEOUT_S)

    def _read(self, look: Callable[[HeadlessParty], T]) -> T:
        party = self._started()

        async def on_loop() -> T:
            return look(party)

        return self._loop.submit(on_loop()).result(CALL_TIMEOUT_S)

    def _started(self) -> HeadlessParty:
        if self._party is None:
            raise RuntimeError("the party is not started")
        return self._party


class ThreadedKiosk(ThreadedParty):
    """A kiosk: connects with ``token``; the test sends its ``Join``."""

    def __init__(self, ws_url: str, token: str, *, name: str = "kiosk") -> None:
        async def make() -> HeadlessParty:
            return await headless_kiosk(
                ws_url, token, name=name, media=SMALL_MEDIA, quality_interval_s=None
            )

        super().__init__(make, name=name)


class ThreadedAdviser(ThreadedParty):
    """An adviser: signs in, waits until connected, says ``available`` (or ``away``), accepts
    every offer and is ready again as soon as a call ends. Signed in with an interpreter
    account it is the interpreter of a three-way call (docs/protocol.md §Interpreter): it accepts
    the offer of interpreting and offers to the kiosk and the adviser itself."""

    def __init__(
        self,
        http_url: str,
        ws_url: str,
        username: str,
        password: str,
        *,
        name: str = "adviser",
        available: bool = True,
    ) -> None:
        async def make() -> HeadlessParty:
            party = await headless_adviser(
                http_url,
                ws_url,
                username,
                password,
                name=name,
                ready_after_call=True,
                media=SMALL_MEDIA,
                quality_interval_s=None,
            )
            try:
                await party.wait_until(lambda: party.client.connected, CALL_TIMEOUT_S)
                await party.client.send(m.SetStatus(status="available" if available else "away"))
            except BaseException:
                await party.close()
                raise
            return party

        super().__init__(make, name=name)
