"""Regenerate the kiosk's translations: ``python -m kiosk.i18n.build [--check]``.

1. ``pyside6-lupdate`` collects the source sentences from kiosk/views/texts.py into every
   kiosk_<lang>.ts, keeping existing translations and marking new sentences unfinished. It skips
   a catalogue whose language Qt does not know (it says which); add those sentences by hand.
2. ``pyside6-lrelease`` compiles each .ts to the .qm the app loads.

``--check`` builds into a temporary folder and exits 1 if a committed .qm differs from what its
.ts compiles to (tests/kiosk/test_i18n.py runs the same comparison).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from kiosk.languages import SHIPPED, SOURCE_LANGUAGE

HERE = Path(__file__).resolve().parent
SOURCES = (HERE.parent / "views" / "texts.py",)
TRANSLATED = tuple(code for code in SHIPPED if code != SOURCE_LANGUAGE)


def ts_path(code: str) -> Path:
    return HERE / f"kiosk_{code}.ts"


def qm_path(code: str, folder: Path = HERE) -> Path:
    return folder / f"kiosk_{code}.qm"


def tool(name: str) -> str:
    """The PySide6 tool next to this interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found; install PySide6-Essentials")
    return found


def update_ts() -> None:
    for code in TRANSLATED:
        done = subprocess.run(
            [
                tool("pyside6-lupdate"),
                *map(str, SOURCES),
                "-locations",
                "none",
                "-no-obsolete",
                "-target-language",
                code,
                "-ts",
                str(ts_path(code)),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        # lupdate leaves a catalogue alone, exit code 0, when Qt does not know its language
        # (prs, ckb, kmr): its new sentences must then be added to the .ts by hand.
        if "won't be updated" in done.stderr:
            print(f"{ts_path(code).name}: lupdate skipped it; add any new sentence by hand")


def release(folder: Path = HERE) -> list[Path]:
    out = []
    for code in TRANSLATED:
        target = qm_path(code, folder)
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts_path(code)), "-qm", str(target)],
            check=True,
            capture_output=True,
        )
        out.append(target)
    return out


def stale_qm() -> list[str]:
    """Names of committed .qm files that differ from a fresh compile of their .ts."""
    with tempfile.TemporaryDirectory() as tmp:
        release(Path(tmp))
        return [
            qm_path(code).name
            for code in TRANSLATED
            if not qm_path(code).exists()
            or qm_path(code).read_bytes() != qm_path(code, Path(tmp)).read_bytes()
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only check the .qm are up to date")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_qm()
        for name in stale:
            print(f"stale: {name}; run python -m kiosk.i18n.build", file=sys.stderr)
        return 1 if stale else 0
    update_ts()
    for path in release():
        print(path.relative_to(HERE.parent.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
