"""A sample published bundle for the screenshots and the layout test (kiosk/screenshots.py):
topics and questions like the starter set's, Swedish and English everywhere, Arabic, Somali and
Tigrinya for one question each (one Arabic text outdated), links, hours and a phone number. No
recording: read aloud is shown by the tests that play one."""

from __future__ import annotations

from typing import Any

from kiosk.answers.bundle import Bundle

_TOPICS: list[dict[str, Any]] = [
    {
        "id": "letters",
        "titles": {
            "sv": "Brev från myndigheter",
            "en": "Letters from authorities",
            "ar": "رسائل من السلطات",
            "so": "Waraaqaha hay'adaha",
            "ti": "ደብዳቤታት",
        },
    },
    {
        "id": "housing",
        "titles": {"sv": "Bostad", "en": "Housing", "ar": "السكن", "so": "Guriga", "ti": "ገዛ"},
    },
    {"id": "work", "titles": {"sv": "Arbete och studier", "en": "Work and studies"}},
    {"id": "digital", "titles": {"sv": "BankID och e-tjänster", "en": "BankID and e-services"}},
    {"id": "money", "titles": {"sv": "Pengar och ekonomi", "en": "Money"}},
]


def _text(title: str, body: str, hours: str = "", current: bool = True) -> dict[str, Any]:
    return {"title": title, "body": body, "hours": hours, "current": current}


_QUESTIONS: list[dict[str, Any]] = [
    {
        "id": "housing-queue",
        "topic": "housing",
        "route_topic": "housing",
        "phone": "+46 8 508 00 000",
        "links": [{"url": "https://bostad.stockholm.se/", "labels": {"sv": "Bostadsförmedlingen"}}],
        "texts": {
            "sv": _text(
                "Hur ställer jag mig i bostadskön?",
                "Du anmäler dig på Bostadsförmedlingens webbplats. Det kostar 210 kronor "
                "om året. Du måste vara 18 år.",
                "Mån–fre 9–15",
            ),
            "en": _text(
                "How do I join the housing queue?",
                "You register on the housing agency's website. It costs 210 kronor a "
                "year. You must be 18.",
                "Mon–Fri 9–15",
            ),
            "ar": _text(
                "كيف أسجّل في طابور السكن؟",
                "تسجّل على موقع مكتب السكن. التكلفة 210 كرونات في السنة. يجب أن يكون عمرك 18 سنة.",
                "الإثنين–الجمعة 9–15",
            ),
            "so": _text(
                "Sideen isugu qoraa safka guryaha?",
                "Waxaad iska diiwaangelisaa bogga xafiiska guryaha. Waxay ku kacaysaa 210 "
                "karoon sannadkii. Waa inaad tahay 18 jir.",
                "Isn–Jim 9–15",
            ),
            "ti": _text(
                "ኣብ መስርዕ ገዛ ከመይ እምዝገብ?",
                "ኣብ መርበብ ሓበሬታ ቤት ጽሕፈት ገዛ ተመዝገብ። ብዓመት 210 ክሮነር እዩ። 18 ዓመት ክትከውን ኣለካ።",
                "ሰኑይ–ዓርቢ 9–15",
            ),
        },
    },
    {
        "id": "housing-allowance",
        "topic": "housing",
        "route_topic": "housing",
        "links": [{"url": "https://www.forsakringskassan.se/", "labels": {}}],
        "texts": {
            "sv": _text(
                "Kan jag få bostadsbidrag?",
                "Bostadsbidrag kan du få om du har låg inkomst. Du ansöker hos Försäkringskassan.",
            ),
            "en": _text(
                "Can I get housing allowance?",
                "You can get housing allowance if your income is low. You apply to "
                "Försäkringskassan.",
            ),
            "ar": _text(
                "هل يمكنني الحصول على إعانة السكن؟",
                "يمكنك الحصول على إعانة السكن إذا كان دخلك منخفضًا. تقدّم الطلب لدى "
                "مصلحة التأمينات الاجتماعية.",
                current=False,
            ),
        },
    },
    {
        "id": "decision-letter",
        "topic": "letters",
        "route_topic": "letter",
        "texts": {
            "sv": _text(
                "Hur läser jag ett beslut?",
                "Överst står vad beslutet gäller. Sist står hur du överklagar och när "
                "det måste ske.",
            ),
            "en": _text(
                "How do I read a decision letter?",
                "The top says what the decision is about. The end says how to appeal and by when.",
            ),
        },
    },
    {
        "id": "work-register",
        "topic": "work",
        "route_topic": "work",
        "links": [{"url": "https://arbetsformedlingen.se/", "labels": {}}],
        "texts": {
            "sv": _text(
                "Hur skriver jag in mig på Arbetsförmedlingen?",
                "Du skriver in dig på webben med BankID, eller på ett kontor.",
            ),
            "en": _text(
                "How do I register with Arbetsförmedlingen?",
                "You register online with BankID, or at an office.",
            ),
        },
    },
    {
        "id": "bankid",
        "topic": "digital",
        "route_topic": "other",
        "texts": {
            "sv": _text("Hur får jag BankID?", "Du får BankID från din bank."),
            "en": _text("How do I get BankID?", "Your bank gives you BankID."),
        },
    },
    {
        "id": "budget-advice",
        "topic": "money",
        "route_topic": "money",
        "phone": "+46 8 508 01 000",
        "texts": {
            "sv": _text(
                "Var får jag hjälp med min ekonomi?",
                "Kommunens budget- och skuldrådgivning hjälper dig gratis.",
                "Tis 13–16",
            ),
            "en": _text(
                "Where can I get help with my money?",
                "The municipality's budget and debt advice helps you for free.",
                "Tue 13–16",
            ),
        },
    },
]


def sample_bundle(version: int = 1) -> Bundle:
    return Bundle.model_validate(
        {
            "version": version,
            "published_at": 1_764_400_000.0,
            "topics": _TOPICS,
            "questions": _QUESTIONS,
        }
    )
