"""ANSWERS: the common questions (docs/answers.md), page by page (kiosk/answers/browse.py).

Languages (asked first when none is chosen) → topics, with a search field and the touch keyboard
→ the questions of a topic, or the search's results → one answer in large type, in its own
direction (an English fallback reads left to right on an Arabic screen), its note when it is a
fallback or outdated, opening hours, phone, links as QR codes with the host name, read aloud when
a recording exists in the shown language, and "Did this help? Yes / No / Talk to an adviser".
While the resident is in line, a strip says their place and leads back to the line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QScroller, QVBoxLayout, QWidget

from kiosk import languages
from kiosk.answers.browse import Browse, Feedback, Page
from kiosk.answers.bundle import Bundle, Link, Question
from kiosk.answers.choice import Note, link_label, recording, shown_text, topic_title
from kiosk.fit import Fit
from kiosk.keyboard_layouts import layout_for
from kiosk.state import KioskState
from kiosk.views import style
from kiosk.views.base import ScreenView
from kiosk.views.catalog import Catalog
from kiosk.views.icons import Icon
from kiosk.views.keyboard import TouchKeyboard
from kiosk.views.qr import QrLink
from kiosk.views.texts import T, fill, tr
from kiosk.views.welcome_view import direction_of
from kiosk.views.widgets import TileLayout, WrapButton, label, place_in_grid

ANSWER_PT = 28  # the answer's body, larger than the kiosk's body text


def answer_languages(state: KioskState, greetings: tuple[str, ...]) -> tuple[str, ...]:
    """The languages offered for reading: the kiosk's own, in the order its screens greet in, then
    any other the published texts or the service's queues have."""
    written = state.answers.languages() if state.answers else ()
    offered = tuple(o.code for o in state.languages)
    return tuple(dict.fromkeys((*greetings, *written, *offered)))


def _caption(link: Link, code: str) -> str:
    """The link's label under its host name; none when the label would only repeat the host."""
    text = link_label(link, code)
    return "" if text == link.host else text


