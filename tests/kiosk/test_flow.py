"""The resident's path as a pure state machine: no Qt, no event loop, a hand-driven clock."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.flow import KioskFlow
from kiosk.state import (
    Alert,
    CallLive,
    CallLost,
    CloseMedia,
    Effect,
    FetchLogs,
    ForgetPlace,
    LiveDevices,
    MediaOpened,
    OpenMedia,
    PlaySound,
    RelayCallMessage,
    RemoteText,
    Restart,
    Screen,
    Send,
    SendText,
    ServerDown,
    ServerRejected,
    ServerUp,
    SetMuted,
    SetVolume,
    StartCall,
    StopCall,
)
from signaling import messages as m
from signaling.errors import ErrorCode, IllegalTransition


def welcome(*, resumed: bool = False, notice: str = "") -> m.KioskWelcome:
    return m.KioskWelcome(
        protocol=1,
        kiosk_id="k1",
        site="Library",
        ice_servers=[],
        languages=[
            m.LanguageInfo(
                code="ar",
                open=True,
                advisers_available=1,
                waiting=0,
                wait=m.WaitEstimate(low_s=0, high_s=120),
            ),
            m.LanguageInfo(code="ti", open=True, advisers_available=0, waiting=2),
            m.LanguageInfo(
                code="so", open=False, opens_at=1_700_000_000.0, advisers_available=0, waiting=0
            ),
        ],
        topics=["housing", "school"],
        heartbeat_interval_s=15,
        health_interval_s=10,
        resumed=resumed,
        notice=notice,
    )


def queued(position: int = 2) -> m.Queued:
    return m.Queued(
        language="ar",
        position=position,
        wait=m.WaitEstimate(low_s=60, high_s=300),
        resume_token="r1",
    )


def started(call_id: str = "c1") -> m.CallStarted:
    return m.CallStarted(
        call_id=call_id, role="offerer", peer_name="Amal", language="ar", ice_servers=[]
    )


def screen(flow: KioskFlow) -> Screen:
    """A call, so mypy does not narrow the screen across the flow's transitions."""
    return flow.state.screen


def sent(effects: list[Effect]) -> list[m.Message]:
    return [e.message for e in effects if isinstance(e, Send)]


@pytest.fixture
def flow() -> KioskFlow:
    f = KioskFlow(now=0.0, idle_timeout_s=90, waiting_idle_timeout_s=600, idle_warning_s=30)
    f.feed(ServerUp(welcome()), 0.0)
    return f


def to_waiting(flow: KioskFlow, now: float = 1.0) -> list[Effect]:
    flow.start(now)
    flow.choose_language("ar", now)
    return flow.request_call(now)


def to_call(flow: KioskFlow) -> list[Effect]:
    to_waiting(flow)
    flow.feed(queued(), 2.0)
    return flow.feed(started(), 3.0)


def test_starts_on_welcome_in_swedish_offline() -> None:
    f = KioskFlow(now=0.0)
    assert f.state.screen is Screen.WELCOME
    assert f.state.ui_language == "sv"
    assert not f.state.online
    assert not f.state.media_live


def test_welcome_brings_languages_topics_and_notice() -> None:
    f = KioskFlow(now=0.0)
    f.feed(ServerUp(welcome(notice="Closed on Friday")), 0.0)
    s = f.state
    assert s.online
    assert [o.code for o in s.languages] == ["ar", "ti", "so"]
    assert s.languages[0].wait_high_s == 120
    assert s.languages[2].opens_at == 1_700_000_000.0
    assert s.topics == ("housing", "school")
    assert s.notice == "Closed on Friday"


def test_choosing_a_language_switches_the_ui_but_opens_no_device(flow: KioskFlow) -> None:
    assert flow.start(1.0) == []
    assert screen(flow) is Screen.LANGUAGE
    assert flow.choose_language("ar", 1.0) == []
    assert screen(flow) is Screen.CONFIRM
    assert flow.state.ui_language == "ar"
    assert not flow.state.media_live


def test_a_closed_language_leads_to_booking_a_time_in_it(flow: KioskFlow) -> None:
    flow.start(1.0)
    effects = flow.choose_language("so", 1.0)
    assert effects == [Send(m.ListSlots(language="so", topic=None))]  # no call, no media
    assert screen(flow) is Screen.BOOKING and flow.state.ui_language == "so"
    assert not flow.state.media_live and flow.state.language is None
    flow.booking_back(2.0)
    assert screen(flow) is Screen.LANGUAGE


