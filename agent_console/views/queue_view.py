"""Callers waiting per language, the adviser's own languages highlighted, updated live.

A queue that has waited too long with nobody free (agent_console.queue_alert) is marked three ways,
so colour is never the only cue: a red row, a warning sign before its wait, and the words in the
row's tooltip and accessible text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_console.queue_alert import waits_too_long
from agent_console.state import ConsoleState, Phase
from agent_console.timefmt import clock_text
from agent_console.views.labels import language_name
from agent_console.views.numbers import count_text
from agent_console.views.parts import button, label
from agent_console.views.style import ALERT_INK, ALERT_ROW, OWN_QUEUE

ALERT_SIGN = "⚠"


class QueueView(QWidget):
    take_next_requested = Signal()  # pull: the next caller in the adviser's languages

    def __init__(self, parent: QWidget | None = None, *, alert_after_s: float = 300.0) -> None:
        super().__init__(parent)
        self.alert_after_s = alert_after_s  # the console's setting (agent_console.config)
        self.heading = label(self.tr("Waiting now"), "title")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Language"), self.tr("Waiting"), self.tr("Longest wait"), self.tr("Free")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        # Shown while away: offers are off, and an adviser who prefers to pull takes the next
        # caller here (docs/protocol.md §Take next).
        self.take_next = button(self.tr("Take next caller (F9)"), "primary")
        self.take_next.clicked.connect(self.take_next_requested)
        layout.addWidget(self.take_next)

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        own = state.own_languages
        # Own languages first, then the rest, each group in the server's order.
        queues = sorted(state.queues, key=lambda q: q.language not in own)
        # An interpreter is asked in by advisers; the server refuses them take_next (§Interpreter).
        self.take_next.setVisible(state.phase is Phase.AWAY and not state.is_interpreter)
        self.take_next.setEnabled(any(q.waiting and q.language in own for q in queues))
        self.table.setRowCount(len(queues))
        for row, queue in enumerate(queues):
            mine = queue.language in own
            alert = waits_too_long(queue, alert_after_s=self.alert_after_s)
            name = language_name(queue.language)
            if not queue.open:
                name = self.tr("%1 (closed)").replace("%1", name)
            wait = clock_text(queue.longest_wait_s) if queue.waiting else "–"
            cells = [
                name,
                count_text(queue.waiting),
                f"{ALERT_SIGN} {wait}" if alert else wait,
                count_text(queue.advisers_available),
            ]
            hint = self.tr("Waiting too long, nobody free") if alert else ""
            for col, text in enumerate(cells):
                item = self._set(row, col, text, mine=mine, busy=queue.waiting > 0, alert=alert)
                item.setToolTip(hint)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text} {hint}".strip())

    def _set(
        self, row: int, col: int, text: str, *, mine: bool, busy: bool, alert: bool
    ) -> QTableWidgetItem:
        item = self.table.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, col, item)
        item.setText(text)
        if col > 0:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        background = ALERT_ROW if alert else OWN_QUEUE if mine else None
        item.setBackground(QBrush(QColor(background)) if background else QBrush())
        item.setForeground(QBrush(QColor(ALERT_INK)) if alert else QBrush())
        font = QFont()
        font.setBold((mine and busy) or alert)
        item.setFont(font)
        return item
