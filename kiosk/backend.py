"""The kiosk's asyncio side: signaling client, local media, the call session, health reports.

No Qt here. It runs on a :class:`rtc.loop_thread.LoopThread` (AIORTC.md pitfall 7) and talks to the
GUI only through the three callbacks it is given, which app.py turns into queued Qt signals:
``emit(event)`` for flow inputs (kiosk/state.py), ``on_remote_frame`` / ``on_local_frame`` for RGB
pictures. The GUI hands effects back with :meth:`KioskBackend.perform`, thread-safe; one worker
carries them out in order, so an SDP relayed after ``StartCall`` always finds its session.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import psutil
from aiortc.contrib.media import MediaRelay

from kiosk.config import KioskSettings
from kiosk.state import (
    CallLive,
    CallLost,
    CloseMedia,
    Effect,
    Event,
    FetchLogs,
    ForgetPlace,
    MediaOpened,
    OpenMedia,
    PlaySound,
    RelayCallMessage,
    ReloadConfig,
    RemoteText,
    Restart,
    Send,
    SendText,
    ServerDown,
    ServerRejected,
    ServerUp,
    SetMuted,
    SetVolume,
    StartCall,
    StopCall,
)
from rtc.call import CallEvents, CallSession
from rtc.frames import frame_rgb
from rtc.ice_choice import ice_warnings, reachable_first
from rtc.media import LocalMedia, MediaConfig, open_local_media
from rtc.signaling_client import AuthFailed, Connected, Disconnected, NotConnected, SignalingClient
from rtc.text import RttUpdate
from signaling import messages as m

log = logging.getLogger(__name__)

Frame = npt.NDArray[np.uint8]
PREVIEW_INTERVAL_S = 1 / 15  # the own picture needs no more; it saves the GUI thread work
QUALITY_INTERVAL_S = 5.0
MAX_LOG_CHARS = 60_000


class GainSink:
    """Wraps the speaker: the resident's volume buttons scale the adviser's voice."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.volume = 80

    def play(self, frame: Any) -> None:
        if self.volume != 100:
            samples = frame.to_ndarray()
            scaled = (samples.astype(np.float32) * (self.volume / 100)).astype(samples.dtype)
            new = type(frame).from_ndarray(
                scaled, format=frame.format.name, layout=frame.layout.name
            )
            new.sample_rate, new.pts, new.time_base = frame.sample_rate, frame.pts, frame.time_base
            frame = new
        self.inner.play(frame)

    def close(self) -> None:
        self.inner.close()


def media_config(settings: KioskSettings) -> MediaConfig:
    camera: int | str | None
    if settings.camera in ("none", ""):
        camera = None
    elif settings.camera == "auto":
        camera = 0
    else:
        camera = int(settings.camera) if settings.camera.isdigit() else settings.camera
    microphone: bool | str = {"auto": True, "none": False}.get(
        settings.microphone, settings.microphone
    )
    return MediaConfig(camera=camera, microphone=microphone, speaker=microphone is not False)


