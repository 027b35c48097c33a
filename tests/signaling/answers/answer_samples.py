"""A small draft for the common-questions tests, built through the real edit functions."""

from __future__ import annotations

from signaling.answers import edit
from signaling.answers.model import Draft

BOSTAD = "https://bostad.stockholm.se/"
SKATT = "https://www.skatteverket.se/"


def sample_draft() -> Draft:
    """Two topics, two questions; the housing queue in Swedish, English and Arabic."""
    draft = edit.save_topic(Draft(), "housing", {"sv": "Bostad", "en": "Housing"}, order=1)
    draft = edit.save_topic(draft, "registration", {"sv": "Folkbokföring"}, order=2)
    draft = edit.save_question(
        draft,
        edit.QuestionData("housing-queue", "housing", 1, "housing", (BOSTAD,), "08-508 00 000"),
        original=edit.Words(
            "Bostadskö", "Ställ dig i kön tidigt.", "Mån–fre 9–12", ("Bostadsförmedlingen",)
        ),
        reviewed_by="Eva",
        now=100.0,
    )
    draft = edit.save_text(
        draft,
        "housing-queue",
        "en",
        edit.Words("Housing queue", "Join the queue early.", "Mon–Fri 9–12", ("Housing agency",)),
        reviewed_by="Tom",
        now=110.0,
    )
    draft = edit.save_text(
        draft,
        "housing-queue",
        "ar",
        edit.Words("طابور السكن", "سجّل في الطابور مبكرًا."),
        reviewed_by="Amal",
        now=120.0,
    )
    return edit.save_question(
        draft,
        edit.QuestionData("moving", "registration", 1, None, (SKATT,)),
        original=edit.Words("Jag har flyttat", "Anmäl flytten inom en vecka."),
        reviewed_by="Eva",
        now=130.0,
    )
