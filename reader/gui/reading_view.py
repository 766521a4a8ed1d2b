"""The reading view: a window of the document's text, laid out for reading Chinese.

Why a window: a QTextEdit holding a whole 5 M-character novel takes over a
second to jump and ~150 MB (TECH-NOTES), and QPlainTextEdit cannot indent or
set line height. So the view holds a few consecutive chunks of the text around
the reading position, inserted as plain text so that a position in the widget
maps 1:1 to a document offset (``offset = window_start + position``, corrected
for characters outside the BMP, which Qt counts twice). Scrolling into the
first or last chunk slides the window, keeping the same line at the same place
on screen. Small documents (< WHOLE_LIMIT characters) are shown whole.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QHBoxLayout, QMenu, QTextEdit, QWidget

from reader.core.document import Document, Section
from reader.gui.fonts import DEFAULT_POINT_SIZE, reading_font
from reader.gui.overview_strip import OverviewStrip
from reader.gui.text_pane import TextPane
from reader.gui.themes import DEFAULT_THEME, Theme, theme

log = logging.getLogger(__name__)

#: Documents up to this many characters are shown whole.
WHOLE_LIMIT = 300_000
#: Chunk sizes (characters) for windowed documents; chunks end at a section
#: start when one lies between MIN and MAX, else at a paragraph end after TARGET.
CHUNK_MIN = 6_000
CHUNK_TARGET = 12_000
CHUNK_MAX = 24_000
#: Chunks kept on each side of the chunk being read.
WINDOW_RADIUS = 1
#: Zoom limits, in steps of 10 %.
ZOOM_MIN, ZOOM_MAX = -6, 14
#: Margin around the text inside the widget, pixels.
DOCUMENT_MARGIN = 28
#: Pixels left above the line that a jump brings to the top.
TOP_GAP = 8
#: Line pitch of body text, in em (CJK fonts' natural spacing is ~1.3–1.5 em).
LINE_HEIGHT_EM = 1.75
#: Heading size relative to body text, by level (deeper levels: 1.0).
HEADING_SCALE = {1: 1.5, 2: 1.28, 3: 1.14, 4: 1.05}
#: Highlights and search hits are given to Qt only for the visible text plus this many
#: characters either side (several screens); scrolling past that rebuilds them. Qt
#: measures every extra selection on each change, so 10,000 of them cost ~0.3 s.
PAINT_MARGIN = 2_500
#: When more search hits than this fall in that range (a one-character query: a hit
#: every ~15 characters), only those within DENSE_MARGIN characters of the visible text
#: are handed over: each costs ~0.1 ms, and 400 of them made a window slide stall 40 ms.
DENSE_HITS = 200
DENSE_MARGIN = 600

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
#: Paragraphs that bring their own indent (novels often start lines with "　　").
_SELF_INDENTED = re.compile(r"^[ \t\u3000\u00a0]+(?=\S)", re.MULTILINE)
#: Runs of empty lines, which would otherwise each take a full line pitch.
_BLANK_LINE = re.compile(r"^[ \t\u3000]*$", re.MULTILINE)


@dataclass(frozen=True)
class HighlightSpan:
    """A coloured span of the document (an annotation), in document offsets."""

    id: int
    start: int
    end: int
    color: str


def _paint_order(span: HighlightSpan) -> tuple[int, int]:
    """Sort key: by start, the longer of two spans with the same start first (underneath)."""
    return span.start, -span.end


class _OffsetMap:
    """Maps offsets within the window's Python text to Qt positions and back.

    Qt counts UTF-16 code units, so every character outside the BMP (rare CJK
    extension characters, emoji) shifts later positions by one.
    """

    def __init__(self, text: str) -> None:
        self._py = [m.start() for m in _ASTRAL.finditer(text)]
        self._qt = [p + i for i, p in enumerate(self._py)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._py, offset) if self._py else offset

    def to_py(self, pos: int) -> int:
        if not self._py:
            return pos
        # characters that start at least two units before pos are fully before it
        return pos - bisect.bisect_left(self._qt, pos - 1)


def compute_chunks(text: str, starts: list[int]) -> list[int]:
    """Chunk boundaries ``[0, …, len(text)]`` cut at section starts or paragraph ends."""
    n = len(text)
    if n <= WHOLE_LIMIT:
        return [0, n]
    bounds = [0]
    pos = 0
    while n - pos > CHUNK_MAX:
        lo, target, hi = pos + CHUNK_MIN, pos + CHUNK_TARGET, pos + CHUNK_MAX
        i = bisect.bisect_left(starts, lo)
        j = bisect.bisect_right(starts, hi)
        if i < j:
            k = bisect.bisect_left(starts, target, i, j)
            near = [starts[x] for x in (k - 1, k) if i <= x < j]
            cut = min(near, key=lambda s: abs(s - target))
        else:
            nl = text.find("\n", target, hi)
            cut = nl + 1 if nl != -1 else target
        bounds.append(cut)
        pos = cut
    bounds.append(n)
    return bounds


class ReadingView(QWidget):
    """Shows a Document for reading; everything public speaks document offsets.

    Signals: ``position_changed(int)`` (offset at the top of the viewport, while
    scrolling), ``highlight_clicked(int)`` (annotation id under a plain click),
    ``context_menu_about_to_show(QMenu, int)`` (menu, document offset under the
    mouse: add actions to the menu), ``zoom_changed(int)`` (percent),
    ``window_changed(int, int)`` (document range now held by the widget).
    """

    position_changed = Signal(int)
    highlight_clicked = Signal(int)
    context_menu_about_to_show = Signal(QMenu, int)
    zoom_changed = Signal(int)
    window_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pane = TextPane(self)
        self._strip = OverviewStrip(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._pane, 1)
        layout.addWidget(self._strip)
        self._strip.hide()

        self._doc: Document | None = None
        self._text = ""
        self._nodes: list[Section] = []
        self._node_starts: list[int] = []
        self._chunks: list[int] = [0, 0]
        self._center = 0
        self._win = (0, 0)
        self._map = _OffsetMap("")
        self._zoom = 0
        self._theme: Theme = theme(DEFAULT_THEME)
        self._highlights: list[HighlightSpan] = []
        self._hl_starts: list[int] = []
        self._hl_max_len = 0
        self._formats: dict[tuple[str, str], QTextCharFormat] = {}
        #: document range whose highlights and hits are handed to Qt
        self._painted = (0, 0)
        #: (offset, y): the character being read and its line's top in the viewport,
        #: restored after the text is laid out again (width change, dock shown)
        self._anchor: tuple[int, int] | None = None
        self._hits: list[tuple[int, int]] = []
        self._hit_starts: list[int] = []
        self._current_hit = -1
        self._marks: dict[str, list[tuple[int, QColor]]] = {}
        self._last_top = -1
        self._rendering = False
        self._scroll_check = QTimer(self)
        self._scroll_check.setSingleShot(True)
        self._scroll_check.setInterval(0)
        self._scroll_check.timeout.connect(self._after_scroll)

        self._pane.document().setDocumentMargin(DOCUMENT_MARGIN)
        self._font = reading_font()
        self._building = self._pane.document()
        self._shown: QTextDocument | None = None
        self._pane.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._pane.clicked_at.connect(self._on_clicked)
        self._pane.menu_about_to_show.connect(self._on_menu)
        self._pane.about_to_resize.connect(self._before_resize)
        self._pane.resized.connect(self._on_resized)
        self._strip.jump_requested.connect(self._on_strip_jump)
        self._pane.setPlaceholderText(self.tr("This file is empty."))
        self.setFocusProxy(self._pane)
        self._apply_fonts()
        self.set_theme(DEFAULT_THEME)

    # -- read-only state -------------------------------------------------------------
    @property
    def document(self) -> Document | None:
        """The document shown (None when nothing is open)."""
        return self._doc

    @property
    def text_pane(self) -> TextPane:
        """The QTextEdit showing the window (for tests and features that need Qt)."""
        return self._pane

    @property
    def overview_strip(self) -> OverviewStrip:
        """The whole-document strip beside the text (marks, position)."""
        return self._strip

    def is_windowed(self) -> bool:
        """True when only part of the document is loaded into the widget."""
        return len(self._chunks) > 2

    def window_range(self) -> tuple[int, int]:
        """The document range ``[start, end)`` currently held by the widget."""
        return self._win

    def theme_name(self) -> str:
        """Name of the current theme."""
        return self._theme.name

    def zoom_percent(self) -> int:
        """Text size relative to the default, in percent."""
        return round(100 * 1.1**self._zoom)

    # -- document ---------------------------------------------------------------------
    def set_document(self, doc: Document | None, offset: int = 0) -> None:
        """Show ``doc`` (None clears the view) with ``offset`` at the top."""
        self._doc = doc
        self._text = doc.text if doc is not None else ""
        self._nodes = doc.sections() if doc is not None else []
        self._node_starts = [n.start for n in self._nodes]
        line_starts = [s for s in self._node_starts if s == 0 or self._text[s - 1 : s] == "\n"]
        self._chunks = compute_chunks(self._text, line_starts)
        self._highlights, self._hl_starts, self._hl_max_len = [], [], 0
        self._hits, self._hit_starts, self._current_hit = [], [], -1
        self._marks.clear()
        for name in list(self._strip._marks):
            self._strip.set_marks(name, [])
        self._last_top = -1
        self._center = -1
        self._anchor = None
        offset = max(0, min(offset, len(self._text)))
        self._load_window(self._center_for(offset))
        self._strip.setVisible(self.is_windowed())
        self.scroll_to_offset(offset)

    def scroll_to_offset(self, offset: int) -> None:
        """Bring document ``offset`` to the top of the viewport."""
        if self._doc is None:
            return
        offset = max(0, min(offset, len(self._text)))
        center = self._center_for(offset)
        if center != self._center:
            self._load_window(center)
        self._scroll_offset_to_y(offset, TOP_GAP)
        self._anchor = (offset, self._line_top(offset))
        self._after_scroll()

    def top_offset(self) -> int:
        """Document offset of the first line at the top of the viewport."""
        if self._doc is None:
            return 0
        return self._offset_of(self._pane.position_at(QPoint(0, TOP_GAP + 2)))

    def bottom_offset(self) -> int:
        """Document offset of the last visible character."""
        if self._doc is None:
            return 0
        vp = self._pane.viewport()
        return self._offset_of(self._pane.position_at(QPoint(vp.width() - 1, vp.height() - 1)))

    def progress(self) -> float:
        """How far through the document the reader is, 0.0–1.0."""
        n = len(self._text)
        if n == 0:
            return 0.0
        bar = self._pane.verticalScrollBar()
        if self._win[1] >= n and bar.value() >= bar.maximum():
            return 1.0
        return min(1.0, self.top_offset() / n)

    def offset_at(self, point: QPoint) -> int:
        """Document offset nearest ``point`` in the text pane's viewport coordinates."""
        return self._offset_of(self._pane.position_at(point))

    # -- selection ---------------------------------------------------------------------
    def selection_range(self) -> tuple[int, int] | None:
        """The selected document range ``(start, end)``, or None."""
        cursor = self._pane.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offset_of(cursor.selectionStart()), self._offset_of(cursor.selectionEnd())

    def selected_text(self) -> str:
        """The selected text exactly as in the document ("\\n" between paragraphs)."""
        sel = self.selection_range()
        return self._text[sel[0] : sel[1]] if sel else ""

    def set_selection(self, start: int, end: int) -> None:
        """Select document range ``[start, end)`` and make it visible."""
        if self._doc is None:
            return
        if not (self._win[0] <= start and end <= self._win[1]):
            self.scroll_to_offset(start)
        cursor = QTextCursor(self._pane.document())
        cursor.setPosition(self._qt(max(start, self._win[0])))
        cursor.setPosition(self._qt(min(end, self._win[1])), QTextCursor.MoveMode.KeepAnchor)
        self._pane.setTextCursor(cursor)
        self._pane.ensureCursorVisible()

    # -- highlights, hits, marks ---------------------------------------------------------
    def set_highlights(self, spans: list[HighlightSpan]) -> None:
        """Colour these annotation spans (document offsets); replaces earlier ones.

        Overlaps: spans are painted in order of their start, and of spans starting at
        the same character the longer one first, so a span inside another (nested, or
        sharing its start) is painted over it and stays visible; where two spans
        overlap partly, the one starting later shows in the shared part. Search hits
        are painted over highlights. A click reports the shortest span under it.
        Cheap with 10,000 spans: only those near the visible text reach Qt.
        """
        self._highlights = sorted(spans, key=_paint_order)
        self._hl_starts = [s.start for s in self._highlights]
        self._hl_max_len = max((s.end - s.start for s in self._highlights), default=0)
        self._apply_extra_selections()

    def highlights(self) -> list[HighlightSpan]:
        """The spans given to set_highlights, in document order."""
        return list(self._highlights)

    def set_search_hits(
        self, hits: list[tuple[int, int]], current: int, *, starts: list[int] | None = None
    ) -> None:
        """Mark search hits (document ranges); ``current`` indexes the active one (-1: none).

        ``starts`` (the hits' starts) promises that ``hits`` are sorted already: with
        100,000 hits, sorting and listing them here would stall the UI ~30 ms, so the
        find bar prepares both in its worker. The view keeps the lists it is given.
        """
        if starts is not None and len(starts) == len(hits):
            self._hits, self._hit_starts = hits, starts
            self._current_hit = current if 0 <= current < len(hits) else -1
        else:
            self._hits = sorted(hits)
            self._hit_starts = [h[0] for h in self._hits]
            self._current_hit = current if 0 <= current < len(hits) else -1
            if self._current_hit >= 0:
                # keep the index meaningful after sorting
                self._current_hit = self._hits.index(hits[current])
        self._apply_extra_selections()

    def set_current_hit(self, current: int) -> None:
        """Make hit ``current`` (an index into the sorted hits) the active one; -1: none."""
        current = current if 0 <= current < len(self._hits) else -1
        if current != self._current_hit:
            self._current_hit = current
            self._apply_extra_selections()

    def current_hit(self) -> int:
        """Index of the active search hit in document order (-1: none)."""
        return self._current_hit

    def set_scrollbar_marks(self, name: str, marks: list[tuple[int, QColor]]) -> None:
        """Ticks beside the scrollbar for the WHOLE document, one layer per ``name``."""
        n = max(1, len(self._text))
        if marks:
            self._marks[name] = list(marks)
        else:
            self._marks.pop(name, None)
        self._strip.set_marks(name, [(off / n, color) for off, color in marks])
        self._strip.setVisible(self.is_windowed() or bool(self._marks))

    # -- zoom and theme --------------------------------------------------------------------
    def zoom_in(self) -> None:
        """Larger text (10 % per step)."""
        self._set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        """Smaller text."""
        self._set_zoom(self._zoom - 1)

    def reset_zoom(self) -> None:
        """Default text size."""
        self._set_zoom(0)

    def set_zoom_steps(self, steps: int) -> None:
        """Set the zoom directly (steps of 10 % from the default)."""
        self._set_zoom(steps)

    def zoom_steps(self) -> int:
        """Current zoom, in steps of 10 % from the default."""
        return self._zoom

    def set_theme(self, name: str) -> None:
        """Switch to theme ``name`` ("light", "sepia", "dark")."""
        self._theme = theme(name)
        t = self._theme
        pal = self._pane.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            pal.setColor(group, QPalette.ColorRole.Base, t.color("background"))
            pal.setColor(group, QPalette.ColorRole.Window, t.color("background"))
            pal.setColor(group, QPalette.ColorRole.Text, t.color("foreground"))
            pal.setColor(group, QPalette.ColorRole.Highlight, t.color("selection"))
            pal.setColor(group, QPalette.ColorRole.HighlightedText, t.color("selection_text"))
            pal.setColor(group, QPalette.ColorRole.PlaceholderText, t.color("muted"))
        self._pane.setPalette(pal)
        self._pane.viewport().setPalette(pal)
        self._pane.setAutoFillBackground(True)
        self._strip.set_colors(t.color("strip"), t.color("strip_viewport"))
        self._formats.clear()
        self._apply_extra_selections()

    def build_context_menu(self, point: QPoint) -> QMenu:
        """The context menu for ``point`` (viewport coordinates), after features added to it."""
        return self._pane.build_context_menu(point)

    # -- internals: window -----------------------------------------------------------------
    def _center_for(self, offset: int) -> int:
        nchunks = len(self._chunks) - 1
        c = max(0, bisect.bisect_right(self._chunks, offset) - 1)
        c = min(c, nchunks - 1)
        if nchunks <= 2 * WINDOW_RADIUS + 1:
            return 0 if nchunks <= 1 else WINDOW_RADIUS if nchunks > WINDOW_RADIUS else 0
        return max(WINDOW_RADIUS, min(c, nchunks - 1 - WINDOW_RADIUS))

    def _load_window(self, center: int) -> None:
        nchunks = len(self._chunks) - 1
        first = max(0, center - WINDOW_RADIUS)
        last = min(nchunks, center + WINDOW_RADIUS + 1)
        start, end = self._chunks[first], self._chunks[last]
        if nchunks <= 1:
            start, end = 0, len(self._text)
        self._center = center
        self._render(start, end)

    def _render(self, start: int, end: int) -> None:
        text = self._text[start:end]
        self._win = (start, end)
        self._map = _OffsetMap(text)
        # Build into a document with no layout attached: per-block formatting on a
        # document shown in the widget re-lays it out each time (~0.5 s per window);
        # detached it costs a few ms, and one layout follows when it is attached.
        qdoc = QTextDocument(self._pane)
        qdoc.setUndoRedoEnabled(False)
        qdoc.setDefaultFont(self._font)
        qdoc.setDocumentMargin(DOCUMENT_MARGIN)
        self._building = qdoc
        cursor = QTextCursor(qdoc)
        cursor.setBlockFormat(self._body_block_format())
        cursor.setCharFormat(QTextCharFormat())
        cursor.insertText(text)
        self._format_paragraphs(text)
        self._format_headings(cursor)
        old = self._shown  # None the first time: Qt deletes the widget's initial document
        self._shown = qdoc
        self._pane.setUpdatesEnabled(False)
        self._rendering = True
        try:
            self._pane.setDocument(qdoc)
            layout = qdoc.documentLayout()
            # lay out now and tell the widget, so scroll ranges are final before we scroll
            layout.documentSizeChanged.emit(layout.documentSize())
        finally:
            self._rendering = False
            self._pane.setUpdatesEnabled(True)
        if old is not None:
            old.deleteLater()
        # rebuilt for the visible range once the caller has scrolled (_after_scroll)
        self._pane.setExtraSelections([])
        self._painted = (0, 0)
        self.window_changed.emit(start, end)

    def _em(self) -> float:
        return QFontMetricsF(self._font).horizontalAdvance("国")

    def _line_percent(self, pitch_em: float) -> float:
        """Proportional line height giving a line pitch of ``pitch_em`` em."""
        metrics = QFontMetricsF(self._font)
        natural = metrics.lineSpacing() or 1.0
        return max(100.0, 100.0 * pitch_em * self._em() / natural)

    def _body_block_format(self) -> QTextBlockFormat:
        em = self._em()
        fmt = QTextBlockFormat()
        fmt.setTextIndent(2 * em)
        fmt.setLineHeight(
            self._line_percent(LINE_HEIGHT_EM),
            QTextBlockFormat.LineHeightTypes.ProportionalHeight.value,
        )
        fmt.setBottomMargin(0.3 * em)
        return fmt

    def _format_paragraphs(self, text: str) -> None:
        """No extra indent where the text indents itself; shallow blank lines."""
        if not text:
            # an empty file's only line would be shallow and clip "This file is empty."
            return
        cursor = QTextCursor(self._building)
        plain = self._body_block_format()
        plain.setTextIndent(0)
        for m in _SELF_INDENTED.finditer(text):
            cursor.setPosition(self._map.to_qt(m.start()))
            cursor.setBlockFormat(plain)
        blank = QTextBlockFormat()
        blank.setLineHeight(0.55 * self._em(), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        for m in _BLANK_LINE.finditer(text):
            cursor.setPosition(self._map.to_qt(m.start()))
            cursor.setBlockFormat(blank)

    def _format_headings(self, cursor: QTextCursor) -> None:
        if self._doc is None:
            return
        start, end = self._win
        em = self._em()
        size = self._font.pointSizeF()
        title_line = self._doc.title_line
        if title_line is not None:
            t_off = self._doc.line_start(title_line)
            if start <= t_off < end:
                self._format_line(t_off, 1, size, em, centered=True)
        i = bisect.bisect_left(self._node_starts, start)
        j = bisect.bisect_left(self._node_starts, end)
        for node in self._nodes[i:j]:
            if node.kind in ("point", "block"):
                continue
            if node.run_in or (node.start > 0 and self._text[node.start - 1] != "\n"):
                label_end = node.start + len(node.title)
                if self._text[node.start : label_end] != node.title:
                    label_end = node.start + max(1, self._label_length(node.start))
                fmt = QTextCharFormat()
                fmt.setFontWeight(QFont.Weight.Bold)
                cursor.setPosition(self._qt(node.start))
                cursor.setPosition(self._qt(min(label_end, end)), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
            else:
                self._format_line(node.start, node.level, size, em, centered=False)

    def _label_length(self, offset: int) -> int:
        """Length of a run-in heading's label: up to the first full stop or space."""
        m = re.match(r"[^。．.：:\s]{1,30}", self._text[offset : offset + 31])
        return len(m.group(0)) if m else 0

    def _format_line(self, offset: int, level: int, size: float, em: float, centered: bool) -> None:
        cursor = QTextCursor(self._building)
        cursor.setPosition(self._qt(offset))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        block = QTextBlockFormat()
        block.setTextIndent(0)
        block.setLineHeight(
            self._line_percent(1.45), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        block.setTopMargin(em * (1.6 if level <= 2 else 0.9))
        block.setBottomMargin(em * (1.0 if centered else 0.5))
        if centered:
            block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        cursor.setBlockFormat(block)
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold)
        char.setFontPointSize(size * HEADING_SCALE.get(level, 1.0))
        cursor.mergeCharFormat(char)

    def _qt(self, offset: int) -> int:
        """Qt position in the widget of document ``offset`` (clamped to the window)."""
        rel = max(0, min(offset, self._win[1]) - self._win[0])
        return self._map.to_qt(rel)

    def _offset_of(self, pos: int) -> int:
        """Document offset of Qt position ``pos`` in the widget."""
        return min(self._win[1], self._win[0] + self._map.to_py(pos))

    def _line_top(self, offset: int) -> int:
        cursor = QTextCursor(self._pane.document())
        cursor.setPosition(self._qt(offset))
        return self._pane.cursorRect(cursor).top()

    def _scroll_offset_to_y(self, offset: int, y: int) -> None:
        bar = self._pane.verticalScrollBar()
        bar.setValue(bar.value() + self._line_top(offset) - y)

    # -- internals: scrolling ----------------------------------------------------------------
    def _on_scrolled(self, _value: int) -> None:
        # before the next paint, so highlights never flash missing at the new place;
        # not while a new window is attached: its scroll position is not final yet
        # (that selection build was thrown away at once: ~20 ms per slide with many hits)
        if not self._rendering:
            self._ensure_painted_range()
        self._scroll_check.start()

    def _after_scroll(self) -> None:
        if self._doc is None:
            return
        top = self.top_offset()
        if self.is_windowed():
            center = self._center_for(top)
            if center != self._center:
                y = self._line_top(top)
                self._load_window(center)
                self._scroll_offset_to_y(top, y)
                log.debug("window slid to %s around offset %d", self._win, top)
                top = self.top_offset()
        self._remember_anchor(top)
        self._ensure_painted_range()
        self._update_strip_span()
        if top != self._last_top:
            self._last_top = top
            self.position_changed.emit(top)

    def _update_strip_span(self) -> None:
        n = len(self._text)
        if n and self._strip.isVisible():
            self._strip.set_span(self.top_offset() / n, self.bottom_offset() / n)

    def _remember_anchor(self, top: int) -> None:
        """Note what the reader is looking at, unless the top line still holds the anchor.

        Keeping the anchor while its line stays on top means repeated re-layouts
        (dragging a splitter) never creep backwards to each new line start.
        """
        anchor = self._anchor
        if (
            anchor is not None
            and top <= anchor[0] <= self._win[1]
            and self._line_top(anchor[0]) == self._line_top(top)
        ):
            self._anchor = (anchor[0], self._line_top(anchor[0]))
            return
        self._anchor = (top, self._line_top(top))

    def _before_resize(self) -> None:
        if self._doc is not None and self._anchor is None:
            top = self.top_offset()
            self._anchor = (top, self._line_top(top))

    def _on_resized(self) -> None:
        """The text was laid out for a new width: put the anchor line back where it was."""
        anchor = self._anchor
        if self._doc is not None and anchor is not None and self._text:
            offset, y = anchor
            if self._win[0] <= offset <= self._win[1]:
                layout = self._pane.document().documentLayout()
                # final scroll range before scrolling (the layout may be lazy)
                layout.documentSizeChanged.emit(layout.documentSize())
                self._scroll_offset_to_y(offset, y)
                self._anchor = (offset, self._line_top(offset))
        self._scroll_check.start()

    def _on_strip_jump(self, fraction: float) -> None:
        self.scroll_to_offset(int(fraction * len(self._text)))

    # -- internals: fonts and zoom -------------------------------------------------------------
    def _apply_fonts(self) -> None:
        font = reading_font(DEFAULT_POINT_SIZE * 1.1**self._zoom)
        self._font = font
        self._pane.document().setDefaultFont(font)
        self._pane.setFont(font)
        self._pane.update_margins()

    def _set_zoom(self, steps: int) -> None:
        steps = max(ZOOM_MIN, min(ZOOM_MAX, steps))
        if steps == self._zoom:
            return
        top = self.top_offset() if self._doc is not None else 0
        self._zoom = steps
        self._apply_fonts()
        if self._doc is not None:
            anchor = self._anchor[0] if self._anchor is not None else top
            self._render(*self._win)
            self._scroll_offset_to_y(anchor, TOP_GAP)
            self._anchor = (anchor, self._line_top(anchor))
            self._after_scroll()
        self.zoom_changed.emit(self.zoom_percent())

    # -- internals: extra selections -------------------------------------------------------------
    def _ensure_painted_range(self) -> None:
        """Rebuild the extra selections when the visible text leaves the range they cover."""
        if self._doc is None or not (self._highlights or self._hits):
            return
        a, b = self._painted
        if not (a <= self.top_offset() and self.bottom_offset() <= b):
            self._apply_extra_selections()

    def _paint_range(self) -> tuple[int, int]:
        start, end = self._win
        if end - start <= 2 * PAINT_MARGIN:
            return start, end
        top, bottom = self.top_offset(), self.bottom_offset()
        return max(start, top - PAINT_MARGIN), min(end, bottom + PAINT_MARGIN)

    def _format(self, role: str, name: str) -> QTextCharFormat:
        """The (cached) format for a highlight colour or a search hit."""
        fmt = self._formats.get((role, name))
        if fmt is None:
            fmt = QTextCharFormat()
            if role == "highlight":
                fmt.setBackground(self._theme.highlight_color(name))
            else:
                # Search hits are peach/orange, never one of the five highlight colours,
                # so they do not read as the user's own yellow highlights.
                fmt.setBackground(self._theme.color(name))
                if name == "search_current":
                    fmt.setFontUnderline(True)
            self._formats[(role, name)] = fmt
        return fmt

    def _apply_extra_selections(self) -> None:
        start, end = self._paint_range()
        if self._hits:
            i = bisect.bisect_left(self._hit_starts, start)
            j = bisect.bisect_left(self._hit_starts, end, i)
            if j - i > DENSE_HITS:
                top, bottom = self.top_offset(), self.bottom_offset()
                start, end = max(start, top - DENSE_MARGIN), min(end, bottom + DENSE_MARGIN)
        self._painted = (start, end)
        ranges: list[tuple[int, int, QTextCharFormat]] = []
        if self._highlights:
            i = bisect.bisect_left(self._hl_starts, start - self._hl_max_len)
            j = bisect.bisect_left(self._hl_starts, end)
            for span in self._highlights[i:j]:
                if span.end > start:
                    ranges.append((span.start, span.end, self._format("highlight", span.color)))
        if self._hits:
            i = max(0, bisect.bisect_left(self._hit_starts, start) - 1)
            j = bisect.bisect_left(self._hit_starts, end)
            for k in range(i, j):
                a, b = self._hits[k]
                if b <= start:
                    continue
                current = k == self._current_hit
                fmt = self._format("hit", "search_current" if current else "search_hit")
                ranges.append((a, b, fmt))
        qdoc = self._pane.document()
        selections: list[QTextEdit.ExtraSelection] = []
        if ranges:
            # inside an edit block a cursor does not lay out its block to find its x:
            # setPosition then costs ~1 µs instead of ~50 µs
            block = QTextCursor(qdoc)
            block.beginEditBlock()
            try:
                selections = [self._selection(qdoc, a, b, fmt) for a, b, fmt in ranges]
            finally:
                block.endEditBlock()
        self._pane.setExtraSelections(selections)

    def _selection(
        self, qdoc: QTextDocument, a: int, b: int, fmt: QTextCharFormat
    ) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(qdoc)
        cursor.setPosition(self._qt(max(a, self._win[0])))
        cursor.setPosition(self._qt(min(b, self._win[1])), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor  # type: ignore[attr-defined]
        sel.format = fmt  # type: ignore[attr-defined]
        return sel

    # -- internals: clicks and menus ---------------------------------------------------------------
    def _on_clicked(self, pos: int) -> None:
        offset = self._offset_of(pos)
        best: HighlightSpan | None = None
        i = bisect.bisect_left(self._hl_starts, offset - self._hl_max_len)
        j = bisect.bisect_right(self._hl_starts, offset)
        for span in self._highlights[i:j]:
            if span.start <= offset < span.end and (
                best is None or span.end - span.start < best.end - best.start
            ):
                best = span
        if best is not None:
            self.highlight_clicked.emit(best.id)

    def _on_menu(self, menu: QMenu, pos: int) -> None:
        self.context_menu_about_to_show.emit(menu, self._offset_of(pos))
