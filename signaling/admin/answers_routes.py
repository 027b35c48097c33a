"""The common questions' editor in the admin web: its page and JSON API (docs/answers.md §Editing
in the admin web). For accounts with the ``editor`` role, and admins (signaling/roles.py).

Under ``/admin/api/answers``::

    GET  /draft                                 the list: topics, questions, status per language
    GET  /questions/{q}                         one question with every text and its review
    POST /questions/{q}                         create or change it with its Swedish original
    POST /topics/{t}                            create or change a topic (titles per language)
    POST /questions/{q}/texts/{lang}            save a translation (the reviewer: who signed in)
    POST /questions/{q}/texts/{lang}/current    a reviewer says the translation is still right
    POST /questions/{q}/audio/{lang}            upload a recording (multipart, field "file")
    POST /questions/{q}/audio/{lang}/remove     remove it
    GET  /questions/{q}/preview?language=L      as a kiosk would show it to a resident reading L
    POST /publish                               freeze the draft as the next version
    GET  /versions                              history: every version, who published it, when
    GET  /versions/compare?from=N&to=M|draft    which topics, questions and languages changed
    POST /versions/{n}/republish                publish an old version again, as a new one

Every change is checked whole before anything is written (signaling.answers.editor_input, then
the store's one transaction): a refusal is 400 with ``{"code", "message", "field"}`` and changes
nothing. Saves, uploads and publishes go to the audit log with who, what and which revision or
version, never the words. A publish tells the connected kiosks at once (the switchboard's
``answers_published`` hook, docs/answers.md §Signaling).

A recording is the one upload of the admin web, and so the one cookie POST that is not JSON: the
page sends it as multipart with the :data:`UPLOAD_HEADER` header, which no cross-site form can add
without a CORS preflight that /admin never grants (signaling/admin/routes.py, ``accept_upload``).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Final

from aiohttp import BodyPartReader, web

from signaling import server as srv
from signaling.answers import editor_input as ei
from signaling.answers.audio import MAX_AUDIO_BYTES
from signaling.answers.bundle import build_bundle
from signaling.answers.compare import compare
from signaling.answers.editor_view import overview_json, question_json
from signaling.answers.model import Draft
from signaling.answers.preview import preview
from signaling.answers.validation import InvalidAnswer
from signaling.errors import ErrorCode, MessageTooLarge
from signaling.roles import EDITORS
from signaling.store_records import NotFound

PAGE: Final = "/admin/answers"
API: Final = "/admin/api/answers"
QUESTION: Final = API + "/questions/{question_id}"
TEXT: Final = QUESTION + "/texts/{language}"
AUDIO: Final = QUESTION + "/audio/{language}"
UPLOAD_HEADER: Final = "X-Kiosklink-Upload"
STATIC: Final = Path(__file__).parent / "static"
_UPLOAD_CHUNK: Final = 64 * 1024

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def setup_answers_editor(app: web.Application) -> None:
    from signaling.admin.routes import accept_upload, allow  # late: routes imports this module

    routes: list[tuple[str, str, Handler]] = [
        ("GET", PAGE, editor_page),
        ("GET", API + "/draft", draft),
        ("GET", QUESTION, question),
        ("POST", QUESTION, save_question),
        ("POST", API + "/topics/{topic_id}", save_topic),
        ("POST", TEXT, save_text),
        ("POST", TEXT + "/current", mark_current),
        ("POST", AUDIO, upload_audio),
        ("POST", AUDIO + "/remove", remove_audio),
        ("GET", QUESTION + "/preview", show_preview),
        ("POST", API + "/publish", publish),
        ("GET", API + "/versions", versions),
        ("GET", API + "/versions/compare", compare_versions),
        ("POST", API + "/versions/{version}/republish", republish),
    ]
    for method, path, handler in routes:
        app.router.add_route(method, path, handler)
        allow(app, path, EDITORS)
    accept_upload(app, AUDIO, UPLOAD_HEADER)


# --- who, and the answers --------------------------------------------------------------------


def _reviewer(request: web.Request) -> str:
    """The name a saved text records as its reviewer: the account's display name."""
    from signaling.admin.routes import signed_in_account  # late: routes imports this module

    signed_in = signed_in_account(request)
    return signed_in.display_name or signed_in.username


async def _audit(request: web.Request, action: str, target: str, detail: str = "") -> None:
    from signaling.admin.routes import actor  # late: routes imports this module

    now = request.app[srv.CLOCK]()
    await request.app[srv.STORE].audit(actor(request), action, target, now, detail)


def _refusal(exc: InvalidAnswer) -> web.Response:
    field = exc.field if isinstance(exc, ei.FieldError) else ""
    body = {"code": ErrorCode.BAD_MESSAGE.value, "message": str(exc), "field": field}
    return web.json_response(body, status=400)


