"""What clients are told about the service: queues, colleagues, and each welcome.

Built on demand from the router's state, the settings and the connections the switchboard holds:
no store access, so the overview can be rebuilt after every batch of routing effects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from signaling import messages as m
from signaling import routing as r
from signaling.config import Settings
from signaling.hours import OpeningHours
from signaling.ice import ice_servers
from signaling.links import AdviserLink
from signaling.store_records import AdviserRecord, KioskRecord

# What colleagues see of an adviser in the transfer picker; one lost (DISCONNECTED, inside its
# grace) or SIGNED_OUT is left out, since nobody can be transferred to them.
_COLLEAGUE_STATUS: dict[r.AdviserState, m.ColleagueStatus] = {
    r.AdviserState.AVAILABLE: "available",
    r.AdviserState.AWAY: "away",
    r.AdviserState.OFFERED: "offered",
    r.AdviserState.IN_CALL: "in_call",
    r.AdviserState.WRAP_UP: "wrap_up",
}


class Overview:
    def __init__(
        self, settings: Settings, router: r.Router, hours: Mapping[str, OpeningHours]
    ) -> None:
        self._settings = settings
        self._router = router
        self._hours = hours

    def hours_for(self, language: str) -> OpeningHours:
        return self._hours.get(language) or self._hours.get("default") or OpeningHours.always_open()

    def queue_stats(self, now: float) -> list[m.QueueStat]:
        stats = {s.language: s for s in self._router.queue_stats(now=now)}
        result = []
        for lang in self._settings.service.languages:
            s = stats.get(r.Language(lang))
            result.append(
                m.QueueStat(
                    language=lang,
                    waiting=s.waiting if s else 0,
                    longest_wait_s=round(s.longest_wait_s, 1) if s else 0.0,
                    advisers_available=s.advisers_available if s else 0,
                    open=self.hours_for(lang).is_open(now),
                )
            )
        return result

    def adviser_summaries(self, advisers: Mapping[str, AdviserLink]) -> list[m.AdviserSummary]:
        """The signed-in advisers for the transfer picker (docs/protocol.md §Transfer): what the
        links and the router already hold in memory, so a broadcast costs no store access."""
        result = []
        for aid, link in advisers.items():
            state = self._router.adviser_state(r.AdviserId(aid))
            status = _COLLEAGUE_STATUS.get(state) if state is not None else None
            if status is None:
                continue
            result.append(
                m.AdviserSummary(
                    adviser_id=aid,
                    display_name=link.adviser.display_name,
                    languages=dict(link.adviser.languages),
                    status=status,
                )
            )
        result.sort(key=lambda a: (a.display_name.casefold(), a.adviser_id))
        return result

    def queue_overview(self, advisers: Mapping[str, AdviserLink], now: float) -> m.QueueOverview:
        return m.QueueOverview(
            queues=self.queue_stats(now), advisers=self.adviser_summaries(advisers)
        )

    def kiosk_welcome(
        self, kiosk: KioskRecord, *, resumed: bool, answers_version: int = 0, now: float
    ) -> m.KioskWelcome:
        languages = []
        for stat in self.queue_stats(now):
            hours = self.hours_for(stat.language)
            wait = self._router.estimate_for_new(r.Language(stat.language), now=now)
            languages.append(
                m.LanguageInfo(
                    code=stat.language,
                    open=stat.open,
                    opens_at=None if stat.open else hours.next_opening(now),
                    advisers_available=stat.advisers_available,
                    waiting=stat.waiting,
                    # None: nobody for the language is signed in; the kiosk says so (§Position).
                    wait=m.WaitEstimate(low_s=wait[0], high_s=wait[1]) if wait else None,
                )
            )
        server = self._settings.server
        return m.KioskWelcome(
            protocol=m.PROTOCOL_VERSION,
            kiosk_id=kiosk.id,
            site=kiosk.site,
            ice_servers=ice_servers(self._settings.ice, now=now),
            languages=languages,
            topics=list(self._settings.service.topics),
            heartbeat_interval_s=server.kiosk_heartbeat_interval_s,
            health_interval_s=server.kiosk_health_interval_s,
            idle_timeout_s=self._settings.service.idle_timeout_s,
            resumed=resumed,
            answers_version=answers_version,
        )

    def adviser_welcome(
        self,
        adviser: AdviserRecord,
        state: r.AdviserState | None,
        *,
        now: float,
        roles: Sequence[str] = (),
    ) -> m.AdviserWelcome:
        status = state.value if state and state is not r.AdviserState.DISCONNECTED else "away"
        return m.AdviserWelcome(
            protocol=m.PROTOCOL_VERSION,
            adviser_id=adviser.id,
            display_name=adviser.display_name,
            languages=dict(adviser.languages),
            ice_servers=ice_servers(self._settings.ice, now=now),
            status=status,
            outcomes=list(self._settings.service.outcomes),
            heartbeat_interval_s=self._settings.server.adviser_heartbeat_interval_s,
            note_retention_days=self._settings.database.note_retention_days,
            roles=list(roles),  # what changes the console: "interpreter" (§Interpreter)
        )