def test_join_opens_media_and_sends_language_topic_and_fallbacks(flow: KioskFlow) -> None:
    flow.start(1.0)
    flow.choose_language("ar", 1.0)
    flow.choose_topic("housing", 1.0)
    flow.toggle_fallback("ti", 1.0)
    flow.toggle_fallback("ar", 1.0)  # the chosen language is no fallback
    effects = flow.request_call(1.0)
    assert effects[0] == OpenMedia()
    assert sent(effects) == [m.Join(language="ar", topic="housing", fallback_languages=["ti"])]
    assert screen(flow) is Screen.WAITING
    assert flow.state.media_live


def test_topic_tap_twice_clears_it(flow: KioskFlow) -> None:
    flow.start(1.0)
    flow.choose_language("ar", 1.0)
    flow.choose_topic("school", 1.0)
    flow.choose_topic("school", 1.0)
    assert flow.state.topic is None


def test_queued_updates_place_and_estimate(flow: KioskFlow) -> None:
    to_waiting(flow)
    flow.feed(queued(3), 2.0)
    assert (flow.state.position, flow.state.wait_low_s, flow.state.wait_high_s) == (3, 60, 300)
    flow.feed(queued(1), 3.0)
    assert flow.state.position == 1


def test_camera_missing_is_told_but_the_call_goes_on(flow: KioskFlow) -> None:
    to_waiting(flow)
    flow.feed(MediaOpened(camera_ok=False, microphone_ok=True), 2.0)
    assert Alert.CAMERA_MISSING in flow.state.alerts
    assert screen(flow) is Screen.WAITING


def test_cancel_leaves_the_line_closes_media_and_forgets(flow: KioskFlow) -> None:
    to_waiting(flow)
    flow.feed(queued(), 2.0)
    effects = flow.cancel(3.0)
    assert sent(effects) == [m.Cancel()]
    assert CloseMedia() in effects
    assert ForgetPlace() in effects
    s = flow.state
    assert (s.screen, s.language, s.position, s.media_live, s.ui_language) == (
        Screen.WELCOME,
        None,
        None,
        False,
        "sv",
    )


def test_call_started_starts_the_session(flow: KioskFlow) -> None:
    effects = to_call(flow)
    assert effects == [StartCall("c1", "offerer", ())]
    assert screen(flow) is Screen.CALL
    assert flow.state.call is not None
    assert flow.state.call.peer_name == "Amal"
    flow.feed(CallLive(), 4.0)
    assert flow.state.call.connected if flow.state.call else False


def test_sdp_and_ice_are_relayed_to_the_call_only_during_a_call(flow: KioskFlow) -> None:
    sdp = m.SessionDescription(call_id="c1", sdp_type="answer", sdp="v=0")
    assert flow.feed(sdp, 0.5) == []
    to_call(flow)
    assert flow.feed(sdp, 4.0) == [RelayCallMessage(sdp)]


def test_hang_up_goes_to_rating_then_thanks_then_welcome(flow: KioskFlow) -> None:
    to_call(flow)
    effects = flow.hang_up(5.0)
    assert sent(effects) == [m.Hangup(call_id="c1")]
    assert StopCall() in effects and CloseMedia() in effects
    assert screen(flow) is Screen.RATING and not flow.state.media_live
    effects = flow.rate(4, 6.0)
    assert sent(effects) == [m.Rating(call_id="c1", score=4)]
    assert screen(flow) is Screen.THANKS
    assert flow.tick(7.0) == []
    deadline = flow.next_deadline()
    assert deadline is not None
    flow.tick(deadline)
    assert screen(flow) is Screen.WELCOME and flow.state.last_call_id is None


def test_adviser_hangup_ends_in_rating(flow: KioskFlow) -> None:
    to_call(flow)
    effects = flow.feed(m.CallEnded(call_id="c1", reason="hangup"), 5.0)
    assert effects == [StopCall(), CloseMedia()]
    assert screen(flow) is Screen.RATING


def test_call_dropped_then_requeued_keeps_media_and_tells_the_resident(flow: KioskFlow) -> None:
    to_call(flow)
    flow.feed(CallLost(), 4.0)
    assert Alert.CALL_DROPPED in flow.state.alerts
    flow.feed(m.Reconnecting(call_id="c1", grace_s=20), 4.5)
    effects = flow.feed(m.CallEnded(call_id="c1", reason="requeued"), 6.0)
    assert effects == [StopCall()]
    s = flow.state
    assert s.screen is Screen.WAITING and s.media_live
    assert Alert.REQUEUED in s.alerts and Alert.CALL_DROPPED not in s.alerts
    flow.feed(started("c2"), 8.0)
    assert screen(flow) is Screen.CALL and Alert.REQUEUED not in flow.state.alerts


