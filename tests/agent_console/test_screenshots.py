from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from agent_console.screenshots import STATES, main


def test_every_state_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path), "--language", "sv"]) == 0
    shots = sorted(tmp_path.glob("console-sv-*.png"))
    assert [p.stem.removeprefix("console-sv-") for p in shots] == sorted(STATES)
    for path in shots:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1280, 800)


def test_a_portrait_screen_is_shot_at_its_size(qtbot: QtBot, tmp_path: Path) -> None:
    """A window wider than 1080 px would come out wider than the screen (the soak saw 1212)."""
    assert main(["--out", str(tmp_path), "--language", "en", "--size", "1080x1920"]) == 0
    shots = sorted(tmp_path.glob("console-en-*-1080x1920.png"))
    assert len(shots) == len(STATES)
    for path in shots:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1080, 1920), path.name
