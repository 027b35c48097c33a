import pytest

from signaling.privacy import PersonalData, personal_data_in


@pytest.mark.parametrize(
    "note",
    ["Wanted help with housing allowance", "Form 3 of 4 done", "Call back in 2 weeks", ""],
)
def test_ordinary_notes_pass(note: str) -> None:
    assert personal_data_in(note) == []


@pytest.mark.parametrize(
    ("note", "kind"),
    [
        ("pnr 19800101-1234", PersonalData.IDENTITY_NUMBER),
        ("800101-1234", PersonalData.IDENTITY_NUMBER),
        ("call 070-123 45 67", PersonalData.PHONE_NUMBER),
        ("+46701234567", PersonalData.PHONE_NUMBER),
        ("mail anna.b@example.se", PersonalData.EMAIL),
    ],
)
def test_personal_data_is_caught(note: str, kind: PersonalData) -> None:
    assert kind in personal_data_in(note)


def test_identity_number_is_not_also_a_phone_number() -> None:
    assert personal_data_in("19800101-1234") == [PersonalData.IDENTITY_NUMBER]