def test_adviser_media_stopping_is_told_at_once_and_cleared_when_back(flow: KioskFlow) -> None:
    to_call(flow)
    flow.feed(CallLive(), 3.5)
    # The call session's stall report (3 s without the adviser's video) comes first ...
    assert flow.feed(CallLost(), 6.5) == []
    assert Alert.CALL_DROPPED in flow.state.alerts
    assert flow.state.call is not None and not flow.state.call.connected
    # ... then the server's word; "reconnected" alone does not clear it while our media is down.
    flow.feed(m.Reconnecting(call_id="c1", grace_s=8), 6.6)
    flow.feed(m.Reconnected(call_id="c1"), 7.0)
    assert Alert.CALL_DROPPED in flow.state.alerts
    flow.feed(CallLive(), 7.1)
    assert Alert.CALL_DROPPED not in flow.state.alerts


def test_server_says_the_interruption_is_over(flow: KioskFlow) -> None:
    to_call(flow)
    flow.feed(CallLive(), 3.5)
    flow.feed(m.Reconnecting(call_id="c1", grace_s=8), 5.0)  # the adviser stopped hearing us
    assert Alert.CALL_DROPPED in flow.state.alerts
    flow.feed(m.Reconnected(call_id="other"), 6.0)
    assert Alert.CALL_DROPPED in flow.state.alerts
    flow.feed(m.Reconnected(call_id="c1"), 6.5)
    assert Alert.CALL_DROPPED not in flow.state.alerts


def test_a_late_media_state_refusal_never_takes_the_resident_out_of_line(
    flow: KioskFlow,
) -> None:
    to_call(flow)
    flow.feed(m.CallEnded(call_id="c1", reason="requeued"), 5.0)
    assert flow.state.position is None
    err = m.Error(code="conflict", message="not in a call", ref_type="media_state")
    assert flow.feed(err, 5.1) == []
    assert screen(flow) is Screen.WAITING and flow.state.media_live


def test_call_ended_for_another_call_is_ignored(flow: KioskFlow) -> None:
    to_call(flow)
    assert flow.feed(m.CallEnded(call_id="old", reason="hangup"), 5.0) == []
    assert screen(flow) is Screen.CALL


def test_call_started_after_the_resident_left_is_hung_up(flow: KioskFlow) -> None:
    to_waiting(flow)
    flow.cancel(2.0)
    assert sent(flow.feed(started("late"), 3.0)) == [m.Hangup(call_id="late")]
    assert screen(flow) is Screen.WELCOME


def test_call_controls(flow: KioskFlow) -> None:
    to_call(flow)
    assert flow.toggle_mute(4.0) == [SetMuted(audio=True, video=False)]
    assert flow.toggle_camera(4.0) == [SetMuted(audio=True, video=True)]
    assert flow.change_volume(+5, 4.0) == [SetVolume(100)]
    assert flow.change_volume(-3, 4.0) == [SetVolume(70)]
    assert flow.send_text("  hej  ", 4.0) == [SendText("hej")]
    assert flow.send_text("   ", 4.0) == []
    flow.feed(RemoteText("مرحبا"), 4.0)
    assert flow.state.call is not None
    assert [(line.from_adviser, line.text) for line in flow.state.call.lines] == [
        (False, "hej"),
        (True, "مرحبا"),
    ]


def test_idle_warning_comes_ahead_with_sound_and_a_tap_extends(flow: KioskFlow) -> None:
    flow.start(0.0)
    assert flow.next_deadline() == 60.0
    assert flow.tick(59.0) == []
    assert flow.tick(60.0) == [PlaySound("idle_warning")]
    assert flow.state.idle_deadline == 90.0
    assert flow.next_deadline() == 90.0
    flow.touch(70.0)
    assert flow.state.idle_deadline is None
    assert flow.tick(91.0) == []
    assert screen(flow) is Screen.LANGUAGE


def test_idle_timeout_forgets_everything(flow: KioskFlow) -> None:
    flow.start(0.0)
    flow.choose_language("ar", 0.0)
    flow.choose_topic("housing", 0.0)
    flow.tick(60.0)
    flow.tick(90.0)
    s = flow.state
    assert (s.screen, s.ui_language, s.topic, s.language) == (Screen.WELCOME, "sv", None, None)
    assert s.languages  # what the server said stays


