"""Refresh the console's translation files: ``python -m agent_console.i18n_tool``.

Runs ``pyside6-lupdate`` over the console's sources into ``i18n/console_sv.ts`` (new strings appear
there as unfinished; translate them with ``pyside6-linguist`` or by hand), then ``pyside6-lrelease``
to compile ``console_sv.qm``, which is committed so that installs need no Qt tools.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent
TS = PACKAGE / "i18n" / "console_sv.ts"


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "i18n_tool.py")


def tool(name: str) -> str | None:
    """A Qt tool next to this Python (the venv's bin), or on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def update(ts: Path = TS) -> None:
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        raise FileNotFoundError("pyside6-lupdate not found")
    files = [str(p) for p in sources()]
    cmd = [lupdate, *files, "-ts", str(ts), "-source-language", "en", "-target-language", "sv"]
    subprocess.run([*cmd, "-no-obsolete"], check=True, capture_output=True, timeout=120)


def release(ts: Path = TS, qm: Path | None = None) -> None:
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        raise FileNotFoundError("pyside6-lrelease not found")
    target = qm or ts.with_suffix(".qm")
    subprocess.run(
        [lrelease, str(ts), "-qm", str(target)], check=True, capture_output=True, timeout=120
    )


def main() -> int:
    update()
    release()
    print(f"updated {TS.name} and compiled {TS.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
