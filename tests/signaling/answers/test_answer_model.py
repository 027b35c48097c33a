"""signaling.answers.model and .edit: revisions make translations current, outdated or missing;
every edit validates, and a refused edit leaves the draft as it was."""

from __future__ import annotations

from dataclasses import replace

import pytest

from signaling.answers import edit
from signaling.answers.model import Draft, Question, status
from signaling.answers.validation import InvalidAnswer
from tests.signaling.answers.answer_samples import BOSTAD, sample_draft


def question(draft: Draft, question_id: str = "housing-queue") -> Question:
    found = draft.question(question_id)
    assert found is not None
    return found


def test_translations_are_current_missing_or_outdated() -> None:
    draft = sample_draft()
    q = question(draft)
    assert [status(q, lang) for lang in ("sv", "en", "ar", "so")] == [
        "current",
        "current",
        "current",
        "missing",
    ]
    assert q.texts["en"].reviewed_by == "Tom" and q.texts["en"].reviewed_at == 110.0


def test_editing_the_original_outdates_every_translation() -> None:
    draft = sample_draft()
    before = question(draft)
    words = edit.Words(
        "Bostadskö", "Ställ dig i kön i dag.", "Mån–fre 9–12", ("Bostadsförmedlingen",)
    )
    draft = edit.save_text(draft, "housing-queue", "sv", words, reviewed_by="Eva", now=200.0)
    after = question(draft)
    assert after.revision == before.revision + 1
    assert status(after, "en") == status(after, "ar") == "outdated"
    assert status(after, "sv") == "current"
    assert status(question(draft, "moving"), "sv") == "current"


@pytest.mark.parametrize("field", ["title", "hours", "link_labels"])
def test_any_translatable_part_counts_as_an_edit(field: str) -> None:
    draft = sample_draft()
    o = question(draft).original
    words = edit.Words(o.title, o.body, o.hours, o.link_labels)
    if field == "title":
        words = replace(words, title="Bostadskön")
    elif field == "hours":
        words = replace(words, hours="Mån 9–12")
    else:
        words = replace(words, link_labels=("Förmedlingen",))
    draft = edit.save_text(draft, "housing-queue", "sv", words, reviewed_by="Eva", now=200.0)
    assert status(question(draft), "en") == "outdated"


def test_saving_the_same_original_again_changes_no_revision() -> None:
    draft = sample_draft()
    o = question(draft).original
    words = edit.Words(f" {o.title} ", o.body, o.hours, o.link_labels)  # spaces are trimmed
    draft = edit.save_text(draft, "housing-queue", "sv", words, reviewed_by="Eva", now=300.0)
    assert question(draft).revision == question(sample_draft()).revision
    assert status(question(draft), "en") == "current"


def test_a_reviewer_makes_an_outdated_translation_current_again() -> None:
    draft = sample_draft()
    o = question(draft).original
    draft = edit.save_text(
        draft, "housing-queue", "sv", edit.Words("Ny titel", o.body), reviewed_by="Eva", now=200.0
    )
    draft = edit.mark_current(draft, "housing-queue", "en", reviewed_by="Tom", now=210.0)
    draft = edit.save_text(
        draft, "housing-queue", "ar", edit.Words("عنوان جديد", "نص"), reviewed_by="Amal", now=220.0
    )
    q = question(draft)
    assert (status(q, "en"), status(q, "ar")) == ("current", "current")
    assert (q.texts["en"].reviewed_by, q.texts["en"].reviewed_at) == ("Tom", 210.0)
    assert q.texts["en"].title == "Housing queue"  # marking keeps the words


def test_a_new_question_needs_its_swedish_text_and_a_known_topic() -> None:
    draft = sample_draft()
    with pytest.raises(InvalidAnswer, match="needs its Swedish title and body"):
        edit.save_question(draft, edit.QuestionData("new-one", "housing"))
    with pytest.raises(InvalidAnswer, match="no topic 'nowhere'"):
        edit.save_question(
            draft, edit.QuestionData("new-one", "nowhere"), original=edit.Words("T", "B")
        )
    with pytest.raises(InvalidAnswer, match="question 'Bad Id'"):
        edit.save_question(
            draft, edit.QuestionData("Bad Id", "housing"), original=edit.Words("T", "B")
        )


def test_a_translation_needs_a_known_language_and_an_original() -> None:
    draft = sample_draft()
    with pytest.raises(InvalidAnswer, match="unknown language code 'xx'"):
        edit.save_text(draft, "moving", "xx", edit.Words("T", "B"), reviewed_by="", now=1.0)
    with pytest.raises(InvalidAnswer, match="no question 'nope'"):
        edit.save_text(draft, "nope", "en", edit.Words("T", "B"), reviewed_by="", now=1.0)
    with pytest.raises(InvalidAnswer, match="HTML tag"):
        edit.save_text(draft, "moving", "en", edit.Words("T", "<b>B</b>"), reviewed_by="", now=1)


def test_labels_name_only_links_the_question_has() -> None:
    draft = sample_draft()
    words = edit.Words("Moving", "Report it.", "", ("Skatteverket", "Extra"))
    with pytest.raises(InvalidAnswer, match="labels 2 links but has 1"):
        edit.save_text(draft, "moving", "en", words, reviewed_by="", now=1.0)
    # Removing the link removes its labels in every language.
    data = edit.QuestionData("housing-queue", "housing", 1, "housing", ())
    draft = edit.save_question(draft, data)
    assert all(t.link_labels == () for t in question(draft).texts.values())


def test_removing_texts_topics_and_questions() -> None:
    draft = sample_draft()
    with pytest.raises(InvalidAnswer, match="original cannot be removed"):
        edit.remove_text(draft, "housing-queue", "sv")
    draft = edit.remove_text(draft, "housing-queue", "ar")
    assert status(question(draft), "ar") == "missing"
    with pytest.raises(InvalidAnswer, match="still has questions: housing-queue"):
        edit.remove_topic(draft, "housing")
    draft = edit.remove_topic(edit.remove_question(draft, "housing-queue"), "housing")
    assert [t.id for t in draft.topics] == ["registration"]
    assert draft.question("housing-queue") is None


def test_topics_need_a_swedish_title_and_merge_translations() -> None:
    with pytest.raises(InvalidAnswer, match="needs a Swedish title"):
        edit.save_topic(Draft(), "work", {"en": "Work"})
    draft = edit.save_topic(sample_draft(), "housing", {"so": "Guri"})
    topic = draft.topic("housing")
    assert topic is not None and dict(topic.titles) == {
        "en": "Housing",
        "so": "Guri",
        "sv": "Bostad",
    }


def test_links_and_phone_are_checked_on_the_question() -> None:
    draft = sample_draft()
    for data, reason in [
        (edit.QuestionData("moving", "registration", links=("http://x.se/",)), "https://"),
        (edit.QuestionData("moving", "registration", phone="ring oss"), "phone"),
        (edit.QuestionData("moving", "registration", links=(BOSTAD,) * 6), "at most 5"),
    ]:
        with pytest.raises(InvalidAnswer, match=reason):
            edit.save_question(draft, data)
