"""Guard free text against personal data (pure): the adviser's wrap-up note.

The note is free text that ends up in the call records, and it must not identify a resident
(protocol ``wrap_up``). We cannot prove a text is anonymous, but the usual slips are easy to catch:
a personal identity number, a phone number, an e-mail address. The console refuses to send a note
that holds one and says why; the server refuses to store one all the same (a console is a client,
and clients are not trusted to keep the rules).
"""

from __future__ import annotations

import re
from enum import StrEnum


class PersonalData(StrEnum):
    IDENTITY_NUMBER = "identity_number"
    PHONE_NUMBER = "phone_number"
    EMAIL = "email"


# Swedish personnummer / samordningsnummer: YYMMDD-NNNN, YYYYMMDDNNNN, with - or + or nothing.
_IDENTITY = re.compile(r"(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)")
# Seven or more digits, allowing the spaces, dashes and a leading + people write numbers with.
_PHONE = re.compile(r"(?<![\w+])\+?\d(?:[ -]?\d){6,}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def personal_data_in(note: str) -> list[PersonalData]:
    """Kinds of personal data the note seems to hold, in a fixed order; empty when none."""
    found: list[PersonalData] = []
    if _IDENTITY.search(note):
        found.append(PersonalData.IDENTITY_NUMBER)
    if _PHONE.search(_IDENTITY.sub("", note)):
        found.append(PersonalData.PHONE_NUMBER)
    if _EMAIL.search(note):
        found.append(PersonalData.EMAIL)
    return found
