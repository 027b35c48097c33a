"""kiosk.answers.cache on real files: a version becomes current whole, by one rename, or not
at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.answers.bundle import BundleError, parse_bundle
from kiosk.answers.cache import AnswersCache, CacheError
from tests.kiosk.answers.sample import RECORDING, RECORDING_SHA, bundle_bytes


def _install(cache: AnswersCache, version: int, **changes: object) -> None:
    incoming = cache.begin(bundle_bytes(version, **changes))
    for audio in incoming.missing():
        incoming.put_audio(audio, RECORDING)
    cache.install(incoming)


def test_an_empty_cache_has_nothing(tmp_path: Path) -> None:
    cache = AnswersCache(tmp_path / "answers")
    assert cache.load() is None
    assert cache.audio_path(RECORDING_SHA) is None


def test_an_installed_version_loads_in_a_new_process_with_its_recordings(tmp_path: Path) -> None:
    _install(AnswersCache(tmp_path), 3)
    again = AnswersCache(tmp_path)  # as after a restart
    bundle = again.load()
    assert bundle is not None and bundle.version == 3
    path = again.audio_path(RECORDING_SHA)
    assert path is not None and path.read_bytes() == RECORDING


def test_a_torn_download_leaves_the_old_version_in_use(tmp_path: Path) -> None:
    cache = AnswersCache(tmp_path)
    _install(cache, 1)
    incoming = cache.begin(bundle_bytes(2, housing_title_sv="Ny titel"))
    (incoming.folder / "audio" / RECORDING_SHA).unlink()  # not reused: pretend it changed
    (incoming.folder / "audio" / RECORDING_SHA).write_bytes(RECORDING[:100])  # cut mid-file
    # The process dies here. The next start sees the old version, whole.
    after_crash = AnswersCache(tmp_path)
    bundle = after_crash.load()
    assert bundle is not None and bundle.version == 1
    assert bundle.question("housing-queue").texts["sv"].title == "Hur står jag i bostadskö?"  # type: ignore[union-attr]
    after_crash.sweep()
    assert not incoming.folder.exists()
    assert [p.name for p in tmp_path.iterdir() if p.is_dir()] == [after_crash.current_folder().name]  # type: ignore[union-attr]


def test_a_recording_with_the_wrong_digest_or_size_is_refused(tmp_path: Path) -> None:
    cache = AnswersCache(tmp_path)
    incoming = cache.begin(bundle_bytes(1))
    (audio,) = incoming.missing()
    with pytest.raises(CacheError, match="bytes"):
        incoming.put_audio(audio, RECORDING[:-1])
    with pytest.raises(CacheError, match="digest"):
        incoming.put_audio(audio, bytes(len(RECORDING)))
    with pytest.raises(CacheError, match="not downloaded"):
        cache.install(incoming)
    assert cache.load() is None


def test_a_bad_bundle_writes_nothing_and_keeps_the_old(tmp_path: Path) -> None:
    cache = AnswersCache(tmp_path)
    _install(cache, 1)
    with pytest.raises(BundleError):
        cache.begin(b'{"version": 2, "topics": [], "questions": [{"id": "x"}]}')
    bundle = cache.load()
    assert bundle is not None and bundle.version == 1
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 1


def test_a_new_version_replaces_the_old_and_reuses_unchanged_recordings(tmp_path: Path) -> None:
    cache = AnswersCache(tmp_path)
    _install(cache, 1)
    incoming = cache.begin(bundle_bytes(2, housing_title_sv="Bostadskön"))
    assert incoming.missing() == ()  # the recording came from version 1
    cache.install(incoming)
    bundle = cache.load()
    assert bundle is not None and bundle.version == 2
    assert bundle.question("housing-queue").texts["sv"].title == "Bostadskön"  # type: ignore[union-attr]
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 1  # version 1 is gone


def test_a_damaged_cache_is_not_trusted(tmp_path: Path) -> None:
    cache = AnswersCache(tmp_path)
    _install(cache, 1)
    folder = cache.current_folder()
    assert folder is not None
    (folder / "audio" / RECORDING_SHA).write_bytes(b"x" * len(RECORDING))
    assert cache.load() is None
    (tmp_path / "CURRENT").write_text("../elsewhere")
    assert cache.current_folder() is None and cache.load() is None


def test_the_cache_holds_only_the_published_bundle_and_recordings(tmp_path: Path) -> None:
    cache = AnswersCache(tmp_path)
    _install(cache, 1)
    folder = cache.current_folder()
    assert folder is not None
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert files == [
        "CURRENT",
        f"{folder.name}/audio/{RECORDING_SHA}",
        f"{folder.name}/bundle.json",
    ]
    assert parse_bundle((folder / "bundle.json").read_bytes()) == cache.load()
