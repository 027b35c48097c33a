"""Real-time text (EN 301 549 clause 6.2): text travels as it is typed, corrections included.

The model is line-based rather than T.140's edit stream: every update carries the *whole* current
line, a sequence number and whether the line is committed (Enter pressed). Backspace and corrections
are then nothing special (the next update simply holds the shorter line), a lost or reordered update
cannot corrupt the peer's view, and the receiver needs no edit replay. The cost, one line of at most
:data:`MAX_LINE` characters per keystroke, is negligible on a data channel.

Rules:

* The sender numbers updates 1, 2, 3, ... and never re-uses a number.
* Line ``n`` is edited by drafts (``committed=False``) and finished by one commit
  (``committed=True``); the next keystroke starts line ``n + 1``.
* The receiver applies an update only when its ``seq`` is higher than any applied before, except a
  commit of a line not yet committed, which is always applied (so a late commit is never lost).

Pure: no asyncio, no clock. :class:`rtc.call.CallSession` carries the encoded updates over a WebRTC
data channel labelled :data:`CHANNEL_LABEL`, negotiated at call start.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from signaling.errors import MalformedMessage

CHANNEL_LABEL = "rtt"
MAX_LINE = 500  # as signaling.messages.Text: one utterance, not a document
MAX_LINES = 200  # the receiver keeps the newest lines of a conversation, no more


@dataclass(frozen=True)
class RttUpdate:
    """One line of the peer's text as it stands now."""

    seq: int
    line: int
    text: str
    committed: bool


def encode(update: RttUpdate) -> str:
    return json.dumps(
        {
            "seq": update.seq,
            "line": update.line,
            "text": update.text,
            "committed": update.committed,
        },
        ensure_ascii=False,
    )


def decode(data: str | bytes) -> RttUpdate:
    """Parse one update. Raises :class:`~signaling.errors.MalformedMessage` on bad input."""
    try:
        raw = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedMessage(f"rtt: not valid JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise MalformedMessage("rtt: an update must be a JSON object")
    seq, line, text, committed = (raw.get(k) for k in ("seq", "line", "text", "committed"))
    if not (_is_count(seq) and _is_count(line)):
        raise MalformedMessage("rtt: seq and line must be non-negative integers")
    if not isinstance(text, str) or len(text) > MAX_LINE:
        raise MalformedMessage(f"rtt: text must be a string of at most {MAX_LINE} characters")
    if not isinstance(committed, bool):
        raise MalformedMessage("rtt: committed must be a boolean")
    assert isinstance(seq, int) and isinstance(line, int)
    return RttUpdate(seq=seq, line=line, text=text, committed=committed)


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


class RttSender:
    """Turns what the user's text box holds into updates to send."""

    def __init__(self) -> None:
        self._seq = 0
        self._line = 0
        self._last: str | None = None

    def update(self, draft: str) -> RttUpdate | None:
        """The draft changed (a key, a paste, a backspace). None when nothing changed."""
        draft = draft[:MAX_LINE]
        if draft == self._last:
            return None
        self._last = draft
        return self._next(draft, committed=False)

    def commit(self, line: str) -> RttUpdate:
        """Enter was pressed: ``line`` is final; the next update starts a new line."""
        update = self._next(line[:MAX_LINE], committed=True)
        self._line += 1
        self._last = None
        return update

    def _next(self, text: str, *, committed: bool) -> RttUpdate:
        self._seq += 1
        return RttUpdate(seq=self._seq, line=self._line, text=text, committed=committed)


@dataclass
class RttBuffer:
    """The peer's text as the receiver sees it: committed lines plus the line being typed."""

    lines: list[str] = field(default_factory=list)
    draft: str = ""
    _seq: int = 0
    _line: int = 0  # the line ``draft`` belongs to; every line before it is in ``lines``

    def receive(self, update: RttUpdate) -> bool:
        """Apply ``update``; False when it was stale (older than what is shown) and ignored."""
        if update.line < self._line:
            return False
        if update.seq <= self._seq and not update.committed:
            return False
        if update.committed:
            self._commit(update)
        else:
            self._line, self.draft = update.line, update.text
        self._seq = max(self._seq, update.seq)
        return True

    def _commit(self, update: RttUpdate) -> None:
        # Lines skipped by a lost commit are closed with their last known draft, never dropped.
        if update.line > self._line and self.draft:
            self.lines.append(self.draft)
        self.lines.append(update.text)
        self._line, self.draft = update.line + 1, ""
        del self.lines[:-MAX_LINES]

    @property
    def text(self) -> str:
        """Everything shown: committed lines, then the draft, one per line."""
        return "\n".join([*self.lines, self.draft] if self.draft else self.lines)
