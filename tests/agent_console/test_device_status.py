"""The adviser sees what the kiosk lacks, before and during the call (issue #12, item 6).

Real widgets offscreen, states from the real flow fed the server's messages.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from agent_console.flow import ConsoleFlow
from agent_console.quality import QualityLevel
from agent_console.views.console_window import ConsoleWindow
from signaling import messages as m

T0 = 1_760_000_000.0
GOOD_FIGURES = m.Quality(rtt_ms=40, packet_loss_ratio=0.0, jitter_ms=3, fps=30)


def ringing(lacks: list[m.KioskDevice] | None) -> ConsoleFlow:
    flow = ConsoleFlow(server_url="http://127.0.0.1:1", now=T0)
    flow.sign_in("http://127.0.0.1:1", "amal", "pw", T0)
    flow.login_succeeded("a-1", "Amal", T0)
    welcome = m.AdviserWelcome(
        protocol=1,
        adviser_id="a-1",
        display_name="Amal",
        languages={"ar": "native"},
        ice_servers=[],
        status="available",
        heartbeat_interval_s=20,
    )
    flow.connected(welcome, T0)
    offer = m.Offer(
        call_id="c-1",
        language="ar",
        topic=None,
        site="Library",
        waited_s=10,
        expires_in_s=20,
        kiosk_lacks=lacks,
    )
    flow.receive(offer, T0 + 1)
    return flow


def in_call(flow: ConsoleFlow) -> ConsoleFlow:
    flow.accept(T0 + 2)
    started = m.CallStarted(
        call_id="c-1", role="answerer", peer_name="Library", language="ar", ice_servers=[]
    )
    flow.receive(started, T0 + 3)
    flow.quality("c-1", GOOD_FIGURES, T0 + 10)
    return flow


def test_the_offer_says_what_the_kiosk_lacks_and_what_it_means(qtbot: QtBot) -> None:
    window = ConsoleWindow()
    qtbot.addWidget(window)
    window.render(ringing(["camera", "microphone"]).state)
    text = window.offer.devices.text()
    assert window.offer.devices.isVisibleTo(window)
    assert "Kiosk lacks: camera, microphone" in text
    assert "You will not see the resident." in text
    assert "You will not hear the resident" in text

    window.render(ringing([]).state)
    assert window.offer.devices.text() == "Kiosk camera, microphone and speaker work."
    window.render(ringing(None).state)
    assert window.offer.devices.text() == "The kiosk has not reported its devices."


def test_good_figures_are_not_called_good_when_the_kiosk_sends_no_picture(qtbot: QtBot) -> None:
    window = ConsoleWindow()
    qtbot.addWidget(window)
    flow = in_call(ringing(["camera"]))
    call = flow.state.call
    assert call is not None and call.quality is QualityLevel.GOOD  # the network is fine
    window.render(flow.state)
    assert window.call.quality.text() == "No picture from the kiosk"
    assert "Kiosk lacks: camera" in window.call.quality.toolTip()

    flow = in_call(ringing(["camera", "microphone"]))
    window.render(flow.state)
    assert window.call.quality.text() == "No picture or sound from the kiosk"

    whole = in_call(ringing([]))
    other = ConsoleWindow()
    qtbot.addWidget(other)
    other.render(whole.state)
    assert other.call.quality.text() == "Quality: Good"


def test_good_figures_without_video_frames_are_not_called_good(qtbot: QtBot) -> None:
    """The kiosk reported a working camera, but no frames arrive (fps is None): no picture."""
    window = ConsoleWindow()
    qtbot.addWidget(window)
    flow = in_call(ringing([]))
    flow.quality("c-1", m.Quality(rtt_ms=40, packet_loss_ratio=0.0, jitter_ms=3), T0 + 20)
    window.render(flow.state)
    assert window.call.quality.text() == "No picture from the kiosk"
    flow.quality("c-1", GOOD_FIGURES, T0 + 25)  # frames again
    window.render(flow.state)
    assert window.call.quality.text() == "Quality: Good"
