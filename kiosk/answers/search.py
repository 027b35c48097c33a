"""Search over the common questions, on the kiosk (docs/answers.md §Search).

Pure. Text and query are folded alike: Unicode compatibility forms decomposed (NFKD), combining
marks dropped (so é, å, Arabic harakat and the hamza over or under alif go), case folded, and the
Arabic-script letter variants a resident may type either way made one: ٱ → ا, ى → ي, ة → ه,
Persian ی → ي and ک → ك, tatweel dropped. Ethiopic syllables have no decomposition and compare as
typed. Every word of the query must occur inside some word of the text (partly typed words find, and
so do Arabic words behind the article ال and the parts of Swedish compounds: bidrag in
bostadsbidrag); a question whose title holds them all ranks before one that needs its body,
then bundle order.
"""

from __future__ import annotations

import unicodedata

from kiosk.answers.bundle import Bundle, Question
from kiosk.answers.choice import reading_order

MAX_QUERY_CHARS = 100
_LETTERS = str.maketrans(
    {
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0649": "\u064a",  # alef maksura -> yeh
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u06cc": "\u064a",  # Farsi yeh -> Arabic yeh
        "\u06a9": "\u0643",  # keheh -> kaf
        "\u0640": None,  # tatweel
    }
)


def fold(text: str) -> str:
    """``text`` as search compares it (see the module docstring)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Alef with hamza or madda decomposes to alef plus a combining mark, dropped above.
    return bare.translate(_LETTERS).casefold()


def words(text: str) -> tuple[str, ...]:
    """The folded words of ``text``: runs of letters and digits."""
    folded = fold(text)
    cleaned = "".join(ch if ch.isalnum() else " " for ch in folded)
    return tuple(cleaned.split())


def _has_all(query: tuple[str, ...], text_words: set[str]) -> bool:
    return all(any(q in word for word in text_words) for q in query)


def _words_of(question: Question, language: str, field: str) -> set[str]:
    found: set[str] = set()
    for code in reading_order(language):
        text = question.texts.get(code)
        if text is not None:
            found.update(words(getattr(text, field)))
    return found


def search(bundle: Bundle, language: str, query: str) -> tuple[str, ...]:
    """The ids of the questions matching ``query`` for a resident reading ``language``: title
    matches first, then body matches, each in bundle order. An empty query matches nothing."""
    asked = words(query[:MAX_QUERY_CHARS])
    if not asked:
        return ()
    in_title: list[str] = []
    in_body: list[str] = []
    for question in bundle.questions:
        title = _words_of(question, language, "title")
        if _has_all(asked, title):
            in_title.append(question.id)
        elif _has_all(asked, title | _words_of(question, language, "body")):
            in_body.append(question.id)
    return (*in_title, *in_body)
