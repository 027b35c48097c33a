"""When a queue's row asks for attention (pure): someone has waited too long and nobody is free.

The threshold is the console's ``queue_alert_after_s`` setting (agent_console.config). A long wait
alone is not an alarm while an adviser for the language is free (the offer is on its way); a long
wait with nobody free is: an adviser who speaks it may want to finish wrap-up or come back from a
break. A closed queue is never marked: nobody is meant to answer it.
"""

from __future__ import annotations

from signaling.messages import QueueStat


def waits_too_long(queue: QueueStat, *, alert_after_s: float) -> bool:
    """Whether ``queue`` is past the threshold with nobody free to answer it."""
    return (
        queue.open
        and queue.waiting > 0
        and queue.longest_wait_s >= alert_after_s
        and queue.advisers_available == 0
    )
