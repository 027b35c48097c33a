"""A kiosk without a screen for console tests: the real signaling client and a real aiortc call
with synthetic media, on a loop thread of its own (as the kiosk app runs it)."""

from __future__ import annotations

import asyncio
import threading
from typing import TypeVar

from rtc.call import CallEvents, CallSession
from rtc.loop_thread import LoopThread
from rtc.media import LocalMedia, MediaConfig, open_local_media
from rtc.signaling_client import ClientEvent, SignalingClient
from signaling import messages as m

T = TypeVar("T")


class HeadlessKiosk:
    def __init__(self, url: str, token: str) -> None:
        self._loop = LoopThread("headless-kiosk")
        self._url, self._token = url, token
        self._lock = threading.Lock()
        self._events: list[ClientEvent] = []
        self._client: SignalingClient | None = None
        self._session: CallSession | None = None
        self._media: LocalMedia | None = None
        self._pump: asyncio.Task[None] | None = None
        self.remote_frames = 0

    def start(self) -> HeadlessKiosk:
        self._loop.start()
        self._loop.submit(self._start()).result(10)
        return self

    def stop(self) -> None:
        try:
            self._loop.submit(self._stop()).result(10)
        finally:
            self._loop.stop()

    def events(self) -> list[ClientEvent]:
        with self._lock:
            return list(self._events)

    def received(self, kind: type[T]) -> list[T]:
        return [e for e in self.events() if isinstance(e, kind)]

    def send(self, message: m.Message) -> None:
        client = self._client
        assert client is not None
        self._loop.submit(client.send(message)).result(10)

    def type_text(self, draft: str) -> None:
        session = self._session
        assert session is not None
        self._loop.submit(session.send_text(draft)).result(10)

    @property
    def in_call(self) -> bool:
        return self._session is not None

    async def _start(self) -> None:
        self._client = SignalingClient(self._url, role="kiosk", token=self._token)
        await self._client.start()
        self._pump = asyncio.create_task(self._run(self._client))

    async def _run(self, client: SignalingClient) -> None:
        async for event in client.events():
            with self._lock:
                self._events.append(event)
            if isinstance(event, m.CallStarted):
                await self._call(event)
            elif isinstance(event, m.SessionDescription | m.IceCandidate):
                if self._session is not None and self._session.call_id == event.call_id:
                    await self._session.handle(event)
            elif isinstance(event, m.CallEnded):
                await self._end_call()

    async def _call(self, started: m.CallStarted) -> None:
        await self._end_call()
        self._media = await open_local_media(MediaConfig(width=320, height=240, fps=15))
        client = self._client
        assert client is not None
        self._session = CallSession(
            call_id=started.call_id,
            role=started.role,
            ice_servers=started.ice_servers,
            local=self._media,
            send=client.send,
            events=CallEvents(on_remote_video=self._frame),
        )
        await self._session.start()

    def _frame(self, frame: object) -> None:
        self.remote_frames += 1

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
