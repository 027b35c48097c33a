"""The interpreter in the real window, controller and flow (docs/protocol.md §Interpreter), over a
fake backend: the adviser invites one by keyboard and sees each state; an interpreter's console
interprets and leaves. Frames are QImages made here; the real media are in the e2e test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from agent_console.events import PartyChanged, PartyText
from agent_console.state import Phase
from agent_console.views.call_view import CallView
from signaling import messages as m
from tests.agent_console.test_controller import Rig, offer, started, welcome


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[Rig]:
    r = Rig(qtbot)
    yield r
    r.controller.shut_down()


def told(state: str, reason: str | None = None, name: str = "") -> m.Interpreter:
    return m.Interpreter.model_validate(
        {"call_id": "c1", "state": state, "language": "ti", "reason": reason, "name": name}
    )


def into_call(rig: Rig) -> None:
    rig.sign_in("available")
    rig.server(offer())
    rig.key(Qt.Key.Key_F2)
    rig.server(started())
    assert rig.phase() is Phase.IN_CALL


def picture(colour: str) -> QImage:
    image = QImage(64, 48, QImage.Format.Format_RGB888)
    image.fill(QColor(colour))
    return image


def test_invite_by_keyboard_then_join_and_thank(rig: Rig) -> None:
    into_call(rig)
    bar, call = rig.window.call.interpreter, rig.window.call
    rig.key(Qt.Key.Key_F11)
    assert bar.picking
    rig.key(Qt.Key.Key_Escape)  # changed their mind
    assert not bar.picking and bar.open.hasFocus()
    rig.key(Qt.Key.Key_F11)
    assert bar.picking and bar.invite.hasFocus()
    assert bar.language.currentData() == "ar"  # the call's language first
    bar.language.setCurrentIndex(bar.language.findData("ti"))
    rig.key(Qt.Key.Key_Return)
    assert rig.backend.last_sent() == m.InviteInterpreter(call_id="c1", language="ti")
    assert bar.status.text() == "Asking for an interpreter of Tigrinya…"
    assert bar.dismiss.text() == "Withdraw" and bar.dismiss.isVisible()
    rig.key(Qt.Key.Key_F11)  # one invitation at a time: nothing more is sent
    assert rig.backend.sent.count(m.InviteInterpreter(call_id="c1", language="ti")) == 1

    rig.server(told("inviting"))
    rig.server(told("joined", name="Sara Lind"))
    assert ("interpreter_changed", told("joined", name="Sara Lind")) in rig.backend.calls
    assert call.party.isVisible() and call.party.name.text() == "Sara Lind"
    assert bar.status.text() == "Interpreter: Sara Lind (Tigrinya)"
    assert bar.dismiss.text() == "Thank and end interpreting"
    rig.controller.on_media_event(PartyChanged("c1", "interpreter", "connected"))
    rig.backend.party = picture("green")
    rig.controller.on_party_frame()
    assert call.party.video.frames_shown == 1
    rig.controller.on_media_event(PartyText("c1", "interpreter", "Hej, jag tolkar"))
    assert call.party_label.text() == "Interpreter (live text)"
    assert call.party_text.toPlainText() == "Hej, jag tolkar"

    bar.dismiss.click()
    assert rig.backend.last_sent() == m.DismissInterpreter(call_id="c1")
    rig.server(told("left", "dismissed"))
    assert not call.party.isVisible() and call.party.video.image is None
    assert bar.status.text() == "Sara Lind has left: interpreting ended."
    assert bar.open.isVisible() and not bar.dismiss.isVisible()
    assert rig.phase() is Phase.IN_CALL  # the call goes on


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ("nobody_interprets", "No interpreter for Tigrinya: nobody interprets it."),
        ("none_signed_in", "No interpreter for Tigrinya: nobody who interprets it is signed in."),
        ("timeout", "No interpreter for Tigrinya: nobody answered in time."),
    ],
)
def test_unavailable_in_plain_words(rig: Rig, reason: str, words: str) -> None:
    into_call(rig)
    bar = rig.window.call.interpreter
    bar.open.click()
    bar.language.setCurrentIndex(bar.language.findData("ti"))
    bar.invite.click()
    rig.server(told("unavailable", reason))
    assert bar.status.text() == words
    assert bar.open.isVisible() and not bar.dismiss.isVisible()


def test_the_interpreters_console(rig: Rig) -> None:
    rig.sign_in("available")
    rig.controller.on_client_event(
        welcome("available").model_copy(update={"roles": ["interpreter"]})
    )
    w = rig.window
    assert w.windowTitle() == "Kiosklink – interpreter console"
    assert w.status.name.text() == "Anna Adviser · Interpreter"
    asked = offer().model_copy(update={"kind": "interpreting", "language": "ti"})
    rig.server(asked)
    assert w.offer.language.text() == "Interpret Tigrinya for Rinkeby"
    rig.key(Qt.Key.Key_F2)
    joining = started().model_copy(
        update={"role": "offerer", "peer_name": "Omar Said", "interpreting": True}
    )
    rig.server(joining)
    call = w.call
    assert call.end.text() == "Leave (F4)"
    assert call.who.text() == "Interpreting Arabic · Rinkeby"
    for part in (call.transfer_row, call.documents.bar, call.interpreter):
        assert not part.isVisible()
    assert call.party.isVisible() and call.party.name.text() == "Omar Said"
    rig.controller.on_media_event(PartyText("c1", "adviser", "Fråga om hyran"))
    assert call.party_label.text() == "Adviser (live text)"
    assert call.party_text.toPlainText() == "Fråga om hyran"
    sent = len(rig.backend.sent)
    rig.key(Qt.Key.Key_F11)  # no invitations from an interpreter
    assert len(rig.backend.sent) == sent

    rig.key(Qt.Key.Key_F4)
    assert rig.backend.last_sent() == m.Hangup(call_id="c1")
    assert rig.phase() is Phase.WRAP_UP
    assert w.wrap_up.heading.text() == "Interpreting ended"
    assert not w.wrap_up.outcome.isVisible() and w.wrap_up.ready.hasFocus()
    rig.key(Qt.Key.Key_F5)
    assert rig.backend.last_sent() == m.Ready()  # no outcome to record
    assert rig.phase() is Phase.AVAILABLE


@pytest.mark.parametrize("size", [(960, 480), (480, 960)], ids=["landscape", "portrait"])
def test_the_third_party_never_covers_the_resident(qtbot: QtBot, size: tuple[int, int]) -> None:
    call = CallView()
    qtbot.addWidget(call)
    stage = call.stage
    stage.resize(*size)
    stage.show()
    stage.show_party(True)
    remote, party, own = (w.geometry() for w in (call.remote_video, call.party, call.local_video))
    assert all(stage.rect().contains(r) for r in (remote, party, own))
    assert not remote.intersects(party) and not remote.intersects(own)
    assert party.width() * party.height() >= own.width() * own.height() > 0
    stage.show_party(False)  # two parties again: the resident fills the stage
    assert call.remote_video.geometry() == stage.rect() and not call.party.isVisible()
