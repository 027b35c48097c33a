"""signaling.answers.po and .po_import: PO files through real files, round trips, fuzzy for
outdated, and refusals that name the line and change nothing (the draft is a value, so "nothing"
means the function raised before returning one)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from signaling.answers import edit, po
from signaling.answers.model import Draft, status
from signaling.answers.po_import import apply_po
from signaling.answers.validation import InvalidAnswer
from tests.signaling.answers.answer_samples import sample_draft

NOW = 1_800_000_000.0


def export(draft: Draft, language: str, path: Path) -> Path:
    path.write_bytes(po.write(draft, language, now=NOW))
    return path


def load(draft: Draft, path: Path, reviewer: str = "Rev") -> Draft:
    parsed = po.read(path.read_bytes())
    return apply_po(draft, parsed, reviewed_by=reviewer, now=NOW + 1)


def texts(draft: Draft) -> dict[tuple[str, str], tuple[str, str, str, tuple[str, ...]]]:
    return {(q.id, lang): t.words() for q in draft.questions for lang, t in q.texts.items()}


def test_the_export_names_each_string_by_msgctxt(tmp_path: Path) -> None:
    path = export(sample_draft(), "en", tmp_path / "en.po")
    with path.open("rb") as f:
        catalog = read_po(f)
    assert catalog.locale_identifier == "en"
    by_context = {m.context or "": m for m in catalog if m.id}
    assert sorted(by_context) == [
        "housing-queue:body",
        "housing-queue:hours",
        "housing-queue:link:0",
        "housing-queue:title",
        "moving:body",
        "moving:title",
        "topic:housing",
        "topic:registration",
    ]
    title = by_context["housing-queue:title"]
    assert (title.id, title.string) == ("Bostadskö", "Housing queue")
    assert "link.0=https://bostad.stockholm.se/" in title.auto_comments
    assert "topic=housing" in title.auto_comments
    assert by_context["moving:title"].string == ""  # not translated yet
    assert by_context["topic:registration"].string == ""


def test_swedish_and_english_round_trip_into_an_empty_draft(tmp_path: Path) -> None:
    draft = sample_draft()
    sv, en = export(draft, "sv", tmp_path / "sv.po"), export(draft, "en", tmp_path / "en.po")
    rebuilt = load(load(Draft(), sv), en)
    original = {k: v for k, v in texts(draft).items() if k[1] in ("sv", "en")}
    assert texts(rebuilt) == original
    for q in draft.questions:
        again = rebuilt.question(q.id)
        assert again is not None
        assert (again.topic, again.order, again.route_topic, again.links, again.phone) == (
            q.topic,
            q.order,
            q.route_topic,
            q.links,
            q.phone,
        )
        assert status(again, "en") == status(q, "en")
    assert {t.id: dict(t.titles) for t in rebuilt.topics} == {
        "housing": {"sv": "Bostad", "en": "Housing"},
        "registration": {"sv": "Folkbokföring"},
    }


def test_an_outdated_translation_is_exported_fuzzy_and_a_translator_makes_it_current(
    tmp_path: Path,
) -> None:
    draft = sample_draft()
    original = draft.question("moving")
    assert original is not None
    draft = edit.save_text(
        draft, "moving", "en", edit.Words("I moved", "Report it."), reviewed_by="Tom", now=NOW
    )
    draft = edit.save_text(
        draft, "moving", "sv", edit.Words("Jag har flyttat", "Ny text."), reviewed_by="Eva", now=NOW
    )
    moving = draft.question("moving")
    assert moving is not None and status(moving, "en") == "outdated"

    path = export(draft, "en", tmp_path / "en.po")
    text = path.read_text(encoding="utf-8")
    assert '#, fuzzy\nmsgctxt "moving:title"' in text
    assert '#, fuzzy\nmsgctxt "housing-queue:title"' not in text

    # Imported as it is, still fuzzy: the text is kept and stays outdated.
    again = load(draft, path).question("moving")
    assert again is not None and status(again, "en") == "outdated"

    # The translator updates the body and clears the fuzzy marks.
    fixed = text.replace('msgstr "Report it."', 'msgstr "Report the move."')
    fixed = fixed.replace('#, fuzzy\nmsgctxt "moving:', 'msgctxt "moving:')
    path.write_text(fixed, encoding="utf-8")
    after = load(draft, path, reviewer="Tina").question("moving")
    assert after is not None and status(after, "en") == "current"
    assert (after.texts["en"].body, after.texts["en"].reviewed_by) == ("Report the move.", "Tina")


def test_a_translation_of_an_older_original_is_saved_outdated(tmp_path: Path) -> None:
    draft = sample_draft()
    path = export(draft, "so", tmp_path / "so.po")
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'msgid "Jag har flyttat"\nmsgstr ""', 'msgid "Jag har flyttat"\nmsgstr "Waan guuray"'
    )
    text = text.replace(
        'msgid "Anmäl flytten inom en vecka."\nmsgstr ""',
        'msgid "Anmäl flytten inom en vecka."\nmsgstr "Soo sheeg guuritaanka."',
    )
    path.write_text(text, encoding="utf-8")
    changed = edit.save_text(
        draft,
        "moving",
        "sv",
        edit.Words("Jag har flyttat", "Annan text."),
        reviewed_by="Eva",
        now=NOW,
    )
    moving = load(changed, path).question("moving")
    assert moving is not None and moving.texts["so"].title == "Waan guuray"
    assert status(moving, "so") == "outdated"  # its msgid is yesterday's Swedish
    current = load(draft, path).question("moving")
    assert current is not None and status(current, "so") == "current"


def test_a_swedish_file_creates_a_question_from_its_data_lines(tmp_path: Path) -> None:
    path = tmp_path / "new.po"
    path.write_text(
        'msgid ""\nmsgstr "Language: sv\\n"\n\n'
        "#. topic=registration\n#. route_topic=other\n#. phone=0771-567 567\n"
        "#. link.0=https://www.skatteverket.se/\n"
        'msgctxt "id-card:title"\nmsgid "Hur får jag id-kort?"\nmsgstr ""\n\n'
        'msgctxt "id-card:body"\nmsgid "Du ansöker hos Skatteverket."\nmsgstr ""\n\n'
        'msgctxt "id-card:link:0"\nmsgid "Skatteverket"\nmsgstr ""\n',
        encoding="utf-8",
    )
    draft = load(sample_draft(), path, reviewer="Eva")
    card = draft.question("id-card")
    assert card is not None
    assert (card.topic, card.route_topic, card.phone) == ("registration", "other", "0771-567 567")
    assert card.links == ("https://www.skatteverket.se/",)
    assert card.original.words() == (
        "Hur får jag id-kort?",
        "Du ansöker hos Skatteverket.",
        "",
        ("Skatteverket",),
    )


BROKEN = (
    'msgid ""\nmsgstr "Language: en\\n"\n\n'
    'msgctxt "moving:title"\nmsgid "Jag har flyttat\nmsgstr "x"\n'  # an unclosed string
)


def po_text(language: str, *entries: str) -> bytes:
    return (f'msgid ""\nmsgstr "Language: {language}\\n"\n\n' + "\n".join(entries)).encode()


def entry(context: str, msgid: str, msgstr: str, *comments: str) -> str:
    lines = [f"#. {c}" for c in comments]
    lines += [f'msgctxt "{context}"', f'msgid "{msgid}"', f'msgstr "{msgstr}"', ""]
    return "\n".join(lines) + "\n"


MOVING_SV = ("Jag har flyttat", "Anmäl flytten inom en vecka.")


# Lines as Babel counts them: an entry's line is that of its msgid (po_text's first is line 5).
@pytest.mark.parametrize(
    ("data", "reason", "line"),
    [
        (BROKEN.encode(), "a string is not closed", 5),
        (b"\xff\xfe\x00garbage", "not UTF-8", None),
        (b'msgid ""\nmsgstr ""\n', "no 'Language:'", None),
        (po_text("xx", entry("moving:title", "T", "T")), "unknown language code 'xx'", None),
        (po_text("klingon"), "unknown language code 'klingon'", None),
        (po_text("en", entry("moving:summary", "x", "y")), "unknown msgctxt 'moving:summary'", 5),
        (po_text("en", entry("nowhere:title", "x", "y"), entry("nowhere:body", "x", "y")),
         "no such question", 5),
        (po_text("en", entry("topic:nowhere", "x", "y")), "no such topic", 5),
        (po_text("en", entry("moving:hours", "x", "y")), "the original has no such part", 5),
        (po_text("en", 'msgid "no context"\nmsgstr "x"\n'), "has no msgctxt", 4),
        (po_text("en", entry("moving:title", MOVING_SV[0], "Moved"),
                 entry("moving:body", MOVING_SV[1], "<b>Report</b> it")), "HTML tag", 10),
        (po_text("en", entry("moving:title", MOVING_SV[0], "Moved"),
                 entry("moving:body", MOVING_SV[1], "see javascript:alert(1)")), "script link", 10),
        (po_text("en", entry("moving:title", MOVING_SV[0], "x" * 121),
                 entry("moving:body", MOVING_SV[1], "Fine")), "at most 120", 5),
        (po_text("en", entry("moving:title", MOVING_SV[0], "Moved"),
                 entry("moving:body", MOVING_SV[1], "")), "needs both a title and a body", 5),
        (po_text("en", entry("moving:title", MOVING_SV[0], "A"),
                 entry("moving:title", MOVING_SV[0], "B")), "appears more than once", 9),
        (po_text("sv", entry("moving:title", "Flytt", "", "topic=registration",
                             "link.0=http://www.skatteverket.se/"),
                 entry("moving:body", "Text", "")), "must start with https://", 7),
        (po_text("sv", entry("new-q:title", "Ny", ""), entry("new-q:body", "Text", "")),
         "needs a '#. topic=' line", 5),
    ],
)  # fmt: skip
def test_a_bad_file_is_refused_with_its_line_and_reason(
    tmp_path: Path, data: bytes, reason: str, line: int | None
) -> None:
    path = tmp_path / "bad.po"
    path.write_bytes(data)
    draft = sample_draft()
    with pytest.raises(InvalidAnswer, match=reason) as refused:
        load(draft, path)
    if line is not None:
        assert refused.value.line == line
        assert str(refused.value).startswith(f"line {line}: ")


def test_a_refusal_late_in_a_file_keeps_no_earlier_change(tmp_path: Path) -> None:
    """Good entries before the bad one are not applied either: the whole file is refused."""
    draft = sample_draft()
    good = (
        entry("moving:title", MOVING_SV[0], "Moved")
        + "\n"
        + entry("moving:body", MOVING_SV[1], "Fine")
    )
    bad = (
        entry("housing-queue:title", "Bostadskö", "Queue")
        + "\n"
        + entry("housing-queue:body", "Ställ dig i kön tidigt.", "<i>x</i>")
    )
    path = tmp_path / "mixed.po"
    path.write_bytes(po_text("en", good, bad))
    before = texts(draft)
    with pytest.raises(InvalidAnswer, match="HTML tag"):
        draft = load(draft, path)
    assert texts(draft) == before


def test_the_documented_example_adds_a_question_to_the_starter_set() -> None:
    """docs/answers.md §The PO format in detail: its example file does what the text says."""
    doc = (Path(__file__).resolve().parents[3] / "docs" / "answers.md").read_text("utf-8")
    example = doc.split("```po\n")[1].split("```")[0].encode()
    starter = resources.files("signaling.answers") / "starter"
    draft = Draft()
    for name in ("sv.po", "en.po"):
        parsed = po.read((starter / name).read_bytes())
        draft = apply_po(draft, parsed, reviewed_by="Starter", now=NOW)
    draft = apply_po(draft, po.read(example), reviewed_by="Eva", now=NOW)
    card = draft.question("id-card")
    assert card is not None and len(draft.questions) == 15
    assert (card.topic, card.order, card.route_topic, card.phone) == (
        "registration", 2, "other", "0771-567 567",
    )  # fmt: skip
    assert card.links == ("https://www.skatteverket.se/",)
    assert card.original.link_labels == ("Skatteverket",)
    assert (status(card, "sv"), status(card, "en")) == ("current", "missing")


_PLAIN = st.text(
    alphabet="aåäöz AZ09\"\\'#%:;,.!?()-–\nعةቅیé",
    min_size=1,
    max_size=60,
)


@given(sv_title=_PLAIN, sv_body=_PLAIN, en_title=_PLAIN, en_body=_PLAIN)
@settings(max_examples=150, deadline=None)
def test_any_plain_text_survives_the_po_round_trip(
    sv_title: str, sv_body: str, en_title: str, en_body: str
) -> None:
    """Quotes, backslashes, '#', line breaks and any script come back exactly as exported."""
    words = [edit.Words(t, b) for t, b in ((sv_title, sv_body), (en_title, en_body))]
    assume(all(w.title.strip() and w.body.strip() for w in words))
    draft = edit.save_topic(Draft(), "t", {"sv": "Ämne"})
    data = edit.QuestionData("q", "t")
    draft = edit.save_question(draft, data, original=words[0], reviewed_by="", now=NOW)
    draft = edit.save_text(draft, "q", "en", words[1], reviewed_by="", now=NOW)
    rebuilt = Draft()
    for language in ("sv", "en"):
        parsed = po.read(po.write(draft, language, now=NOW))
        rebuilt = apply_po(rebuilt, parsed, reviewed_by="", now=NOW)
    assert texts(rebuilt) == texts(draft)


def test_a_region_in_the_language_header_is_dropped_unless_configured() -> None:
    entries = (
        entry("moving:title", MOVING_SV[0], "Guuritaan")
        + "\n"
        + entry("moving:body", MOVING_SV[1], "Sheeg guuritaanka.")
    )
    for header in ("so_SO", "so-SO", "SO"):
        assert po.read(po_text(header, entries)).language == "so"
    assert po.read(po_text("pt_BR", ""), languages=("pt-BR",)).language == "pt-BR"
    with pytest.raises(InvalidAnswer, match="unknown language code 'xx'"):
        po.read(po_text("xx_SO", entries))


_PO_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                'msgid ""',
                'msgstr "Language: en\\n"',
                'msgstr "Language: sv\\n"',
                "#, fuzzy",
                "#. topic=registration",
                "#. link.0=https://x.se/",
                "#. order=x",
                'msgctxt "moving:title"',
                'msgctxt "moving:body"',
                'msgctxt "topic:housing"',
                'msgctxt "x:link:9"',
                'msgid "a"',
                'msgstr "b"',
                'msgstr[0] "c"',
                'msgid_plural "d"',
                '"continued"',
                "",
                '#~ msgid "old"',
                'msgstr "<b>"',
                'msgid "unclosed',
                '"\\',
                "msgstr",
                "garbage here",
            ]
        ),
        st.text(max_size=20),
    ),
    max_size=25,
)


@given(lines=_PO_LINES)
@settings(max_examples=300, deadline=None)
def test_no_file_makes_the_import_fail_other_than_with_a_reason(lines: list[str]) -> None:
    """Whatever a file holds, reading and applying it either works or raises InvalidAnswer
    (which the CLI and the admin web turn into a message): never another exception."""
    data = "\n".join(lines).encode()
    try:
        apply_po(sample_draft(), po.read(data), reviewed_by="", now=NOW)
    except InvalidAnswer as exc:
        assert str(exc)
