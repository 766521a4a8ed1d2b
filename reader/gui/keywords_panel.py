"""The keywords panel: top jieba TF-IDF keywords of the document and of the current section."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.document import Document, Section
from reader.core.keywords import top_keywords
from reader.gui.search_worker import JobRunner

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Keywords listed for the document and for the section.
DOCUMENT_KEYWORDS = 20
SECTION_KEYWORDS = 12
#: Quiet scrolling time before the section's keywords are recomputed (ms).
FOLLOW_DELAY_MS = 400


class KeywordsPanel(QDockWidget):
    """Two lists of keywords; clicking one emits ``keyword_chosen(word)``.

    Work happens only while the panel is visible, in a worker thread.
    """

    keyword_chosen = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("keywords_panel")
        self.setWindowTitle(self.tr("Keywords"))
        self.window_ = window
        self._doc: Document | None = None
        self._doc_done: Document | None = None
        self._section_key: tuple[int, int] | None = None
        self._section_cache: dict[tuple[int, int], list[tuple[str, float]]] = {}

        body = QWidget(self)
        self.document_label = QLabel(self.tr("In this document"), body)
        self.document_list = QListWidget(body)
        self.section_label = QLabel(self.tr("In this section"), body)
        self.section_label.setWordWrap(True)
        self.section_list = QListWidget(body)
        for view in (self.document_list, self.section_list):
            view.setFlow(QListWidget.Flow.LeftToRight)
            view.setWrapping(True)
            view.setResizeMode(QListWidget.ResizeMode.Adjust)
            view.setSpacing(3)
            view.itemClicked.connect(self._on_clicked)
            view.itemActivated.connect(self._on_clicked)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.document_label)
        layout.addWidget(self.document_list, 1)
        layout.addWidget(self.section_label)
        layout.addWidget(self.section_list, 1)
        self.setWidget(body)

        self.doc_runner = JobRunner(self)
        self.doc_runner.finished.connect(self._on_document_keywords)
        self.doc_runner.failed.connect(lambda msg: self._show_error(self.document_list, msg))
        self.section_runner = JobRunner(self)
        self.section_runner.finished.connect(self._on_section_keywords)
        self.section_runner.failed.connect(lambda msg: self._show_error(self.section_list, msg))
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_DELAY_MS)
        self._follow.timeout.connect(self._update_section)

        window.document_opened.connect(self._on_document_opened)
        window.reading_view.position_changed.connect(lambda _o: self._follow.start())
        self.visibilityChanged.connect(self._on_visibility)
        self._doc = window.current_document

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until both computations end (tests)."""
        return self.doc_runner.wait(msecs) and self.section_runner.wait(msecs)

    def refresh(self) -> None:
        """Compute what is missing for the current document and section."""
        if not self.isVisible():
            return
        doc = self._doc
        if doc is None:
            self.document_list.clear()
            self.section_list.clear()
            return
        if self._doc_done is not doc:
            self._doc_done = doc
            self._placeholder(self.document_list, self.tr("Finding keywords…"))
            text = doc.text
            self.doc_runner.submit(_job(text, DOCUMENT_KEYWORDS))
        self._update_section()

    # -- internals -------------------------------------------------------------------
    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self.refresh()

    def _on_document_opened(self, doc: Document) -> None:
        self._doc = doc
        self._doc_done = None
        self._section_key = None
        self._section_cache.clear()
        self.refresh()

    def _current_section(self) -> Section | None:
        section = self.window_.current_section()
        if section is None and self._doc is not None and self._doc.root.children:
            # Above the first heading (title, preamble): the first section if it is on screen.
            first = self._doc.root.children[0]
            if first.start <= self.window_.reading_view.bottom_offset():
                return first
        return section

    def _update_section(self) -> None:
        if not self.isVisible() or self._doc is None:
            return
        section = self._current_section()
        if section is None:
            self.section_label.setText(self.tr("In this section"))
            self.section_list.clear()
            self._section_key = None
            return
        key = (section.start, section.end)
        if key == self._section_key:
            return
        self._section_key = key
        self.section_label.setText(self.tr("In “%1”").replace("%1", section.title))
        cached = self._section_cache.get(key)
        if cached is not None:
            self._fill(self.section_list, cached)
            return
        self._placeholder(self.section_list, self.tr("Finding keywords…"))
        text = self._doc.text[section.start : section.end]
        job = _job(text, SECTION_KEYWORDS)

        def run(emit: Callable[[object], None], cancelled: Callable[[], bool]) -> object:
            return key, job(emit, cancelled)

        self.section_runner.submit(run)

    def _on_document_keywords(self, words: object) -> None:
        assert isinstance(words, list)
        self._fill(self.document_list, words)

    def _on_section_keywords(self, result: object) -> None:
        assert isinstance(result, tuple)
        key, words = result
        self._section_cache[key] = words
        if key == self._section_key:
            self._fill(self.section_list, words)

    def _fill(self, view: QListWidget, words: list[tuple[str, float]]) -> None:
        view.clear()
        if not words:
            self._placeholder(view, self.tr("(no keywords)"))
            return
        for word, weight in words:
            item = QListWidgetItem(word)
            item.setData(Qt.ItemDataRole.UserRole, word)
            item.setToolTip(self.tr("Weight %1 — click to find it").replace("%1", f"{weight:.3f}"))
            view.addItem(item)

    def _placeholder(self, view: QListWidget, text: str) -> None:
        view.clear()
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        view.addItem(item)

    def _show_error(self, view: QListWidget, message: str) -> None:
        self._placeholder(view, self.tr("Keywords unavailable: %1").replace("%1", message))

    def _on_clicked(self, item: QListWidgetItem) -> None:
        word = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(word, str) and word:
            self.keyword_chosen.emit(word)


def _job(text: str, k: int) -> Callable[[Callable[[object], None], Callable[[], bool]], object]:
    def run(_emit: Callable[[object], None], _cancelled: Callable[[], bool]) -> object:
        return top_keywords(text, k)

    return run
