"""The touch keyboard's layouts as data: which keys, in which rows, for which language.

Pure: no Qt. :mod:`kiosk.views.keyboard` draws a :class:`KeyboardLayout` and types its keys into
the chat's entry (the real-time text of the call). Rows are written in reading order; a
right-to-left layout is mirrored by the widget, as the script reads.

Ethiopic has more than 200 syllables, too many for keys: its layout holds the base consonants,
and a tapped base offers its seven vowel orders (:func:`syllables`), as Ethiopic phone keyboards
do. Unicode lays each consonant's orders out consecutively from the base (U+1208 ለ, U+1209 ሉ,
U+120A ሊ ...), so an order is an offset.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from kiosk import languages

DIGITS: Final = tuple("1234567890")


@dataclass(frozen=True)
class KeyboardLayout:
    """Letter rows (each key types its text), punctuation beside the space bar, and the script's
    direction. ``syllabic``: the keys are Ethiopic bases that open their vowel orders."""

    name: str
    rows: tuple[tuple[str, ...], ...]
    punctuation: tuple[str, ...]
    rtl: bool = False
    syllabic: bool = False
    has_case: bool = False

    def letters(self) -> tuple[str, ...]:
        return tuple(key for row in self.rows for key in row)


def _rows(*rows: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(row.split()) for row in rows)


LATIN_PUNCTUATION: Final = (",", ".", "?", "!")
ARABIC_PUNCTUATION: Final = ("،", ".", "؟", "!")
ETHIOPIC_PUNCTUATION: Final = ("፣", "።", "?", "!")

# Swedish, Finnish and English: QWERTY with å, ä, ö where Swedish keyboards have them.
SWEDISH: Final = KeyboardLayout(
    "latin-sv",
    _rows("q w e r t y u i o p å", "a s d f g h j k l ö ä", "z x c v b n m"),
    LATIN_PUNCTUATION,
    has_case=True,
)
# Somali is written in the Latin alphabet; the apostrophe is its glottal stop (hamza): ba'an.
SOMALI: Final = KeyboardLayout(
    "latin-so",
    _rows("q w e r t y u i o p", "a s d f g h j k l '", "z x c v b n m"),
    LATIN_PUNCTUATION,
    has_case=True,
)
KURMANJI: Final = KeyboardLayout(
    "latin-kmr",
    _rows("q w e r t y u i o p ê", "a s d f g h j k l ş î", "z x c v b n m ç û"),
    LATIN_PUNCTUATION,
    has_case=True,
)
NORTH_SAMI: Final = KeyboardLayout(
    "latin-se",
    _rows("q w e r t y u i o p á", "a s d f g h j k l đ ŋ", "z x c v b n m č š ŧ ž"),
    LATIN_PUNCTUATION,
    has_case=True,
)
UKRAINIAN: Final = KeyboardLayout(
    "cyrillic-uk",
    _rows("й ц у к е н г ш щ з х ї", "ф і в а п р о л д ж є", "ґ я ч с м и т ь б ю"),
    LATIN_PUNCTUATION,
    has_case=True,
)
RUSSIAN: Final = KeyboardLayout(
    "cyrillic-ru",
    _rows("й ц у к е н г ш щ з х ъ", "ф ы в а п р о л д ж э", "я ч с м и т ь б ю ё"),
    LATIN_PUNCTUATION,
    has_case=True,
)
ARABIC: Final = KeyboardLayout(
    "arabic",
    _rows(
        "ض ص ث ق ف غ ع ه خ ح ج د",
        "ش س ي ب ل ا ت ن م ك ط ذ",
        "ئ ء ؤ ر ى ة و ز ظ أ إ آ",
    ),
    ARABIC_PUNCTUATION,
    rtl=True,
)
# Persian and Dari: the Arabic letters with Persian yeh (ی) and keheh (ک), plus پ چ ژ گ.
PERSIAN: Final = KeyboardLayout(
    "persian",
    _rows(
        "ض ص ث ق ف غ ع ه خ ح ج چ",
        "ش س ی ب ل ا ت ن م ک گ پ",
        "ظ ط ز ر ذ د ژ و آ ئ ء",
    ),
    ARABIC_PUNCTUATION,
    rtl=True,
)
# Sorani's 33 letters: Arabic script with its own vowels ە ۆ ێ and ڕ ڵ ڤ.
SORANI: Final = KeyboardLayout(
    "sorani",
    _rows(
        "ق و ە ر ت ی ئ ح ۆ پ ڕ",
        "ا س د ف گ ه ژ ک ل ڵ ێ",
        "ز خ ج ڤ ب ن م ش چ ع غ",
    ),
    ARABIC_PUNCTUATION,
    rtl=True,
)
# Tigrinya and Amharic: the base (first order) of each consonant; ቐ and ኸ are Tigrinya's.
ETHIOPIC: Final = KeyboardLayout(
    "ethiopic",
    _rows(
        "ሀ ለ ሐ መ ሠ ረ ሰ ሸ ቀ ቐ በ ቨ",
        "ተ ቸ ኀ ነ ኘ አ ከ ኸ ወ ዐ ዘ",
        "ዠ የ ደ ጀ ገ ጠ ጨ ጰ ጸ ፀ ፈ ፐ",
    ),
    ETHIOPIC_PUNCTUATION,
    syllabic=True,
)

LAYOUTS: Final[dict[str, KeyboardLayout]] = {
    "sv": SWEDISH,
    "en": SWEDISH,
    "fi": SWEDISH,
    "so": SOMALI,
    "kmr": KURMANJI,
    "se": NORTH_SAMI,
    "uk": UKRAINIAN,
    "ru": RUSSIAN,
    "ar": ARABIC,
    "fa": PERSIAN,
    "prs": PERSIAN,
    "ckb": SORANI,
    "ti": ETHIOPIC,
    "am": ETHIOPIC,
}
# A language without its own layout gets the Latin one (and Arabic for a right-to-left one):
# most residents can type something on either.
FALLBACK: Final = SWEDISH

ORDERS: Final = 7  # ä u i a e ə o


def layout_for(language: str) -> KeyboardLayout:
    """The keyboard for a call held in ``language``."""
    if language in LAYOUTS:
        return LAYOUTS[language]
    return ARABIC if languages.is_rtl(language) else FALLBACK


def syllables(base: str) -> tuple[str, ...]:
    """The seven vowel orders of an Ethiopic consonant, its base (first order) first."""
    start = ord(base)
    if not 0x1200 <= start <= 0x137F or (start - 0x1200) % 8:
        raise ValueError(f"{base!r} is not the first order of an Ethiopic consonant")
    return tuple(chr(start + order) for order in range(ORDERS))