class KioskBackend:
    def __init__(
        self,
        settings: KioskSettings,
        *,
        emit: Callable[[Event], None],
        on_remote_frame: Callable[[Frame], None] = lambda _: None,
        on_local_frame: Callable[[Frame], None] = lambda _: None,
        on_restart: Callable[[], None] = lambda: None,
        app_version: str = "0.1.0",
    ) -> None:
        self.settings = settings
        self._emit = emit
        self._on_remote_frame = on_remote_frame
        self._on_local_frame = on_local_frame
        self._on_restart = on_restart
        self.app_version = app_version
        self.client = SignalingClient(
            settings.server_url, role="kiosk", token=settings.token, app_version=app_version
        )
        self._effects: asyncio.Queue[Effect] | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._started_at = time.monotonic()
        self.local: LocalMedia | None = None
        self._media_task: asyncio.Task[LocalMedia] | None = None
        self._relay: MediaRelay | None = None
        self._preview_task: asyncio.Task[None] | None = None
        self.session: CallSession | None = None
        self._quality_task: asyncio.Task[None] | None = None
        self._gain: GainSink | None = None
        self._volume = 80
        self._last_quality: m.Quality | None = None
        self._ice_warnings: list[str] = []
        self._probe: asyncio.Task[None] | None = None
        self._health_interval_s = settings.health_interval_s

    # --- life cycle (on the loop) ---------------------------------------------------------------

    async def start(self) -> None:
        self._effects = asyncio.Queue()
        psutil.cpu_percent(None)  # the first reading is meaningless; prime it
        await self.client.start()
        for coro in (self._pump(), self._work(), self._report_health()):
            self._tasks.append(asyncio.create_task(coro))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        await self._stop_call()
        await self._close_media()
        await self.client.close()

    def perform(self, effect: Effect) -> None:
        """Queue one effect; call from the loop thread (app.py uses ``LoopThread.call_soon``)."""
        assert self._effects is not None, "backend not started"
        self._effects.put_nowait(effect)

    # --- server events in -----------------------------------------------------------------------

    async def _pump(self) -> None:
        async for event in self.client.events():
            match event:
                case Connected(welcome=welcome):
                    if isinstance(welcome, m.KioskWelcome):
                        self._health_interval_s = welcome.health_interval_s
                        self._probe = asyncio.create_task(self._check_ice(welcome.ice_servers))
                        self._emit(ServerUp(welcome))
                case Disconnected(retry_in_s=retry):
                    self._emit(ServerDown(retry))
                case AuthFailed():
                    self._emit(ServerRejected(event.reason))
                case m.Pong():
                    pass
                case _:
                    self._emit(event)  # type: ignore[arg-type]

    # --- effects out ----------------------------------------------------------------------------

    async def _work(self) -> None:
        assert self._effects is not None
        while True:
            effect = await self._effects.get()
            try:
                await self._perform(effect)
            except Exception:
                # One failed effect must not stop the kiosk; the flow hears of it via events.
                log.exception("effect %s failed", type(effect).__name__)

    async def _perform(self, effect: Effect) -> None:
        match effect:
            case Send(message=message):
                await self._send(message)
            case OpenMedia():
                self._media_task = asyncio.create_task(self._open_media())
            case CloseMedia():
                await self._close_media()
            case StartCall():
                await self._start_call(effect)
            case StopCall():
                await self._stop_call()
            case RelayCallMessage(message=message):
                if self.session is not None and self.session.call_id == message.call_id:
                    await self.session.handle(message)
            case SendText(text=text, committed=committed):
                if self.session is not None:
                    if committed:
                        await self.session.commit_text(text)
                    else:
                        await self.session.send_text(text)
            case SetMuted(audio=audio, video=video):
                if self.session is not None:
                    self.session.set_muted(audio=audio, video=video)
            case SetVolume(volume=volume):
                self._volume = volume
                if self._gain is not None:
                    self._gain.volume = volume
            case PlaySound():
                await asyncio.to_thread(_beep)
            case Restart():
                self._on_restart()
            case ReloadConfig(command_id=command_id):
                await self._send(
                    m.CommandResult(
                        command_id=command_id, ok=False, output="settings load at start: restart"
                    )
                )
            case FetchLogs(command_id=command_id):
                await self._send(
                    m.CommandResult(command_id=command_id, ok=True, output=self._log_tail())
                )
            case ForgetPlace():
                self.client.forget_place()

    async def _send(self, message: m.Message) -> None:
        try:
            await self.client.send(message)
        except NotConnected:
            log.info("not connected; %s not sent", getattr(message, "type", "?"))

    # --- media ----------------------------------------------------------------------------------

    async def _open_media(self) -> LocalMedia:
        local = await open_local_media(media_config(self.settings))
        self.local = local
        self._relay = MediaRelay()
        self._preview_task = asyncio.create_task(
            self._preview(self._relay.subscribe(local.video, buffered=False))
        )
        health = local.health()
        camera, mic = health.get("camera"), health.get("microphone")
        self._emit(
            MediaOpened(
                camera_ok=camera is None or (camera.present and camera.working),
                microphone_ok=mic is None or mic.present,
            )
        )
        return local

    async def _media(self) -> LocalMedia:
        if self._media_task is None:
            self._media_task = asyncio.create_task(self._open_media())
        return await self._media_task

    async def _preview(self, track: Any) -> None:
        last = 0.0
        while True:
            frame = await track.recv()
            now = time.monotonic()
            if now - last >= PREVIEW_INTERVAL_S:
                last = now
                self._on_local_frame(_rgb(frame))

    async def _close_media(self) -> None:
        await self._stop_call()
        task, self._preview_task = self._preview_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        media_task, self._media_task = self._media_task, None
        if media_task is not None:
            with contextlib.suppress(Exception):
                local = await media_task
                await local.close()
        self.local = None
        self._relay = None

    # --- the call -------------------------------------------------------------------------------

    async def _start_call(self, effect: StartCall) -> None:
        await self._stop_call()
        local = await self._media()
        assert self._relay is not None
        self._gain = GainSink(local.speaker)
        self._gain.volume = self._volume
        for_call = dataclasses.replace(
            local, video=self._relay.subscribe(local.video, buffered=False), speaker=self._gain
        )
        role: Literal["offerer", "answerer"] = "offerer" if effect.role == "offerer" else "answerer"
        self.session = CallSession(
            call_id=effect.call_id,
            role=role,
            ice_servers=await reachable_first(effect.ice_servers),
            local=for_call,
            send=self._send,
            events=CallEvents(
                on_state=self._on_call_state,
                on_remote_video=lambda f: self._on_remote_frame(_rgb(f)),
                on_remote_text=self._on_remote_text,
            ),
        )
        await self.session.start()
        self._quality_task = asyncio.create_task(self._report_quality(self.session))

    def _on_call_state(self, state: str) -> None:
        if state == "connected":
            self._emit(CallLive())
        elif state in ("failed", "stalled"):
            self._emit(CallLost())

    def _on_remote_text(self, update: RttUpdate) -> None:
        self._emit(RemoteText(update.text, committed=update.committed))

    async def _stop_call(self) -> None:
        task, self._quality_task = self._quality_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        session, self.session = self.session, None
        if session is not None:
            with contextlib.suppress(Exception):
                self._last_quality = await session.stats()
            await session.close("hangup")
        self._gain = None

    async def _report_quality(self, session: CallSession) -> None:
        while True:
            await asyncio.sleep(QUALITY_INTERVAL_S)
            quality = await session.stats()
            self._last_quality = quality
            await self._send(m.QualityReport(call_id=session.call_id, quality=quality))

    # --- health ---------------------------------------------------------------------------------

    async def _report_health(self) -> None:
        while True:
            await asyncio.sleep(self._health_interval_s)
            if self.client.connected:
                report = await asyncio.to_thread(self.health_report)
                await self._send(m.Health(report=report))

    async def _check_ice(self, servers: list[m.IceServer]) -> None:
        """Probe the STUN/TURN servers the server handed out; unreachable ones go into every
        health report (a silent 5 s stall per dead server in each call otherwise)."""
        self._ice_warnings = await ice_warnings(servers)
        for warning in self._ice_warnings:
            log.warning("ICE server check: %s", warning)

    def health_report(self) -> m.HealthReport:
        """Figures only: devices, load, disk, the last call's quality. Nothing about anyone."""
        devices = self.local.health() if self.local is not None else {}
        disk = shutil.disk_usage(Path.home())
        return m.HealthReport(
            app_version=self.app_version,
            uptime_s=time.monotonic() - self._started_at,
            camera=devices.get("camera") or self._idle_camera_health(),
            microphone=devices.get("microphone") or _idle("microphone", self.settings.microphone),
            speaker=devices.get("speaker") or _idle("speaker", self.settings.microphone),
            cpu_ratio=min(1.0, psutil.cpu_percent(None) / 100),
            memory_ratio=min(1.0, psutil.virtual_memory().percent / 100),
            disk_free_bytes=disk.free,
            last_call_quality=self._last_quality,
            ice_warnings=self._ice_warnings[:10],
        )

    def _idle_camera_health(self) -> m.DeviceHealth:
        # Between calls the camera stays closed (nothing is captured): say whether it is plugged in.
        if self.settings.camera == "none":
            return m.DeviceHealth(present=False, working=False, detail="not configured")
        device = self.settings.camera
        path = f"/dev/video{device if device.isdigit() else 0}" if device[:1] != "/" else device
        present = os.path.exists(path) if os.name == "posix" else True
        return m.DeviceHealth(present=present, working=present, detail="closed between calls")

    def _log_tail(self) -> str:
        if not self.settings.log_file:
            return "no log file configured"
        try:
            with open(self.settings.log_file, encoding="utf-8", errors="replace") as f:
                return f.read()[-MAX_LOG_CHARS:]
        except OSError as exc:
            return f"cannot read log: {exc}"


def _rgb(frame: Any) -> Frame:
    image: Frame = frame_rgb(frame)  # not to_ndarray("rgb24"): swscale can deadlock (rtc.frames)
    return image


def _idle(kind: str, setting: str) -> m.DeviceHealth:
    if setting == "none":
        return m.DeviceHealth(present=False, working=False, detail="not configured")
    return m.DeviceHealth(present=True, working=True, detail=f"{kind} closed between calls")


def _beep() -> None:
    """A short two-tone chime for the idle warning; silent where there is no sound device."""
    try:
        import sounddevice

        rate = 16_000
        t = np.arange(int(rate * 0.25)) / rate
        tone = np.concatenate([np.sin(2 * np.pi * 660 * t), np.sin(2 * np.pi * 880 * t)])
        sounddevice.play((0.3 * tone).astype(np.float32), rate, blocking=True)
    except Exception as exc:  # no PortAudio, no device: the on-screen warning still shows
        log.info("idle warning sound not played: %s", exc)
