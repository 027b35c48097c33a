"""The switchboard: the adapter around the exchange (signaling/exchange/), like websockets'
``asyncio/connection.py`` around its ``Protocol``.

It numbers connections, feeds their events and the passing of time into
:class:`signaling.exchange.Exchange` and carries out the actions it returns, in order and without
awaiting in between (:meth:`Switchboard._perform`): messages go into each peer's outbox, closes are
started, observers are told, and store commands go to ONE ordered writer task. So one router call
and its translation into messages are atomic, and the store sees commands in the order the
exchange decided them (no two handlers racing to save the same caller). It decides nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Callable, Collection, Coroutine, Mapping
from typing import Any, Protocol

from signaling import exchange as x
from signaling import messages as m
from signaling import routing as r
from signaling.booking_desk import BOOKING_MESSAGES, BookingDesk
from signaling.config import Settings
from signaling.hours import OpeningHours
from signaling.links import AdviserLink, ConnId, KioskLink
from signaling.peer import Peer
from signaling.store import AdviserRecord, KioskRecord, Store

# Kept importable from here (admin and older callers).
rules_from_settings = x.rules_from_settings
hours_from_settings = x.hours_from_settings

log = logging.getLogger(__name__)

Clock = Callable[[], float]
# How often the store is asked for a newer published version of the common questions: a publish
# by the CLI or another process reaches kiosks within this (docs/protocol.md §Common questions).
ANSWERS_WATCH_S = 2.0


def fresh_ids() -> tuple[str, str]:
    """A new caller's id and resume token (the exchange draws no random numbers itself)."""
    return secrets.token_hex(8), secrets.token_urlsafe(24)


