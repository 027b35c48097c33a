"""The ring: who is calling (language, topic, site, wait) and how long the offer stands."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_console.state import ConsoleState, Ringing
from agent_console.timefmt import clock_text
from agent_console.views.labels import kiosk_devices_text, language_name, topic_name
from agent_console.views.parts import button, card, label
from agent_console.views.style import RING, RING_DIM


class OfferView(QWidget):
    accept_requested = Signal()
    decline_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card()
        self.heading = label(self.tr("Incoming call"), "title")
        self.language = label("", "big")
        self.topic = QLabel("")
        self.site = QLabel("")
        self.waited = QLabel("")
        self.devices = label("", "notice")  # what the kiosk lacks (signaling.devices)
        self.devices.setWordWrap(True)
        self.remaining = label("")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.accept = button(self.tr("Accept (F2)"), "accept")
        self.decline = QPushButton(self.tr("Decline (F3)"))
        self._build()
        self.accept.clicked.connect(self.accept_requested)
        self.decline.clicked.connect(self.decline_requested)

    def _build(self) -> None:
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(10)
        for widget in (self.heading, self.language, self.topic, self.site, self.waited):
            inner.addWidget(widget)
        inner.addWidget(self.devices)
        inner.addSpacing(8)
        inner.addWidget(self.bar)
        inner.addWidget(self.remaining)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept, 2)
        buttons.addWidget(self.decline, 1)
        inner.addSpacing(8)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.card.setMinimumWidth(520)
        self.setTabOrder(self.accept, self.decline)

    def _render_who(self, offer: Ringing) -> None:
        """A resident's call, or an adviser asking this interpreter in (§Interpreter)."""
        language = language_name(offer.language)
        if offer.kind == "interpreting":
            self.heading.setText(self.tr("Interpreting request"))
            self.language.setText(
                self.tr("Interpret %1 for %2").replace("%1", language).replace("%2", offer.site)
            )
            self.topic.setText(self.tr("An adviser asks you into a call in progress."))
            self.site.setText(self.tr("Topic: %1").replace("%1", topic_name(offer.topic)))
        else:
            self.heading.setText(self.tr("Incoming call"))
            self.language.setText(language)
            self.topic.setText(self.tr("Topic: %1").replace("%1", topic_name(offer.topic)))
            self.site.setText(self.tr("Kiosk: %1").replace("%1", offer.site))

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        offer = state.offer
        if offer is None:
            return
        now = state.now
        self._render_who(offer)
        self.waited.setText(
            self.tr("Has waited %1").replace("%1", clock_text(offer.waited_now_s(now)))
        )
        self.devices.setText(kiosk_devices_text(offer.kiosk_lacks))
        # A kiosk that works raises no alarm: the line is muted, a lacking one stands out.
        look = "notice" if offer.kiosk_lacks else "muted"
        if self.devices.objectName() != look:
            self.devices.setObjectName(look)
            self.devices.style().unpolish(self.devices)
            self.devices.style().polish(self.devices)
        if offer.accepting:
            self.remaining.setText(self.tr("Connecting the call…"))
        else:
            self.remaining.setText(
                self.tr("Answer within %1").replace("%1", clock_text(offer.remaining_s(now)))
            )
        self.bar.setValue(round(1000 * offer.ring_ratio(now)))
        self.accept.setEnabled(not offer.accepting)
        self.decline.setEnabled(not offer.accepting)
        # The visual ring: the card pulses twice a second until answered.
        pulse = int(now * 2) % 2 == 0 and not offer.accepting
        colour = RING if pulse else RING_DIM
        self.card.setStyleSheet(
            f"QFrame#card {{ background: {colour}; border: 3px solid #8a5a00; "
            "border-radius: 8px; }"
        )
