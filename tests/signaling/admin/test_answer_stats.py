"""The period and the sums of ``/admin/api/answers/stats`` (signaling/admin/answer_stats.py), pure;
the endpoint itself over a real server is in tests/signaling/test_answers_delivery.py."""

from __future__ import annotations

from datetime import date

import pytest

from signaling.admin.answer_stats import period, stats_json
from signaling.store_answer_stats import AnswerEventCount

TODAY = date(2026, 11, 30)


def test_the_period_defaults_to_the_last_30_days_and_takes_either_end() -> None:
    assert period({}, today=TODAY) == (date(2026, 11, 1), TODAY)
    assert period({"from": "2026-11-20"}, today=TODAY) == (date(2026, 11, 20), TODAY)
    assert period({"to": "2026-10-31"}, today=TODAY) == (date(2026, 10, 2), date(2026, 10, 31))
    one_day = {"from": "2026-02-28", "to": "2026-02-28"}
    assert period(one_day, today=TODAY) == (date(2026, 2, 28), date(2026, 2, 28))


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ({"from": "2026-02-30"}, "from must be a day as YYYY-MM-DD, not '2026-02-30'"),
        ({"to": "30/11/2026"}, "to must be a day as YYYY-MM-DD"),
        ({"to": "2026-W48-1"}, "to must be a day as YYYY-MM-DD"),
        ({"from": ""}, "from must be a day"),
        ({"from": "2026-12-01", "to": "2026-11-30"}, r"from \(2026-12-01\) is after to"),
        ({"from": "2025-01-01", "to": "2026-11-30"}, "at most 366 days"),
    ],
)
def test_a_bad_period_is_refused_saying_why(query: dict[str, str], reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        period(query, today=TODAY)


def count(
    day: str, site: str, language: str, question: str | None, event: str, n: int
) -> AnswerEventCount:
    return AnswerEventCount(day, site, language, question, event, n)  # type: ignore[arg-type]


def test_counts_are_summed_over_days_and_sites_per_question_and_language() -> None:
    counts = [
        count("2026-11-29", "Kista", "ar", "moving", "viewed", 2),
        count("2026-11-30", "Rinkeby", "ar", "moving", "viewed", 3),
        count("2026-11-30", "Rinkeby", "ar", "moving", "not_helped", 1),
        count("2026-11-30", "Rinkeby", "so", "bankid", "to_adviser", 1),
        count("2026-11-29", "Kista", "ar", None, "no_result", 4),
        count("2026-11-30", "Rinkeby", "ar", None, "no_result", 1),
    ]
    first, last = date(2026, 11, 29), TODAY
    assert stats_json(counts, first, last) == {
        "from": "2026-11-29",
        "to": "2026-11-30",
        "site": None,
        "questions": [
            {"question": "bankid", "language": "so", "viewed": 0, "helped": 0}
            | {"not_helped": 0, "to_adviser": 1},
            {"question": "moving", "language": "ar", "viewed": 5, "helped": 0}
            | {"not_helped": 1, "to_adviser": 0},
        ],
        "no_result": [{"language": "ar", "count": 5}],
    }
    kista = stats_json(counts, first, last, site="Kista")
    assert [(q["question"], q["viewed"]) for q in kista["questions"]] == [("moving", 2)]
    assert kista["no_result"] == [{"language": "ar", "count": 4}]
