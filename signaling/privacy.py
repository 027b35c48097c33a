"""Guard free text against personal data (pure): the adviser's wrap-up note.

The note is free text that ends up in the call records, and it must not identify a resident nor say
anything about their health (protocol ``wrap_up``; docs/privacy.md). We cannot prove a text is
anonymous, but the usual slips are easy to catch:

* a personal identity number (personnummer, or samordningsnummer: the same shape, day + 60);
* a phone number, an e-mail address;
* a street address (``Storgatan 12``, ``12 Main Street``) or a postcode (``123 45``);
* a personal name: two capitalised words in a row that are not common words, places or authorities
  (``Fatima Ali``), or one capitalised word after a word that introduces a person (``resident
  Fatima``, ``son Erik``, ``herr Berg``). Lower-case names and a lone first name slip through: the
  heuristic is conservative, so that ordinary notes ("Helped with the Försäkringskassan form") pass;
* a health word (special-category data, GDPR art. 9): a configurable list of word beginnings in
  Swedish and English (:data:`DEFAULT_HEALTH_TERMS`); ``diabet`` catches diabetes and diabetiker.

A note that holds any of these is refused, not redacted: the adviser is told which kinds were found
and rewrites it or drops it. Silent redaction would keep whatever the patterns missed next to a
visible "[removed]", and leave the adviser unaware that what they wrote was not what was kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum


class PersonalData(StrEnum):
    """Kinds of personal data, named as on the wire (``note_refused.reasons``)."""

    IDENTITY_NUMBER = "identity_number"
    PHONE_NUMBER = "phone_number"
    EMAIL = "email"
    ADDRESS = "address"
    NAME = "name"
    HEALTH = "health"


# Word beginnings, matched case-insensitively at the start of a word. Swedish and English; kept to
# diagnoses and conditions, not to the benefits named after them ("sjukpenning" must pass).
DEFAULT_HEALTH_TERMS: tuple[str, ...] = (
    "diabet",
    "cancer",
    "tumör",
    "tumour",
    "tumor",
    "hiv",
    "aids",
    "depression",
    "deprimerad",
    "depressed",
    "psykos",
    "psychosis",
    "psychotic",
    "schizofren",
    "schizophren",
    "bipolar",
    "bipolär",
    "demens",
    "dementia",
    "alzheimer",
    "epilep",
    "autism",
    "adhd",
    "missbruk",
    "addiction",
    "addicted",
    "alkoholis",
    "alcoholi",
    "hepatit",
    "tuberkulos",
    "tuberculosis",
    "stroke",
    "gravid",
    "pregnan",
    "diagnos",
)

# Swedish personnummer / samordningsnummer: YYMMDD-NNNN, YYYYMMDDNNNN, with - or + or nothing.
_IDENTITY = re.compile(r"(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)")
# Seven or more digits, allowing the spaces, dashes and a leading + people write numbers with.
_PHONE = re.compile(r"(?<![\w+])\+?\d(?:[ -]?\d){6,}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

_STREET_SUFFIXES = (
    "gatan|gata|vägen|väg|gränd|gränden|torget|torg|allén|allé|backe|backen|stigen|platsen|"
    "leden|esplanaden|stranden|kajen"
)
_ADDRESS = re.compile(
    # Storgatan 12, Lilla Nygatan 3B, storgatan 12
    rf"\b\w*(?i:{_STREET_SUFFIXES})\s+\d{{1,4}}\s?[a-zA-Z]?\b"
    # 12 Main Street, 4 High Rd
    r"|\b\d{1,4}\s+(?:\w+\s+){1,2}(?i:street|road|avenue|lane|drive)\b"
    # postcodes: 123 45, SE-123 45, or five digits followed by a town (12345 Malmö)
    r"|(?<![\d-])(?:SE-?)?\d{3} \d{2}(?![\d-])|(?<!\d)\d{5}\s+[A-ZÅÄÖ][a-zåäö]+"
)

_CAPITALISED = r"[A-ZÅÄÖÉÜ][a-zåäöéüáíóúëï]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüáíóúëï]+)?"
# A lookahead, so that pairs overlap: "Helped Mohammed Abdi" is also "Mohammed Abdi".
_NAME_PAIR = re.compile(rf"(?<![\w-])(?=({_CAPITALISED})\s+({_CAPITALISED})(?![\w-]))")
# Words that introduce a person; the next capitalised word is taken for a name.
_INTRODUCERS = (
    "resident|residents|invånare|invånaren|boende|kund|kunden|client|customer|caller|"
    "mr|mrs|ms|miss|dr|herr|fru|fröken|named|heter|namn|name|"
    "son|sonen|daughter|dotter|dottern|wife|husband|partner|fru|make|maken|maka|makan|"
    "mother|father|mamma|pappa|mor|far|mamman|pappan|brother|sister|bror|brodern|syster|systern|"
    "grandmother|grandfather|mormor|farmor|morfar|farfar|neighbour|neighbor|granne|grannen"
)
# The introducer in any case, the name capitalised: "son has diabetes" holds no name.
_INTRODUCED = re.compile(rf"(?<![\w-])(?i:{_INTRODUCERS})\.?\s+({_CAPITALISED})(?![\w-])")

# Capitalised words that are not names: what starts a sentence, authorities and services, places,
# languages, days and months. Compared in lower case. A pair passes when either word is here.
COMMON_WORDS = frozenset(
    """
    a an the and or but he she they we i it this that these those his her their our my your
    helped help helps explained explain showed show asked wanted wants needed needs called
    call calls booked book sent send filled fill gave give told tell read wrote write will would
    can could should may might must has have had is was were are be been no not yes ok okay
    next last new old first second third same other each every all some any many more most
    question questions form forms letter letters application applications appointment meeting
    call back follow up done ready resolved referred transferred
    jag hon han de vi det den denna detta dessa hans hennes deras vår min din
    hjälpte hjälp förklarade visade frågade ville behövde ringde bokade skickade fyllde gav
    sa läste skrev kan kunde ska skulle har hade är var blev inte ja nej nästa ny nya samma
    fråga frågor blankett blanketten brev brevet ansökan ansökningen möte mötet tid
    försäkringskassan skatteverket migrationsverket arbetsförmedlingen pensionsmyndigheten
    kronofogden csn polisen transportstyrelsen socialtjänsten socialstyrelsen bolagsverket
    lantmäteriet boverket vården vårdcentralen region regionen kommun kommunen stad staden
    municipality council city hall library biblioteket medborgarkontor medborgarkontoret
    kontaktcenter servicecenter bank banken swish bankid mina sidor sfi komvux
    social insurance agency tax swedish migration public employment service pensions
    sverige sweden stockholm göteborg gothenburg malmö uppsala västerås örebro linköping
    helsingborg jönköping norrköping lund umeå gävle borås södertälje eskilstuna halmstad
    växjö karlstad sundsvall luleå
    svenska swedish engelska english arabiska arabic persiska persian somaliska somali
    tigrinja tigrinya dari pashto kurdiska kurdish turkiska turkish polska polish
    ukrainska ukrainian ryska russian spanska spanish franska french tyska german
    måndag tisdag onsdag torsdag fredag lördag söndag
    monday tuesday wednesday thursday friday saturday sunday
    januari februari mars april maj juni juli augusti september oktober november december
    january february march may june july august october
    """.split()  # noqa: SIM905 -- a word list reads better as words than as 300 quoted strings
)


def personal_data_in(
    note: str, *, health_terms: Iterable[str] = DEFAULT_HEALTH_TERMS
) -> list[PersonalData]:
    """Kinds of personal data the note seems to hold, in the order of :class:`PersonalData`;
    empty when none. ``health_terms`` are word beginnings, compared case-insensitively."""
    checks = (
        (PersonalData.IDENTITY_NUMBER, _has_identity_number),
        (PersonalData.PHONE_NUMBER, _has_phone_number),
        (PersonalData.EMAIL, _EMAIL.search),
        (PersonalData.ADDRESS, _ADDRESS.search),
        (PersonalData.NAME, _has_name),
    )
    found = [kind for kind, check in checks if check(note)]
    if _has_health_term(note, health_terms):
        found.append(PersonalData.HEALTH)
    return found


def _has_identity_number(note: str) -> bool:
    return _IDENTITY.search(note) is not None


def _has_phone_number(note: str) -> bool:
    # An identity number is reported as such, not also as a phone number.
    return _PHONE.search(_IDENTITY.sub("", note)) is not None


def _has_name(note: str) -> bool:
    for first, second in _NAME_PAIR.findall(note):
        if not (_is_common(first) or _is_common(second)):
            return True
    return any(not _is_common(word) for word in _INTRODUCED.findall(note))


def _is_common(word: str) -> bool:
    return word.lower() in COMMON_WORDS or all(
        part.lower() in COMMON_WORDS for part in word.split("-")
    )


def _has_health_term(note: str, terms: Iterable[str]) -> bool:
    stems = [re.escape(term.strip()) for term in terms if term.strip()]
    if not stems:
        return False
    pattern = re.compile(rf"(?<![\w])(?:{'|'.join(stems)})", re.IGNORECASE)
    return pattern.search(note) is not None