def test_idle_while_waiting_leaves_the_line(flow: KioskFlow) -> None:
    to_waiting(flow, now=0.0)
    flow.tick(570.0)
    effects = flow.tick(600.0)
    assert sent(effects) == [m.Cancel()]
    assert CloseMedia() in effects
    assert screen(flow) is Screen.WELCOME


def test_no_idle_timeout_in_a_call_or_on_welcome(flow: KioskFlow) -> None:
    assert flow.next_deadline() is None
    to_call(flow)
    assert flow.next_deadline() is None
    assert flow.tick(100_000.0) == []
    assert screen(flow) is Screen.CALL


def test_server_down_keeps_the_screen_and_resumes(flow: KioskFlow) -> None:
    to_waiting(flow)
    flow.feed(queued(), 2.0)
    flow.feed(ServerDown(retry_in_s=2.0), 3.0)
    assert screen(flow) is Screen.WAITING
    assert Alert.SERVER_UNREACHABLE in flow.state.alerts
    assert flow.feed(ServerUp(welcome(resumed=True)), 5.0) == []
    assert Alert.SERVER_UNREACHABLE not in flow.state.alerts


def test_server_back_without_our_place_joins_again(flow: KioskFlow) -> None:
    to_waiting(flow)
    flow.feed(ServerDown(retry_in_s=2.0), 3.0)
    effects = flow.feed(ServerUp(welcome(resumed=False)), 5.0)
    assert sent(effects) == [m.Join(language="ar", topic=None, fallback_languages=[])]


def test_asking_for_a_call_while_offline_joins_when_back(flow: KioskFlow) -> None:
    flow.start(1.0)
    flow.choose_language("ar", 1.0)
    flow.feed(ServerDown(retry_in_s=1.0), 1.0)
    effects = flow.request_call(2.0)
    assert sent(effects) == [] and OpenMedia() in effects
    assert sent(flow.feed(ServerUp(welcome()), 3.0)) == [
        m.Join(language="ar", topic=None, fallback_languages=[])
    ]


def test_rejected_token_puts_the_kiosk_out_of_order(flow: KioskFlow) -> None:
    to_waiting(flow)
    effects = flow.feed(ServerRejected("unknown token"), 2.0)
    assert CloseMedia() in effects
    assert screen(flow) is Screen.WELCOME
    assert Alert.OUT_OF_ORDER in flow.state.alerts


def test_closed_language_goes_back_with_opening_time(flow: KioskFlow) -> None:
    to_waiting(flow)
    effects = flow.feed(m.Closed(language="ar", opens_at=1234.0), 2.0)
    assert effects == [CloseMedia()]
    assert screen(flow) is Screen.CONFIRM
    assert Alert.CLOSED in flow.state.alerts and flow.state.opens_at == 1234.0


def test_error_on_join_is_told(flow: KioskFlow) -> None:
    to_waiting(flow)
    err = m.Error(code="conflict", message="already queued")
    flow.feed(err, 2.0)
    assert screen(flow) is Screen.CONFIRM
    assert Alert.JOIN_FAILED in flow.state.alerts and not flow.state.media_live


def test_show_message_command_sets_the_notice(flow: KioskFlow) -> None:
    effects = flow.feed(m.Command(command_id="x1", action="show_message", text="Hej!"), 1.0)
    assert sent(effects) == [m.CommandResult(command_id="x1", ok=True)]
    assert flow.state.notice == "Hej!"


def test_restart_waits_for_the_resident_to_finish(flow: KioskFlow) -> None:
    to_waiting(flow)
    effects = flow.feed(m.Command(command_id="r1", action="restart"), 2.0)
    assert Restart() not in effects
    assert Restart() in flow.cancel(3.0)
    assert Restart() in flow.feed(m.Command(command_id="r2", action="restart"), 4.0)


def test_fetch_logs_is_handed_to_the_adapter(flow: KioskFlow) -> None:
    assert flow.feed(m.Command(command_id="l1", action="fetch_logs"), 1.0) == [FetchLogs("l1")]


def test_illegal_intent_names_state_and_event(flow: KioskFlow) -> None:
    with pytest.raises(IllegalTransition, match="hang_up"):
        flow.hang_up(1.0)


def test_back_walks_back_to_welcome(flow: KioskFlow) -> None:
    flow.start(1.0)
    flow.choose_language("ti", 1.0)
    assert flow.state.ui_language == "ti"
    flow.back(2.0)
    assert screen(flow) is Screen.LANGUAGE and flow.state.ui_language == "sv"
    flow.back(3.0)
    assert screen(flow) is Screen.WELCOME


