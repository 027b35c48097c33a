from agent_console.timefmt import clock_text


def test_clock_text() -> None:
    assert clock_text(None) == "–"
    assert clock_text(0) == "0:00"
    assert clock_text(42.9) == "0:42"
    assert clock_text(725) == "12:05"
    assert clock_text(3723) == "1:02:03"
    assert clock_text(-5) == "0:00"
