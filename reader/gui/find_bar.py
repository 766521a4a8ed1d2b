"""The find bar (Ctrl+F): results as you type, hits marked in the text, next/previous."""

from __future__ import annotations

import bisect
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from reader.core.document import Document
from reader.core.search import Hit, SearchOptions, TextIndex, compile_query
from reader.gui.search_worker import (
    Cancelled,
    FindResult,
    JobRunner,
    find_regex_sliced,
    fold_in_slices,
    prepare_result,
    segmenter_loader,
)
from reader.gui.themes import theme

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow
    from reader.gui.reading_view import ReadingView

log = logging.getLogger(__name__)

#: Quiet time after a keystroke before searching (ms); longer for long documents.
DEBOUNCE_MS = 120
DEBOUNCE_LONG_MS = 250
LONG_DOCUMENT = 1_000_000
#: Over texts longer than this, regexes run in slices and folding is done in slices
#: (see search_worker.find_regex_sliced and fold_in_slices), so the UI never waits.
SLICED_REGEX_FROM = 200_000
#: The scrollbar map draws at most this many ticks (hits are bucketed by position).
MAX_MARKS = 800
#: Name of our layer of scrollbar marks.
MARK_LAYER = "search"
#: Fraction of the viewport height above a revealed hit.
REVEAL_AT = 1 / 3


def reveal_range(view: ReadingView, start: int, end: int) -> None:
    """Select ``[start, end)`` in ``view`` and scroll it about a third down the page."""
    view.set_selection(start, end)
    pane = view.text_pane
    height = pane.viewport().height()
    rect = pane.cursorRect()
    if rect.top() < height * 0.12 or rect.bottom() > height * 0.88:
        bar = pane.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - int(height * REVEAL_AT))


def find_job(
    index: TextIndex, query: str, options: SearchOptions, cancelled: Cancelled
) -> FindResult:
    """The find bar's search, run in the worker: hits plus everything the UI needs from them."""
    # Worker thread: no widgets here.
    length = len(index.text)
    if length > SLICED_REGEX_FROM:
        if options.regex:
            folded = fold_in_slices(index, True, cancelled)
            if folded is None:
                return FindResult()
            hits = find_regex_sliced(index.text, folded, query, options, cancelled, index.segmenter)
            return prepare_result(hits, length, MAX_MARKS)
        # a comma or a Latin letter: the folded text is searched; fold it gently first
        needs_fold = compile_query(query, options) is not None
        if needs_fold and fold_in_slices(index, options.case_sensitive, cancelled) is None:
            return FindResult()
    return prepare_result(index.find(query, options), length, MAX_MARKS)


