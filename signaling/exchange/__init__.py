"""The exchange: the switchboard's decisions, without I/O (sans-I/O, like websockets' ``Protocol``).

Connection events and ``now`` go in; a list of actions comes out, in the order they must be
carried out. The adapter (signaling/switchboard.py) posts messages synchronously and hands store
commands to one ordered writer, so one call here, with the router call inside it and its
translation into messages, is atomic: no other connection's actions interleave.

Inputs (each returns ``list[Action]``; an ``OutOfRole`` / ``MalformedMessage`` /
``IllegalTransition`` raised instead refuses the input, and the adapter answers with an error;
it must then carry out ``after_refusal(now)``, what had happened before the refusal):

* ``restore(waiting, now)`` at start-up, ``tick(now)`` at ``next_deadline()``;
* ``kiosk_connected`` / ``kiosk_message`` / ``kiosk_disconnected``, and the adviser's three;
* ``send_command(kiosk_id, command)`` for fleet health;
* ``invite_interpreter(link, msg, interpreted=..., now=...)``: the adviser's
  ``invite_interpreter``, with the languages interpreter accounts have (read from the store);
* ``answers_published(catalogue, now)`` when the adapter sees a new published version of the
  common questions (``answers``: who is told, which ``answer_event`` counts).

Parts: ``actions`` (what the adapter is asked to do), ``lines`` (who is on the line), ``effects``
(the router's effects made actions), ``exchange`` (the inputs), ``rules`` (settings read once),
``interpreting`` (the interpreters' queue, a second router, and the calls' interpretations),
``answers`` (the published common questions and the events kiosks report about them).

Actions: ``Post`` a message to a connection, ``Close`` one with a close code, a store command
(``OpenCall`` ... ``DeleteWaiting``, ``CountAnswerEvent``, ``RecordTransfer``,
``RecordInterpretation``; ids are decided
here, the store never answers back), and
observer events for fleet health (``KioskSeen``, ``KioskSaid``, ``KioskGone``).

Rules kept here (docs/protocol.md): SDP / ICE relayed only between the parties of an active call
(§Call); opening hours checked before a join (§Closed); a kiosk that joins again while its earlier
place is held takes over that place and its join time (§Reconnecting); the persisted queue equals
the router's after every call; queue overviews go to advisers when counts or availability change.
"""

from signaling.exchange.actions import (
    Action,
    AddHealth,
    AddQuality,
    AnswerCall,
    Audit,
    Close,
    CloseCall,
    CountAnswerEvent,
    DeleteWaiting,
    KioskGone,
    KioskSaid,
    KioskSeen,
    Observed,
    OpenCall,
    Post,
    RecordInterpretation,
    RecordTransfer,
    SaveWaiting,
    SetRating,
    SetWrapUp,
    StoreCommand,
    TouchKiosk,
)
from signaling.exchange.answers import NOTHING_PUBLISHED, AnswerCatalogue
from signaling.exchange.exchange import Exchange, NewIds
from signaling.exchange.rules import hours_from_settings, rules_from_settings

__all__ = [
    "NOTHING_PUBLISHED",
    "Action",
    "AddHealth",
    "AddQuality",
    "AnswerCall",
    "AnswerCatalogue",
    "Audit",
    "Close",
    "CloseCall",
    "CountAnswerEvent",
    "DeleteWaiting",
    "Exchange",
    "KioskGone",
    "KioskSaid",
    "KioskSeen",
    "NewIds",
    "Observed",
    "OpenCall",
    "Post",
    "RecordInterpretation",
    "RecordTransfer",
    "SaveWaiting",
    "SetRating",
    "SetWrapUp",
    "StoreCommand",
    "TouchKiosk",
    "hours_from_settings",
    "rules_from_settings",
]
