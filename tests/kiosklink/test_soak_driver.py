"""One side's view of the call's interpreter in a soak driver (kiosklink/soak_driver.py): what
is counted while they are in the call, after they left, and when they show up again."""

from __future__ import annotations

import hashlib

from kiosklink.soak_driver import InterpreterWatch, page_record


def test_frames_count_while_the_interpreter_is_in_and_the_call_after_they_left() -> None:
    watch = InterpreterWatch()
    watch.interpreter_frame()  # before they joined: not theirs
    assert watch.update(invited=True, joined=False)
    assert watch.holds_call()  # invited: the call waits for them
    assert watch.update(invited=False, joined=True)
    for _ in range(3):
        watch.interpreter_frame()
        watch.main_frame()
    assert not watch.update(invited=False, joined=True)  # nothing changed
    assert watch.update(invited=False, joined=False)
    watch.interpreter_frame()  # a late frame of someone gone is not counted
    for _ in range(4):
        watch.main_frame()
    assert watch.holds_call()  # only just gone: the call goes on a while to show it can
    fields = watch.journal_fields()
    assert fields["interpreter_frames"] == 3
    assert fields["frames_after_interpreter"] == 4
    assert fields["interpreter_left"] is True
    assert fields["interpreter_rejoins"] == 0


def test_an_interpreter_shown_gone_and_back_is_counted_afresh() -> None:
    watch = InterpreterWatch()
    watch.update(invited=False, joined=True)
    watch.update(invited=False, joined=False)
    watch.main_frame()
    assert watch.update(invited=False, joined=True)
    watch.interpreter_frame()
    fields = watch.journal_fields()
    assert fields["interpreter_rejoins"] == 1
    assert fields["interpreter_left"] is False
    assert (fields["interpreter_frames"], fields["frames_after_interpreter"]) == (1, 0)


def test_a_call_without_an_interpreter_is_not_held() -> None:
    assert not InterpreterWatch().holds_call()


def test_a_page_is_journalled_by_size_and_digest_only() -> None:
    data = b"\xff\xd8\xff" + bytes(range(256)) * 40
    record = page_record(data, at=12.3456)
    assert record == {"size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "at": 12.346}
