"""The installed dependencies are the locked ones, and the Qt binding keeps None alive.

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` on every Qt call that returns
nothing; a GUI that refreshes labels every second aborts with ``Fatal Python error: none_dealloc``
within minutes (../shared/AIORTC.md §13). pyproject.toml excludes that release; the test below
fails on any binding with the same defect, so an upgrade cannot bring it back unseen.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
VOID_CALLS = 10_000

# Run in a child: a broken binding aborts the interpreter, which must fail this test, not end
# the test run.
_PROBE = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range({VOID_CALLS}):
        label.setText("x")          # returns nothing: the binding hands back None
        label.setVisible(False)
    after = sys.getrefcount(None)
    print(before - after, flush=True)
    """
)


def test_void_qt_calls_keep_none_alive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, f"the Qt binding crashed the interpreter:\n{done.stderr[-2000:]}"
    lost = int(done.stdout.strip().splitlines()[-1])
    # A handful of references may come and go with Qt's own bookkeeping; the defect loses one per
    # call, 2 x 10,000 here.
    assert abs(lost) < 100, (
        f"{lost} references to None lost over {2 * VOID_CALLS} void Qt calls: this PySide6 "
        f"({metadata.version('PySide6-Essentials')}) has the none_dealloc defect; exclude it "
        "in pyproject.toml and refresh requirements.lock"
    )


def _locked() -> dict[str, str]:
    """Package name -> version for this interpreter, from requirements.lock."""
    pins: dict[str, str] = {}
    for raw in (ROOT / "requirements.lock").read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        spec, _, marker = line.partition(";")
        if marker.strip() and not Marker(marker.strip()).evaluate():
            continue
        name, _, version = spec.strip().partition("==")
        pins[canonicalize_name(name)] = version.strip()
    return pins


def test_installed_versions_are_the_locked_ones() -> None:
    pins = _locked()
    assert "pyside6-essentials" in pins and "aiortc" in pins
    wrong = {
        name: (version, metadata.version(name))
        for name, version in pins.items()
        if metadata.version(name) != version
    }
    assert not wrong, (
        f"installed versions differ from requirements.lock (locked, installed): {wrong}"
    )


def test_the_lock_satisfies_the_declared_ranges() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = [*project["dependencies"]]
    for extra in ("apps", "test"):
        declared += project["optional-dependencies"][extra]
    pins = _locked()
    for text in declared:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        assert name in pins, f"{name} is declared but not locked: run bash scripts/lock.sh"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"locked {name}=={pins[name]} is outside the declared {requirement.specifier}"
        )


@pytest.mark.parametrize("release", ["6.12.0"])
def test_known_bad_bindings_are_excluded(release: str) -> None:
    import tomllib

    apps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    binding = next(Requirement(r) for r in apps["apps"] if r.startswith("PySide6"))
    assert not binding.specifier.contains(release), f"PySide6 {release} must stay excluded"
