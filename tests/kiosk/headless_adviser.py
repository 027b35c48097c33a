"""An adviser without a screen for kiosk tests: real login, real signaling client, and a real aiortc
call with synthetic media, on a loop thread of its own (as the console runs it)."""

from __future__ import annotations

import asyncio
import threading

from rtc.call import CallEvents, CallSession
from rtc.loop_thread import LoopThread
from rtc.media import LocalMedia, MediaConfig, open_local_media
from rtc.signaling_client import ClientEvent, SignalingClient, login
from rtc.text import RttUpdate
from signaling import messages as m


class HeadlessAdviser:
    def __init__(self, http_url: str, ws_url: str, username: str, password: str) -> None:
        self._loop = LoopThread("headless-adviser")
        self._http, self._ws = http_url, ws_url
        self._username, self._password = username, password
        self._lock = threading.Lock()
        self._events: list[ClientEvent] = []
        self._client: SignalingClient | None = None
        self._session: CallSession | None = None
        self._media: LocalMedia | None = None
        self._pump: asyncio.Task[None] | None = None
        self.accept_offers = True
        self.remote_frames = 0
        self.remote_text: list[RttUpdate] = []

    def start(self, *, available: bool = True) -> HeadlessAdviser:
        self._loop.start()
        self._loop.submit(self._start(available)).result(15)
        return self

    def stop(self) -> None:
        try:
            self._loop.submit(self._stop()).result(15)
        finally:
            self._loop.stop()

    def events(self) -> list[ClientEvent]:
        with self._lock:
            return list(self._events)

    def send(self, message: m.Message) -> None:
        assert self._client is not None
        self._loop.submit(self._client.send(message)).result(10)

    @property
    def call_id(self) -> str | None:
        return self._session.call_id if self._session is not None else None

    @property
    def connected_call(self) -> bool:
        return self._session is not None and self._session.state == "connected"

    def type_line(self, line: str) -> None:
        session = self._session
        assert session is not None
        self._loop.submit(session.commit_text(line)).result(10)

    def hang_up(self) -> None:
        call_id = self.call_id
        assert call_id is not None
        self.send(m.Hangup(call_id=call_id))
        self._loop.submit(self._end_call()).result(10)

    async def _start(self, available: bool) -> None:
        session = await login(self._http, self._username, self._password)
        self._client = SignalingClient(self._ws, role="adviser", token=session.token)
        await self._client.start()
        self._pump = asyncio.create_task(self._run(self._client))
        for _ in range(500):  # bounded: the server is on 127.0.0.1
            if self._client.connected:
                break
            await asyncio.sleep(0.02)
        status = "available" if available else "away"
        await self._client.send(m.SetStatus(status=status))

    async def _run(self, client: SignalingClient) -> None:
        async for event in client.events():
            with self._lock:
                self._events.append(event)
            if isinstance(event, m.Offer) and self.accept_offers:
                await client.send(m.Accept(call_id=event.call_id))
            elif isinstance(event, m.CallStarted):
                await self._call(event)
            elif isinstance(event, m.SessionDescription | m.IceCandidate):
                if self._session is not None and self._session.call_id == event.call_id:
                    await self._session.handle(event)
            elif isinstance(event, m.CallEnded):
                await self._end_call()
                await client.send(m.Ready())

    async def _call(self, started: m.CallStarted) -> None:
        await self._end_call()
        self._media = await open_local_media(MediaConfig(width=320, height=240, fps=15))
        assert self._client is not None
        self._session = CallSession(
            call_id=started.call_id,
            role=started.role,
            ice_servers=started.ice_servers,
            local=self._media,
            send=self._client.send,
            events=CallEvents(on_remote_video=self._frame, on_remote_text=self._text),
        )
        await self._session.start()

    def _frame(self, frame: object) -> None:
        self.remote_frames += 1

    def _text(self, update: RttUpdate) -> None:
        self.remote_text.append(update)

    async def _end_call(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()
        media, self._media = self._media, None
        if media is not None:
            await media.close()

    async def _stop(self) -> None:
        await self._end_call()
        if self._pump is not None:
            self._pump.cancel()
        if self._client is not None:
            await self._client.close()
