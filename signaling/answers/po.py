"""Gettext PO files for translators (docs/answers.md §Import and export), read and written with
Babel's ``babel.messages.pofile``.

One entry per translatable string, named by ``msgctxt``::

    topic:<topic>            a topic's title
    <question>:title         a question's title; its #. lines carry the question's data
    <question>:body          the answer
    <question>:hours         opening hours (only when the Swedish text has them)
    <question>:link:<n>      the label of the question's link number n (from 0)

``msgid`` is the Swedish original, ``msgstr`` the translation; an outdated translation is marked
``#, fuzzy``. The language is the header's ``Language:``. A question's data that is the same in
every language travels as extracted comments (``#.``) on its title entry, one ``key=value`` each:
``topic=``, ``order=``, ``route_topic=``, ``phone=``, ``link.0=``, ``link.1=``...; a topic's
``order=`` on its ``topic:`` entry. Only a Swedish file's comments are read (see
:mod:`signaling.answers.po_import`); in a translation they are context for the translator.

This module turns bytes into :class:`PoEntry` values and a draft into bytes; it does no I/O.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po

from signaling.answers.model import ORIGINAL, Draft, Question, status
from signaling.answers.validation import InvalidAnswer, check_language

PROJECT: Final = "Kiosklink common questions"
HEADER: Final = """\
Kiosklink common questions, {language}.
msgid is the Swedish original, msgstr the translation; '#, fuzzy' marks a translation made
from an older original. Plain text only: no HTML, no Markdown. Keep msgctxt as it is.
Import: kiosklink admin answers import FILE.po --reviewed-by NAME"""

_CONTEXT = re.compile(r"^msgctxt \"(.*)\"\s*$")
# A keyword line or a continuation, each one closed double-quoted string with escapes.
_STRING_LINE = re.compile(
    r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"$'
)


@dataclass(frozen=True)
class PoEntry:
    context: str
    msgid: str
    msgstr: str
    fuzzy: bool
    data: dict[str, str]  # the entry's "#. key=value" lines
    line: int


@dataclass(frozen=True)
class PoFile:
    language: str
    entries: tuple[PoEntry, ...]


def read(data: bytes, *, languages: tuple[str, ...] = ()) -> PoFile:
    """The entries of a PO file; :class:`InvalidAnswer` (with the line) when it is broken, has
    no known ``Language:``, an entry without ``msgctxt``, plural forms or a repeated context."""
    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True, ignore_obsolete=True)
    except PoFileError as exc:
        raise InvalidAnswer(f"not a PO file: {exc}", line=_line_of(exc)) from None
    except UnicodeDecodeError:
        raise InvalidAnswer("not a PO file: the text is not UTF-8") from None
    except (ValueError, TypeError) as exc:  # Babel's header parsing on garbage input
        raise InvalidAnswer(f"not a PO file: {exc}") from None
    _refuse_unclosed_strings(data)
    language = _language(dict(catalog.mime_headers).get("Language", ""), languages)
    _refuse_repeated_contexts(data)
    return PoFile(language, tuple(_entry(message) for message in catalog if message.id))


def _language(header: str, languages: tuple[str, ...]) -> str:
    """The header's language as the draft names it: tools write "so_SO" or "ar-SA" where the
    service has "so" and "ar", so a region is dropped unless the server is configured with it."""
    tag = header.strip().replace("_", "-")
    if not tag:
        raise InvalidAnswer("the PO header has no 'Language:'")
    if tag not in languages:
        tag = tag.split("-")[0].lower()
    return check_language(tag, languages)


def write(draft: Draft, language: str, *, now: float) -> bytes:
    """The PO file for translating the draft into ``language`` (``sv``: the originals)."""
    stamp = datetime.fromtimestamp(now, UTC)
    catalog = Catalog(
        locale=language,
        project=PROJECT,
        language_team=language,
        header_comment=_comment_block(HEADER.format(language=language)),
        creation_date=stamp,
        revision_date=stamp,
        fuzzy=False,
    )
    for topic in draft.sorted_topics():
        if ORIGINAL in topic.titles:
            catalog.add(
                topic.titles[ORIGINAL],
                topic.titles.get(language, ""),
                context=f"topic:{topic.id}",
                auto_comments=[f"order={topic.order}"],
            )
    for question in draft.sorted_questions():
        _add_question(catalog, question, language)
    out = io.BytesIO()
    write_po(out, catalog, width=0, include_lineno=False, include_previous=False)
    return out.getvalue()


def _add_question(catalog: Catalog, question: Question, language: str) -> None:
    original = question.texts.get(ORIGINAL)
    if original is None:
        return
    text = question.texts.get(language)
    fuzzy = ["fuzzy"] if status(question, language) == "outdated" else []
    parts = [("title", original.title, text.title if text else "")]
    parts.append(("body", original.body, text.body if text else ""))
    if original.hours:
        parts.append(("hours", original.hours, text.hours if text else ""))
    for i, label in enumerate(original.link_labels):
        theirs = text.link_labels[i] if text and i < len(text.link_labels) else ""
        if label:
            parts.append((f"link:{i}", label, theirs))
    for part, msgid, msgstr in parts:
        comments = _question_data(question) if part == "title" else []
        catalog.add(
            msgid, msgstr, context=f"{question.id}:{part}", auto_comments=comments, flags=fuzzy
        )


def _question_data(question: Question) -> list[str]:
    data = [f"topic={question.topic}", f"order={question.order}"]
    if question.route_topic:
        data.append(f"route_topic={question.route_topic}")
    if question.phone:
        data.append(f"phone={question.phone}")
    data += [f"link.{i}={url}" for i, url in enumerate(question.links)]
    return data


def _entry(message: Message) -> PoEntry:
    line = message.lineno or 0
    msgid, msgstr = message.id, message.string
    if not isinstance(msgid, str) or not isinstance(msgstr, str):
        raise InvalidAnswer("plural forms are not used in common questions", line=line)
    if not message.context:
        raise InvalidAnswer(f"the entry {msgid[:30]!r} has no msgctxt", line=line)
    data: dict[str, str] = {}
    for comment in message.auto_comments:
        key, sep, value = comment.partition("=")
        if sep:
            data[key.strip()] = value.strip()
    return PoEntry(message.context, msgid, msgstr, message.fuzzy, data, line)


def _refuse_unclosed_strings(data: bytes) -> None:
    # Babel reads 'msgid "abc' as "ab" without a word; a translation must not lose letters.
    for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        text = line.strip()
        if text and not text.startswith("#") and not _STRING_LINE.match(text):
            raise InvalidAnswer("not a PO file: a string is not closed by '\"'", line=number)


def _refuse_repeated_contexts(data: bytes) -> None:
    # Babel keeps the first of two entries with the same msgctxt and drops the other silently;
    # an import must not guess which one the translator meant.
    seen: set[str] = set()
    for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        found = _CONTEXT.match(line)
        if found and found.group(1) in seen:
            raise InvalidAnswer(f"msgctxt {found.group(1)!r} appears more than once", line=number)
        if found:
            seen.add(found.group(1))


def _line_of(exc: PoFileError) -> int | None:
    line = getattr(exc, "lineno", None)
    return line if isinstance(line, int) else None


def _comment_block(text: str) -> str:
    return "\n".join(f"# {line}" if line else "#" for line in text.splitlines())
