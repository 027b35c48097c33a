"""The routing rules and opening hours, read from the settings."""

from __future__ import annotations

from signaling import routing as r
from signaling.config import Settings
from signaling.hours import OpeningHours

# A kiosk whose call could not be set up goes back in line, at its place, this many times in
# all; then it ends with a clear screen (a kiosk that cannot negotiate with anyone must not loop).
SETUP_ATTEMPTS = 2


def rules_from_settings(settings: Settings) -> r.RoutingRules:
    s = settings.routing
    return r.RoutingRules(
        ring_timeout_s=s.ring_timeout_s,
        max_missed_offers=s.max_missed_offers,
        wrap_up_s=s.wrap_up_s,
        adviser_grace_s=s.adviser_grace_s,
        caller_grace_s=s.caller_grace_s,
        heartbeat_timeout_s=s.heartbeat_timeout_s,
        media_grace_s=s.media_grace_s,
        escalation=tuple(
            r.EscalationStep(
                after_s=step.after_s,
                min_level=step.min_level,
                include_fallbacks=step.include_fallbacks,
            )
            for step in s.escalation
        ),
        handle_time_window=s.handle_time_window,
        prior_handle_time_s=s.prior_handle_time_s,
    )


def hours_from_settings(settings: Settings) -> dict[str, OpeningHours]:
    return {lang: OpeningHours.from_config(spec) for lang, spec in settings.service.hours.items()}
