"""A kiosk without screen, camera or Qt: stays connected, reports health, obeys remote actions.

For tests, demos and load trials of fleet health (issue #6). It speaks the kiosk protocol through
the real :class:`~rtc.signaling_client.SignalingClient`:

* on every connection it sends a ``health`` report at once, then every ``health_interval_s`` the
  server asked for in its welcome (the client itself sends the ``ping`` heartbeats);
* ``restart`` is answered, then the "app" restarts: the client closes and a new one connects, so
  the server sees a new connection and a fresh uptime;
* ``reload_config`` and ``fetch_logs`` are answered (the logs are the agent's own recent events);
* ``show_message`` keeps the text as :attr:`HeadlessKioskAgent.notice`.

Device health is whatever :attr:`HeadlessKioskAgent.devices` says, so a test can break the camera.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Callable

import psutil

from rtc.signaling_client import AuthFailed, Connected, NotConnected, SignalingClient
from signaling import messages as m

LOG_LINES = 200
OK = m.DeviceHealth(present=True, working=True)


class HeadlessKioskAgent:
    def __init__(
        self,
        url: str,
        token: str,
        *,
        app_version: str = "1.0.0",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = url
        self.token = token
        self.app_version = app_version
        self.devices: dict[str, m.DeviceHealth] = {"camera": OK, "microphone": OK, "speaker": OK}
        self.disk_free_bytes: int | None = None  # None: the real free space
        self.notice = ""
        self.connections = 0
        self.restarts = 0
        self.client: SignalingClient | None = None
        self.connected = asyncio.Event()
        self._clock = clock
        self._started_at = clock()
        self._log: deque[str] = deque(maxlen=LOG_LINES)
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="headless-kiosk")

    async def stop(self) -> None:
        """Stop for good: the server sees the connection close."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self.client is not None:
            await self.client.close()
            self.client = None
        self.connected.clear()

    def report(self) -> m.HealthReport:
        disk = self.disk_free_bytes
        return m.HealthReport(
            app_version=self.app_version,
            uptime_s=round(max(0.0, self._clock() - self._started_at), 1),
            camera=self.devices["camera"],
            microphone=self.devices["microphone"],
            speaker=self.devices["speaker"],
            cpu_ratio=min(1.0, psutil.cpu_percent(None) / 100),
            memory_ratio=min(1.0, psutil.virtual_memory().percent / 100),
            disk_free_bytes=psutil.disk_usage("/").free if disk is None else disk,
        )

    async def send_health(self) -> None:
        if self.client is not None:
            with contextlib.suppress(NotConnected):
                await self.client.send(m.Health(report=self.report()))

    # --- one "app run" per pass; a restart ends the pass -----------------------------------------

    async def _run(self) -> None:
        while True:  # ends on stop() (cancelled) or when the server refuses the token
            self._started_at = self._clock()
            self.client = SignalingClient(
                self.url, role="kiosk", token=self.token, app_version=self.app_version
            )
            await self.client.start()
            try:
                restart = await self._serve(self.client)
            finally:
                self.connected.clear()
                await self.client.close()
            if not restart:
                return
            self.restarts += 1
            self._note("restarted")

    async def _serve(self, client: SignalingClient) -> bool:
        """Handle events until a restart (True) or a refused token (False)."""
        health: asyncio.Task[None] | None = None
        try:
            while True:
                event = await client.next_event()
                if isinstance(event, AuthFailed):
                    self._note(f"refused: {event.reason}")
                    return False
                if isinstance(event, Connected):
                    assert isinstance(event.welcome, m.KioskWelcome)
                    self.connections += 1
                    self._note("connected")
                    if health is not None:
                        health.cancel()
                    health = asyncio.create_task(self._health(event.welcome.health_interval_s))
                    self.connected.set()
                elif isinstance(event, m.Command) and await self._obey(client, event):
                    return True
        finally:
            if health is not None:
                health.cancel()

    async def _health(self, interval_s: float) -> None:
        while True:  # cancelled when the connection or the agent ends
            await self.send_health()
            await asyncio.sleep(interval_s)

    async def _obey(self, client: SignalingClient, command: m.Command) -> bool:
        """Carry out a remote action and answer it; True when the app must restart."""
        self._note(f"command {command.action}")
        output = {
            "restart": "restarting",
            "reload_config": "configuration reloaded",
            "show_message": "message shown",
            "fetch_logs": "\n".join(self._log),
        }[command.action]
        if command.action == "show_message":
            self.notice = command.text
        with contextlib.suppress(NotConnected):
            await client.send(
                m.CommandResult(command_id=command.command_id, ok=True, output=output)
            )
        return command.action == "restart"

    def _note(self, line: str) -> None:
        self._log.append(f"{time.strftime('%H:%M:%S')} {line}")
