"""The common questions' editor in a real headless Chromium (Debian's), against a real server, a
real SQLite file and a kiosk connected over a real WebSocket (issue #13: "the editor flow in the
browser test").

An editor signs in and lands on the editor (not the fleet); opens a question; changes the Swedish
body and sees the translation turn outdated in the list; writes an Arabic translation in
right-to-left fields; previews it in Arabic (right to left, large type, the link as host and URL)
and in Somali (the English fallback with its note); publishes after a confirmation; sees the
version in history, and the connected kiosk is told. A script tag typed into the body is refused
with the error shown at the field, and not one row changes. The page names every control, shows
the keyboard focus, and speaks Swedish too.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from signaling import messages as m
from signaling.admin.screenshots import CHROMIUM, launch_chromium, sign_in
from signaling.answers.edit import QuestionData, Words
from signaling.embedded import EmbeddedServer
from signaling.server import SETTINGS
from signaling.store import Store
from tests.signaling.admin.answers_helpers import ADMIN, EDITOR, EDITOR_NAME, start_editor_server
from tests.signaling.answers.recordings import wav_bytes
from tests.signaling.answers.test_answer_store import dump
from tests.signaling.wire import kiosk

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (Debian package chromium)"
)
playwright_api = pytest.importorskip("playwright.async_api")
WAIT_MS = 20_000
UNNAMED = re.compile(r"^\s*- (button|link|combobox|textbox|checkbox)\s*(\[.*\])?:?$")
ROW = "tr[data-question='housing-queue']"
ARABIC_TITLE = "كيف أسجل في طابور السكن؟"
ARABIC_BODY = "تسجل على موقع مكتب السكن. الأمر مجاني."


async def seed(store: Store) -> None:
    """A question in Swedish with an English translation, as an import would leave it."""
    answers, now = store.answers, time.time()
    await answers.save_topic("housing", {"sv": "Bostad", "en": "Housing"})
    await answers.save_question(
        QuestionData(id="housing-queue", topic="housing", links=("https://bostad.stockholm.se/",)),
        original=Words(title="Hur ställer jag mig i bostadskön?", body="Registrera dig på webben."),
        reviewed_by="Starter",
        now=now,
    )
    english = Words(title="How do I join the housing queue?", body="Register on the web.")
    await answers.save_text("housing-queue", "en", english, reviewed_by="Starter", now=now)


async def status(page: Any, language: str, expected: str) -> None:
    cell = f"{ROW} td[data-language='{language}'][data-status='{expected}']"
    await page.wait_for_selector(cell, timeout=WAIT_MS)


async def js(page: Any, expression: str) -> Any:
    return await page.evaluate(expression)


async def test_the_editor_flow_from_sign_in_to_a_kiosk_told_of_the_new_version(
    server_factory: Callable[..., EmbeddedServer], tmp_path: Path
) -> None:
    server = start_editor_server(server_factory)
    server.with_store(seed)
    assert server.app is not None
    database = Path(server.app[SETTINGS].database.path)
    resident = await kiosk(server, server.add_kiosk("K1", "Rinkeby"))
    dialogs: list[str] = []
    async with playwright_api.async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            page = await browser.new_page(viewport={"width": 1400, "height": 1000})

            async def answer_dialog(dialog: Any) -> None:
                dialogs.append(f"{dialog.type}: {dialog.message}")
                await dialog.accept()

            page.on("dialog", answer_dialog)

            # Sign in: an editor lands on the editor, and the fleet is closed to them.
            await page.goto(server.http_url + "/admin/answers")
            await page.wait_for_url("**/admin/login")
            await page.fill("#username", EDITOR[0])
            await page.fill("#password", EDITOR[1])
            await page.click("#sign-in")
            await page.wait_for_url("**/admin/answers")
            await page.wait_for_selector("body[data-ready='true']", timeout=WAIT_MS)
            assert await page.text_content("#me") == EDITOR_NAME
            await status(page, "en", "current")
            await status(page, "ar", "missing")

            # Open the question: the keyboard lands on the editor's heading.
            await page.click(f"{ROW} button.open")
            await page.wait_for_selector("#editor:not([hidden])", timeout=WAIT_MS)
            assert await js(page, "document.activeElement.id") == "editor-heading"
            assert await page.input_value("#sv-body") == "Registrera dig på webben."

            # A script typed into the body: refused at the field, nothing saved, nothing run.
            before = dump(database)
            await page.fill("#sv-body", "Läs mer <script>alert('x')</script>")
            await page.click("#save-original")
            error = page.locator("#editor-error")
            await error.wait_for(timeout=WAIT_MS)
            assert "HTML tag" in (await error.text_content() or "")
            assert await page.get_attribute("#sv-body", "aria-invalid") == "true"
            assert await js(page, "document.activeElement.id") == "sv-body"
            assert dump(database) == before
            await status(page, "en", "current")

            # The Swedish body changes: the English translation turns outdated in the list.
            await page.fill("#sv-body", "Registrera dig på bostad.stockholm.se. Det är gratis.")
            await page.click("#save-original")
            await status(page, "en", "outdated")
            assert await page.get_attribute("#sv-body", "aria-invalid") is None
            await page.screenshot(path=str(tmp_path / "editor-outdated.png"), full_page=True)

            # An Arabic translation, typed into right-to-left fields.
            await page.select_option("#t-language", "ar")
            for field in ("#t-title", "#t-body"):
                assert await page.get_attribute(field, "lang") == "ar"
                assert await page.get_attribute(field, "dir") == "rtl"
            await page.fill("#t-title", ARABIC_TITLE)
            await page.fill("#t-body", ARABIC_BODY)
            await page.click("#save-translation")
            await status(page, "ar", "current")
            assert EDITOR_NAME in (await page.text_content("#t-review") or "")

            # The preview in Arabic: right to left, the words as text, the link as host and URL.
            await page.select_option("#preview-language", "ar")
            await page.click("#show-preview")
            screen = page.locator("#preview-screen[lang='ar'][dir='rtl']")
            await screen.wait_for(timeout=WAIT_MS)
            assert await screen.locator(".title").text_content() == ARABIC_TITLE
            assert await screen.locator(".body").text_content() == ARABIC_BODY
            assert await screen.locator(".host").text_content() == "bostad.stockholm.se"
            assert await screen.locator(".note").count() == 0
            assert await js(page, "getComputedStyle(document.querySelector('#preview-screen'))"
                                  ".direction") == "rtl"  # fmt: skip
            size = await js(page, "parseFloat(getComputedStyle(document.querySelector("
                                  "'#preview-screen .body')).fontSize)")  # fmt: skip
            assert size >= 24  # large type, as on the kiosk
            await page.screenshot(path=str(tmp_path / "editor-preview-ar.png"), full_page=True)
            # In Somali: no text, so the English one, with the note saying so.
            await page.select_option("#preview-language", "so")
            await page.click("#show-preview")
            await page.wait_for_selector("#preview-screen[lang='en'][data-note='missing'] .note")

            # Publish, after a confirmation: the kiosk is told, and history shows who and when.
            await page.click("#publish")
            await page.wait_for_selector("#versions tr[data-version='1']", timeout=WAIT_MS)
            assert dialogs == ["confirm: " + "Publish the draft as version 1? "
                               "Kiosks show it within seconds."]  # fmt: skip
            await resident.expect(m.AnswersPublished, version=1)
            row = page.locator("#versions tr[data-version='1']")
            assert EDITOR_NAME in (await row.text_content() or "")
            assert "version 1" in (await page.text_content("#status") or "")
            # Compared with the draft: nothing changed since; the keyboard lands on the result.
            await row.locator("button.compare-draft").click()
            await page.wait_for_selector("#compare-result li.none", timeout=WAIT_MS)
            assert await js(page, "document.activeElement.id") == "compare-heading"
            published = server.with_store(lambda s: s.answers.latest_published())
            assert published is not None and ARABIC_BODY in published.bundle.decode()

            await check_accessibility(page)
            await check_swedish(page)
        finally:
            await browser.close()
    await resident.expect_quiet()
    await resident.close()


async def check_accessibility(page: Any) -> None:
    # Every button, link, list box and field has a name a screen reader can say.
    tree = await page.locator("body").aria_snapshot()
    unnamed = [line for line in tree.splitlines() if UNNAMED.match(line)]
    assert unnamed == [], unnamed
    # Keyboard: Tab from the top reaches the question's button with a visible focus ring.
    await page.reload()
    await page.wait_for_selector("body[data-ready='true']", timeout=WAIT_MS)
    seen = []
    for _ in range(30):
        await page.keyboard.press("Tab")
        focus = await js(
            page,
            """(() => { const e = document.activeElement; const s = getComputedStyle(e);
                 return { tag: e.tagName, text: (e.textContent || '').trim().slice(0, 40),
                          style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; })()""",
        )
        assert focus["style"] != "none" and focus["width"] >= 2, focus
        seen.append(f"{focus['tag']}:{focus['text']}")
        if focus["text"].startswith("Hur ställer"):
            break
    assert seen[0] == "A:Skip to the questions", seen
    await page.keyboard.press("Enter")  # opens the question from the keyboard
    await page.wait_for_selector("#editor:not([hidden])", timeout=WAIT_MS)


async def check_swedish(page: Any) -> None:
    await page.select_option("#ui-language", "sv")
    await page.wait_for_selector("h1:text-is('Vanliga frågor')", timeout=WAIT_MS)
    assert await js(page, "document.documentElement.lang") == "sv"
    await status(page, "en", "outdated")
    cell = page.locator(f"{ROW} td[data-language='en']")
    assert await cell.text_content() == "inaktuell"
    assert await page.text_content("#publish") == "Publicera utkastet"
    assert await page.text_content("#editor-heading") == "Redigera fråga: housing-queue"


async def test_an_admin_writes_a_new_question_with_a_recording_and_publishes_an_old_version_again(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start_editor_server(server_factory)
    resident = await kiosk(server, server.add_kiosk("K1", "Kista"))
    async with playwright_api.async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            page = await browser.new_page(viewport={"width": 1400, "height": 1000})

            async def accept(dialog: Any) -> None:
                await dialog.accept()

            page.on("dialog", accept)
            await sign_in(page, server.http_url, *ADMIN)  # an admin lands on the fleet
            await page.goto(server.http_url + "/admin/answers")
            await page.wait_for_selector("body[data-ready='true']", timeout=WAIT_MS)

            # A topic, then a new question in it; a plain-http link is refused at its field.
            await page.click("#topics summary")
            await page.fill("#topic-id", "work")
            await page.fill("#topic-sv", "Arbete")
            await page.fill("#topic-en", "Work")
            await page.click("#save-topic")
            await page.wait_for_selector("#topic-list li[data-topic='work']", timeout=WAIT_MS)
            await page.click("#new-question")
            assert await js(page, "document.activeElement.id") == "editor-heading"
            await page.fill("#q-id", "register-af")
            await page.select_option("#q-topic", "work")
            await page.fill("#q-links", "http://arbetsformedlingen.se/")
            await page.fill("#sv-title", "Skriva in sig på Arbetsförmedlingen")
            await page.fill("#sv-body", "Du skriver in dig på arbetsformedlingen.se.")
            await page.click("#save-original")
            await page.wait_for_selector("#q-links[aria-invalid='true']", timeout=WAIT_MS)
            assert "https://" in (await page.text_content("#editor-error") or "")
            assert await server_questions(server) == []
            await page.fill("#q-links", "https://arbetsformedlingen.se/")
            await page.click("#save-original")
            row = "tr[data-question='register-af']"
            await page.wait_for_selector(f"{row} td[data-language='sv'][data-status='current']")
            await page.wait_for_selector(f"{row} td[data-language='ar'][data-status='missing']")

            # An Arabic translation with a recording read aloud.
            await page.select_option("#t-language", "ar")
            await page.fill("#t-title", "التسجيل في مكتب العمل")
            await page.fill("#t-body", "تسجل على الموقع.")
            await page.click("#save-translation")
            await page.wait_for_selector(f"{row} td[data-language='ar'][data-status='current']")
            await page.set_input_files(
                "#t-audio-file",
                files=[{"name": "ar.wav", "mimeType": "audio/wav", "buffer": wav_bytes()}],
            )
            await page.click("#upload-audio")
            await page.wait_for_selector("#t-audio:has-text('audio/wav')", timeout=WAIT_MS)
            assert await page.text_content(f"{row} td:last-child") == "ar"

            # Two versions, then the first published again as the third.
            await page.click("#publish")
            await page.wait_for_selector("#versions tr[data-version='1']", timeout=WAIT_MS)
            await resident.expect(m.AnswersPublished, version=1)
            await page.fill("#sv-body", "Skriv in dig på arbetsformedlingen.se samma dag.")
            await page.click("#save-original")
            await page.wait_for_selector(f"{row} td[data-language='ar'][data-status='outdated']")
            await page.wait_for_selector("#pending-changes li[data-question='register-af']")
            await page.click("#publish")
            await page.wait_for_selector("#versions tr[data-version='2']", timeout=WAIT_MS)
            await resident.expect(m.AnswersPublished, version=2)
            await page.click("#versions tr[data-version='2'] button.compare")
            changed = page.locator("#compare-result li[data-question='register-af']")
            await changed.wait_for(timeout=WAIT_MS)
            assert "ar, sv" in (await changed.text_content() or "")
            await page.click("#versions tr[data-version='1'] button.republish")
            await page.wait_for_selector("#versions tr[data-version='3']", timeout=WAIT_MS)
            await resident.expect(m.AnswersPublished, version=3)
            third = server.with_store(lambda s: s.answers.version(3))
            first = server.with_store(lambda s: s.answers.version(1))
            assert third is not None and first is not None
            assert json.loads(third.bundle)["questions"] == json.loads(first.bundle)["questions"]
        finally:
            await browser.close()
    await resident.close()


async def server_questions(server: EmbeddedServer) -> list[str]:
    draft = server.with_store(lambda s: s.answers.draft())
    return [q.id for q in draft.questions]
