"""The kiosk's asyncio side: signaling client, effects, health reports, remote commands.

The call's media (devices, the waiting-screen preview, the call session, volume, quality reports)
are :class:`rtc.call_media.CallMedia`, shared with the console and the headless parties.

No Qt here. It runs on a :class:`rtc.loop_thread.LoopThread` (AIORTC.md pitfall 7) and talks to the
GUI only through the callbacks it is given, which app.py turns into queued Qt signals:
``emit(event)`` for flow inputs (kiosk/state.py), ``on_remote_frame`` / ``on_local_frame`` /
``on_party_frame`` (the interpreter's) for RGB pictures. The GUI hands effects back with
:meth:`KioskBackend.perform`, thread-safe; one worker carries them out in order, so an SDP relayed
after ``StartCall`` always finds its session.

In a call the resident may show a letter (kiosk/still_camera.py takes the still, the document
channel sends it; progress, delivery and the adviser's request come back as flow events) and an
interpreter may join (their picture, text and comings and goings come back the same way).
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt
import psutil

from kiosk.answers.cache import AnswersCache
from kiosk.answers_player import AnswerReader, speaker_sink
from kiosk.answers_sync import AnswersSync
from kiosk.code_reader import CodeReader
from kiosk.config import KioskSettings
from kiosk.state import (
    AimCamera,
    AnswersLoaded,
    CallLive,
    CallLost,
    CancelStill,
    CloseMedia,
    CodeSeen,
    DeclineLetter,
    Effect,
    Event,
    FetchLogs,
    ForgetPlace,
    LetterDelivered,
    LetterNotSent,
    LetterProgress,
    LetterRequested,
    MediaOpened,
    OpenMedia,
    PartyChanged,
    PartyText,
    Picture,
    PlaySound,
    ReadAloud,
    ReadingDone,
    RelayCallMessage,
    RelayInterpreter,
    ReloadConfig,
    RemoteText,
    Restart,
    ScanCodes,
    Send,
    SendStill,
    SendText,
    ServerDown,
    ServerRejected,
    ServerUp,
    SetMuted,
    SetVolume,
    StartCall,
    StillFailed,
    StillTaken,
    StopCall,
    StopReading,
    TakeStill,
)
from kiosk.still_camera import DocumentCamera, device_of, take_still
from rtc import documents as docs
from rtc.call_media import CallMedia, MediaEvents, Role
from rtc.frames import frame_rgb
from rtc.ice_choice import ice_warnings
from rtc.media import CameraVideoTrack, MediaConfig
from rtc.media.still import Still
from rtc.signaling_client import AuthFailed, Connected, Disconnected, NotConnected, SignalingClient
from rtc.text import RttUpdate
from signaling import messages as m
from signaling.errors import KiosklinkError

log = logging.getLogger(__name__)

Frame = npt.NDArray[np.uint8]
PREVIEW_INTERVAL_S = 1 / 15  # the own picture needs no more; it saves the GUI thread work
QUALITY_INTERVAL_S = 5.0
MAX_LOG_CHARS = 60_000
DEFAULT_VOLUME = 80


def answers_dir(settings: KioskSettings) -> Path:
    if settings.answers_dir:
        return Path(settings.answers_dir)
    return Path.home() / ".cache" / "kiosklink" / "answers"


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
        on_party_frame: Callable[[Frame], None] = lambda _: None,
        on_aim_frame: Callable[[Frame], None] = lambda _: None,
        on_restart: Callable[[], None] = lambda: None,
        app_version: str = "0.1.0",
    ) -> None:
        self.settings = settings
        self._emit = emit
        self._on_remote_frame = on_remote_frame
        self._on_local_frame = on_local_frame
        self._on_party_frame = on_party_frame
        self._on_aim_frame = on_aim_frame  # the document camera's preview, from its thread
        self._document: DocumentCamera | None = None  # open while the resident aims a letter
        self._on_restart = on_restart
        self.app_version = app_version
        self.client = SignalingClient(
            settings.server_url, role="kiosk", token=settings.token, app_version=app_version
        )
        self._effects: asyncio.Queue[Effect] | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._started_at = time.monotonic()
        self.media = CallMedia(
            media_config(settings),
            send=self._send,
            events=MediaEvents(
                on_state=self._on_call_state,
                on_remote_frame=lambda frame: self._on_remote_frame(_rgb(frame)),
                on_local_frame=self._local_frame,
                on_remote_text=self._on_remote_text,
                on_document=self._on_document,
                on_party=self._on_party,
                on_party_frame=self._party_frame,
                on_party_text=self._on_party_text,
            ),
            volume=DEFAULT_VOLUME,
            preview_interval_s=PREVIEW_INTERVAL_S,
            quality_interval_s=QUALITY_INTERVAL_S,
            takes_documents=False,  # documents go from the resident to the adviser (issue #16)
        )
        self._opening: asyncio.Task[None] | None = None
        self._still: asyncio.Task[None] | None = None
        self._ice_warnings: list[str] = []
        self._probe: asyncio.Task[None] | None = None
        self._health_interval_s = settings.health_interval_s
        self.answers = AnswersSync(
            AnswersCache(answers_dir(settings)),
            server_url=settings.server_url,
            token=settings.token,
            emit=lambda bundle: self._emit(AnswersLoaded(bundle)),
        )
        self.codes = CodeReader(
            media_config(settings),
            on_code=lambda payload: self._emit(CodeSeen(payload)),
            on_frame=lambda rgb: self._on_local_frame(rgb),
        )
        speaker = media_config(settings).speaker
        self.reader = AnswerReader(
            open_sink=lambda: speaker_sink(speaker),
            on_done=lambda sha256: self._emit(ReadingDone(sha256)),
        )

    # --- life cycle (on the loop) ---------------------------------------------------------------

    async def start(self) -> None:
        self._effects = asyncio.Queue()
        psutil.cpu_percent(None)  # the first reading is meaningless; prime it
        await self.answers.start()  # what the cache holds shows with or without a server
        await self.client.start()
        for coro in (self._pump(), self._work(), self._report_health()):
            self._tasks.append(asyncio.create_task(coro))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        await self.answers.close()
        await self.reader.stop()
        await self.codes.stop()
        for pending in (self._opening, self._still):
            if pending is not None:
                pending.cancel()
                await asyncio.gather(pending, return_exceptions=True)
        await self._aim(False)
        await self.media.close()
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
                        self.answers.want(welcome.answers_version)
                        self._probe = asyncio.create_task(self._check_ice(welcome.ice_servers))
                        self._emit(ServerUp(welcome))
                case Disconnected(retry_in_s=retry):
                    self._emit(ServerDown(retry))
                case AuthFailed():
                    self._emit(ServerRejected(event.reason))
                case m.Pong():
                    pass
                case m.AnswersPublished(version=version):
                    self.answers.want(version)
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
                # Not awaited: the worker goes on (a StartCall waits for the same opening).
                self._opening = asyncio.create_task(self._open_media())
            case CloseMedia():
                await self.media.close()
            case StartCall(call_id=call_id, role=role, ice_servers=ice_servers):
                ours: Role = "offerer" if role == "offerer" else "answerer"
                await self.media.start_call(call_id, ours, ice_servers)
            case StopCall():
                await self.media.end_call()
            case RelayCallMessage(message=message):
                await self.media.receive(message)
            case SendText(text=text, committed=committed):
                if committed:
                    await self.media.commit_text(text)
                else:
                    await self.media.send_text(text)
            case SetMuted(audio=audio, video=video):
                self.media.set_muted(audio=audio, video=video)
            case SetVolume(volume=volume):
                self.media.volume = volume
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
            case ReadAloud(sha256=sha256):
                path = self.answers.cache.audio_path(sha256)
                if path is None:
                    self._emit(ReadingDone(sha256))
                else:
                    await self.reader.play(sha256, path)
            case StopReading():
                await self.reader.stop()
            case ScanCodes(on=on):
                await (self.codes.start() if on else self.codes.stop())
            case AimCamera(on=on):
                await self._aim(on)
            case TakeStill(page=page):
                # Not awaited: a document camera takes a second to open, and the text typed
                # meanwhile must not wait behind it in this worker.
                self._still = asyncio.create_task(self._take_still(page))
            case SendStill(picture=picture):
                self._send_still(picture)
            case CancelStill():
                self.media.cancel_document()
            case DeclineLetter():
                self.media.decline_document()
            case RelayInterpreter(message=message):
                await self.media.interpreter_changed(message)

    async def _send(self, message: m.Message) -> None:
        try:
            await self.client.send(message)
        except NotConnected:
            log.info("not connected; %s not sent", getattr(message, "type", "?"))

    # --- media ----------------------------------------------------------------------------------

    async def _open_media(self) -> None:
        """Camera and microphone for the waiting screen's preview and the call to come."""
        await self.codes.stop()  # one user of the camera at a time (a code just read)
        await self.media.open()
        health = self.media.health()
        camera, mic = health.get("camera"), health.get("microphone")
        self._emit(
            MediaOpened(
                camera_ok=camera is None or (camera.present and camera.working),
                microphone_ok=mic is None or mic.present,
            )
        )

    def _on_call_state(self, call_id: str, state: str) -> None:
        if state == "connected":
            self._emit(CallLive())
        elif state in ("failed", "stalled"):
            self._emit(CallLost())

    def _on_remote_text(self, update: RttUpdate, line: str) -> None:
        self._emit(RemoteText(update.text, committed=update.committed))

    def _local_frame(self, frame: av.VideoFrame) -> None:
        self._on_local_frame(_rgb(frame))

    # --- a letter shown in the call (kiosk/flow_letter.py) ----------------------------------------

    async def _aim(self, on: bool) -> None:
        """Open or close the document camera, if the kiosk has one."""
        device = device_of(self.settings.document_camera)
        if on and device is not None and self._document is None:
            camera = DocumentCamera(device, on_preview=self._on_aim_frame)
            try:
                await asyncio.to_thread(camera.start)
            except KiosklinkError as exc:  # the still falls back to opening it once more
                log.warning("document camera not opened: %s", exc)
                return
            self._document = camera
        elif not on and self._document is not None:
            camera, self._document = self._document, None
            await asyncio.to_thread(camera.stop)

    async def _take_still(self, page: int) -> None:
        local = self.media.local
        synthetic = local is None or local.sources.get("camera") == "synthetic"
        camera = local.video if local is not None else None
        try:
            still = await take_still(
                self.settings.document_camera,
                page=page,
                synthetic=synthetic,
                call_camera=camera if isinstance(camera, CameraVideoTrack) else None,
                aimed=self._document,
            )
        except KiosklinkError as exc:
            log.warning("no still taken: %s", exc)
            self._emit(StillFailed())
            return
        self._emit(StillTaken(Picture(still.data, still.mime, still.width, still.height)))

    def _send_still(self, picture: Picture) -> None:
        still = Still(picture.data, picture.mime, picture.width, picture.height)
        try:
            doc_id = self.media.send_document(still)
        except KiosklinkError as exc:  # another page still on its way, or past the limit
            log.info("page not offered: %s", exc)
            doc_id = None
        if doc_id is None:
            self._emit(LetterNotSent("not_offered"))

    def _on_document(self, call_id: str, event: docs.Event) -> None:
        """The document channel's events that concern the resident: only pages this side sends
        (the kiosk takes none) and the adviser's request."""
        match event:
            case docs.DocumentRequested():
                self._emit(LetterRequested())
            case docs.DocumentProgress(direction="sending"):
                self._emit(LetterProgress(event.done, event.total))
            case docs.DocumentDelivered():
                self._emit(LetterDelivered())
            case docs.DocumentRefused(direction="sending", by="peer"):
                self._emit(LetterNotSent(event.reason))

    # --- the interpreter (kiosk/flow_interpreter.py) ---------------------------------------------

    def _on_party(self, call_id: str, party: m.PartyRole, change: str) -> None:
        self._emit(PartyChanged(party, change))

    def _party_frame(self, party: m.PartyRole, frame: av.VideoFrame) -> None:
        if party == "interpreter":
            self._on_party_frame(_rgb(frame))

    def _on_party_text(self, party: m.PartyRole, update: RttUpdate, line: str) -> None:
        if party == "interpreter":
            self._emit(PartyText(update.text, committed=update.committed))

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
        devices = self.media.health()
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
            last_call_quality=self.media.last_quality,
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


def _rgb(frame: av.VideoFrame) -> Frame:
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