class AnswersView(ScreenView):
    language_chosen = Signal(str)
    topic_chosen = Signal(str)
    question_chosen = Signal(str)
    query_edited = Signal(str)
    search_done = Signal()
    read_aloud = Signal()
    feedback = Signal(bool)
    to_adviser = Signal()
    back_requested = Signal()
    line_requested = Signal()

    def __init__(self, catalog: Catalog) -> None:
        self._page: Page | None = None
        self._typing = False
        super().__init__()
        self._catalog = catalog
        self.greeting = languages.DEFAULT_UI_LANGUAGE  # the turn language, before any choice
        self.greetings: tuple[str, ...] = languages.SHIPPED
        self._build_info()
        self._build_controls()
        QScroller.grabGesture(self.info_area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.tiles: dict[str, WrapButton] = {}
        self._tiles_key: tuple[object, ...] = ()
        self._links_key: tuple[object, ...] = ()
        self.links: list[QrLink] = []
        self._columns = 2
        self._question_columns = 1
        self._tile_kind: object = None

    def _build_info(self) -> None:
        self.title = label("title")
        self.note = label("banner")
        self.search = QLineEdit()
        self.search.textEdited.connect(self.query_edited)
        self.search.returnPressed.connect(self._search_done)
        self.search.installEventFilter(self)  # a tap in the field opens the keyboard
        self.keyboard_toggle = WrapButton()
        self.keyboard_toggle.setCheckable(True)
        self.keyboard_toggle.set_icon(Icon.KEYBOARD)
        self.keyboard_toggle.toggled.connect(self._show_keyboard)
        self.search_row = QWidget()
        row = QHBoxLayout(self.search_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(self.keyboard_toggle, 0)
        self.body = label()
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.hours = label()
        self.phone = label()
        self.scan_hint = label("muted")
        self.links_box = QWidget()
        self.links_grid = TileLayout(self.links_box)
        self.links_grid.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.title,
            self.note,
            self.body,
            self.hours,
            self.phone,
            self.scan_hint,
            self.links_box,
        ):
            self.info.addWidget(widget)
        self.info.addStretch(1)

    def _build_controls(self) -> None:
        self.strip = QWidget()
        strip = QVBoxLayout(self.strip)
        strip.setContentsMargins(0, 0, 0, 0)
        self.place = label()
        self.to_line = WrapButton("primary")
        self.to_line.clicked.connect(self.line_requested)
        strip.addWidget(self.place)
        strip.addWidget(self.to_line)
        self.grid_box = QWidget()
        self.grid = TileLayout(self.grid_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.empty = label("muted")
        self.read = WrapButton()
        self.read.set_icon(Icon.SPEAKER)
        self.read.clicked.connect(self.read_aloud)
        self.question_help = label()
        self.answer_row = QWidget()
        answer_row = QHBoxLayout(self.answer_row)
        answer_row.setContentsMargins(0, 0, 0, 0)
        self.yes = WrapButton()
        self.yes.clicked.connect(lambda: self.feedback.emit(True))
        self.no = WrapButton()
        self.no.clicked.connect(lambda: self.feedback.emit(False))
        self.adviser = WrapButton("primary")
        self.adviser.base_height = style.SMALL_BUTTON_HEIGHT_PX  # the column is short in landscape
        self.adviser.clicked.connect(self.to_adviser)
        for button in (self.yes, self.no):
            answer_row.addWidget(button, 1)
        self.thanks = label("muted")
        self.nobody = label("muted")
        # Over the bottom of the screen, as in the call: the contents move up above it.
        self.keyboard = TouchKeyboard(self.search, self)
        self.keyboard.hide()
        self.back = WrapButton()
        self.back.set_icon(Icon.BACK)
        self.back.clicked.connect(self.back_requested)
        for widget in (
            self.strip,
            self.search_row,  # within reach, as every control (kiosk/views/base.py)
            self.grid_box,
            self.empty,
            self.read,
            self.question_help,
            self.answer_row,
            self.thanks,
            self.adviser,
            self.nobody,
            self.back,
        ):
            self.controls.addWidget(widget)

    # --- layout ---------------------------------------------------------------------------------

    def side_by_side(self, fit: Fit) -> bool:
        # Tiles and the keyboard want the whole width; an answer reads beside its buttons.
        return fit.landscape and self._page is Page.ANSWER and not self._typing

    def arrange(self, fit: Fit) -> None:
        self.grid.setSpacing(fit.px(16))
        self.links_grid.setSpacing(fit.px(24))
        self.body.setStyleSheet(f"font-size: {fit.pt(ANSWER_PT)}pt;")
        self._question_columns = fit.columns(fit.width - 2 * fit.px(48), 440, most=2)
        self._columns = fit.columns(
            fit.width - 2 * fit.px(48), 300 if fit.landscape else 440, most=4
        )
        place_in_grid(self.grid, list(self.tiles.values()), self._tile_columns())
        self.keyboard.apply_fit(fit)
        self._place_keyboard()
        for link in self.links:
            link.apply_fit(fit)
        place_in_grid(self.links_grid, self.links, 1)

    def _tile_columns(self) -> int:
        # A question is a sentence: fewer, wider tiles than for languages and topics.
        return self._question_columns if self._tile_kind == "questions" else self._columns

    def _relayout(self, was_side_by_side: bool) -> None:
        """Stacked or side by side again, only when that changed: a page turn is otherwise
        just new text (a full apply_fit restyles the keyboard, which is slow)."""
        if self.side_by_side(self.fit) != was_side_by_side:
            self._lay_out(self.fit)

    def _show_keyboard(self, shown: bool) -> None:
        was = self.side_by_side(self.fit)
        self._typing = shown
        self.keyboard.setVisible(shown)
        self._show_typing_tiles()
        self._lay_out(self.fit)  # the bottom margin makes room for the keyboard, or gives it back
        self._relayout(was)

    def _show_typing_tiles(self) -> None:
        """While typing, the first row of results only, and no Back (the keyboard's Enter or its
        toggle closes it): the keyboard takes the bottom of the screen."""
        for index, button in enumerate(self.tiles.values()):
            button.setVisible(not self._typing or index < self._tile_columns())
        self.back.setVisible(not self._typing)

    def _lay_out(self, fit: Fit) -> None:
        super()._lay_out(fit)
        if self._typing:
            margins = self.outer.contentsMargins()
            margins.setBottom(margins.bottom() + self.keyboard.sizeHint().height())
            self.outer.setContentsMargins(margins)

    def _place_keyboard(self) -> None:
        side = self.fit.px(24)
        height = self.keyboard.sizeHint().height()
        self.keyboard.setGeometry(
            side, self.height() - height - self.fit.px(12), self.width() - 2 * side, height
        )
        self.keyboard.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_keyboard()
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.MouseButtonPress:
            self.keyboard_toggle.setChecked(True)
        return super().eventFilter(watched, event)

    def _search_done(self) -> None:
        self.keyboard_toggle.setChecked(False)
        self.search_done.emit()

    # --- rendering ------------------------------------------------------------------------------

    def show_state(self, state: KioskState) -> None:
        browse = state.browse
        if browse is None:
            return
        if browse.page is not self._page:
            was = self.side_by_side(self.fit)
            self._page = browse.page
            if browse.page is not Page.TOPICS:
                self.keyboard_toggle.setChecked(False)
            self._relayout(was)
        self._render_strip(state)
        self._render_page(state, browse)
        self.back.set_text(tr(T.BACK) if browse.language else "")
        self.back.setAccessibleName(self._say(browse, T.BACK))

    def _say(self, browse: Browse, source: str) -> str:
        """A sentence in the reading language, or the greeting's turn before one is chosen."""
        if browse.language is None:
            return self._catalog.text(self.greeting, source)
        return tr(source)

    def _render_strip(self, state: KioskState) -> None:
        self.strip.setVisible(state.in_line)
        if not state.in_line:
            return
        place = fill(tr(T.POSITION), state.position) if state.position else tr(T.JOINING)
        self.place.setText(place if state.online else "")
        self.to_line.set_text(tr(T.BACK_TO_LINE))

    def _render_page(self, state: KioskState, browse: Browse) -> None:
        bundle = state.answers
        on_answer = browse.page is Page.ANSWER
        question = bundle.question(browse.question) if bundle and browse.question else None
        self.search_row.setVisible(browse.page is Page.TOPICS and bundle is not None)
        self.keyboard_toggle.setVisible(self.search_row.isVisibleTo(self))
        for widget in (
            self.body,
            self.read,
            self.question_help,
            self.answer_row,
            self.thanks,
            self.adviser,
        ):
            widget.setVisible(on_answer and question is not None)
        self.nobody.setVisible(False)
        self.note.setVisible(False)
        self.hours.setVisible(False)
        self.phone.setVisible(False)
        self.links_box.setVisible(False)
        self.scan_hint.setVisible(False)
        self.empty.setVisible(False)
        self.grid_box.setVisible(not on_answer)
        if browse.page is Page.LANGUAGE:
            self._render_languages(state)
        elif bundle is None:
            self._render_nothing_published()
        elif on_answer and question is not None and browse.language is not None:
            self._render_answer(state, browse, question)
        else:
            self._render_list(bundle, browse)

    def _render_languages(self, state: KioskState) -> None:
        self.title.setText(self._catalog.text(self.greeting, T.CHOOSE_LANGUAGE))
        self.title.setLayoutDirection(direction_of(self.greeting))
        codes = answer_languages(state, self.greetings)
        self._tiles(
            ("languages", codes),
            {c: (languages.endonym(c), c) for c in codes},
            self.language_chosen,
        )

    def _render_nothing_published(self) -> None:
        self.title.setText(tr(T.ANSWERS))
        self.title.setLayoutDirection(self.layoutDirection())
        self.empty.setText(tr(T.NO_ANSWERS))
        self.empty.setVisible(True)
        self._tiles(("none",), {}, self.topic_chosen)

    def _render_list(self, bundle: Bundle, browse: Browse) -> None:
        code = browse.language or "en"
        self.title.setLayoutDirection(self.layoutDirection())
        if browse.page is Page.QUESTIONS and browse.topic is not None:
            topic = bundle.topic(browse.topic)
            self.title.setText(topic_title(topic, code) if topic else tr(T.ANSWERS))
            self._question_tiles(bundle, code, bundle.in_topic(browse.topic), browse)
            return
        self.title.setText(tr(T.ANSWERS))
        self.search.setPlaceholderText(tr(T.SEARCH))
        self.search.setLayoutDirection(direction_of(code))
        self.keyboard.show_layout(layout_for(code))
        if self.search.text() != browse.query:
            self.search.setText(browse.query)
        if browse.query.strip():
            found = tuple(q for q in (bundle.question(i) for i in browse.results) if q)
            self.empty.setText(tr(T.NO_RESULTS))
            self.empty.setVisible(not found)
            self._question_tiles(bundle, code, found, browse)
            return
        topics = {
            t.id: (topic_title(t, code), code) for t in bundle.topics if bundle.in_topic(t.id)
        }
        self._tiles(("topics", bundle.version, code), topics, self.topic_chosen)

    def _question_tiles(
        self, bundle: Bundle, code: str, questions: tuple[Question, ...], browse: Browse
    ) -> None:
        texts = {}
        for question in questions:
            shown = shown_text(question, code)
            texts[question.id] = (shown.text.title, shown.language)
        key = ("questions", bundle.version, code, browse.topic, tuple(texts))
        self._tiles(key, texts, self.question_chosen)

    def _render_answer(self, state: KioskState, browse: Browse, question: Question) -> None:
        code = browse.language
        assert code is not None
        shown = shown_text(question, code)
        direction = direction_of(shown.language)
        for widget in (self.title, self.body, self.hours):
            widget.setLayoutDirection(direction)
        self.title.setText(shown.text.title)
        self.body.setText(shown.text.body)
        self.note.setText(self._note(shown.note, shown.language))
        self.note.setVisible(shown.note is not Note.NONE)
        self.hours.setText(fill(tr(T.HOURS), shown.text.hours) if shown.text.hours else "")
        self.hours.setVisible(bool(shown.text.hours))
        phone = question.phone or ""
        self.phone.setText(fill(tr(T.PHONE), "\u2066" + phone + "\u2069"))
        self.phone.setVisible(bool(question.phone))
        self._render_links(question, code)
        has_recording = recording(question, shown) is not None
        self.read.setVisible(has_recording)
        self.read.set_text(tr(T.STOP_READING) if state.reading else tr(T.READ_ALOUD))
        self.read.setChecked(False)
        answered = browse.feedback is not None
        self.question_help.setText(tr(T.DID_IT_HELP))
        self.question_help.setVisible(not answered)
        self.yes.set_text(tr(T.YES))
        self.no.set_text(tr(T.NO))
        self.yes.setVisible(not answered)
        self.no.setVisible(not answered)
        self.thanks.setText(tr(T.THANKS_FEEDBACK))
        self.thanks.setVisible(answered)
        self.adviser.set_text(tr(T.START))
        self.adviser.setEnabled(state.can_ask_adviser)
        self.nobody.setText(tr(T.LANGUAGE_CLOSED))
        self.nobody.setVisible(not state.can_ask_adviser)
        if browse.feedback is Feedback.HELPED:
            self.adviser.set_role("")  # helped: talking to someone is no longer the next step
        else:
            self.adviser.set_role("primary")

    def _note(self, note: Note, shown_language: str) -> str:
        if note is Note.MISSING:
            return fill(tr(T.NOTE_MISSING), languages.endonym(shown_language))
        if note is Note.OUTDATED:
            return tr(T.NOTE_OUTDATED)
        return ""

    def _render_links(self, question: Question, code: str) -> None:
        key = (question.id, question.links, code, tr(T.SCAN_LINK))
        if key != self._links_key:
            for link in self.links:
                self.links_grid.removeWidget(link)
                link.hide()
                link.deleteLater()
            self.links = [
                QrLink(link.url, link.host, _caption(link, code)) for link in question.links
            ]
            for link in self.links:
                link.apply_fit(self.fit)
                link.show()
            place_in_grid(self.links_grid, self.links, 1)
            self._links_key = key
        self.links_box.setVisible(bool(self.links))
        self.scan_hint.setText(tr(T.SCAN_LINK))
        self.scan_hint.setVisible(bool(self.links))

    def _tiles(
        self, key: tuple[object, ...], texts: dict[str, tuple[str, str]], emit: SignalInstance
    ) -> None:
        """Tiles keyed by id, each text in its own direction; rebuilt only when they change."""
        if key == self._tiles_key:
            return
        for button in self.tiles.values():
            self.grid.removeWidget(button)
            button.hide()  # until deleted, it would still be drawn where it was
            button.deleteLater()
        self.tiles = {}
        self._tile_kind = key[0]
        for tile_id, (text, code) in texts.items():
            button = WrapButton("primary")
            button.set_text(text)
            button.label.setLayoutDirection(direction_of(code))
            button.clicked.connect(lambda _=False, i=tile_id: emit.emit(i))
            button.apply_fit(self.fit)
            self.tiles[tile_id] = button
        place_in_grid(self.grid, list(self.tiles.values()), self._tile_columns())
        for button in self.tiles.values():
            button.show()  # a widget added to a shown one stays hidden until told
        self._show_typing_tiles()
        self._tiles_key = key