class _QueryEdit(QLineEdit):
    """The query field: Enter / Shift+Enter step through hits."""

    next_requested = Signal()
    previous_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_requested.emit()
            else:
                self.next_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Find in the open document; hits go to ``window.reading_view``.

    Signals: ``results_changed()`` after each search (``hits``, ``current`` updated),
    ``closed()``.
    """

    results_changed = Signal()
    closed = Signal()

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.view = window.reading_view
        self.hits: list[Hit] = []
        self._result = FindResult()
        self.current = -1
        self.error = ""
        self._index: TextIndex | None = None
        self._doc: Document | None = None
        self._searched: tuple[str, SearchOptions] | None = None
        self._loader = segmenter_loader()
        self._runner = JobRunner(self)
        self._runner.finished.connect(self._on_results)
        self._runner.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.search_now)

        self.edit = _QueryEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in document"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(220)
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.next_requested.connect(self.find_next)
        self.edit.previous_requested.connect(self.find_previous)

        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(70)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prev_button = self._button("▲", self.tr("Previous match (Shift+Enter, Shift+F3)"))
        self.prev_button.clicked.connect(self.find_previous)
        self.next_button = self._button("▼", self.tr("Next match (Enter, F3)"))
        self.next_button.clicked.connect(self.find_next)

        self.regex_box = self._toggle(self.tr("Regex"), self.tr("Use a regular expression"))
        self.word_box = self._toggle(
            self.tr("Whole words"), self.tr("Only matches that are whole words (jieba)")
        )
        self.case_box = self._toggle(
            self.tr("Match case"), self.tr("Distinguish upper and lower case Latin letters")
        )
        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        close = self._button("✕", self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(4)
        layout.addWidget(self.edit, 3)
        layout.addWidget(self.count_label)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addSpacing(8)
        layout.addWidget(self.regex_box)
        layout.addWidget(self.word_box)
        layout.addWidget(self.case_box)
        layout.addSpacing(8)
        layout.addWidget(self.message_label, 2)
        layout.addWidget(close)

        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        window.document_opened.connect(self._on_document_opened)
        self._loader.loaded.connect(self._on_jieba_loaded)
        self._set_document(window.current_document)

    # -- public API ----------------------------------------------------------------
    def options(self) -> SearchOptions:
        """The options the user ticked."""
        return SearchOptions(
            regex=self.regex_box.isChecked(),
            whole_word=self.word_box.isChecked(),
            case_sensitive=self.case_box.isChecked(),
        )

    def query(self) -> str:
        """The text in the query field."""
        return self.edit.text()

    def open_bar(self, text: str | None = None) -> None:
        """Show the bar and focus the query; ``text`` (or a short selection) replaces it."""
        if text is None:
            selected = self.view.selected_text()
            if selected and "\n" not in selected and len(selected) <= 100:
                text = selected
        self._reveal_container(True)
        if text is not None and text != self.edit.text():
            self.edit.setText(text)
            self.search_now()
        elif self.edit.text() and not self.hits:
            self.search_now()
        else:
            self._show_hits()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and clear the marks it put in the text and the scrollbar."""
        self._timer.stop()
        self._runner.cancel()
        self.view.set_search_hits([], -1)
        self.view.set_scrollbar_marks(MARK_LAYER, [])
        self._reveal_container(False)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def is_open(self) -> bool:
        """True while the bar is shown."""
        container = self.parentWidget()
        return self.isVisible() or (container is not None and container.isVisible())

    def set_query(self, text: str) -> None:
        """Open the bar with ``text`` and search it at once (keywords panel)."""
        self.open_bar(text)

    def search_now(self) -> None:
        """Search the current query without waiting for the typing pause."""
        self._timer.stop()
        query = self.edit.text()
        options = self.options()
        self.error = ""
        if self._index is None or not query:
            self._runner.cancel()
            self._searched = (query, options)
            self._apply(FindResult())
            return
        if options.whole_word and not self._loader.is_loaded:
            self._set_message(self.tr("Loading dictionary…"), error=False)
            self._loader.when_loaded(self._on_jieba_loaded)
            return
        index = self._index
        self._searched = (query, options)
        self._runner.submit(lambda _emit, cancelled: find_job(index, query, options, cancelled))

    def find_next(self) -> None:
        """Go to the next hit (wraps to the first)."""
        self._step(+1)

    def find_previous(self) -> None:
        """Go to the previous hit (wraps to the last)."""
        self._step(-1)

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the running search ends (tests)."""
        return self._runner.wait(msecs)

    # -- internals -------------------------------------------------------------------
    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = self._button(text, tip)
        button.setCheckable(True)
        button.toggled.connect(lambda _on: self.search_now())
        return button

    def _reveal_container(self, show: bool) -> None:
        container = self.parentWidget()
        target = container if container is not None and container is not self.window_ else self
        target.setVisible(show)
        self.setVisible(show)

    def _set_document(self, doc: Document | None) -> None:
        self._doc = doc
        self._index = TextIndex(doc.text, self._loader.segmenter) if doc is not None else None
        self.hits, self._result, self.current = [], FindResult(), -1
        self._searched = None

    def _on_document_opened(self, doc: Document) -> None:
        self._runner.cancel()
        self._set_document(doc)
        if self.is_open() and self.edit.text():
            self.search_now()
        else:
            self._update_count()

    def _on_text_changed(self, _text: str) -> None:
        long_doc = self._doc is not None and len(self._doc.text) > LONG_DOCUMENT
        self._timer.start(DEBOUNCE_LONG_MS if long_doc else DEBOUNCE_MS)

    def _on_jieba_loaded(self) -> None:
        if self.word_box.isChecked() and self.is_open():
            self._set_message("", error=False)
            self.search_now()

    def _on_results(self, result: object) -> None:
        assert isinstance(result, FindResult)
        self._apply(result)

    def _on_failed(self, message: str) -> None:
        self.error = message
        self.hits, self._result, self.current = [], FindResult(), -1
        self.view.set_search_hits([], -1)
        self.view.set_scrollbar_marks(MARK_LAYER, [])
        self._update_count()
        self._set_message(message, error=True)
        self.results_changed.emit()

    def _apply(self, result: FindResult) -> None:
        # Everything O(hits) was done in the worker (FindResult): here only O(log n).
        self._result = result
        self.hits = result.hits
        self._set_message("", error=False)
        top = self.view.top_offset() if self._doc is not None else 0
        # Start from the reading position, like a browser: the first hit at or below it.
        if result.starts:
            first = bisect.bisect_left(result.starts, top)
            self.current = first if first < len(result.starts) else 0
        else:
            self.current = -1
        self._show_hits()
        if self.current >= 0:
            hit = self.hits[self.current]
            reveal_range(self.view, hit.start, hit.end)
        self.results_changed.emit()

    def _show_hits(self) -> None:
        result = self._result
        self.view.set_search_hits(result.spans, self.current, starts=result.starts)
        color = theme(self.view.theme_name()).color("search_current")
        self.view.set_scrollbar_marks(MARK_LAYER, [(t, color) for t in result.ticks])
        self._update_count()

    def _update_count(self) -> None:
        query = self.edit.text()
        if not query or self.error:
            self.count_label.setText("")
            self.edit.setStyleSheet("")
            return
        n = len(self.hits)
        if n == 0:
            self.count_label.setText(self.tr("No results"))
            self.edit.setStyleSheet("QLineEdit { background: #fde2e1; }")
        else:
            self.count_label.setText(f"{self.current + 1:,} / {n:,}")
            self.edit.setStyleSheet("")

    def _set_message(self, text: str, error: bool) -> None:
        self.message_label.setText(text)
        self.message_label.setToolTip(text)
        self.message_label.setStyleSheet("color: #c0392b;" if error else "color: palette(mid);")

    def _step(self, step: int) -> None:
        if not self.is_open():
            self.open_bar()
            return
        wanted = (self.edit.text(), self.options())
        if wanted != self._searched or self._timer.isActive():
            self.search_now()  # the results for what is typed land with the nearest hit current
            return
        if not self.hits or self._runner.busy:
            return
        self.current = (self.current + step) % len(self.hits)
        hit = self.hits[self.current]
        self.view.set_current_hit(self.current)
        reveal_range(self.view, hit.start, hit.end)
        self._update_count()
        self.results_changed.emit()