class Switchboard:
    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        clock: Clock = time.time,
        router: r.Router | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.clock = clock
        self.exchange = x.Exchange(settings, new_ids=fresh_ids, router=router)
        self.router = self.exchange.router
        self.overview = self.exchange.overview
        self.booking = BookingDesk(settings, store)  # bookings and tickets (docs/booking.md)
        self._peers: dict[ConnId, Peer] = {}
        self._next_conn = 0
        self._wake = asyncio.Event()
        self._writes: asyncio.Queue[x.StoreCommand] = asyncio.Queue()
        self._writer: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[None]] = set()
        self._observers: list[KioskObserver] = []  # fleet health (signaling.admin)
        self._record_observers: list[Callable[[x.StoreCommand], None]] = []  # /metrics
        self._answers_lock = asyncio.Lock()

    @property
    def kiosks(self) -> Mapping[str, KioskLink]:
        return self.exchange.kiosks

    @property
    def advisers(self) -> Mapping[str, AdviserLink]:
        return self.exchange.advisers

    # --- start-up and shutdown -----------------------------------------------------------------

    async def restore_waiting(self) -> int:
        """Put callers persisted before a restart back in line, disconnected, awaiting resume."""
        waiting = []
        for rec in await self.store.load_waiting():
            kiosk = await self.store.kiosk(rec.kiosk_id)
            waiting.append((rec, kiosk.site if kiosk else ""))
        self._perform(self.exchange.restore(waiting, self.clock()))
        return len(waiting)

    async def flush(self) -> None:
        """Wait until every store command issued so far has been written."""
        if self._writer is not None:
            await self._writes.join()

    async def close(self) -> None:
        """Write what is queued, then stop the writer (before the store closes)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.flush(), 5.0)
        if self._writer is not None:
            self._writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._writer

    # --- connections ---------------------------------------------------------------------------

    def _register(self, peer: Peer) -> ConnId:
        self._next_conn += 1
        conn = ConnId(self._next_conn)
        self._peers[conn] = peer
        return conn

    async def kiosk_connected(self, peer: Peer, kiosk: KioskRecord, hello: m.Hello) -> None:
        conn = self._register(peer)
        self._perform(self.exchange.kiosk_connected(conn, kiosk, hello, self.clock()))

    async def kiosk_message(self, link: KioskLink, msg: m.KioskMessage) -> None:
        now = self.clock()
        try:
            if isinstance(msg, BOOKING_MESSAGES):  # the desk awaits the store, then the exchange
                actions = await self.booking.kiosk_message(self.exchange, link, msg, now)
            else:
                actions = self.exchange.kiosk_message(link, msg, now)
        except Exception:  # refused: the server replies with the error
            self._perform(self.exchange.after_refusal(now))
            raise
        self._perform(actions)

    async def kiosk_disconnected(self, link: KioskLink) -> None:
        self._perform(self.exchange.kiosk_disconnected(link, self.clock()))
        self._peers.pop(link.conn, None)

    async def adviser_connected(
        self, peer: Peer, adviser: AdviserRecord, *, roles: Collection[str] = ()
    ) -> None:
        """``roles``: the account's granted roles ("interpreter" routes it as an interpreter)."""
        conn = self._register(peer)
        self._perform(
            self.exchange.adviser_connected(conn, adviser, self.clock(), roles=tuple(roles))
        )

    async def adviser_message(self, link: AdviserLink, msg: m.AdviserMessage) -> None:
        interpreted = frozenset[str]()
        if isinstance(msg, m.InviteInterpreter):  # the store says who interprets what
            interpreted = await self.store.interpreting.languages()
        now = self.clock()
        try:
            if isinstance(msg, m.InviteInterpreter):
                actions = self.exchange.invite_interpreter(
                    link, msg, interpreted=interpreted, now=now
                )
            else:
                actions = self.exchange.adviser_message(link, msg, now)
        except Exception:  # refused: the server replies with the error
            self._perform(self.exchange.after_refusal(now))
            raise
        self._perform(actions)

    async def adviser_disconnected(self, link: AdviserLink) -> None:
        self._perform(self.exchange.adviser_disconnected(link, self.clock()))
        self._peers.pop(link.conn, None)

    def send_command(self, kiosk_id: str, command: m.Command) -> bool:
        """Send a remote action to a connected kiosk. False when it is not connected."""
        actions = self.exchange.send_command(kiosk_id, command)
        if actions is None:
            return False
        self._perform(actions)
        return True

    # --- actions -------------------------------------------------------------------------------

    def _perform(self, actions: list[x.Action]) -> None:
        """Carry out the exchange's actions in order, never awaiting: the only place that sends."""
        for action in actions:
            match action:
                case x.Post(conn=conn, message=message):
                    peer = self._peers.get(conn)
                    if peer is not None:
                        peer.post(message)
                case x.Close(conn=conn, code=code, reason=reason):
                    peer = self._peers.get(conn)
                    if peer is not None:
                        self._spawn(peer.close(code, reason))
                case x.KioskSeen(kiosk=kiosk, app_version=version, at=at):
                    self._tell_observers(lambda o: o.kiosk_connected(kiosk, version, at))
                case x.KioskSaid(kiosk_id=kiosk_id, message=message, at=at):
                    self._tell_observers(lambda o: o.kiosk_message(kiosk_id, message, at))
                case x.KioskGone(kiosk_id=kiosk_id, at=at):
                    self._tell_observers(lambda o: o.kiosk_disconnected(kiosk_id, at))
                case _:
                    self._write(action)
                    self._tell_record_observers(action)
        self._wake.set()

    def _write(self, command: x.StoreCommand) -> None:
        if self._writer is None:
            self._writer = asyncio.create_task(self._run_writer(), name="store-writer")
        self._writes.put_nowait(command)

    async def _run_writer(self) -> None:
        """The one ordered writer: store commands one at a time, in the order decided."""
        while True:
            command = await self._writes.get()
            try:
                await _apply(self.store, command)
            except Exception:  # one failed write must not stop the others
                log.exception("store command failed: %r", command)
            finally:
                self._writes.task_done()

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        """Fire and forget, but keep a reference so the task is not garbage-collected midway."""
        task = asyncio.create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # --- queries -------------------------------------------------------------------------------

    def hours_for(self, language: str) -> OpeningHours:
        return self.exchange.hours_for(language)

    def queue_stats(self, now: float) -> list[m.QueueStat]:
        """Per offered language: waiting, longest wait, advisers available, open now."""
        return self.exchange.queue_stats(now)

    # --- time ----------------------------------------------------------------------------------

    async def run_timer(self) -> None:
        """Wake the exchange at its next deadline (offer expiry, grace ends, escalation steps)."""
        while True:
            deadline = self.exchange.next_deadline()
            self._wake.clear()
            timeout = None if deadline is None else max(0.0, deadline - self.clock())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
            now = self.clock()
            if deadline is not None and now >= deadline:
                try:
                    self._perform(self.exchange.tick(now))
                except Exception:  # never let one bad tick stop time for everyone
                    log.exception("router tick failed")
                    await asyncio.sleep(0.5)

    # --- common questions (docs/answers.md §Signaling) ----------------------------------------

    async def answers_published(self, version: int) -> None:
        """The hook for a publish made in this process (the admin web's editor): call it once
        ``store.answers.publish`` has returned ``version``, and the connected kiosks are told
        now instead of at the next look at the store. Safe to call twice for one version."""
        log.info("common questions: version %d published here", version)
        await self.refresh_answers()

    async def refresh_answers(self) -> None:
        """Compare the store's latest published version with the exchange's; on a change, read
        the bundle's question ids and languages and let the exchange tell the kiosks."""
        async with self._answers_lock:
            version = await self.store.answers.latest_version()
            if version == self.exchange.answers.version:
                return
            published = await self.store.answers.latest_published()
            catalogue = (
                x.NOTHING_PUBLISHED
                if published is None
                else x.AnswerCatalogue.from_bundle(published.version, published.bundle)
            )
            self._perform(self.exchange.answers_published(catalogue, self.clock()))

    async def watch_answers(self, every_s: float = ANSWERS_WATCH_S) -> None:
        """Look at the store every ``every_s`` (one small query): a publish by the CLI or another
        process reaches the kiosks too. Runs until cancelled."""
        while True:
            await asyncio.sleep(every_s)
            try:
                await self.refresh_answers()
            except Exception:  # a database hiccup or a broken bundle: try again next time
                log.exception("looking for newly published common questions failed")

    # --- fleet health hooks (signaling.admin) --------------------------------------------------
    # The admin package watches kiosks through these; the switchboard decides nothing for it.

    def add_observer(self, observer: KioskObserver) -> None:
        """Tell ``observer`` of every kiosk connect, message and disconnect, as they happen."""
        self._observers.append(observer)

    def remove_observer(self, observer: KioskObserver) -> None:
        with contextlib.suppress(ValueError):
            self._observers.remove(observer)

    def add_record_observer(self, observer: Callable[[x.StoreCommand], None]) -> None:
        """Hand ``observer`` every store command as it is decided (before it is written): call
        records as they open, are answered, end and are rated. Synchronous; must not block."""
        self._record_observers.append(observer)

    def remove_record_observer(self, observer: Callable[[x.StoreCommand], None]) -> None:
        with contextlib.suppress(ValueError):
            self._record_observers.remove(observer)

    def _tell_record_observers(self, command: x.StoreCommand) -> None:
        for observer in list(self._record_observers):
            try:
                observer(command)
            except Exception:  # a metrics bug must never break a call
                log.exception("record observer failed")

    def _tell_observers(self, call: Callable[[KioskObserver], None]) -> None:
        for observer in list(self._observers):
            try:
                call(observer)
            except Exception:  # a dashboard bug must never break a kiosk's session
                log.exception("kiosk observer failed")


