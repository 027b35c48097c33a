"""In a call: the resident large, own picture small, controls, quality, transfer, real-time text.

In a three-way call (docs/protocol.md §Interpreter) the third party's tile stands beside the
resident's picture and their text has its own box: the interpreter's on an adviser's console, the
adviser's on an interpreter's. An interpreter's console has no transfer, no pages and no
interpreter row, and its end button leaves (the call goes on without them)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_console.quality import QualityLevel, no_picture
from agent_console.state import ActiveCall, ConsoleState, Notice
from agent_console.timefmt import clock_text
from agent_console.views.document_view import DocumentView
from agent_console.views.interpreter_bar import InterpreterBar
from agent_console.views.labels import (
    kiosk_devices_text,
    language_name,
    level_name,
    missing_media_text,
    notice_text,
    quality_name,
    topic_name,
)
from agent_console.views.page_split import PageSplit
from agent_console.views.parts import button, card, label
from agent_console.views.stage import PartyTile, Stage
from agent_console.views.style import FAIR, GOOD, MUTED, POOR
from agent_console.views.video_widget import VideoWidget
from signaling.messages import AdviserSummary

_QUALITY_COLOURS = {
    QualityLevel.UNKNOWN: MUTED,
    QualityLevel.GOOD: GOOD,
    QualityLevel.FAIR: FAIR,
    QualityLevel.POOR: POOR,
}


class CallView(QWidget):
    hang_up_requested = Signal()
    mute_toggled = Signal()
    camera_toggled = Signal()
    transfer_requested = Signal(str, str)  # "language" | "adviser", target
    text_changed = Signal(str)  # the adviser's line as it is typed
    text_committed = Signal(str)  # Enter: the line is final

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._waiting_text = self.tr("Waiting for the resident's video…")
        self._interrupted = False
        self.remote_video = VideoWidget(self._waiting_text)
        self.local_video = VideoWidget(self.tr("Your camera"))
        self.party = PartyTile(self.tr("Connecting…"))  # the third party (§Interpreter)
        self.stage = Stage(self.remote_video, self.local_video, self.party)
        self.interpreter = InterpreterBar()
        self.who = label("", "title")
        self.timer = label("0:00", "title")
        self.quality = label("", "pill")
        self.mute = button(self.tr("Mute (F7)"), checkable=True)
        self.camera = button(self.tr("Camera off (F8)"), checkable=True)
        self.end = button(self.tr("End call (F4)"), "danger")
        self.transfer_language = QComboBox()
        self.transfer_language.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.transfer_language.setMinimumContentsLength(10)
        self.transfer_language.setToolTip(self.tr("Transfer to another language queue"))
        self.transfer_language.setAccessibleName(self.tr("Transfer to another language queue"))
        self.transfer_to_queue = QPushButton(self.tr("Transfer to queue"))
        self.transfer_adviser = QComboBox()
        self.transfer_adviser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.transfer_adviser.setMinimumContentsLength(18)
        self.transfer_adviser.setPlaceholderText(self.tr("No colleague available"))
        self.transfer_adviser.setToolTip(self.tr("Transfer to an available colleague"))
        self.transfer_adviser.setAccessibleName(self.tr("Transfer to an available colleague"))
        self.transfer_to_adviser = QPushButton(self.tr("Transfer to colleague"))
        self.remote_text = QPlainTextEdit(readOnly=True)
        self.remote_text.setPlaceholderText(self.tr("What the resident types appears here."))
        self.remote_label = QLabel(self.tr("Resident (live text)"))
        self.remote_label.setBuddy(self.remote_text)
        self.party_text = QPlainTextEdit(readOnly=True)
        self.party_label = QLabel("")
        self.party_label.setBuddy(self.party_text)
        self.transfer_row = QWidget()
        self.own_lines = QPlainTextEdit(readOnly=True)
        self.own_text = QLineEdit()
        self.own_text.setPlaceholderText(self.tr("Type here; Enter sends"))  # fits 270 px
        self.own_text.setAccessibleName(self.tr("Type to the resident; Enter sends the line"))
        self.documents = DocumentView()  # the pages the resident shows (issue #16)
        self.split = PageSplit(self.stage, self.documents)
        self.documents.shown_changed.connect(self.split.page_shown_changed)
        self._call_id = ""
        self._colleague_items: list[tuple[str, str]] = []  # (adviser id, text) shown in the picker
        self._build()
        self._connect()

    def _build(self) -> None:
        # The quality pill on its own line: its words ("No picture or sound from the kiosk") and the
        # caller's line would not fit one row of a 1280 px screen together.
        title = QHBoxLayout()
        title.addWidget(self.who, 1)
        title.addWidget(self.timer)
        pill = QHBoxLayout()
        pill.addWidget(self.quality)
        pill.addStretch(1)
        head = QVBoxLayout()
        head.setSpacing(4)
        head.addLayout(title)
        head.addLayout(pill)
        controls = QHBoxLayout()
        controls.addWidget(self.mute)
        controls.addWidget(self.camera)
        controls.addStretch(1)
        controls.addWidget(self.end)
        # Two rows, queue above colleague: one row of four would widen the window in Swedish.
        transfer = QGridLayout(self.transfer_row)
        transfer.setContentsMargins(0, 0, 0, 0)
        transfer.addWidget(QLabel(self.tr("Transfer:")), 0, 0)
        transfer.addWidget(self.transfer_language, 0, 1)
        transfer.addWidget(self.transfer_to_queue, 0, 2)
        transfer.addWidget(self.transfer_adviser, 1, 1)
        transfer.addWidget(self.transfer_to_adviser, 1, 2)
        transfer.setColumnStretch(1, 1)
        left = QVBoxLayout()
        left.addLayout(head)
        left.addWidget(self.split, 1)  # the video, and once there is one the page, large
        left.addLayout(controls)
        left.addWidget(self.interpreter)
        left.addWidget(self.documents.bar)
        left.addWidget(self.transfer_row)
        text_card = card()
        text = QVBoxLayout(text_card)
        text.addWidget(self.remote_label)
        text.addWidget(self.remote_text, 2)
        text.addWidget(self.party_label)
        text.addWidget(self.party_text, 2)
        you = QLabel(self.tr("You"))
        you.setBuddy(self.own_lines)
        text.addWidget(you)
        text.addWidget(self.own_lines, 1)
        text.addWidget(self.own_text)
        text_card.setFixedWidth(270)  # with the queue panel, the call fits 1280 px with room
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(text_card)
        order: list[QWidget] = [
            self.own_text,
            self.mute,
            self.camera,
            self.end,
            self.interpreter.open,
            self.interpreter.dismiss,
            self.transfer_language,
            self.transfer_to_queue,
            self.transfer_adviser,
            self.transfer_to_adviser,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        self.end.clicked.connect(self.hang_up_requested)
        self.mute.clicked.connect(self.mute_toggled)
        self.camera.clicked.connect(self.camera_toggled)
        self.transfer_to_queue.clicked.connect(self._transfer_to_queue)
        self.transfer_to_adviser.clicked.connect(self._transfer_to_adviser)
        self.own_text.textEdited.connect(self.text_changed)
        self.own_text.returnPressed.connect(self._commit_text)

    def _transfer_to_queue(self) -> None:
        code = self.transfer_language.currentData()
        if isinstance(code, str) and code:
            self.transfer_requested.emit("language", code)

    def _transfer_to_adviser(self) -> None:
        target = self.transfer_adviser.currentData()
        if isinstance(target, str) and target:
            self.transfer_requested.emit("adviser", target)

    def _commit_text(self) -> None:
        line = self.own_text.text()
        if line.strip():
            self.text_committed.emit(line)
            self.own_text.clear()

    def show_remote_frame(self, image: QImage) -> None:
        self.remote_video.set_image(image)

    def show_local_frame(self, image: QImage) -> None:
        self.local_video.set_image(image)

    def show_party_frame(self, image: QImage) -> None:
        """The third party's newest picture (§Interpreter)."""
        self.party.video.set_image(image)

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        call = state.call
        if call is None:
            return
        if call.call_id != self._call_id:
            self._start(call, state)
        self._render_who(call)
        self.timer.setText(clock_text(call.elapsed_s(state.now)))
        self._render_quality(call)
        self.mute.setChecked(call.audio_muted)
        self.camera.setChecked(call.video_off)
        self.local_video.setVisible(not call.video_off)
        if self.remote_text.toPlainText() != call.remote_text:
            self.remote_text.setPlainText(call.remote_text)
            bar = self.remote_text.verticalScrollBar()
            bar.setValue(bar.maximum())
        own = "\n".join(call.own_lines)
        if self.own_lines.toPlainText() != own:
            self.own_lines.setPlainText(own)
        self._render_third_party(call)
        if not call.interpreting:
            self.interpreter.render(call, state.service_languages())
            self.transfer_to_queue.setEnabled(not call.transferring)
            self._render_colleagues(state.transfer_candidates(), call)
        self._render_interrupted(state.notice is Notice.CALLER_INTERRUPTED)

    def _render_who(self, call: ActiveCall) -> None:
        if call.interpreting:
            what = self.tr("Interpreting %1").replace("%1", language_name(call.language))
            self.who.setText(f"{what} · {call.site}")
        else:
            topic = topic_name(call.topic)
            self.who.setText(f"{language_name(call.language)} · {topic} · {call.site}")

    def _render_third_party(self, call: ActiveCall) -> None:
        """The interpreter beside the resident, or on an interpreter's console the adviser."""
        shown = call.third_party
        self.stage.show_party(shown)
        if call.interpreting:
            name = call.adviser_name
        else:
            name = call.interpreter.name if call.interpreter is not None else ""
        self.party.name.setText(name)
        if call.party_state == "left" or not shown:
            self.party.video.set_image(None)  # no frozen face of someone who has gone
        placeholder = (
            self.tr("%1 has left.") if call.party_state == "left" else self.tr("Connecting…")
        )
        self.party.video.set_placeholder(placeholder.replace("%1", name))
        self.party_label.setVisible(shown or bool(call.party_text))
        self.party_text.setVisible(shown or bool(call.party_text))
        if self.party_text.toPlainText() != call.party_text:
            self.party_text.setPlainText(call.party_text)
            bar = self.party_text.verticalScrollBar()
            bar.setValue(bar.maximum())

    def _render_quality(self, call: ActiveCall) -> None:
        """The network's word for the call, unless the kiosk sends no picture or sound."""
        missing = missing_media_text(call.kiosk_lacks, no_frames=no_picture(call.figures))
        if missing is not None:
            self.quality.setText(missing)
            self.quality.setStyleSheet(f"background: {POOR};")
        else:
            self.quality.setText(self.tr("Quality: %1").replace("%1", quality_name(call.quality)))
            self.quality.setStyleSheet(f"background: {_QUALITY_COLOURS[call.quality]};")
        self.quality.setToolTip(kiosk_devices_text(call.kiosk_lacks))

    def _render_interrupted(self, interrupted: bool) -> None:
        """The resident's connection is interrupted (§Faults): say so where their video was."""
        if interrupted == self._interrupted:
            return
        self._interrupted = interrupted
        if interrupted:
            self.remote_video.set_image(None)  # a frozen last frame would look like a live call
            self.remote_video.set_placeholder(notice_text(Notice.CALLER_INTERRUPTED))
        else:
            self.remote_video.set_placeholder(self._waiting_text)

    def _start(self, call: ActiveCall, state: ConsoleState) -> None:
        """A new call: clear what the last one left behind."""
        self._call_id = call.call_id
        self.remote_video.set_image(None)
        self.party.video.set_image(None)
        self.documents.clear()  # no page of another call, ever
        self._set_role(interpreting=call.interpreting)
        self._waiting_text = (
            self.tr("The kiosk has no camera: you will hear the resident only.")
            if "camera" in (call.kiosk_lacks or ())
            else self.tr("Waiting for the resident's video…")
        )
        self.remote_video.set_placeholder(self._waiting_text)
        self.own_text.clear()
        self.transfer_adviser.clear()
        self._colleague_items = []
        self.transfer_language.clear()
        codes = [q.language for q in state.queues] or [c for c, _ in state.languages]
        for code in codes:
            if code != call.language:
                self.transfer_language.addItem(language_name(code), code)
        self.own_text.setFocus()

    def _set_role(self, *, interpreting: bool) -> None:
        """An interpreter leaves rather than ends, and has no transfer, pages or interpreter."""
        self.end.setText(self.tr("Leave (F4)") if interpreting else self.tr("End call (F4)"))
        for widget in (self.transfer_row, self.documents.bar, self.interpreter):
            widget.setVisible(not interpreting)
        who = self.tr("Adviser (live text)") if interpreting else self.tr("Interpreter (live text)")
        self.party_label.setText(who)

    def _render_colleagues(self, candidates: tuple[AdviserSummary, ...], call: ActiveCall) -> None:
        """Refill the picker only when the list changed: the view renders every tick, and a
        refill would close an open drop-down and lose the adviser's choice."""
        items = [(c.adviser_id, _colleague_text(c, call.language)) for c in candidates]
        if items != self._colleague_items:
            chosen = self.transfer_adviser.currentData()
            self.transfer_adviser.clear()
            for adviser_id, text in items:
                self.transfer_adviser.addItem(text, adviser_id)
                # The closed picker may cut a long line of languages short.
                self.transfer_adviser.setItemData(
                    self.transfer_adviser.count() - 1, text, Qt.ItemDataRole.ToolTipRole
                )
            self.transfer_adviser.setCurrentIndex(max(0, self.transfer_adviser.findData(chosen)))
            self._colleague_items = items
        usable = bool(items) and not call.transferring
        self.transfer_adviser.setEnabled(usable)
        self.transfer_to_adviser.setEnabled(usable)


def _colleague_text(colleague: AdviserSummary, call_language: str) -> str:
    """The picker's line, e.g. "Omar Said · Arabic (fluent), Swedish (native)": the call's
    language first, since that is what the adviser is choosing by."""
    codes = sorted(colleague.languages, key=lambda code: (code != call_language, code))
    langs = ", ".join(
        f"{language_name(code)} ({level_name(colleague.languages[code])})" for code in codes
    )
    return f"{colleague.display_name} · {langs}"
