"""The common questions in the database (docs/answers.md): the draft, recordings, published
versions, and the staff roles (``editor``) that may change them. Reached as ``store.answers``.

Every change loads the draft, hands it to a pure function of :mod:`signaling.answers.edit` (which
validates and returns the changed draft) and writes the difference, all in one transaction: a
refused change raises :class:`InvalidAnswer` and writes nothing. Publishing freezes the draft into
a bundle (:mod:`signaling.answers.bundle`) stored as bytes under the next version number; versions
are never updated or deleted, and neither is a recording any version names.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Collection, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Final

from sqlalchemy import delete, false, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from signaling.answers import edit, po
from signaling.answers.audio import Recording, check_recording
from signaling.answers.bundle import AudioRef, audio_digests, build_bundle, encode_bundle, restamp
from signaling.answers.model import Draft, Question, Text, Topic
from signaling.answers.po_import import apply_po, summary
from signaling.answers.validation import InvalidAnswer, check_language
from signaling.store_records import NotFound
from signaling.store_tables import (
    AccountRoleRow,
    AdviserRow,
    AnswerAudioRow,
    AnswerQuestionRow,
    AnswerRecordingRow,
    AnswerTextRow,
    AnswerTopicRow,
    AnswerVersionRow,
)

# signaling.roles says what each may do; "interpreter" is offered interpreting, never residents.
ROLES: Final = ("editor", "manager", "interpreter")

DraftChange = Callable[[Draft], Draft]
# PostgreSQL names advisory locks by a 64-bit number; any fixed one, the same in every process.
_DRAFT_LOCK: Final = 0x6B6C616E73776572  # "klanswer"


@dataclass(frozen=True)
class PublishedAnswers:
    version: int
    published_at: float
    published_by: str
    bundle: bytes  # the JSON document kiosks download


@dataclass(frozen=True)
class VersionInfo:
    version: int
    published_at: float
    published_by: str


@dataclass(frozen=True)
class ImportResult:
    language: str
    summary: str  # "3 new, 11 changed (en)"


@dataclass(frozen=True)
class AnswerAudio:
    sha256: str
    mime: str
    data: bytes


class AnswerStore:
    """The common questions' part of :class:`signaling.store.Store`, over the same engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._session = async_sessionmaker(engine, expire_on_commit=False)
        self._writing = asyncio.Lock()  # one writer at a time in this process (see _write)

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[AsyncSession]:
        """One write transaction that holds the database's write lock before it reads anything.

        Every change reads the draft and writes what differs; a change made meanwhile by
        another writer would be overwritten. The asyncio lock orders writers in this process;
        the database lock orders processes (the CLI and the server, or several servers), which
        wait for each other instead of reading a draft the other is changing. On SQLite the
        no-op UPDATE takes the write lock first thing (a writing statement locks even when it
        changes no row; busy_timeout waits); PostgreSQL locks no row for it, so there an
        advisory lock held until the transaction ends does the same."""
        async with self._writing, self._session.begin() as db:
            if db.get_bind().dialect.name == "postgresql":
                await db.execute(select(func.pg_advisory_xact_lock(_DRAFT_LOCK)))
            else:
                await db.execute(update(AnswerVersionRow).where(false()).values(version=0))
            yield db

    # -- what kiosks get (docs/answers.md §The published bundle) ----------------------------------

    async def latest_version(self) -> int:
        """The newest published version number; 0 when nothing was ever published."""
        async with self._session() as db:
            return await _latest_version(db)

    async def latest_published(self) -> PublishedAnswers | None:
        async with self._session() as db:
            number = await _latest_version(db)
            row = await db.get(AnswerVersionRow, number) if number else None
        return None if row is None else _published(row)

    async def version(self, number: int) -> PublishedAnswers | None:
        async with self._session() as db:
            row = await db.get(AnswerVersionRow, number)
        return None if row is None else _published(row)

    async def versions(self) -> list[VersionInfo]:
        """Every published version, newest first (the history editors see)."""
        query = select(AnswerVersionRow).order_by(AnswerVersionRow.version.desc())
        async with self._session() as db:
            rows = (await db.execute(query)).scalars()
            return [VersionInfo(r.version, r.published_at, r.published_by) for r in rows]

    async def audio(self, sha256: str) -> AnswerAudio | None:
        """A recording by its digest (the draft's or any published version's)."""
        async with self._session() as db:
            row = await db.get(AnswerRecordingRow, sha256)
        return None if row is None else AnswerAudio(row.sha256, row.mime, row.data)

    # -- publishing --------------------------------------------------------------------------------

    async def publish(self, *, by: str, now: float) -> int:
        """Freeze the draft as the next version; returns its number."""
        async with self._write() as db:
            draft = await _load_draft(db)
            if not draft.questions:
                raise InvalidAnswer("there is nothing to publish: the draft has no questions")
            index = await _audio_index(db)
            number = await _latest_version(db) + 1
            bundle = build_bundle(draft, version=number, published_at=now, audio=index)
            return await _add_version(db, number, encode_bundle(bundle), by=by, now=now)

    async def republish(self, number: int, *, by: str, now: float) -> int:
        """Publish an old version's content again, as a new version; returns its number."""
        async with self._write() as db:
            old = await db.get(AnswerVersionRow, number)
            if old is None:
                raise NotFound(f"no published version {number}")
            latest = await _latest_version(db) + 1
            bundle = restamp(old.bundle, version=latest, published_at=now)
            return await _add_version(db, latest, bundle, by=by, now=now)

    # -- the draft ---------------------------------------------------------------------------------

    async def draft(self) -> Draft:
        async with self._session() as db:
            return await _load_draft(db)

    async def change(self, change: DraftChange) -> Draft:
        """Apply one pure change (a function of :mod:`signaling.answers.edit`, or a PO import)
        to the draft in one transaction; returns the new draft. Nothing is written when the
        change raises."""
        _before, after = await self._change(change)
        return after

    async def import_po(
        self, data: bytes, *, reviewed_by: str, now: float, languages: tuple[str, ...] = ()
    ) -> ImportResult:
        """Read a PO file into the draft, all of it or nothing (:mod:`signaling.answers.po_import`);
        :class:`InvalidAnswer` names the line and the reason of a refusal."""
        po_file = po.read(data, languages=languages)
        before, after = await self._change(
            lambda d: apply_po(d, po_file, reviewed_by=reviewed_by, now=now, languages=languages)
        )
        return ImportResult(po_file.language, summary(before, after, po_file.language))

    async def export_po(
        self, language: str, *, now: float, languages: tuple[str, ...] = ()
    ) -> bytes:
        """The draft as a PO file for translating into ``language`` (``sv``: the originals)."""
        check_language(language, languages)
        return po.write(await self.draft(), language, now=now)

    async def _change(self, change: DraftChange) -> tuple[Draft, Draft]:
        async with self._write() as db:
            before = await _load_draft(db)
            after = change(before)
            await _write_draft(db, before, after)
            return before, after

    async def save_topic(
        self,
        topic_id: str,
        titles: Mapping[str, str],
        *,
        order: int | None = None,
        languages: Collection[str] = (),
    ) -> Draft:
        return await self.change(
            lambda d: edit.save_topic(d, topic_id, titles, order=order, languages=languages)
        )

    async def remove_topic(self, topic_id: str) -> Draft:
        return await self.change(lambda d: edit.remove_topic(d, topic_id))

    async def save_question(
        self,
        data: edit.QuestionData,
        *,
        original: edit.Words | None = None,
        reviewed_by: str,
        now: float,
    ) -> Draft:
        return await self.change(
            lambda d: edit.save_question(
                d, data, original=original, reviewed_by=reviewed_by, now=now
            )
        )

    async def remove_question(self, question_id: str) -> Draft:
        return await self.change(lambda d: edit.remove_question(d, question_id))

    async def save_text(
        self,
        question_id: str,
        language: str,
        words: edit.Words,
        *,
        reviewed_by: str,
        now: float,
        languages: Collection[str] = (),
    ) -> Draft:
        """Save a text; for a translation, ``reviewed_by`` vouches it matches the original."""
        return await self.change(
            lambda d: edit.save_text(
                d,
                question_id,
                language,
                words,
                reviewed_by=reviewed_by,
                now=now,
                languages=languages,
            )
        )

    async def mark_current(
        self, question_id: str, language: str, *, reviewed_by: str, now: float
    ) -> Draft:
        return await self.change(
            lambda d: edit.mark_current(d, question_id, language, reviewed_by=reviewed_by, now=now)
        )

    async def remove_text(self, question_id: str, language: str) -> Draft:
        return await self.change(lambda d: edit.remove_text(d, question_id, language))

    # -- recordings --------------------------------------------------------------------------------

    async def set_audio(
        self, question_id: str, language: str, data: bytes, *, languages: Collection[str] = ()
    ) -> Recording:
        """Attach a recording (Ogg, MP3 or WAV by its bytes, ≤ 5 MB) to a question's language,
        replacing the one it had."""
        recording = check_recording(data)
        check_language(language, languages)
        async with self._write() as db:
            if await db.get(AnswerQuestionRow, question_id) is None:
                raise InvalidAnswer(f"no question {question_id!r}")
            if await db.get(AnswerRecordingRow, recording.sha256) is None:
                db.add(
                    AnswerRecordingRow(
                        sha256=recording.sha256,
                        mime=recording.mime,
                        size=recording.size,
                        data=recording.data,
                        published=False,
                    )
                )
            old = await db.get(AnswerAudioRow, (question_id, language))
            if old is None:
                db.add(
                    AnswerAudioRow(
                        question_id=question_id, language=language, sha256=recording.sha256
                    )
                )
            else:
                previous, old.sha256 = old.sha256, recording.sha256
                await db.flush()
                await _drop_unused_recording(db, previous)
        return recording

    async def remove_audio(self, question_id: str, language: str) -> None:
        async with self._write() as db:
            row = await db.get(AnswerAudioRow, (question_id, language))
            if row is None:
                raise NotFound(f"question {question_id!r} has no {language} recording")
            await db.delete(row)
            await db.flush()
            await _drop_unused_recording(db, row.sha256)

    async def audio_index(self) -> dict[tuple[str, str], AudioRef]:
        """The draft's recordings by (question, language)."""
        async with self._session() as db:
            return await _audio_index(db)

    # -- roles -------------------------------------------------------------------------------------

    async def grant_role(self, username: str, role: str) -> str:
        """Give the adviser ``role``; returns their id. Granting a role they have is a no-op."""
        _check_role(role)
        async with self._session.begin() as db:
            adviser = await _adviser_id(db, username)
            if await db.get(AccountRoleRow, (adviser, role)) is None:
                db.add(AccountRoleRow(adviser_id=adviser, role=role))
            return adviser

    async def revoke_role(self, username: str, role: str) -> str:
        _check_role(role)
        async with self._session.begin() as db:
            adviser = await _adviser_id(db, username)
            await db.execute(
                delete(AccountRoleRow).where(
                    AccountRoleRow.adviser_id == adviser, AccountRoleRow.role == role
                )
            )
            return adviser

    async def roles_of(self, adviser_id: str) -> frozenset[str]:
        query = select(AccountRoleRow.role).where(AccountRoleRow.adviser_id == adviser_id)
        async with self._session() as db:
            return frozenset((await db.execute(query)).scalars())


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")


