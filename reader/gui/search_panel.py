"""The search panel (Ctrl+Shift+F): snippets grouped by section, in one document or the library."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.document import Document
from reader.core.search import SearchOptions, classify_hits, find_all, snippet
from reader.gui.find_bar import reveal_range
from reader.gui.library_indexer import document_key
from reader.gui.search_worker import Cancelled, Emit, JobRunner, segmenter_loader
from reader.models.search_results_model import (
    KIND_ROLE,
    SNIPPET_ROLE,
    ResultHit,
    SearchResultsModel,
)

if TYPE_CHECKING:
    from reader.gui.library_indexer import LibraryIndexer
    from reader.gui.main_window import MainWindow
    from reader.store.library_index import LibraryIndex

log = logging.getLogger(__name__)

#: Most hits listed for one document / for the library.
MAX_DOCUMENT_HITS = 5000
MAX_LIBRARY_HITS = 3000
#: Recently opened documents whose library results come first (most recent first).
PREFERRED_RECENT = 50
#: Characters of context either side of a hit in a snippet.
SNIPPET_WIDTH = 24
#: Streamed library results are sent at least this often (seconds) or this many at a time.
STREAM_INTERVAL = 0.1
STREAM_BATCH = 200
DEBOUNCE_MS = 300

#: Background of the match in a snippet (the reading view's search-hit yellow).
MATCH_BACKGROUND = QColor("#ffe27a")

SCOPE_DOCUMENT = 0
SCOPE_LIBRARY = 1


class SnippetDelegate(QStyledItemDelegate):
    """Draws a hit row as ``…before **match** after…`` with the match bold and tinted."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        if index.data(KIND_ROLE) != "hit":
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        before, match, after = index.data(SNIPPET_ROLE)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = palette.color(role)
        custom = index.data(Qt.ItemDataRole.ForegroundRole)
        if custom is not None and not selected:
            color = custom
        normal: QFont = opt.font
        bold = QFont(normal)
        bold.setBold(True)
        fm, fm_bold = QFontMetrics(normal), QFontMetrics(bold)
        width = rect.width()
        match_w = min(fm_bold.horizontalAdvance(match), width)
        # The match stays in view: the text before it gets at most a third of the row.
        before_text = fm.elidedText(before, Qt.TextElideMode.ElideLeft, max(0, width // 3))
        before_w = fm.horizontalAdvance(before_text)
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(color)
        painter.setFont(normal)
        flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        x = rect.left()
        painter.drawText(QRect(x, rect.top(), before_w, rect.height()), flags, before_text)
        x += before_w
        mark = QRect(x, rect.top() + 2, match_w, rect.height() - 4)
        if not selected:
            painter.fillRect(mark, MATCH_BACKGROUND)
        painter.setFont(bold)
        match_text = fm_bold.elidedText(match, Qt.TextElideMode.ElideRight, match_w)
        painter.drawText(QRect(x, rect.top(), match_w, rect.height()), flags, match_text)
        x += match_w
        painter.setFont(normal)
        rest = max(0, rect.right() - x)
        after_text = fm.elidedText(after, Qt.TextElideMode.ElideRight, rest)
        painter.drawText(QRect(x, rect.top(), rest, rect.height()), flags, after_text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), QFontMetrics(option.font).height() + 6))