def _not_found(message: str) -> web.Response:
    return srv.json_error(404, ErrorCode.NOT_FOUND, message)


async def _json_body(request: web.Request) -> object:
    try:
        return await request.json()
    except (ValueError, UnicodeDecodeError):
        raise ei.FieldError("", "send the request as JSON") from None


def _languages(request: web.Request) -> tuple[str, ...]:
    return request.app[srv.SETTINGS].service.languages


async def _question_answer(request: web.Request, after: Draft, question_id: str) -> web.Response:
    saved = after.question(question_id)
    if saved is None:  # removed by someone else between the save and this read
        return _not_found(f"no question {question_id!r}")
    audio = await request.app[srv.STORE].answers.audio_index()
    return web.json_response(question_json(saved, audio=audio))


# --- pages and reading -----------------------------------------------------------------------


async def editor_page(request: web.Request) -> web.FileResponse:
    response = web.FileResponse(STATIC / "answers.html")
    response.headers["Cache-Control"] = "no-store"
    # As the dashboard's: no inline script or style, nothing from elsewhere, never in a frame.
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"
    )
    return response


async def draft(request: web.Request) -> web.Response:
    answers = request.app[srv.STORE].answers
    body = overview_json(
        await answers.draft(),
        configured=_languages(request),
        audio=await answers.audio_index(),
        latest_version=await answers.latest_version(),
    )
    return web.json_response(body)


async def question(request: web.Request) -> web.Response:
    question_id = request.match_info["question_id"]
    found = (await request.app[srv.STORE].answers.draft()).question(question_id)
    if found is None:
        return _not_found(f"no question {question_id!r}")
    audio = await request.app[srv.STORE].answers.audio_index()
    return web.json_response(question_json(found, audio=audio))


async def show_preview(request: web.Request) -> web.Response:
    question_id = request.match_info["question_id"]
    language = request.query.get("language", "sv")
    try:
        ei.checked_language(language, _languages(request))
    except InvalidAnswer as exc:
        return _refusal(exc)
    answers = request.app[srv.STORE].answers
    shown = preview(await answers.draft(), question_id, language, audio=await answers.audio_index())
    if shown is None:
        return _not_found(f"no question {question_id!r}")
    return web.json_response(shown)


# --- changing the draft ----------------------------------------------------------------------


async def save_topic(request: web.Request) -> web.Response:
    topic_id, languages = request.match_info["topic_id"], _languages(request)
    try:
        asked = ei.topic_request(topic_id, await _json_body(request), languages=languages)
        after = await request.app[srv.STORE].answers.change(
            lambda d: ei.apply_topic(d, asked, languages=languages)
        )
    except InvalidAnswer as exc:
        return _refusal(exc)
    await _audit(request, "answers_save_topic", topic_id, f"languages={','.join(asked.titles)}")
    topic = after.topic(topic_id)
    assert topic is not None  # just saved, in the same transaction
    return web.json_response({"id": topic.id, "order": topic.order, "titles": dict(topic.titles)})


async def save_question(request: web.Request) -> web.Response:
    question_id, now = request.match_info["question_id"], request.app[srv.CLOCK]()
    try:
        asked = ei.question_request(question_id, await _json_body(request))
        by = _reviewer(request)
        after = await request.app[srv.STORE].answers.change(
            lambda d: ei.apply_question(d, asked, by=by, now=now)
        )
    except InvalidAnswer as exc:
        return _refusal(exc)
    saved = after.question(question_id)
    revision = saved.revision if saved else 0
    await _audit(request, "answers_save_question", question_id, f"revision={revision}")
    return await _question_answer(request, after, question_id)


async def save_text(request: web.Request) -> web.Response:
    question_id, language = request.match_info["question_id"], request.match_info["language"]
    answers, languages, now = (
        request.app[srv.STORE].answers,
        _languages(request),
        request.app[srv.CLOCK](),
    )
    found = (await answers.draft()).question(question_id)
    if found is None:
        return _not_found(f"no question {question_id!r}")
    try:
        asked = ei.text_request(
            question_id,
            language,
            await _json_body(request),
            links=len(found.links),
            languages=languages,
        )
        by = _reviewer(request)
        after = await answers.change(
            lambda d: ei.apply_text(d, asked, by=by, now=now, languages=languages)
        )
    except InvalidAnswer as exc:
        return _refusal(exc)
    saved = after.question(question_id)
    made_from = saved.texts[language].revision if saved else 0
    await _audit(request, "answers_save_text", f"{question_id}/{language}", f"revision={made_from}")
    return await _question_answer(request, after, question_id)