async def _adviser_id(db: AsyncSession, username: str) -> str:
    query = select(AdviserRow.id).where(AdviserRow.username == username)
    adviser = (await db.execute(query)).scalar_one_or_none()
    if adviser is None:
        raise NotFound(f"no adviser with username {username!r}")
    return adviser


def _published(row: AnswerVersionRow) -> PublishedAnswers:
    return PublishedAnswers(row.version, row.published_at, row.published_by, row.bundle)


async def _latest_version(db: AsyncSession) -> int:
    number = (await db.execute(select(func.max(AnswerVersionRow.version)))).scalar()
    return int(number or 0)


async def _add_version(db: AsyncSession, number: int, bundle: bytes, *, by: str, now: float) -> int:
    db.add(AnswerVersionRow(version=number, published_at=now, published_by=by, bundle=bundle))
    digests = audio_digests(bundle)
    if digests:
        rows = await db.execute(
            select(AnswerRecordingRow).where(AnswerRecordingRow.sha256.in_(digests))
        )
        for recording in rows.scalars():
            recording.published = True  # kept for as long as the version is: forever
    return number


async def _drop_unused_recording(db: AsyncSession, sha256: str) -> None:
    """Delete a recording nobody plays any more: not in the draft and never published."""
    recording = await db.get(AnswerRecordingRow, sha256)
    if recording is None or recording.published:
        return
    users = await db.execute(select(func.count()).where(AnswerAudioRow.sha256 == sha256))
    if not users.scalar():
        await db.delete(recording)