class SearchPanel(QDockWidget):
    """Search the open document or every document the user has opened.

    Signals come from its parts: ``runner`` (a JobRunner) reports results;
    ``model`` (SearchResultsModel) holds them.
    """

    def __init__(
        self,
        window: MainWindow,
        indexer: LibraryIndexer | None = None,
        index: LibraryIndex | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("search_panel")
        self.setWindowTitle(self.tr("Search"))
        self.window_ = window
        self.indexer = indexer
        self.index = index if index is not None else (indexer.index if indexer else None)
        self._loader = segmenter_loader()
        self._pending_jump: tuple[Path, int, int] | None = None
        self._searched_at = 0.0
        self.first_results_ms: float | None = None
        self._last: tuple[str, SearchOptions, int] | None = None
        self._truncated = False

        self.model = SearchResultsModel(self)
        self.runner = JobRunner(self)
        self.runner.partial.connect(self._on_partial)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)

        body = QWidget(self)
        self.query_edit = QLineEdit(body)
        self.query_edit.setPlaceholderText(self.tr("Search for…"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.returnPressed.connect(self.search)
        self.query_edit.textChanged.connect(lambda _t: self._timer.start())
        self.scope_box = QComboBox(body)
        self.scope_box.addItem(self.tr("This document"))
        self.scope_box.addItem(self.tr("Library"))
        self.scope_box.setToolTip(self.tr("Library: every document you have opened"))
        self.scope_box.currentIndexChanged.connect(lambda _i: self.search())
        self.word_box = QCheckBox(self.tr("Whole words"), body)
        self.word_box.setToolTip(self.tr("Only matches that are whole words (jieba)"))
        self.regex_box = QCheckBox(self.tr("Regex"), body)
        for box in (self.word_box, self.regex_box):
            box.toggled.connect(lambda _on: self.search())

        self.tree = QTreeView(body)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setItemDelegate(SnippetDelegate(self.tree))
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.clicked.connect(self._on_activated)
        self.tree.activated.connect(self._on_activated)
        self.model.rowsInserted.connect(self._expand_new)
        self.model.modelReset.connect(self.tree.expandAll)

        self.status_label = QLabel(body)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.index_label = QLabel(body)
        self.index_label.setTextFormat(Qt.TextFormat.PlainText)
        self.index_label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Stop indexing"), body)
        self.cancel_button.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scope_box)
        row.addWidget(self.word_box)
        row.addWidget(self.regex_box)
        row.addStretch(1)
        index_row = QHBoxLayout()
        index_row.setContentsMargins(0, 0, 0, 0)
        index_row.addWidget(self.index_label, 1)
        index_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.query_edit)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(index_row)
        self.setWidget(body)

        window.document_opened.connect(self._on_document_opened)
        window.load_failed.connect(lambda _e: setattr(self, "_pending_jump", None))
        if indexer is not None:
            self.cancel_button.clicked.connect(indexer.cancel)
            indexer.progress.connect(self._on_index_progress)
            indexer.skipped.connect(self._on_index_skipped)
            indexer.finished.connect(self._on_index_finished)
        self._skipped: list[str] = []

    # -- public API ------------------------------------------------------------------
    def open_panel(self, scope: int | None = None, text: str | None = None) -> None:
        """Show the panel (in ``scope``), optionally with ``text`` as the query, and search."""
        if scope is not None:
            self.scope_box.blockSignals(True)
            self.scope_box.setCurrentIndex(scope)
            self.scope_box.blockSignals(False)
        self.show()
        self.raise_()
        if text:
            self.query_edit.blockSignals(True)
            self.query_edit.setText(text)
            self.query_edit.blockSignals(False)
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()
        if self.query_edit.text():
            self.search()

    def options(self) -> SearchOptions:
        """What the check boxes ask for."""
        return SearchOptions(regex=self.regex_box.isChecked(), whole_word=self.word_box.isChecked())

    def is_library(self) -> bool:
        """True when searching the whole library."""
        return self.scope_box.currentIndex() == SCOPE_LIBRARY

    def search(self) -> None:
        """Run the query in the chosen scope (results replace the previous ones)."""
        self._timer.stop()
        query = self.query_edit.text()
        options = self.options()
        library = self.is_library()
        self.model.clear(by_document=library)
        self._truncated = False
        self.first_results_ms = None
        if not query:
            self.runner.cancel()
            self.status_label.setText("")
            return
        seg = self._loader.segmenter
        if not seg.is_loaded:
            self.status_label.setText(self.tr("Loading dictionary…"))
        else:
            self.status_label.setText(self.tr("Searching…"))
        self._searched_at = time.perf_counter()
        if library:
            if self.index is None:
                self.status_label.setText(self.tr("The library index is not available."))
                return
            index = self.index
            prefer = self.recent_keys()
            self.runner.submit(
                lambda emit, cancelled: _search_library(
                    index, query, options, emit, cancelled, prefer
                )
            )
        else:
            doc = self.window_.current_document
            if doc is None:
                self.status_label.setText(self.tr("Open a document to search it."))
                return
            self.runner.submit(lambda _emit, _c: _search_document(doc, query, options))

    def recent_keys(self) -> list[str]:
        """Library keys of the recently opened documents, most recent first (searched first)."""
        store = self.window_.store
        if store is None:
            return []
        try:
            records = store.documents.recent(PREFERRED_RECENT)
        except Exception:
            log.exception("cannot read the recent documents")
            return []
        return [document_key(record) for record in records]

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the running search ends (tests)."""
        return self.runner.wait(msecs)

    def activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """Go to the hit of ``index`` (opens its document first when it is another one)."""
        hit = self.model.hit_at(index)
        if hit is None:
            return
        doc = self.window_.current_document
        target = Path(hit.path) if hit.path else None
        if target is None or (doc is not None and _same_file(doc.path, target)):
            reveal_range(self.window_.reading_view, hit.start, hit.end)
            return
        self._pending_jump = (target, hit.start, hit.end)
        self.window_.open_path(target)

    # -- internals --------------------------------------------------------------------------
    def _on_activated(self, index: QModelIndex) -> None:
        self.activate(index)

    def _expand_new(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            index = self.model.index(row, 0, parent)
            if index.data(KIND_ROLE) != "hit":
                self.tree.expand(index)

    def _note_first(self) -> None:
        if self.first_results_ms is None and self.model.total():
            self.first_results_ms = (time.perf_counter() - self._searched_at) * 1000

    def _on_partial(self, hits: object) -> None:
        assert isinstance(hits, list)
        self.model.add_hits(hits)
        self._note_first()
        self._show_count(done=False)

    def _on_finished(self, result: object) -> None:
        hits, truncated = result if isinstance(result, tuple) else ([], False)
        if hits:
            self.model.set_hits(hits, by_document=self.is_library())
        self._truncated = bool(truncated)
        self._note_first()
        self._show_count(done=True)

    def _on_failed(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setStyleSheet("color: #c0392b;")

    def _show_count(self, done: bool) -> None:
        self.status_label.setStyleSheet("")
        n = self.model.total()
        if n == 0:
            text = self.tr("No results") if done else self.tr("Searching…")
        elif self.is_library():
            docs = self.model.rowCount()
            text = (
                self.tr("%1 results in %2 documents")
                .replace("%1", f"{n:,}")
                .replace("%2", str(docs))
            )
        else:
            text = (
                self.tr("%1 results in %2 sections")
                .replace("%1", f"{n:,}")
                .replace("%2", str(self.model.group_count()))
            )
        if self._truncated:
            text += " " + self.tr("(only the first %1 are listed)").replace("%1", f"{n:,}")
        elif not done and n:
            text += " …"
        self.status_label.setText(text)

    def _on_document_opened(self, doc: Document) -> None:
        pending, self._pending_jump = self._pending_jump, None
        if pending is not None and _same_file(doc.path, pending[0]):
            reveal_range(self.window_.reading_view, pending[1], pending[2])
        elif not self.is_library() and self.isVisible() and self.query_edit.text():
            self.search()

    def _on_index_progress(self, done: int, total: int, title: str) -> None:
        self.cancel_button.show()
        self.index_label.setText(
            self.tr("Indexing the library: %1 / %2 — %3")
            .replace("%1", str(done + 1))
            .replace("%2", str(total))
            .replace("%3", title)
        )

    def _on_index_skipped(self, title: str, reason: str) -> None:
        self._skipped.append(title)
        why = self.tr("file not found") if reason == "missing" else reason
        log.info("library: skipped %s (%s)", title, why)
        self.index_label.setToolTip(
            self.tr("Not indexed: %1").replace("%1", "; ".join(self._skipped[-10:]))
        )

    def _on_index_finished(self, _count: int) -> None:
        self.cancel_button.hide()
        if self._skipped:
            self.index_label.setText(
                self.tr("Library indexed; %1 missing files were skipped.").replace(
                    "%1", str(len(self._skipped))
                )
            )
        else:
            self.index_label.setText("")
        if self.is_library() and self.isVisible() and self.query_edit.text():
            self.search()  # newly indexed documents may hold hits


def _same_file(a: Path | None, b: Path | None) -> bool:
    if a is None or b is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def _search_document(
    doc: Document, query: str, options: SearchOptions
) -> tuple[list[ResultHit], bool]:
    """Worker: hits of one document, ranked whole-word first inside each section."""
    from reader.core.segment import default_segmenter

    seg = default_segmenter()
    seg.ensure_loaded()
    text = doc.text
    hits = find_all(text, query, options, limit=MAX_DOCUMENT_HITS + 1, segmenter=seg)
    truncated = len(hits) > MAX_DOCUMENT_HITS
    hits = hits[:MAX_DOCUMENT_HITS]
    if not options.whole_word:
        hits = classify_hits(text, hits, seg)
    results = [
        ResultHit(
            start=h.start,
            end=h.end,
            snippet=snippet(text, h.start, h.end, SNIPPET_WIDTH),
            section=tuple(doc.section_path(h.start)),
            whole_word=h.whole_word,
            title=doc.display_title,
            path=str(doc.path) if doc.path else "",
        )
        for h in hits
    ]
    return results, truncated


def _search_library(
    index: LibraryIndex,
    query: str,
    options: SearchOptions,
    emit: Emit,
    cancelled: Cancelled,
    prefer: list[str] | None = None,
) -> tuple[list[ResultHit], bool]:
    """Worker: stream library hits in batches (the first one at once), ``prefer``'s first."""
    from reader.core.segment import default_segmenter

    seg = default_segmenter()
    seg.ensure_loaded()
    batch: list[ResultHit] = []
    sent = 0
    last = time.perf_counter()
    hits = index.search(
        query, options, limit=MAX_LIBRARY_HITS + 1, segmenter=seg, prefer=prefer or None
    )
    for hit in hits:
        if cancelled():
            return [], False
        if sent + len(batch) >= MAX_LIBRARY_HITS:
            if batch:
                emit(batch)
            return [], True
        whole = hit.whole_word
        if whole is None:
            before, match, after = hit.snippet
            # The snippet holds the hit's context up to the line end: enough to segment.
            whole = seg.whole_word_flags(
                before + match + after, [(len(before), len(before) + len(match))]
            )[0]
        batch.append(
            ResultHit(
                start=hit.start,
                end=hit.end,
                snippet=hit.snippet,
                section=tuple(hit.section),
                whole_word=whole,
                key=hit.key,
                title=hit.title,
                path=hit.path,
            )
        )
        now = time.perf_counter()
        if sent == 0 or len(batch) >= STREAM_BATCH or now - last >= STREAM_INTERVAL:
            emit(batch)
            sent += len(batch)
            batch = []
            last = now
    if batch:
        emit(batch)
    return [], False