def test_warning_must_come_at_least_20_s_ahead() -> None:
    with pytest.raises(ValueError, match="20 s"):
        KioskFlow(now=0.0, idle_warning_s=10)


_INTENTS = st.sampled_from(
    [
        "start",
        "choose_ar",
        "request_call",
        "back",
        "cancel",
        "hang_up",
        "rate",
        "skip",
        "queued",
        "started",
        "ended",
        "requeued",
        "down",
        "up",
        "tick",
        "help",
    ]
)


def _apply(flow: KioskFlow, name: str, now: float) -> list[Effect]:
    actions = {
        "start": lambda: flow.start(now),
        "choose_ar": lambda: flow.choose_language("ar", now),
        "request_call": lambda: flow.request_call(now),
        "back": lambda: flow.back(now),
        "cancel": lambda: flow.cancel(now),
        "hang_up": lambda: flow.hang_up(now),
        "rate": lambda: flow.rate(3, now),
        "skip": lambda: flow.skip_rating(now),
        "queued": lambda: flow.feed(queued(), now),
        "started": lambda: flow.feed(started(), now),
        "ended": lambda: flow.feed(m.CallEnded(call_id="c1", reason="peer_left"), now),
        "requeued": lambda: flow.feed(m.CallEnded(call_id="c1", reason="requeued"), now),
        "down": lambda: flow.feed(ServerDown(1.0), now),
        "up": lambda: flow.feed(ServerUp(welcome()), now),
        "tick": lambda: flow.tick(now),
        "help": lambda: flow.toggle_help(now),
    }
    try:
        return actions[name]()
    except IllegalTransition:
        return []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_INTENTS, st.floats(0, 400)), max_size=40))
def test_devices_are_open_exactly_when_the_flow_says_so(
    steps: list[tuple[str, float]],
) -> None:
    """Whatever happens, media opens and closes in pairs and only in WAITING or CALL."""
    flow = KioskFlow(now=0.0)
    flow.feed(ServerUp(welcome()), 0.0)
    now = 0.0
    open_devices = False
    for name, dt in steps:
        now += dt
        for effect in _apply(flow, name, now):
            if isinstance(effect, OpenMedia):
                assert not open_devices
                open_devices = True
            elif isinstance(effect, CloseMedia):
                assert open_devices
                open_devices = False
        assert open_devices == flow.state.media_live
        if flow.state.media_live:
            assert flow.state.screen in (Screen.WAITING, Screen.CALL)
        if screen(flow) is Screen.WELCOME:
            assert flow.state.language is None and flow.state.call is None


def test_real_time_text_drafts_show_until_committed(flow: KioskFlow) -> None:
    to_call(flow)
    assert flow.type_text("he", 4.0) == [SendText("he", committed=False)]
    flow.feed(RemoteText("Hal", committed=False), 4.0)
    assert flow.state.call is not None and flow.state.call.remote_draft == "Hal"
    flow.feed(RemoteText("Hallo", committed=True), 4.5)
    assert flow.state.call.remote_draft == ""
    assert flow.state.call.lines[-1].text == "Hallo"


def test_a_failed_set_up_requeued_keeps_the_place_and_a_late_refusal_changes_nothing(
    flow: KioskFlow,
) -> None:
    to_call(flow)
    ended = m.CallEnded(call_id="c1", reason="requeued", detail="not connected within 20 s")
    assert flow.feed(ended, 25.0) == [StopCall()]
    assert screen(flow) is Screen.WAITING and Alert.REQUEUED in flow.state.alerts
    # This kiosk's own negotiation_failed arrived second and was refused: still in line.
    refused = m.Error(code=ErrorCode.OUT_OF_ROLE, message="no", ref_type="negotiation_failed")
    assert flow.feed(refused, 25.1) == []
    assert screen(flow) is Screen.WAITING


def test_a_second_failed_set_up_ends_on_the_confirm_screen_to_try_again(flow: KioskFlow) -> None:
    to_call(flow)
    ended = m.CallEnded(call_id="c1", reason="negotiation_failed", detail="OperationError")
    effects = flow.feed(ended, 25.0)
    assert effects == [StopCall(), CloseMedia()]
    s = flow.state
    assert s.screen is Screen.CONFIRM and Alert.JOIN_FAILED in s.alerts
    assert s.call is None and not s.media_live


# --- the privacy cue says what is really on (issue #12 item 6) ----------------------------------

