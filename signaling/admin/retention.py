"""Data kept for a limited time, then deleted: health figures for
``database.health_retention_days`` (issue #6), wrap-up notes for ``database.note_retention_days``
after their call (issue #11, docs/privacy.md; the call's outcome stays).

:func:`cutoff` is the rule; :func:`prune_once` applies it; :func:`run` applies it at start-up and
then every :data:`EVERY_S` seconds, for as long as the server runs (it is cancelled at shutdown).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from signaling.config import DatabaseSettings
from signaling.store import Store

log = logging.getLogger(__name__)

DAY_S = 24 * 3600.0
EVERY_S = 3600.0


def cutoff(now: float, retention_days: int) -> float:
    """Reports taken before this moment are past their retention period."""
    return now - retention_days * DAY_S


async def prune_once(store: Store, settings: DatabaseSettings, now: float) -> int:
    """Delete what is past its retention; returns how many health reports and notes went."""
    return await _prune_health(store, settings, now) + await _prune_notes(store, settings, now)


async def _prune_health(store: Store, settings: DatabaseSettings, now: float) -> int:
    removed = await store.prune_health(before=cutoff(now, settings.health_retention_days))
    if removed:
        log.info(
            "deleted %d health reports older than %d days", removed, settings.health_retention_days
        )
    return removed


async def _prune_notes(store: Store, settings: DatabaseSettings, now: float) -> int:
    removed = await store.prune_notes(before=cutoff(now, settings.note_retention_days))
    if removed:
        log.info(
            "deleted %d wrap-up notes older than %d days", removed, settings.note_retention_days
        )
    return removed


async def run(
    store: Store,
    settings: DatabaseSettings,
    *,
    clock: Callable[[], float],
    every_s: float = EVERY_S,
) -> None:
    """Prune now, then every ``every_s`` seconds until cancelled; a failure waits for the next."""
    while True:
        try:
            await prune_once(store, settings, clock())
        except Exception:  # a locked database now is no reason to stop pruning for good
            log.exception("pruning health reports and notes failed")
        await asyncio.sleep(every_s)
