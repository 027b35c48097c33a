"""signaling.privacy: the wrap-up note filter on notes as advisers write them."""

import pytest

from signaling.privacy import DEFAULT_HEALTH_TERMS, PersonalData, personal_data_in

P = PersonalData


@pytest.mark.parametrize(
    "note",
    [
        "",
        "Wanted help with housing allowance",
        "Form 3 of 4 done",
        "Call back in 2 weeks",
        "Helped with the Försäkringskassan form",
        "Explained the letter from Skatteverket. Will call back Monday.",
        "Booked time at Migrationsverket in Malmö",
        "Sjukpenning: filled in the form on Mina Sidor",
        "Hjälpte med ansökan om bostadsbidrag, ringer tillbaka på tisdag",
        "Fyllde i blanketten till CSN, 2 st bilagor",
        "The Resident asked about SFI and Komvux",
        "Paid 10000 kronor too much, explained the decision",
        "Resident wants help with BankID",
    ],
)
def test_ordinary_notes_pass(note: str) -> None:
    assert personal_data_in(note) == []


def test_the_note_that_was_kept_verbatim_is_refused_for_all_it_holds() -> None:
    # The note from issue #11 that was stored as written.
    note = "Resident Fatima Ali, Storgatan 12, son has diabetes"
    assert personal_data_in(note) == [P.ADDRESS, P.NAME, P.HEALTH]


@pytest.mark.parametrize(
    ("note", "kind"),
    [
        ("pnr 19800101-1234", P.IDENTITY_NUMBER),
        ("800101-1234", P.IDENTITY_NUMBER),
        ("samordningsnummer 701063-2391", P.IDENTITY_NUMBER),
        ("call 070-123 45 67", P.PHONE_NUMBER),
        ("+46701234567", P.PHONE_NUMBER),
        ("mail anna.b@example.se", P.EMAIL),
        ("bor på storgatan 12", P.ADDRESS),
        ("moved to Lilla Nygatan 3B", P.ADDRESS),
        ("Kungsvägen 7, third floor", P.ADDRESS),
        ("lives at 12 Main Street", P.ADDRESS),
        ("postnummer 123 45", P.ADDRESS),
        ("12345 Malmö", P.ADDRESS),
        ("Anna Svensson called about her letter", P.NAME),
        ("Helped Mohammed Abdi with the form", P.NAME),
        ("son Erik needs help with CSN", P.NAME),
        ("herr Berg vill ha hjälp", P.NAME),
        ("Anna-Karin Lindqvist", P.NAME),
        ("son has diabetes", P.HEALTH),
        ("diabetiker, behöver intyg", P.HEALTH),
        ("Depression since last year", P.HEALTH),
        ("HIV test result letter", P.HEALTH),
        ("hon är deprimerad", P.HEALTH),
        ("cancerbehandling", P.HEALTH),
        ("gravid i vecka 20", P.HEALTH),
    ],
)
def test_personal_data_is_caught(note: str, kind: PersonalData) -> None:
    assert kind in personal_data_in(note)


def test_identity_number_is_not_also_a_phone_number() -> None:
    assert personal_data_in("19800101-1234") == [P.IDENTITY_NUMBER]


def test_health_terms_are_configurable() -> None:
    assert personal_data_in("astma, needs a form", health_terms=("astma",)) == [P.HEALTH]
    assert personal_data_in("son has diabetes", health_terms=()) == []
    assert personal_data_in("son has diabetes", health_terms=(" ", "")) == []


def test_a_term_is_a_word_beginning_not_any_substring() -> None:
    # "hiv" must not catch "arkiv" (archive); the benefit named after sickness is no diagnosis.
    assert personal_data_in("letter from the arkiv") == []
    assert "sjuk" not in DEFAULT_HEALTH_TERMS
