"""What each soak call does (kiosklink/soak_plan.py): a two-minute soak's four calls already see
every case, and the resident says No once a run."""

from __future__ import annotations

from kiosklink.soak_plan import InterpreterPlan, LetterPlan, plan_for


def test_four_calls_cover_every_letter_and_interpreter_case() -> None:
    plans = [plan_for(n) for n in range(1, 5)]
    assert [p.letter for p in plans] == [
        LetterPlan.ASKED,
        LetterPlan.OFFERED,
        LetterPlan.DECLINED,
        LetterPlan.OFFERED,
    ]
    assert [p.pages for p in plans] == [1, 2, 0, 2]
    assert [p.interpreter for p in plans] == [
        InterpreterPlan.NONE,
        InterpreterPlan.LEAVES,
        InterpreterPlan.NONE,
        InterpreterPlan.DISMISSED,
    ]
    # Once the page crosses while the interpreter comes in, once after they left.
    assert [p.letter_after_interpreter for p in plans] == [False, False, False, True]


def test_the_resident_says_no_once_a_run() -> None:
    letters = [plan_for(n).letter for n in range(1, 200)]
    assert letters.count(LetterPlan.DECLINED) == 1
    assert all(plan_for(n).interpreter is not InterpreterPlan.NONE for n in range(2, 200, 2))
