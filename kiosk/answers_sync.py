"""Keeps the kiosk's common questions current: the cache at start, the server's bundle when it says
there is a newer one (docs/protocol.md §Common questions, docs/answers.md).

asyncio and aiohttp, no Qt. :meth:`AnswersSync.start` shows what the cache holds, even with no
server at all. :meth:`AnswersSync.want` is called with ``welcome.answers_version`` and with each
``answers_published``; when the version differs from the one held, one fetch runs: the bundle
(``If-None-Match`` with the held version, so an unchanged one costs a 304), every recording not
already held, each checked by its digest, then one atomic switch in the cache
(kiosk/answers/cache.py) and only then :class:`kiosk.state.AnswersLoaded` to the GUI. A failed
fetch is tried again :data:`ATTEMPTS` times with a doubling wait, then left until the next
welcome or publish; a newer publish replaces a fetch under way. Whatever fails, the kiosk keeps
showing the version it has.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

import aiohttp

from kiosk.answers.bundle import MAX_AUDIO_BYTES, MAX_BUNDLE_BYTES, Audio, Bundle, BundleError
from kiosk.answers.cache import AnswersCache, CacheError, Incoming
from signaling.errors import KiosklinkError

log = logging.getLogger(__name__)
ATTEMPTS = 5
FIRST_RETRY_S = 2.0
MAX_RETRY_S = 60.0
TIMEOUT_S = 30.0


class FetchFailed(KiosklinkError):
    """One attempt did not bring a complete version (the reason is logged; nothing changed)."""


class NotAllowed(FetchFailed):
    """The server refused the kiosk's token: trying again will not help until it reconnects."""


def http_base(server_url: str) -> str:
    """``ws://host:port/ws/kiosk`` -> ``http://host:port`` (the same server's HTTP side)."""
    parts = urlsplit(server_url)
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    return urlunsplit((scheme, parts.netloc, "", "", ""))


class AnswersSync:
    def __init__(
        self,
        cache: AnswersCache,
        *,
        server_url: str,
        token: str,
        emit: Callable[[Bundle], None],
        first_retry_s: float = FIRST_RETRY_S,
        timeout_s: float = TIMEOUT_S,
    ) -> None:
        self.cache = cache
        self._base = http_base(server_url)
        self._token = token
        self._emit = emit
        self._first_retry_s = first_retry_s
        self._timeout_s = timeout_s
        self.held = 0  # the version in the cache and on screen (0: none)
        self._task: asyncio.Task[None] | None = None
        self._target = 0

    async def start(self) -> None:
        """Show what the cache holds (before, and without, any server)."""
        await asyncio.to_thread(self.cache.sweep)
        bundle = await asyncio.to_thread(self.cache.load)
        if bundle is not None:
            self.held = bundle.version
            self._emit(bundle)

    def want(self, version: int) -> None:
        """The server's latest version: fetch it unless it is the one held or being fetched."""
        if version <= 0 or version == self.held:
            return  # 0: nothing published; keep showing what the kiosk has
        if self._task is not None and not self._task.done():
            if version == self._target:
                return
            self._task.cancel()  # a newer publish replaces the fetch under way
        self._target = version
        self._task = asyncio.create_task(self._fetch_with_retries())

    async def wait(self) -> None:
        """Until the fetch under way, if any, is over (tests, shutdown)."""
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
        await self.wait()

    async def _fetch_with_retries(self) -> None:
        delay = self._first_retry_s
        for attempt in range(1, ATTEMPTS + 1):
            try:
                await self._fetch_once()
                return
            except NotAllowed as exc:
                log.warning("common questions not fetched: %s", exc)
                return
            except FetchFailed as exc:
                log.info("common questions, attempt %d of %d: %s", attempt, ATTEMPTS, exc)
            if attempt < ATTEMPTS:
                await asyncio.sleep(delay)
                delay = min(MAX_RETRY_S, delay * 2)

    async def _fetch_once(self) -> None:
        timeout = aiohttp.ClientTimeout(total=self._timeout_s)
        headers = {"Authorization": f"Bearer {self._token}"}
        try:
            async with aiohttp.ClientSession(timeout=timeout, headers=headers) as http:
                body = await self._bundle(http)
                if body is None:
                    return
                incoming = await asyncio.to_thread(self.cache.begin, body)
                try:
                    await self._recordings(http, incoming)
                    bundle = await asyncio.to_thread(self.cache.install, incoming)
                except BaseException:
                    await asyncio.to_thread(self.cache.discard, incoming)
                    raise
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise FetchFailed(f"{type(exc).__name__}: {exc}") from None
        except (BundleError, CacheError) as exc:
            raise FetchFailed(str(exc)) from None
        self.held = bundle.version
        log.info("common questions: version %d installed", bundle.version)
        self._emit(bundle)

    async def _bundle(self, http: aiohttp.ClientSession) -> bytes | None:
        """The bundle's bytes; None when there is nothing newer (304) or nothing published (404)."""
        headers = {"If-None-Match": f'"{self.held}"'} if self.held else {}
        async with http.get(self._base + "/api/kiosk/answers", headers=headers) as resp:
            if resp.status in (304, 404):
                return None
            if resp.status in (401, 403):
                raise NotAllowed(f"HTTP {resp.status}")
            if resp.status != 200:
                raise FetchFailed(f"bundle: HTTP {resp.status}")
            return await _read_at_most(resp, MAX_BUNDLE_BYTES)

    async def _recordings(self, http: aiohttp.ClientSession, incoming: Incoming) -> None:
        for audio in incoming.missing():
            data = await self._recording(http, audio)
            await asyncio.to_thread(incoming.put_audio, audio, data)

    async def _recording(self, http: aiohttp.ClientSession, audio: Audio) -> bytes:
        url = f"{self._base}/api/kiosk/answers/audio/{audio.sha256}"
        async with http.get(url) as resp:
            if resp.status != 200:
                raise FetchFailed(f"recording {audio.sha256[:12]}: HTTP {resp.status}")
            return await _read_at_most(resp, MAX_AUDIO_BYTES)


async def _read_at_most(resp: aiohttp.ClientResponse, limit: int) -> bytes:
    data = await resp.content.read(limit + 1)
    if len(data) > limit:
        raise FetchFailed(f"{resp.url.path}: larger than {limit} bytes")
    return data
