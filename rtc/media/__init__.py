"""Local media for a call: which camera, microphone and speaker, or what stands in for them.

Public API::

    config = MediaConfig(camera=0, microphone=True, speaker=True)
    local = await open_local_media(config)   # opens only what config asks for
    local.video, local.audio                 # aiortc tracks to send
    local.speaker                            # an AudioSink for the remote audio
    local.sources                            # {"camera": "device 0", "microphone": "tone", ...}
    local.health()                           # {"camera": DeviceHealth(...), ...} for HealthReport
    await local.close()

Nothing fails for lack of a device: a camera that cannot be opened becomes the labelled test
pattern, a missing microphone the test tone, a missing speaker a :class:`NullSink`; ``sources`` and
``health()`` say which is live, so the kiosk can show it and report it. The kiosk opens media only
when the resident asks for a call (camera and microphone stay closed in between).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from aiortc.mediastreams import MediaStreamTrack

from rtc.media.audio import AudioSink, MicrophoneTrack, NullSink, SpeakerSink
from rtc.media.camera import CameraVideoTrack, DeviceUnavailable
from rtc.media.clock import MediaClock
from rtc.media.devices import find_device
from rtc.media.synthetic import SyntheticVideoTrack, ToneAudioTrack
from signaling.messages import DeviceHealth

__all__ = [
    "AudioSink",
    "CameraVideoTrack",
    "DeviceUnavailable",
    "LocalMedia",
    "MediaClock",
    "MediaConfig",
    "MicrophoneTrack",
    "NullSink",
    "SpeakerSink",
    "SyntheticVideoTrack",
    "ToneAudioTrack",
    "open_local_media",
]


@dataclass(frozen=True)
class MediaConfig:
    """``camera``: index, device path or video file; None for the test pattern. ``microphone`` and
    ``speaker``: True for the best device (echo-cancelled first), a name fragment, or False."""

    camera: int | str | None = None
    width: int = 640
    height: int = 480
    fps: int = 30
    microphone: bool | str = False
    speaker: bool | str = False
    synthetic_label: str = "TEST PATTERN"


@dataclass
class LocalMedia:
    video: MediaStreamTrack
    audio: MediaStreamTrack
    speaker: AudioSink
    sources: dict[str, str]
    _health: dict[str, DeviceHealth] = field(default_factory=dict)
    _closed: bool = False

    def health(self) -> dict[str, DeviceHealth]:
        """Figures for ``HealthReport.camera`` / ``.microphone`` / ``.speaker``; no media."""
        result = dict(self._health)
        if isinstance(self.video, CameraVideoTrack):
            working = self.video.working() or self.video.frames_read == 0
            result["camera"] = DeviceHealth(
                present=True,
                working=working and not self.video.failed,
                detail=self.sources["camera"],
            )
        return result

    async def close(self) -> None:
        """Stop the tracks and release the devices. Idempotent."""
        if self._closed:
            return
        self._closed = True
        for track in (self.video, self.audio):
            # A camera's stop() joins its reader thread: keep that off the event loop.
            await asyncio.to_thread(track.stop)
        self.speaker.close()


async def open_local_media(config: MediaConfig) -> LocalMedia:
    """Open what ``config`` asks for, falling back to synthetic media; never raises for a device."""
    clock = MediaClock()
    sources: dict[str, str] = {}
    health: dict[str, DeviceHealth] = {}
    video = await _open_video(config, clock, sources, health)
    audio = _open_microphone(config, clock, sources, health)
    speaker = _open_speaker(config, sources, health)
    return LocalMedia(video=video, audio=audio, speaker=speaker, sources=sources, _health=health)


async def _open_video(
    config: MediaConfig, clock: MediaClock, sources: dict[str, str], health: dict[str, DeviceHealth]
) -> MediaStreamTrack:
    if config.camera is not None:
        try:
            camera = await asyncio.to_thread(
                CameraVideoTrack,
                config.camera,
                config.width,
                config.height,
                config.fps,
                clock=clock,
            )
        except DeviceUnavailable as exc:
            health["camera"] = DeviceHealth(present=False, working=False, detail=str(exc)[:500])
        else:
            sources["camera"] = f"device {config.camera}"[:200]
            return camera
    else:
        health["camera"] = DeviceHealth(present=False, working=False, detail="not configured")
    sources["camera"] = "synthetic"
    return SyntheticVideoTrack(
        config.width, config.height, config.fps, config.synthetic_label, clock=clock
    )


def _open_microphone(
    config: MediaConfig, clock: MediaClock, sources: dict[str, str], health: dict[str, DeviceHealth]
) -> MediaStreamTrack:
    index, reason = find_device("input", config.microphone)
    if index is not None:
        try:
            track = MicrophoneTrack(index)
        except DeviceUnavailable as exc:
            reason = str(exc)
        else:
            sources["microphone"] = f"device {index}: {reason}"[:200]
            health["microphone"] = DeviceHealth(present=True, working=True, detail=reason[:500])
            return track
    sources["microphone"] = "tone"
    health["microphone"] = DeviceHealth(present=False, working=False, detail=reason[:500])
    return ToneAudioTrack(clock=clock)


def _open_speaker(
    config: MediaConfig, sources: dict[str, str], health: dict[str, DeviceHealth]
) -> AudioSink:
    index, reason = find_device("output", config.speaker)
    if index is not None:
        try:
            sink = SpeakerSink(index)
        except DeviceUnavailable as exc:
            reason = str(exc)
        else:
            sources["speaker"] = f"device {index}: {reason}"[:200]
            health["speaker"] = DeviceHealth(present=True, working=True, detail=reason[:500])
            return sink
    sources["speaker"] = "none"
    health["speaker"] = DeviceHealth(present=False, working=False, detail=reason[:500])
    return NullSink()