async def _audio_index(db: AsyncSession) -> dict[tuple[str, str], AudioRef]:
    query = select(AnswerAudioRow, AnswerRecordingRow).join(
        AnswerRecordingRow, AnswerRecordingRow.sha256 == AnswerAudioRow.sha256
    )
    return {
        (audio.question_id, audio.language): AudioRef(rec.sha256, rec.size, rec.mime)
        for audio, rec in (await db.execute(query)).all()
    }


# -- draft rows <-> values ------------------------------------------------------------------------


async def _load_draft(db: AsyncSession) -> Draft:
    topics = (await db.execute(select(AnswerTopicRow))).scalars()
    questions = list((await db.execute(select(AnswerQuestionRow))).scalars())
    texts: dict[str, dict[str, Text]] = {q.id: {} for q in questions}
    for row in (await db.execute(select(AnswerTextRow))).scalars():
        texts[row.question_id][row.language] = _text(row)
    return Draft(
        topics=tuple(Topic(t.id, t.position, dict(t.titles)) for t in topics),
        questions=tuple(_question(q, texts[q.id]) for q in questions),
    )


def _text(row: AnswerTextRow) -> Text:
    return Text(
        row.title,
        row.body,
        row.hours,
        tuple(row.link_labels),
        row.revision,
        row.reviewed_by,
        row.reviewed_at,
    )


