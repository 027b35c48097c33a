from hypothesis import given
from hypothesis import strategies as st

from agent_console.quality import QualityLevel, no_picture, rate
from signaling.messages import Quality


def test_no_figures_is_unknown() -> None:
    assert rate(None) is QualityLevel.UNKNOWN
    assert rate(Quality()) is QualityLevel.UNKNOWN


def test_good_call() -> None:
    assert rate(Quality(rtt_ms=40, packet_loss_ratio=0.0, jitter_ms=5, fps=30)) is QualityLevel.GOOD


def test_one_bad_figure_makes_the_call_poor() -> None:
    q = Quality(rtt_ms=40, packet_loss_ratio=0.15, jitter_ms=5, fps=30)
    assert rate(q) is QualityLevel.POOR


def test_fair_between_thresholds() -> None:
    assert rate(Quality(rtt_ms=400)) is QualityLevel.FAIR
    assert rate(Quality(fps=15)) is QualityLevel.FAIR


figures = st.builds(
    Quality,
    rtt_ms=st.none() | st.floats(0, 5000),
    packet_loss_ratio=st.none() | st.floats(0, 1),
    jitter_ms=st.none() | st.floats(0, 1000),
    fps=st.none() | st.floats(0, 60),
)


@given(figures, st.floats(0, 5000), st.floats(0, 1))
def test_worse_figures_never_improve_the_level(
    q: Quality, more_rtt: float, more_loss: float
) -> None:
    worse = q.model_copy(
        update={
            "rtt_ms": None if q.rtt_ms is None else q.rtt_ms + more_rtt,
            "packet_loss_ratio": None
            if q.packet_loss_ratio is None
            else min(1.0, q.packet_loss_ratio + more_loss),
            "fps": None if q.fps is None else q.fps / 2,
        }
    )
    assert rate(worse) >= rate(q)


@given(figures)
def test_a_known_figure_always_gives_a_level(q: Quality) -> None:
    known = any(v is not None for v in (q.rtt_ms, q.packet_loss_ratio, q.jitter_ms, q.fps))
    assert (rate(q) is not QualityLevel.UNKNOWN) == known


def test_no_picture_when_figures_come_without_frames() -> None:
    assert not no_picture(None)  # nothing measured yet
    assert no_picture(Quality(rtt_ms=40.0))
    assert no_picture(Quality(rtt_ms=40.0, fps=0.0))
    assert not no_picture(Quality(rtt_ms=40.0, fps=24.0))