async def _apply(store: Store, command: x.StoreCommand) -> None:
    match command:
        case x.OpenCall():
            await store.open_call(
                command.call_id,
                kiosk_id=command.kiosk_id,
                site=command.site,
                language=command.language,
                topic=command.topic,
                joined_at=command.joined_at,
            )
        case x.AnswerCall(call_id=call_id, adviser_id=adviser_id, at=at):
            await store.answer_call(call_id, adviser_id=adviser_id, at=at)
        case x.CloseCall(call_id=call_id, at=at, outcome=outcome):
            await store.close_call(call_id, at=at, outcome=outcome)
        case x.SetWrapUp(call_id=call_id, category=category, note=note):
            await store.set_wrap_up(call_id, category=category, note=note)
        case x.SetRating(call_id=call_id, score=score):
            await store.set_rating(call_id, score)
        case x.AddQuality(call_id=call_id, side=side, quality=quality, at=at):
            await store.add_quality(call_id, side=side, quality=quality, at=at)
        case x.AddHealth(kiosk_id=kiosk_id, at=at, report=report):
            await store.add_health(kiosk_id, at=at, report=report)
        case x.TouchKiosk(kiosk_id=kiosk_id, at=at, app_version=version):
            await store.touch_kiosk(kiosk_id, at=at, app_version=version)
        case x.Audit(actor=actor, action=action, target=target, at=at, detail=detail):
            await store.audit(actor, action, target, at, detail)
        case x.SaveWaiting():
            await store.save_waiting(
                command.caller_id,
                kiosk_id=command.kiosk_id,
                language=command.language,
                topic=command.topic,
                fallbacks=list(command.fallbacks),
                priority=command.priority,
                joined_at=command.joined_at,
                resume_token_hash=command.resume_token_hash,
            )
        case x.DeleteWaiting(caller_id=caller_id):
            await store.delete_waiting(caller_id)
        case x.CountAnswerEvent(day=day, site=site, language=language, question=question):
            await store.answer_stats.count(
                day=day, site=site, language=language, question=question, event=command.event
            )
        case x.RecordTransfer(call_id=call_id, at=at, kind=kind):
            await store.reports.record_transfer(call_id, at=at, kind=kind)
        case x.RecordInterpretation():
            await store.interpreting.record(
                command.call_id,
                language=command.language,
                asked_at=command.asked_at,
                joined_at=command.joined_at,
                left_at=command.left_at,
                outcome=command.outcome,
            )


class KioskObserver(Protocol):
    """Fleet health watches kiosks through this (signaling.admin.monitor). Calls are synchronous
    and must not block: they run inside the kiosk's message handling."""

    def kiosk_connected(self, kiosk: KioskRecord, app_version: str, at: float) -> None: ...

    def kiosk_message(self, kiosk_id: str, message: m.KioskMessage, at: float) -> None: ...

    def kiosk_disconnected(self, kiosk_id: str, at: float) -> None: ...