def _question(row: AnswerQuestionRow, texts: dict[str, Text]) -> Question:
    return Question(
        row.id,
        row.topic,
        row.position,
        row.route_topic,
        tuple(row.links),
        row.phone,
        row.revision,
        texts,
    )


async def _write_draft(db: AsyncSession, before: Draft, after: Draft) -> None:
    """Write what differs between two drafts (rows of unchanged records are left alone)."""
    await _write_topics(db, before.topics, after.topics)
    old = {q.id: q for q in before.questions}
    new = {q.id: q for q in after.questions}
    for gone in sorted(old.keys() - new.keys()):
        await db.execute(delete(AnswerQuestionRow).where(AnswerQuestionRow.id == gone))
    for question in after.questions:
        if old.get(question.id) != question:
            await _write_question(db, old.get(question.id), question)


async def _write_topics(db: AsyncSession, before: Sequence[Topic], after: Sequence[Topic]) -> None:
    old = {t.id: t for t in before}
    for gone in sorted(old.keys() - {t.id for t in after}):
        await db.execute(delete(AnswerTopicRow).where(AnswerTopicRow.id == gone))
    for topic in after:
        if old.get(topic.id) != topic:
            await db.merge(
                AnswerTopicRow(id=topic.id, position=topic.order, titles=dict(topic.titles))
            )


async def _write_question(db: AsyncSession, before: Question | None, after: Question) -> None:
    await db.merge(
        AnswerQuestionRow(
            id=after.id,
            topic=after.topic,
            position=after.order,
            route_topic=after.route_topic,
            links=list(after.links),
            phone=after.phone,
            revision=after.revision,
        )
    )
    await db.flush()  # the question row before its texts (foreign key)
    old_texts = {} if before is None else dict(before.texts)
    for language in sorted(old_texts.keys() - after.texts.keys()):
        await db.execute(
            delete(AnswerTextRow).where(
                AnswerTextRow.question_id == after.id, AnswerTextRow.language == language
            )
        )
    for language, text in sorted(after.texts.items()):
        if old_texts.get(language) != text:
            await db.merge(
                AnswerTextRow(
                    question_id=after.id,
                    language=language,
                    title=text.title,
                    body=text.body,
                    hours=text.hours,
                    link_labels=list(text.link_labels),
                    revision=text.revision,
                    reviewed_by=text.reviewed_by,
                    reviewed_at=text.reviewed_at,
                )
            )
