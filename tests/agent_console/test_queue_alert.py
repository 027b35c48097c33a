"""A queue waiting too long with nobody free is marked by colour, a sign and words (#12, 8)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from agent_console.queue_alert import waits_too_long
from agent_console.state import ConsoleState, Phase
from agent_console.views.queue_view import ALERT_SIGN, QueueView
from agent_console.views.style import ALERT_ROW
from signaling.messages import QueueStat


def stat(waiting: int, longest: float, free: int, *, open_: bool = True) -> QueueStat:
    return QueueStat(
        language="so",
        waiting=waiting,
        longest_wait_s=longest,
        advisers_available=free,
        open=open_,
    )


def cell(view: QueueView, row: int, col: int) -> QTableWidgetItem:
    item = view.table.item(row, col)
    assert item is not None
    return item


def test_only_a_long_wait_with_nobody_free_is_an_alert() -> None:
    assert waits_too_long(stat(2, 300, 0), alert_after_s=300)
    assert not waits_too_long(stat(2, 299, 0), alert_after_s=300)  # not yet
    assert not waits_too_long(stat(2, 900, 1), alert_after_s=300)  # an offer is on its way
    assert not waits_too_long(stat(0, 900, 0), alert_after_s=300)  # nobody waiting
    assert not waits_too_long(stat(2, 900, 0, open_=False), alert_after_s=300)  # closed


def test_the_row_past_the_configured_threshold_is_red_with_a_sign_and_words(
    qtbot: QtBot,
) -> None:
    view = QueueView(alert_after_s=120)
    qtbot.addWidget(view)
    queues = (
        QueueStat(language="sv", waiting=1, longest_wait_s=600, advisers_available=2),
        QueueStat(language="so", waiting=3, longest_wait_s=130, advisers_available=0),
        QueueStat(language="ti", waiting=1, longest_wait_s=60, advisers_available=0),
    )
    view.render(ConsoleState(phase=Phase.AVAILABLE, queues=queues))
    rows = {cell(view, r, 0).text(): r for r in range(view.table.rowCount())}
    alert, calm, young = rows["Somali"], rows["Swedish"], rows["Tigrinya"]
    wait = cell(view, alert, 2)
    assert wait.text() == f"{ALERT_SIGN} 2:10"
    assert wait.toolTip() == "Waiting too long, nobody free"
    assert "nobody free" in str(wait.data(Qt.ItemDataRole.AccessibleTextRole))
    for col in range(4):
        assert cell(view, alert, col).background().color() == QColor(ALERT_ROW)
        for other in (calm, young):
            assert cell(view, other, col).background().color() != QColor(ALERT_ROW)
            assert ALERT_SIGN not in cell(view, other, col).text()

    view.alert_after_s = 200  # a more patient setting: the same queue is not marked
    view.render(ConsoleState(phase=Phase.AVAILABLE, queues=queues))
    assert cell(view, alert, 2).text() == "2:10"
