"""The kiosk's copy of the last complete published version (docs/answers.md §The published bundle).

Layout under the cache directory::

    CURRENT             the name of the folder in use (absent: nothing published yet)
    v7-k2j3/            bundle.json and audio/<sha256>, one published version
    v8-x91q/            a download in progress, or one a crash left: not named by CURRENT

A new version is written into a folder of its own (:meth:`AnswersCache.begin`), every recording
checked against its digest, and made current by replacing ``CURRENT`` with one ``os.replace``
(:meth:`AnswersCache.install`): until that rename the kiosk reads the old version, after it the
new one, never a mixture. A crash at any point leaves ``CURRENT`` naming a complete folder; the
stray folder goes at the next :meth:`AnswersCache.sweep`. The cache holds published content only,
nothing about any resident.

Plain blocking file I/O, small files: the asyncio side calls it through ``asyncio.to_thread``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

from kiosk.answers.bundle import Audio, Bundle, BundleError, parse_bundle
from signaling.errors import KiosklinkError

log = logging.getLogger(__name__)
POINTER = "CURRENT"
BUNDLE_FILE = "bundle.json"
AUDIO_DIR = "audio"


class CacheError(KiosklinkError):
    """A download cannot be installed (a digest or size does not match, a recording is missing)."""


def digest_problem(audio: Audio, data: bytes) -> str | None:
    """Why ``data`` is not the recording ``audio`` describes, or None when it is."""
    if len(data) != audio.bytes:
        return f"recording {audio.sha256[:12]}: {len(data)} bytes, expected {audio.bytes}"
    if hashlib.sha256(data).hexdigest() != audio.sha256:
        return f"recording {audio.sha256[:12]}: the digest does not match"
    return None


class Incoming:
    """One version being downloaded into a folder of its own (see :meth:`AnswersCache.begin`)."""

    def __init__(self, folder: Path, bundle_bytes: bytes) -> None:
        self.folder = folder
        self.bundle = parse_bundle(bundle_bytes)  # BundleError: nothing written
        (folder / AUDIO_DIR).mkdir()
        _write(folder / BUNDLE_FILE, bundle_bytes)

    def missing(self) -> tuple[Audio, ...]:
        """The recordings still to be put."""
        return tuple(
            a for a in self.bundle.recordings() if not (self.folder / AUDIO_DIR / a.sha256).exists()
        )

    def put_audio(self, audio: Audio, data: bytes) -> None:
        problem = digest_problem(audio, data)
        if problem is not None:
            raise CacheError(problem)
        _write(self.folder / AUDIO_DIR / audio.sha256, data)

    def reuse(self, audio: Audio, source: Path) -> bool:
        """Take an unchanged recording from the version in use instead of downloading it again."""
        try:
            data = source.read_bytes()
        except OSError:
            return False
        if digest_problem(audio, data) is not None:
            return False
        _write(self.folder / AUDIO_DIR / audio.sha256, data)
        return True


class AnswersCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    # --- reading --------------------------------------------------------------------------------

    def current_folder(self) -> Path | None:
        try:
            name = (self.root / POINTER).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        folder = self.root / name
        return folder if name and "/" not in name and folder.is_dir() else None

    def load(self) -> Bundle | None:
        """The version in use, checked whole (every recording present with its digest); None when
        there is none or it cannot be trusted (then the next fetch replaces it)."""
        folder = self.current_folder()
        if folder is None:
            return None
        try:
            bundle = parse_bundle((folder / BUNDLE_FILE).read_bytes())
            for audio in bundle.recordings():
                problem = digest_problem(audio, (folder / AUDIO_DIR / audio.sha256).read_bytes())
                if problem is not None:
                    raise CacheError(problem)
        except (OSError, BundleError, CacheError) as exc:
            log.warning("cached common questions in %s not used: %s", folder, exc)
            return None
        return bundle

    def audio_path(self, sha256: str) -> Path | None:
        folder = self.current_folder()
        if folder is None or not all(c in "0123456789abcdef" for c in sha256):
            return None
        path = folder / AUDIO_DIR / sha256
        return path if path.is_file() else None

    # --- writing --------------------------------------------------------------------------------

    def begin(self, bundle_bytes: bytes) -> Incoming:
        """A folder for a new version, its bundle checked and written; raises BundleError."""
        self.root.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="incoming-", dir=self.root))
        try:
            incoming = Incoming(folder, bundle_bytes)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        # Unchanged recordings come from the version in use.
        current = self.current_folder()
        if current is not None:
            for audio in incoming.missing():
                incoming.reuse(audio, current / AUDIO_DIR / audio.sha256)
        return incoming

    def install(self, incoming: Incoming) -> Bundle:
        """Make ``incoming`` the version in use, by one atomic rename; raises CacheError when a
        recording is missing (nothing changes then)."""
        missing = incoming.missing()
        if missing:
            raise CacheError(f"{len(missing)} recordings not downloaded")
        name = f"v{incoming.bundle.version}-{incoming.folder.name.removeprefix('incoming-')}"
        final = self.root / name
        os.rename(incoming.folder, final)  # not yet named by CURRENT: still invisible
        _fsync_dir(self.root)
        pointer = self.root / (POINTER + ".new")
        _write(pointer, name.encode())
        os.replace(pointer, self.root / POINTER)  # the switch
        _fsync_dir(self.root)
        incoming.folder = final
        self.sweep()
        return incoming.bundle

    def discard(self, incoming: Incoming) -> None:
        shutil.rmtree(incoming.folder, ignore_errors=True)

    def sweep(self) -> None:
        """Remove every folder but the one in use: old versions, downloads a crash cut short."""
        if not self.root.is_dir():
            return
        keep = self.current_folder()
        for entry in self.root.iterdir():
            if entry.is_dir() and entry != keep:
                shutil.rmtree(entry, ignore_errors=True)


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