BOTH, CAMERA, MICROPHONE, NONE = (
    LiveDevices.CAMERA_AND_MICROPHONE,
    LiveDevices.CAMERA,
    LiveDevices.MICROPHONE,
    LiveDevices.NONE,
)


@pytest.mark.parametrize(
    ("camera_ok", "microphone_ok", "cue"),
    [(True, True, BOTH), (False, True, MICROPHONE), (True, False, CAMERA), (False, False, NONE)],
)
def test_the_cue_names_only_the_devices_that_work(
    flow: KioskFlow, camera_ok: bool, microphone_ok: bool, cue: LiveDevices
) -> None:
    to_waiting(flow)
    flow.feed(MediaOpened(camera_ok=camera_ok, microphone_ok=microphone_ok), 2.0)
    assert flow.state.live_devices is cue
    # The same truth carries into the call and is gone with it.
    flow.feed(queued(), 2.0)
    flow.feed(started(), 3.0)
    assert flow.state.live_devices is cue
    flow.hang_up(4.0)
    assert flow.state.live_devices is NONE


def test_the_cue_is_off_until_the_resident_calls_and_says_both_before_devices_report(
    flow: KioskFlow,
) -> None:
    flow.start(1.0)
    flow.choose_language("ar", 1.0)
    assert flow.state.live_devices is NONE
    flow.request_call(1.0)
    # Both were asked for; until they report, the cue warns of both rather than hide one.
    assert flow.state.live_devices is BOTH


def test_camera_off_and_mute_in_the_call_take_the_device_out_of_the_cue(flow: KioskFlow) -> None:
    to_call(flow)
    flow.feed(MediaOpened(camera_ok=True, microphone_ok=True), 3.0)
    flow.toggle_camera(4.0)
    assert flow.state.live_devices is MICROPHONE
    flow.toggle_mute(4.0)
    assert flow.state.live_devices is NONE
    flow.toggle_camera(5.0)
    assert flow.state.live_devices is CAMERA
    flow.toggle_mute(5.0)
    assert flow.state.live_devices is BOTH


def test_turning_a_missing_camera_on_does_not_bring_it_into_the_cue(flow: KioskFlow) -> None:
    to_call(flow)
    flow.feed(MediaOpened(camera_ok=False, microphone_ok=True), 3.0)
    flow.toggle_camera(4.0)
    flow.toggle_camera(4.0)  # off and on again: still no camera
    assert flow.state.live_devices is MICROPHONE


def test_camera_off_ends_with_the_call_and_a_requeued_resident_is_shown_both(
    flow: KioskFlow,
) -> None:
    to_call(flow)
    flow.toggle_camera(4.0)
    flow.feed(m.CallEnded(call_id="c1", reason="requeued"), 5.0)
    # In line again the preview is on, and rtc.call_media starts every call unmuted.
    assert flow.state.live_devices is BOTH


_DEVICE_STEPS = st.sampled_from(
    ["camera_ok", "camera_missing", "mic_missing", "none_work", "camera", "mute", "call", "hang"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_DEVICE_STEPS, max_size=25))
def test_the_cue_never_claims_a_device_the_banner_calls_missing(steps: list[str]) -> None:
    flow = KioskFlow(now=0.0)
    flow.feed(ServerUp(welcome()), 0.0)
    to_waiting(flow)
    reports = {
        "camera_ok": MediaOpened(camera_ok=True, microphone_ok=True),
        "camera_missing": MediaOpened(camera_ok=False, microphone_ok=True),
        "mic_missing": MediaOpened(camera_ok=True, microphone_ok=False),
        "none_work": MediaOpened(camera_ok=False, microphone_ok=False),
    }
    for step in steps:
        if step in reports:
            flow.feed(reports[step], 2.0)
        elif step == "call" and flow.state.screen is Screen.WAITING:
            flow.feed(started(), 3.0)
        elif step == "hang" and flow.state.call is not None:
            flow.hang_up(4.0)
        elif step in ("camera", "mute") and flow.state.call is not None:
            (flow.toggle_camera if step == "camera" else flow.toggle_mute)(4.0)
        s = flow.state
        cue = s.live_devices
        if Alert.CAMERA_MISSING in s.alerts or (s.call is not None and s.call.video_muted):
            assert cue in (MICROPHONE, NONE)
        if Alert.MICROPHONE_MISSING in s.alerts or (s.call is not None and s.call.audio_muted):
            assert cue in (CAMERA, NONE)
        if not s.media_live:
            assert cue is NONE