async def mark_current(request: web.Request) -> web.Response:
    question_id, language = request.match_info["question_id"], request.match_info["language"]
    try:
        after = await request.app[srv.STORE].answers.mark_current(
            question_id, language, reviewed_by=_reviewer(request), now=request.app[srv.CLOCK]()
        )
    except InvalidAnswer as exc:
        return _refusal(exc)
    await _audit(request, "answers_mark_current", f"{question_id}/{language}")
    return await _question_answer(request, after, question_id)


async def upload_audio(request: web.Request) -> web.Response:
    question_id, language = request.match_info["question_id"], request.match_info["language"]
    try:
        data = await _uploaded_file(request)
        recording = await request.app[srv.STORE].answers.set_audio(
            question_id, language, data, languages=_languages(request)
        )
    except MessageTooLarge:
        return srv.json_error(
            413, ErrorCode.BAD_MESSAGE, f"a recording may have at most {MAX_AUDIO_BYTES} bytes"
        )
    except InvalidAnswer as exc:
        return _refusal(exc)
    detail = f"{recording.mime} {recording.size} bytes sha256={recording.sha256[:12]}"
    await _audit(request, "answers_audio", f"{question_id}/{language}", detail)
    return await _question_answer(
        request, await request.app[srv.STORE].answers.draft(), question_id
    )


async def remove_audio(request: web.Request) -> web.Response:
    question_id, language = request.match_info["question_id"], request.match_info["language"]
    try:
        await request.app[srv.STORE].answers.remove_audio(question_id, language)
    except NotFound as exc:
        return _not_found(str(exc))
    await _audit(request, "answers_audio_remove", f"{question_id}/{language}")
    return await _question_answer(
        request, await request.app[srv.STORE].answers.draft(), question_id
    )


async def _uploaded_file(request: web.Request) -> bytes:
    """The bytes of the form's ``file`` part, read up to the limit (the app's own body limit is
    far smaller, so the part is streamed rather than read with ``request.post()``)."""
    if (
        request.content_length is not None
        and request.content_length > MAX_AUDIO_BYTES + _UPLOAD_CHUNK
    ):
        raise MessageTooLarge("recording over the limit")
    try:
        reader = await request.multipart()
        part = await reader.next()
    except (ValueError, AssertionError, KeyError):
        raise ei.FieldError("file", "send the recording as multipart/form-data") from None
    if not isinstance(part, BodyPartReader) or part.name != "file":
        raise ei.FieldError("file", "send the recording in the form field 'file'")
    data = bytearray()
    while chunk := await part.read_chunk(_UPLOAD_CHUNK):
        data.extend(chunk)
        if len(data) > MAX_AUDIO_BYTES:
            raise MessageTooLarge("recording over the limit")
    return bytes(data)


# --- publishing and history ------------------------------------------------------------------


async def publish(request: web.Request) -> web.Response:
    app = request.app
    try:
        version = await app[srv.STORE].answers.publish(by=_reviewer(request), now=app[srv.CLOCK]())
    except InvalidAnswer as exc:
        return _refusal(exc)
    await app[srv.SWITCHBOARD].answers_published(version)  # the kiosks hear of it now
    await _audit(request, "answers_publish", f"version {version}")
    return web.json_response({"version": version})


async def republish(request: web.Request) -> web.Response:
    app = request.app
    number = _version_number(request.match_info["version"])
    if number is None:
        return _not_found("no such version")
    try:
        version = await app[srv.STORE].answers.republish(
            number, by=_reviewer(request), now=app[srv.CLOCK]()
        )
    except NotFound as exc:
        return _not_found(str(exc))
    await app[srv.SWITCHBOARD].answers_published(version)
    await _audit(request, "answers_republish", f"version {version}", f"from version {number}")
    return web.json_response({"version": version, "from": number})


async def versions(request: web.Request) -> web.Response:
    found = await request.app[srv.STORE].answers.versions()
    return web.json_response(
        [
            {"version": v.version, "published_at": v.published_at, "published_by": v.published_by}
            for v in found
        ]
    )


async def compare_versions(request: web.Request) -> web.Response:
    """``from`` and ``to`` name versions, or ``draft``; ``to`` defaults to the draft."""
    sides = []
    for name, default in (("from", ""), ("to", "draft")):
        text = request.query.get(name, default)
        bundle = await _bundle(request, text)
        if bundle is None:
            return _not_found(f"{name}: no version {text[:20]!r} (a number, or draft)")
        sides.append(bundle)
    return web.json_response(compare(sides[0], sides[1]).json())


async def _bundle(request: web.Request, name: str) -> dict[str, Any] | None:
    answers = request.app[srv.STORE].answers
    if name == "draft":
        return build_bundle(
            await answers.draft(), version=0, published_at=0.0, audio=await answers.audio_index()
        )
    number = _version_number(name)
    published = await answers.version(number) if number is not None else None
    if published is None:
        return None
    document: dict[str, Any] = json.loads(published.bundle)
    return document


def _version_number(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) < 10 else None
