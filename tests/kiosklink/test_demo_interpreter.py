"""``kiosklink demo --document --interpreter`` as a user runs it, on a machine with no display."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

KIOSKLINK = str(Path(sys.executable).with_name("kiosklink"))
LINKS = [
    (receiver, sender)
    for receiver in ("kiosk", "adviser", "interpreter")
    for sender in ("kiosk", "adviser", "interpreter")
    if sender != receiver
]


def test_the_three_way_demo_prints_every_link_the_text_and_the_letter(tmp_path: Path) -> None:
    # No --headless: without a display the demo must run headless by itself.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [KIOSKLINK, "demo", "--document", "--interpreter", "--seconds", "1"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    for receiver, sender in LINKS:
        link = re.search(rf"{receiver} <- {sender}: (\d+) frames", out)
        assert link and int(link.group(1)) > 0, f"{receiver} <- {sender}\n{out}"
    assert "text reached all three" in out
    sent = re.findall(r"kiosk +page \d: \d+ bytes 2560x1920, sha256 (\w+), delivered in", out)
    got = re.findall(r"adviser +page \d: \d+ bytes, sha256 (\w+), arrived", out)
    assert len(sent) == 2 and sent == got, out
    assert "the interpreter left; kiosk and adviser still see each other" in out
    assert re.search(r"interpretation of call \w+: language=ti outcome=hangup", out), out
    assert "done: the call worked end to end" in out
    assert not list(tmp_path.iterdir()), "nothing of the call is written anywhere"
