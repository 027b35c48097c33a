"""Translated names for the codes the server sends: languages, topics, outcomes, statuses.

The server speaks in codes (``ar``, ``housing``, ``referred``); the adviser reads Swedish or
English.
Unknown codes are shown as they are, so a language or outcome added on the server is never hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agent_console.quality import QualityLevel
from agent_console.state import Notice, Phase


def language_name(code: str) -> str:
    names = {
        "sv": QCoreApplication.translate("Language", "Swedish"),
        "en": QCoreApplication.translate("Language", "English"),
        "ar": QCoreApplication.translate("Language", "Arabic"),
        "fa": QCoreApplication.translate("Language", "Persian"),
        "prs": QCoreApplication.translate("Language", "Dari"),
        "so": QCoreApplication.translate("Language", "Somali"),
        "ti": QCoreApplication.translate("Language", "Tigrinya"),
        "am": QCoreApplication.translate("Language", "Amharic"),
        "uk": QCoreApplication.translate("Language", "Ukrainian"),
        "ru": QCoreApplication.translate("Language", "Russian"),
        "fi": QCoreApplication.translate("Language", "Finnish"),
        "pl": QCoreApplication.translate("Language", "Polish"),
        "tr": QCoreApplication.translate("Language", "Turkish"),
        "ps": QCoreApplication.translate("Language", "Pashto"),
        "ckb": QCoreApplication.translate("Language", "Sorani"),
        "kmr": QCoreApplication.translate("Language", "Kurmanji"),
        "bs": QCoreApplication.translate("Language", "Bosnian"),
        "es": QCoreApplication.translate("Language", "Spanish"),
        "fr": QCoreApplication.translate("Language", "French"),
        "de": QCoreApplication.translate("Language", "German"),
    }
    return names.get(code, code)


# Away reasons offered in the list, sent to the server as these codes: language-neutral, so a
# colleague or a report reads them in its own language. A reason the adviser types is sent as typed.
AWAY_REASONS = ("break", "meeting", "admin_work")


def away_reason_name(reason: str) -> str:
    names = {
        "break": QCoreApplication.translate("Away", "Break"),
        "meeting": QCoreApplication.translate("Away", "Meeting"),
        "admin_work": QCoreApplication.translate("Away", "Admin work"),
        # Reasons the server gives (signaling.routing): pulling callers, or offers rung out.
        "take_next": QCoreApplication.translate("Away", "Taking callers yourself"),
        "missed_offers": QCoreApplication.translate("Away", "Missed calls"),
        "away": "",  # the server's word for no reason given
    }
    return names.get(reason, reason)


def level_name(level: str) -> str:
    names = {
        "native": QCoreApplication.translate("Level", "native"),
        "fluent": QCoreApplication.translate("Level", "fluent"),
        "basic": QCoreApplication.translate("Level", "basic"),
    }
    return names.get(level, level)


def topic_name(code: str | None) -> str:
    if code is None:
        return QCoreApplication.translate("Topic", "No topic chosen")
    names = {
        "letter": QCoreApplication.translate("Topic", "A letter"),
        "application": QCoreApplication.translate("Topic", "An application"),
        "housing": QCoreApplication.translate("Topic", "Housing"),
        "work": QCoreApplication.translate("Topic", "Work"),
        "health": QCoreApplication.translate("Topic", "Health"),
        "other": QCoreApplication.translate("Topic", "Something else"),
    }
    return names.get(code, code.replace("_", " "))


def outcome_name(code: str) -> str:
    names = {
        "resolved": QCoreApplication.translate("Outcome", "Resolved"),
        "referred": QCoreApplication.translate("Outcome", "Referred elsewhere"),
        "follow_up": QCoreApplication.translate("Outcome", "Needs follow-up"),
        "no_show": QCoreApplication.translate("Outcome", "Caller not there"),
        "other": QCoreApplication.translate("Outcome", "Other"),
    }
    return names.get(code, code.replace("_", " "))


def device_name(device: str) -> str:
    names = {
        "camera": QCoreApplication.translate("Device", "camera"),
        "microphone": QCoreApplication.translate("Device", "microphone"),
        "speaker": QCoreApplication.translate("Device", "speaker"),
    }
    return names.get(device, device)


def kiosk_devices_text(lacks: tuple[str, ...] | None) -> str:
    """What the adviser should know about the kiosk's devices (signaling.devices, via the offer):
    what it lacks and what that means for the call, one line each."""
    if lacks is None:
        return QCoreApplication.translate("Device", "The kiosk has not reported its devices.")
    if not lacks:
        return QCoreApplication.translate("Device", "Kiosk camera, microphone and speaker work.")
    names = ", ".join(device_name(d) for d in lacks)
    lines = [QCoreApplication.translate("Device", "Kiosk lacks: %1").replace("%1", names)]
    meaning = {
        "camera": QCoreApplication.translate("Device", "You will not see the resident."),
        "microphone": QCoreApplication.translate(
            "Device", "You will not hear the resident: use the text."
        ),
        "speaker": QCoreApplication.translate(
            "Device", "The resident will not hear you: type to them."
        ),
    }
    lines += [meaning[d] for d in lacks if d in meaning]
    return "\n".join(lines)


def missing_media_text(lacks: tuple[str, ...] | None, *, no_frames: bool = False) -> str | None:
    """The quality pill's words when the kiosk sends no picture or no sound (by its device report,
    or no video frames arriving): then "Good" would be a lie, whatever the network figures say.
    None when both can flow."""
    no_picture = "camera" in (lacks or ()) or no_frames
    no_sound = "microphone" in (lacks or ())
    if no_picture and no_sound:
        return QCoreApplication.translate("Quality", "No picture or sound from the kiosk")
    if no_picture:
        return QCoreApplication.translate("Quality", "No picture from the kiosk")
    if no_sound:
        return QCoreApplication.translate("Quality", "No sound from the kiosk")
    return None


def phase_name(phase: Phase) -> str:
    names = {
        Phase.SIGNED_OUT: QCoreApplication.translate("Status", "Signed out"),
        Phase.SIGNING_IN: QCoreApplication.translate("Status", "Signing in…"),
        Phase.CONNECTING: QCoreApplication.translate("Status", "Connecting…"),
        Phase.AWAY: QCoreApplication.translate("Status", "Away"),
        Phase.AVAILABLE: QCoreApplication.translate("Status", "Available"),
        Phase.OFFERED: QCoreApplication.translate("Status", "Incoming call"),
        Phase.IN_CALL: QCoreApplication.translate("Status", "In a call"),
        Phase.WRAP_UP: QCoreApplication.translate("Status", "Wrap-up"),
    }
    return names[phase]


def quality_name(level: QualityLevel) -> str:
    names = {
        QualityLevel.UNKNOWN: QCoreApplication.translate("Quality", "Measuring…"),
        QualityLevel.GOOD: QCoreApplication.translate("Quality", "Good"),
        QualityLevel.FAIR: QCoreApplication.translate("Quality", "Fair"),
        QualityLevel.POOR: QCoreApplication.translate("Quality", "Poor"),
    }
    return names[level]


def notice_text(notice: Notice) -> str:
    texts = {
        Notice.WRONG_PASSWORD: QCoreApplication.translate("Notice", "Wrong username or password."),
        Notice.SERVER_UNREACHABLE: QCoreApplication.translate(
            "Notice", "Cannot reach the server. Check the address and the network."
        ),
        Notice.SESSION_ENDED: QCoreApplication.translate(
            "Notice", "Your session has ended. Please sign in again."
        ),
        Notice.MISSED_CALL: QCoreApplication.translate(
            "Notice", "You missed a call: it went to the next adviser."
        ),
        Notice.CALLER_LEFT: QCoreApplication.translate(
            "Notice", "The caller left before you answered."
        ),
        Notice.CALLER_HUNG_UP: QCoreApplication.translate("Notice", "The caller ended the call."),
        Notice.TRANSFERRED: QCoreApplication.translate("Notice", "The caller was transferred."),
        Notice.CALL_FAILED: QCoreApplication.translate("Notice", "The call was cut off."),
        Notice.CALLER_INTERRUPTED: QCoreApplication.translate(
            "Notice", "The caller's connection is interrupted. Waiting for it to come back."
        ),
        Notice.SERVER_ERROR: QCoreApplication.translate("Notice", "The server refused that."),
        Notice.NOBODY_WAITING: QCoreApplication.translate(
            "Notice", "Nobody is waiting in your languages right now."
        ),
        Notice.INTERPRETING_WITHDRAWN: QCoreApplication.translate(
            "Notice", "The adviser no longer needs an interpreter for that call."
        ),
        Notice.INTERPRETING_ENDED: QCoreApplication.translate(
            "Notice", "Interpreting has ended: the adviser thanked you, or the call is over."
        ),
        Notice.NOTE_REFUSED: QCoreApplication.translate(
            "Notice",
            "The outcome is saved, but not the note: it seems to hold personal data. "
            "Rewrite the note, or drop it.",
        ),
    }
    return texts[notice]
