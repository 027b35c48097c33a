"""The exchange itself: each input checked, handed to the router, its effects made actions.

See the package docstring for the contract.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Literal

from signaling import messages as m
from signaling import routing as r
from signaling.booking.entry import Admission, TicketPlace
from signaling.config import Settings
from signaling.errors import CLOSE_REPLACED, ErrorCode, LocalProtocolError, OutOfRole
from signaling.exchange.actions import (
    Action,
    AddHealth,
    AddQuality,
    Audit,
    Close,
    DeleteWaiting,
    KioskGone,
    KioskSaid,
    KioskSeen,
    OpenCall,
    Post,
    RecordTransfer,
    SaveWaiting,
    SetRating,
    SetWrapUp,
    TouchKiosk,
)
from signaling.exchange.answers import AnswerCatalogue, AnswerDesk
from signaling.exchange.effects import Effects, restates
from signaling.exchange.interpreting import InterpreterDesk
from signaling.exchange.lines import FailedSetup, Lines
from signaling.exchange.rules import SETUP_ATTEMPTS, hours_from_settings, rules_from_settings
from signaling.hours import OpeningHours
from signaling.links import AdviserLink, Caller, ConnId, KioskLink, hash_resume_token
from signaling.overview import Overview
from signaling.privacy import personal_data_in
from signaling.roles import INTERPRETER
from signaling.store_records import AdviserRecord, KioskRecord, WaitingRecord
from signaling.today import service_timezone

NewIds = Callable[[], tuple[str, str]]  # a fresh (caller id, resume token), drawn by the adapter


class Exchange:
    """Connections, callers and the router, as one deterministic state machine.

    ``new_ids`` supplies each new caller's id and resume token (the adapter draws them from
    ``secrets``; tests count). Every public method returns the actions to carry out, in order;
    call them one at a time (the adapter runs on one event loop, so it does).
    """

    def __init__(
        self, settings: Settings, *, new_ids: NewIds, router: r.Router | None = None
    ) -> None:
        self.settings = settings
        self.router = router or r.Router(rules_from_settings(settings))
        self.hours = hours_from_settings(settings)
        self.overview = Overview(settings, self.router, self.hours)
        self.lines = Lines()
        self.kiosks = self.lines.kiosks  # by kiosk id; the same dicts as lines'
        self.advisers = self.lines.advisers
        self.callers = self.lines.callers
        self._effects = Effects(settings, self.router, self.lines)
        # The interpreters' queue and the calls' interpretations (§Interpreter).
        self.interpreters = InterpreterDesk(settings, self.router, self.lines, self._effects)
        self._new_ids = new_ids
        self._by_resume_hash = self.lines.by_resume_hash
        self._kiosk_left = self.lines.kiosk_left
        self._rejoined = self.lines.rejoined
        self._out = self.lines.out
        self._persisted: set[r.CallerId] = set()
        self._last_overview: m.QueueOverview | None = None
        self.answers = AnswerDesk(
            zone=service_timezone(settings), offered=settings.service.languages
        )

    # --- start-up and time ---------------------------------------------------------------------

    def restore(self, waiting: Sequence[tuple[WaitingRecord, str]], now: float) -> list[Action]:
        """Callers persisted before a restart, each with its kiosk's site: back in line,
        disconnected, awaiting resume (their rows are in the store already)."""
        self._out.clear()
        for rec, site in waiting:
            caller = Caller(
                id=r.CallerId(rec.caller_id),
                kiosk_id=rec.kiosk_id,
                site=site,
                language=r.Language(rec.language),
                topic=rec.topic,
                fallbacks=tuple(r.Language(x) for x in rec.fallbacks),
                joined_at=rec.joined_at,
                resume_token=None,
                resume_hash=rec.resume_token_hash,
            )
            self.lines.remember(caller)
            self._persisted.add(caller.id)
            effects = self.router.restore(
                caller.id,
                caller.language,
                topic=caller.topic,
                fallbacks=caller.fallbacks,
                priority=rec.priority,
                joined_at=rec.joined_at,
                now=now,
            )
            self._effects.perform(effects, now)
        return self._finish(now)

    def after_refusal(self, now: float) -> list[Action]:
        """What had already happened when an input raised (refused part-way): call it after any
        refused input and carry the actions out too. A kiosk heard from again, for one, is back
        in routing even if the message it sent is refused."""
        return self._finish(now)

    def tick(self, now: float) -> list[Action]:
        """Run the router's due deadlines. Call at :meth:`next_deadline` (early is harmless)."""
        self._out.clear()
        self._effects.perform(self.router.tick(now=now), now)
        self.interpreters.tick(now)
        return self._finish(now)

    def next_deadline(self) -> float | None:
        """The earliest of the residents' router's and the interpreters' desk's deadlines."""
        times = (self.router.next_deadline(), self.interpreters.next_deadline())
        return min((t for t in times if t is not None), default=None)

    def answers_published(self, catalogue: AnswerCatalogue, now: float) -> list[Action]:
        """The latest published common questions, as the adapter found them in the store: each
        connected kiosk hears of a version it was not told yet (exchange/answers.py, rule 2)."""
        self._out.clear()
        self._out.extend(self.answers.publish(catalogue, self.kiosks.values()))
        return self._finish(now)

    # --- kiosks --------------------------------------------------------------------------------

    def kiosk_connected(
        self, conn: ConnId, kiosk: KioskRecord, hello: m.Hello, now: float
    ) -> list[Action]:
        """A kiosk said hello. Its link is then ``kiosks[kiosk.id]``; an older one is closed."""
        self._out.clear()
        old = self.kiosks.get(kiosk.id)
        if old is not None:
            # One connection per kiosk: the newer one wins (the old one is a half-dead socket).
            self._detach_kiosk(old, now)
            self._out.append(Close(old.conn, CLOSE_REPLACED, "replaced by a newer connection"))
        link = KioskLink(conn=conn, kiosk=kiosk)
        self.kiosks[kiosk.id] = link
        self._out.append(TouchKiosk(kiosk.id, now, hello.app_version))
        self._out.append(KioskSeen(kiosk, hello.app_version, now))
        resumed = self._resume(link, hello.resume_token)
        welcome = self.overview.kiosk_welcome(
            kiosk, resumed=resumed is not None, answers_version=self.answers.version, now=now
        )
        self._out.append(Post(conn, welcome))
        if resumed is not None:
            # The router answers with the caller's PositionChanged: a fresh ``queued``.
            self._effects.perform(self.router.caller_resumed(resumed.id, now=now), now)
        return self._finish(now)

    def _resume(self, link: KioskLink, token: str | None) -> Caller | None:
        if not token:
            return None
        caller_id = self._by_resume_hash.get(hash_resume_token(token))
        caller = self.callers.get(caller_id) if caller_id else None
        if caller is None or caller.kiosk_id != link.kiosk.id:
            return None
        if self.router.caller_state(caller.id) is not r.CallerState.WAITING:
            return None
        caller.resume_token = token
        link.caller = caller.id
        return caller

    def kiosk_message(self, link: KioskLink, msg: m.KioskMessage, now: float) -> list[Action]:
        self._out.clear()
        if link.caller is not None:
            # A kiosk set aside as silent (its media stopped) that speaks is back (§Faults).
            self._effects.perform(self.router.caller_heard(link.caller, now=now), now)
        self._kiosk_says(link, msg, now)
        # Only messages accepted reach the observers (a rejected one raised above).
        self._out.append(KioskSaid(link.kiosk.id, msg, now))
        return self._finish(now)

    def _kiosk_says(self, link: KioskLink, msg: m.KioskMessage, now: float) -> None:
        match msg:
            case m.Ping(seq=seq):
                self._out.append(Post(link.conn, m.Pong(seq=seq)))
            case m.Join():
                self._join(link, msg, now)
            case m.Cancel():
                if link.caller is None:
                    raise OutOfRole("not waiting in any queue")
                self._effects.perform(self.router.leave(link.caller, now=now), now)
            case m.Hangup(call_id=call_id):
                self._hang_up(self._own_call(link, call_id), now)
            case m.SessionDescription() | m.IceCandidate():
                self._relay(self._own_call(link, msg.call_id), "kiosk", msg)
            case m.NegotiationFailed(call_id=call_id, reason=reason, peer=peer):
                caller = self._own_call(link, call_id)
                side = f"kiosk:{link.kiosk.id}"
                if peer == "interpreter":
                    self._interpreter_leg_failed(caller, side, reason, now)
                else:
                    self._negotiation_failed(caller, side, reason, now)
            case m.QualityReport(call_id=call_id, quality=quality):
                # The last sample may arrive just after the call ended: the last call counts too.
                if call_id != link.last_call:
                    self._own_call(link, call_id)
                self._out.append(AddQuality(call_id, "kiosk", quality, now))
            case m.MediaState(call_id=call_id, state=state):
                caller = self._own_call(link, call_id)
                self._media_report(caller, silent="adviser", state=state, now=now)
            case m.Health(report=report):
                link.health = report
                self._out.append(AddHealth(link.kiosk.id, now, report))
                self._out.append(TouchKiosk(link.kiosk.id, now, report.app_version))
            case m.Rating(call_id=call_id, score=score):
                if call_id != link.last_call:
                    raise OutOfRole("a rating is for this kiosk's last call only")
                self._out.append(SetRating(call_id, score))
            case m.CommandResult():
                actor = f"kiosk:{link.kiosk.id}"
                self._out.append(Audit(actor, "command_result", msg.command_id, now, msg.output))
            case m.AnswerEvent():
                self._out.append(self.answers.count(link.kiosk, msg, now))
            case m.Hello():
                raise OutOfRole("already said hello on this connection")

    def _join(self, link: KioskLink, msg: m.Join, now: float) -> None:
        if link.caller is not None:
            raise OutOfRole("this kiosk is already in a queue or a call")
        service = self.settings.service
        if msg.language not in service.languages:
            raise OutOfRole(f"language {msg.language!r} is not offered here")
        if msg.topic is not None and msg.topic not in service.topics:
            raise OutOfRole(f"topic {msg.topic!r} is not offered here")
        hours = self.overview.hours_for(msg.language)
        if not hours.is_open(now):
            closed = m.Closed(language=msg.language, opens_at=hours.next_opening(now))
            self._out.append(Post(link.conn, closed))
            return
        joined_at, left = now, list[r.Effect]()
        held = self._held_place(link.kiosk.id)
        if held is not None:
            # Rejoining without its resume token: this join takes over the held place and its
            # join time instead of holding two (§Reconnecting). Both router calls first, so those
            # behind hear their final position, not a step forward and back.
            joined_at = held.joined_at
            self._rejoined.add(held.id)
            left = self.router.leave(held.id, now=now)
        fallbacks = tuple(x for x in msg.fallback_languages if x != msg.language)
        entry = Admission("walk_in", msg.language, msg.topic, fallbacks, joined_at)
        self._enter_line(link, entry, left, now)

    def _enter_line(
        self, link: KioskLink, entry: Admission, left: list[r.Effect], now: float
    ) -> None:
        """A new caller for ``link`` in line by ``entry``, after the ``left`` effects."""
        caller_id, token = self._new_ids()
        caller = Caller(
            id=r.CallerId(caller_id),
            kiosk_id=link.kiosk.id,
            site=link.kiosk.site,
            language=r.Language(entry.language),
            topic=entry.topic,
            fallbacks=tuple(r.Language(x) for x in entry.fallbacks if x != entry.language),
            joined_at=entry.joined_at,
            resume_token=token,
            resume_hash=hash_resume_token(token),
            arrived_at=None if entry.kind == "walk_in" else now,
        )
        self._out.append(
            OpenCall(caller.id, caller.kiosk_id, caller.site, caller.language, caller.topic, now)
        )
        if entry.kind != "walk_in":  # before its first ``queued`` (docs/protocol.md §Booking)
            checked_in = m.CheckedIn(
                kind=entry.kind,
                language=entry.language,
                topic=entry.topic,
                starts_at=entry.starts_at,
            )
            self._out.append(Post(link.conn, checked_in))
        self.lines.remember(caller)
        link.caller = caller.id
        reserved = r.AdviserId(entry.reserved_for) if entry.reserved_for is not None else None
        effects = self.router.join(
            caller.id,
            caller.language,
            topic=caller.topic,
            fallbacks=caller.fallbacks,
            joined_at=entry.joined_at,
            reserved_for=reserved,
            reserved_until=entry.reserved_until,
            now=now,
        )
        self._effects.perform([*left, *effects], now)
        if not any(isinstance(e, r.PositionChanged) and e.caller == caller.id for e in effects):
            self._effects.post_position(
                caller.id, now
            )  # offered at once: still tell the kiosk it is first

    # --- bookings and tickets (docs/booking.md) ----------------------------------------------

    def check_free(self, link: KioskLink) -> None:
        """OutOfRole unless ``link`` is connected and neither in line nor in a call."""
        if self.kiosks.get(link.kiosk.id) is not link:
            raise OutOfRole("this connection has been replaced")
        if link.caller is not None:
            raise OutOfRole("this kiosk is already in a queue or a call")

    def admit(self, link: KioskLink, entry: Admission, now: float) -> list[Action]:
        """A code was accepted for ``link`` (the desk has marked it used): ``checked_in``, then
        in line as ``entry`` says. A booking is never refused for opening hours (§Booking)."""
        self._out.clear()
        self.check_free(link)
        self._enter_line(link, entry, [], now)
        return self._finish(now)

    def ticket_place(self, link: KioskLink) -> TicketPlace:
        """The place a ticket would keep: OutOfRole unless ``link`` waits in line, not ringing."""
        caller = self.callers.get(link.caller) if link.caller is not None else None
        if caller is None or self.router.caller_state(caller.id) is not r.CallerState.WAITING:
            raise OutOfRole("take_ticket is for a kiosk waiting in line")
        return TicketPlace(
            caller.id, caller.language, caller.topic, caller.fallbacks, caller.joined_at
        )

    def leave_with_ticket(
        self, link: KioskLink, place: TicketPlace, ticket: m.Ticket, now: float
    ) -> list[Action]:
        """The kiosk leaves the line with ``ticket`` (its record's outcome is ``cancelled``).
        OutOfRole if the caller is no longer the one waiting at ``place`` (offered meanwhile)."""
        self._out.clear()
        if self.ticket_place(link) != place:
            raise OutOfRole("the place has changed: take_ticket again")
        self._effects.perform(self.router.leave(r.CallerId(place.caller_id), now=now), now)
        self._out.append(Post(link.conn, ticket))
        return self._finish(now)

    def _held_place(self, kiosk_id: str) -> Caller | None:
        """This kiosk's caller still in line but attached to no connection (within its grace)."""
        attached = {k.caller for k in self.kiosks.values()}
        for caller in self.callers.values():
            if caller.kiosk_id != kiosk_id or caller.id in attached:
                continue
            if self.router.caller_state(caller.id) in (
                r.CallerState.WAITING,
                r.CallerState.OFFERED,
            ):
                return caller
        return None

    def kiosk_disconnected(self, link: KioskLink, now: float) -> list[Action]:
        self._out.clear()
        if self.kiosks.get(link.kiosk.id) is link:
            del self.kiosks[link.kiosk.id]
            self._out.append(KioskGone(link.kiosk.id, now))
            self._detach_kiosk(link, now)
        return self._finish(now)

    def _detach_kiosk(self, link: KioskLink, now: float) -> None:
        caller_id, link.caller = link.caller, None
        if caller_id is None:
            return
        state = self.router.caller_state(caller_id)
        if state in (r.CallerState.WAITING, r.CallerState.OFFERED):
            # Keeps its place for the grace period; the kiosk resumes with its token.
            self._effects.perform(self.router.caller_disconnected(caller_id, now=now), now)
        elif state in (r.CallerState.IN_CALL, r.CallerState.HELD):
            self._kiosk_left.add(caller_id)
            self._effects.perform(self.router.end_call(caller_id, now=now), now)

    def send_command(self, kiosk_id: str, command: m.Command) -> list[Action] | None:
        """A remote action for a connected kiosk; None when it is not connected."""
        link = self.kiosks.get(kiosk_id)
        return None if link is None else [Post(link.conn, command)]

    # --- advisers ------------------------------------------------------------------------------

    def adviser_connected(
        self, conn: ConnId, adviser: AdviserRecord, now: float, *, roles: Sequence[str] = ()
    ) -> list[Action]:
        """An adviser signed in. Its link is then ``advisers[adviser.id]``; an older one closes.
        ``roles`` are the account's granted roles: "interpreter" routes it by the interpreters'
        queue instead (§Interpreter)."""
        self._out.clear()
        old = self.advisers.get(adviser.id)
        interpreter = INTERPRETER in roles
        link = AdviserLink(conn=conn, adviser=adviser, interpreter=interpreter)
        self.advisers[adviser.id] = link
        if old is not None:
            self._out.append(Close(old.conn, CLOSE_REPLACED, "replaced by a newer connection"))
        self._leave_other_queue(r.AdviserId(adviser.id), interpreter=interpreter, now=now)
        if interpreter:
            self._interpreter_connected(link, now)
            return self._finish(now, overview_told=conn)
        aid = r.AdviserId(adviser.id)
        state = self.router.adviser_state(aid)
        if state is None or state is r.AdviserState.SIGNED_OUT:
            langs = {r.Language(k): v for k, v in adviser.languages.items()}
            topics = frozenset(adviser.topics) if adviser.topics is not None else None
            effects = self.router.sign_in(aid, langs, topics=topics, now=now)
        else:
            effects = self.router.adviser_reconnected(aid, now=now)
        # The welcome carries the status after sign-in; a separate ``status`` saying the same
        # could arrive after the adviser's first click and undo it on their screen.
        state = self.router.adviser_state(aid)
        self._out.append(Post(conn, self.overview.adviser_welcome(adviser, state, now=now)))
        self._effects.perform([e for e in effects if not restates(e, aid, state)], now)
        for effect in effects:
            if isinstance(effect, r.CallResumed):  # the call is negotiated anew: its legs too
                self.interpreters.call_resumed(effect.caller, now)
        overview = self.overview.queue_overview(self.advisers, now)
        self._out.append(Post(conn, overview))
        return self._finish(now, overview_told=conn)

    def _leave_other_queue(self, aid: r.AdviserId, *, interpreter: bool, now: float) -> None:
        """An account whose interpreter role was granted or taken while it was signed in is
        signed out of the queue it no longer belongs to, so it is offered only what it now is."""
        other = self.router if interpreter else self.interpreters.router
        if other.adviser_state(aid) not in (None, r.AdviserState.SIGNED_OUT):
            effects = other.sign_out(aid, now=now)
            if interpreter:
                self._effects.perform(effects, now)
            else:
                self.interpreters.perform(effects, now)

    def _interpreter_connected(self, link: AdviserLink, now: float) -> None:
        """The welcome first, with the state after sign-in, then the effects and the overview."""
        at = len(self._out)
        state = self.interpreters.sign_in(link, now)
        welcome = self.overview.adviser_welcome(link.adviser, state, now=now, roles=[INTERPRETER])
        self._out.insert(at, Post(link.conn, welcome))
        self._out.append(Post(link.conn, self.overview.queue_overview(self.advisers, now)))

    def adviser_message(self, link: AdviserLink, msg: m.AdviserMessage, now: float) -> list[Action]:
        self._out.clear()
        if link.interpreter:
            self.interpreters.interpreter_says(link, msg, now)
            return self._finish(now)
        me = r.AdviserId(link.adviser.id)
        self.router.heartbeat(me, now=now)
        self._adviser_says(link, me, msg, now)
        return self._finish(now)

    def invite_interpreter(
        self,
        link: AdviserLink,
        msg: m.InviteInterpreter,
        *,
        interpreted: frozenset[str],
        now: float,
    ) -> list[Action]:
        """The adviser's ``invite_interpreter`` (§Interpreter). ``interpreted``: every language
        an interpreter account has, which the adapter reads from the store just before."""
        self._out.clear()
        if link.interpreter:
            raise OutOfRole("an interpreter does not invite interpreters")
        self.router.heartbeat(r.AdviserId(link.adviser.id), now=now)
        caller = self._adviser_call(link, msg.call_id)
        self._active_adviser(caller)
        self.interpreters.invite(link, caller, msg.language, interpreted=interpreted, now=now)
        return self._finish(now)

    def _adviser_says(
        self, link: AdviserLink, me: r.AdviserId, msg: m.AdviserMessage, now: float
    ) -> None:
        match msg:
            case m.Ping(seq=seq):
                self._out.append(Post(link.conn, m.Pong(seq=seq)))
            case m.SetStatus(status="available"):
                self._effects.perform(self.router.set_available(me, now=now), now)
            case m.SetStatus(status="away", reason=reason):
                self._effects.perform(self.router.set_away(me, reason or "away", now=now), now)
            case m.Accept(call_id=call_id):
                self._effects.perform(self.router.accept(me, r.CallerId(call_id), now=now), now)
            case m.Decline(call_id=call_id):
                self._effects.perform(self.router.decline(me, r.CallerId(call_id), now=now), now)
            case m.TakeNext():
                self._take_next(link, me, now)
            case m.Hangup(call_id=call_id):
                self._hang_up(self._adviser_call(link, call_id), now)
            case m.SessionDescription() | m.IceCandidate():
                self._relay(self._adviser_call(link, msg.call_id), "adviser", msg)
            case m.NegotiationFailed(call_id=call_id, reason=reason, peer=peer):
                caller = self._adviser_call(link, call_id)
                side = f"adviser:{link.adviser.id}"
                if peer == "interpreter":
                    self._interpreter_leg_failed(caller, side, reason, now)
                else:
                    self._negotiation_failed(caller, side, reason, now)
            case m.InviteInterpreter():
                raise LocalProtocolError(
                    "invite_interpreter goes through Exchange.invite_interpreter"
                )
            case m.DismissInterpreter(call_id=call_id):
                caller = self._adviser_call(link, call_id)
                self._active_adviser(caller)
                self.interpreters.dismiss(caller, now)
            case m.QualityReport(call_id=call_id, quality=quality):
                # Their call, or the last one (the last sample may come just after it ended).
                if call_id != link.last_call:
                    self._adviser_call(link, call_id)
                self._out.append(AddQuality(call_id, "adviser", quality, now))
            case m.MediaState(call_id=call_id, state=state):
                caller = self._adviser_call(link, call_id)
                self._media_report(caller, silent="kiosk", state=state, now=now)
            case m.WrapUp(call_id=call_id, outcome=outcome, note=note):
                self._wrap_up(link, call_id, outcome, note)
            case m.Ready():
                self._effects.perform(self.router.ready(me, now=now), now)
            case m.Transfer():
                self._transfer(link, msg, now)
            case m.Hello():
                raise OutOfRole("already said hello on this connection")

    def _wrap_up(self, link: AdviserLink, call_id: str, outcome: str, note: str) -> None:
        if call_id not in link.pending_wrap_up:
            raise OutOfRole("wrap-up is for a call you have just ended")
        if outcome not in self.settings.service.outcomes:
            raise OutOfRole(f"unknown outcome {outcome!r}")
        found = personal_data_in(note, health_terms=self.settings.privacy.health_terms)
        if found:
            # Call records hold no personal data (docs/privacy.md). The outcome is kept without
            # the note, and the call stays open to a rewritten note until one is accepted.
            self._out.append(SetWrapUp(call_id, outcome, ""))
            self._out.append(Post(link.conn, m.NoteRefused(call_id=call_id, reasons=found)))
            return
        link.pending_wrap_up.discard(call_id)
        self._out.append(SetWrapUp(call_id, outcome, note))
        self._out.append(Post(link.conn, m.WrapUpSaved(call_id=call_id)))

    def _transfer(self, link: AdviserLink, msg: m.Transfer, now: float) -> None:
        caller = self._adviser_call(link, msg.call_id)
        if (msg.language is None) == (msg.adviser is None):
            raise OutOfRole("transfer to a language or to an adviser, exactly one")
        if msg.language is not None and msg.language not in self.settings.service.languages:
            raise OutOfRole(f"language {msg.language!r} is not offered here")
        effects = self.router.transfer(
            r.AdviserId(link.adviser.id),
            caller.id,
            now=now,
            language=r.Language(msg.language) if msg.language else None,
            to_adviser=r.AdviserId(msg.adviser) if msg.adviser else None,
        )
        if msg.language is not None:
            caller.language = r.Language(msg.language)
        kind: Literal["language", "adviser"] = "language" if msg.language else "adviser"
        self._out.append(RecordTransfer(caller.id, now, kind))
        self._effects.perform(effects, now)
        if msg.adviser is not None:
            self._effects.post_position(caller.id, now)  # ringing at the colleague: first in line

    def adviser_disconnected(self, link: AdviserLink, now: float) -> list[Action]:
        self._out.clear()
        if self.advisers.get(link.adviser.id) is link:
            del self.advisers[link.adviser.id]
            aid = r.AdviserId(link.adviser.id)
            if link.interpreter:
                self.interpreters.disconnected(link, now)
            else:
                self._effects.perform(self.router.adviser_disconnected(aid, now=now), now)
        return self._finish(now)

    # --- calls ---------------------------------------------------------------------------------

    def _own_call(self, link: KioskLink, call_id: str) -> Caller:
        if call_id == link.caller and call_id in self.callers:
            return self.callers[r.CallerId(call_id)]
        raise OutOfRole(f"call {call_id!r} is not this kiosk's")

    def _adviser_call(self, link: AdviserLink, call_id: str) -> Caller:
        caller = self.callers.get(r.CallerId(call_id))
        if caller is None or self.router.adviser_of(caller.id) != link.adviser.id:
            raise OutOfRole(f"call {call_id!r} is not yours")
        return caller

    def _active_adviser(self, caller: Caller) -> r.AdviserId:
        """The adviser of ``caller``'s active call: SDP / ICE flow only within one (§Call)."""
        adviser = self.router.adviser_of(caller.id)
        if self.router.caller_state(caller.id) is not r.CallerState.IN_CALL or adviser is None:
            raise OutOfRole("no active call to signal into")
        return adviser

    def _relay(
        self, caller: Caller, sender: r.Party, msg: m.SessionDescription | m.IceCandidate
    ) -> None:
        """SDP / ICE within an active call only (§Call): to the other main party when ``peer``
        is absent or names it (delivered without ``peer``), or to the interpreter (§Interpreter)."""
        adviser = self._active_adviser(caller)
        if msg.peer == "interpreter":
            self.interpreters.relay_to_interpreter(caller, sender, msg)
            return
        if msg.peer == sender:
            raise OutOfRole(f"peer {msg.peer!r} is this connection's own party")
        plain = msg.model_copy(update={"peer": None}) if msg.peer is not None else msg
        if sender == "kiosk":
            self._effects.to_adviser(adviser, plain)
        else:
            self._effects.to_kiosk(caller.id, plain)

    def _interpreter_leg_failed(self, caller: Caller, side: str, reason: str, now: float) -> None:
        """A main party's connection with the interpreter failed: only that part ends."""
        self._active_adviser(caller)
        self.interpreters.leg_failed(caller, reason, now)
        self._out.append(Audit(side, "interpreter_negotiation_failed", caller.id, now, reason))

    def _media_report(
        self, caller: Caller, *, silent: r.Party, state: Literal["stalled", "restored"], now: float
    ) -> None:
        """One side's word on the media it receives from ``silent``, the other side (§Faults)."""
        if state == "stalled":
            effects = self.router.media_stalled(caller.id, silent=silent, now=now)
        else:
            effects = self.router.media_restored(caller.id, silent=silent, now=now)
        self._effects.perform(effects, now)

    def _take_next(self, link: AdviserLink, me: r.AdviserId, now: float) -> None:
        """Pull the next caller (§Take next); nobody waiting is said plainly, not as silence."""
        effects = self.router.take_next(me, now=now)
        if not any(isinstance(e, r.OfferMade) for e in effects):
            refusal = m.Error(
                code=ErrorCode.NOT_FOUND,
                message="nobody is waiting for your languages",
                ref_type="take_next",
            )
            self._out.append(Post(link.conn, refusal))
        self._effects.perform(effects, now)

    def _negotiation_failed(self, caller: Caller, side: str, reason: str, now: float) -> None:
        """One side of an active call cannot set up its media (§Negotiation failure). The record
        is closed as ``failed`` (the reason in the audit log, under the call id); both sides are
        told; the kiosk goes back in line at its place as a new visit, ``SETUP_ATTEMPTS`` times
        in all, else it hears ``negotiation_failed`` and is out of line."""
        self._active_adviser(caller)
        link = self.kiosks.get(caller.kiosk_id)
        if link is None or link.caller != caller.id:
            link = None
        retry = None
        if link is not None and caller.failed_setups + 1 < SETUP_ATTEMPTS:
            retry = self._next_visit(caller, link, now)
        kiosk_conn = link.conn if link is not None else None
        self.lines.failed_setups[caller.id] = FailedSetup(reason, kiosk_conn, retry is not None)
        effects = self.router.negotiation_failed(
            caller.id, now=now, retry_as=retry.id if retry is not None else None
        )
        self._effects.perform(effects, now)
        if retry is not None:
            self._effects.post_position(retry.id, now)  # ringing at once: still tell the kiosk
        self._out.append(Audit(side, "negotiation_failed", caller.id, now, reason))

    def _next_visit(self, failed: Caller, link: KioskLink, now: float) -> Caller:
        """The resident's new visit after a failed call: its own record (the failed one stays
        ``failed``), the failed visit's join time (the router keeps its place), and a new
        resume token that the kiosk's next ``queued`` carries."""
        caller_id, token = self._new_ids()
        caller = dataclasses.replace(
            failed,
            id=r.CallerId(caller_id),
            resume_token=token,
            resume_hash=hash_resume_token(token),
            answered=False,
            failed_setups=failed.failed_setups + 1,
        )
        self._out.append(
            OpenCall(caller.id, caller.kiosk_id, caller.site, caller.language, caller.topic, now)
        )
        self.lines.remember(caller)
        link.caller = caller.id
        return caller

    def _hang_up(self, caller: Caller, now: float) -> None:
        state = self.router.caller_state(caller.id)
        if state in (r.CallerState.IN_CALL, r.CallerState.HELD):
            self._effects.perform(self.router.end_call(caller.id, now=now), now)
        else:
            self._effects.perform(self.router.leave(caller.id, now=now), now)

    # --- effects into actions ------------------------------------------------------------------

    # --- after every input ---------------------------------------------------------------------

    def _finish(self, now: float, *, overview_told: ConnId | None = None) -> list[Action]:
        self.interpreters.end_with_calls(now)
        self._sync_persisted_queue()
        self._broadcast_overview(now, already_told=overview_told)
        return self._take()

    def _take(self) -> list[Action]:
        out = list(self._out)
        self._out.clear()
        return out

    def _sync_persisted_queue(self) -> None:
        """Store commands that keep the persisted queue equal to the router's (a restart loses
        no one): removals first, then newcomers in queue order."""
        waiting = {w.caller: w for w in self.router.waiting_callers()}
        for cid in sorted(self._persisted - waiting.keys()):
            self._out.append(DeleteWaiting(cid))
            self._persisted.discard(cid)
        for cid, w in waiting.items():
            caller = self.callers.get(cid)
            if cid in self._persisted or caller is None:
                continue
            self._out.append(
                SaveWaiting(
                    cid,
                    caller.kiosk_id,
                    w.language,
                    w.topic,
                    tuple(w.fallbacks),
                    w.priority,
                    w.joined_at,
                    caller.resume_hash,
                )
            )
            self._persisted.add(cid)

    def persisted_queue(self) -> list[str]:
        """The caller ids the store commands so far have left in the persisted queue, sorted."""
        return sorted(self._persisted)

    def _broadcast_overview(self, now: float, *, already_told: ConnId | None) -> None:
        if not self.advisers:
            return
        overview = self.overview.queue_overview(self.advisers, now)
        # Waits grow every second; re-send on changes in counts or in who is available, not on
        # every tick.
        key = overview.model_copy(
            update={
                "queues": [s.model_copy(update={"longest_wait_s": 0.0}) for s in overview.queues]
            }
        )
        if key == self._last_overview:
            return
        self._last_overview = key
        for link in self.advisers.values():
            if link.conn != already_told:
                self._out.append(Post(link.conn, overview))

    # --- queries -------------------------------------------------------------------------------

    def hours_for(self, language: str) -> OpeningHours:
        return self.overview.hours_for(language)

    def queue_stats(self, now: float) -> list[m.QueueStat]:
        """Per offered language: waiting, longest wait, advisers available, open now."""
        return self.overview.queue_stats(now)
