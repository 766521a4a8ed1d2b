"""The Annotations dock: highlights and bookmarks by section, with filters and actions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QPolygon,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotation import Annotation
from reader.core.document import Document
from reader.gui.highlight_actions import (
    BOOKMARK_TICK,
    TICK_COLORS,
    all_colors,
    color_label,
    swatch_icon,
)
from reader.models.annotations_model import (
    BOOKMARKS,
    AnnotationsModel,
    ColorRole,
    CountRole,
    IdRole,
    KindRole,
    NoteRole,
    OffsetRole,
    OrphanedRole,
    PreparedAnnotations,
    swatch_color,
)

Index = QModelIndex | QPersistentModelIndex

#: Text lines per row: every row has the same height (quote on two lines, or quote
#: and note), so the view never measures rows and 10,000 of them lay out at once.
ROW_LINES = 2
#: Lines of quote shown per annotation before eliding.
QUOTE_LINES = 2
PAD = 5
BAR = 4
#: Annotation rows expanded when a document opens; beyond it, groups start collapsed
#: (their counts show) because the tree lays out every expanded row on each change.
EXPAND_BUDGET = 600
#: With more annotations than this, a visible panel is filled on a later turn of the
#: event loop: opening a document then lays out and paints the text first (building
#: and showing 10,000 rows takes ~20 ms that would add to the opening stall).
DEFER_AT = 2000


class AnnotationDelegate(QStyledItemDelegate):
    """Draws a group as a bold title with a count, an annotation as swatch, quote and note."""

    def _lines(self, text: str, fm: QFontMetrics, width: int, limit: int) -> list[str]:
        """Wrap ``text`` (CJK: any character may break) into at most ``limit`` lines."""
        out: list[str] = []
        rest = text
        while rest and len(out) < limit:
            if len(out) == limit - 1 or fm.horizontalAdvance(rest) <= width:
                out.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                break
            n = min(len(rest), 4 * width)  # no line holds more characters than pixels
            lo, hi = 1, n
            while lo < hi:  # the longest prefix that fits
                mid = (lo + hi + 1) // 2
                if fm.horizontalAdvance(rest[:mid]) <= width:
                    lo = mid
                else:
                    hi = mid - 1
            out.append(rest[:lo])
            rest = rest[lo:]
        return out or [""]

    @staticmethod
    def _text_width(row_width: int, kind: object) -> int:
        """Width left for the quote in a row ``row_width`` wide (as paint lays it out)."""
        return max(10, row_width - BAR - 4 * PAD - (4 if kind == "bookmark" else 0))

    @staticmethod
    def row_height(fm: QFontMetrics) -> int:
        """The height of every row (groups too: the view uses uniform row heights)."""
        return ROW_LINES * fm.height() + 2 * PAD

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(100, self.row_height(option.fontMetrics))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect: QRect = opt.rect
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(text_color)
        muted.setAlpha(150)
        fm = QFontMetrics(opt.font)
        if index.data(KindRole) == "group":
            self._paint_group(painter, opt, index, rect, text_color, muted, fm)
        else:
            self._paint_item(painter, opt, index, rect, text_color, muted, fm)
        painter.restore()

    def _paint_group(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        index: Index,
        rect: QRect,
        text_color: QColor,
        muted: QColor,
        fm: QFontMetrics,
    ) -> None:
        count = str(index.data(CountRole) or 0)
        bold = QFont(opt.font)
        bold.setBold(True)
        bfm = QFontMetrics(bold)
        count_w = fm.horizontalAdvance(count) + 2 * PAD
        # the title sits on the lower line, close to the rows it heads
        rect = QRect(
            rect.left(), rect.bottom() - fm.height() - PAD, rect.width(), fm.height() + PAD
        )
        inner = rect.adjusted(PAD, 0, -PAD - count_w, 0)
        painter.setFont(bold)
        painter.setPen(QColor("#b03a2e") if index.data(OrphanedRole) else text_color)
        title = bfm.elidedText(str(index.data() or ""), Qt.TextElideMode.ElideMiddle, inner.width())
        painter.drawText(
            inner, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), title
        )
        painter.setFont(opt.font)
        painter.setPen(muted)
        badge = QRect(rect.right() - count_w - PAD, rect.top(), count_w, rect.height())
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), count)

    def _paint_item(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        index: Index,
        rect: QRect,
        text_color: QColor,
        muted: QColor,
        fm: QFontMetrics,
    ) -> None:
        kind = index.data(KindRole)
        bar = QRect(rect.left() + PAD, rect.top() + PAD, BAR, rect.height() - 2 * PAD)
        painter.setPen(Qt.PenStyle.NoPen)
        if kind == "bookmark":
            painter.setBrush(QColor(BOOKMARK_TICK))
            top = bar.top()
            # a small ribbon: a bookmark reads as a place, not a colour
            w = BAR + 4
            painter.drawPolygon(
                QPolygon(
                    [
                        QPoint(bar.left(), top),
                        QPoint(bar.left() + w, top),
                        QPoint(bar.left() + w, top + fm.height()),
                        QPoint(bar.left() + w // 2, top + fm.height() - 4),
                        QPoint(bar.left(), top + fm.height()),
                    ]
                )
            )
        else:
            color = str(index.data(ColorRole) or "yellow")
            painter.setBrush(QColor(TICK_COLORS.get(color, TICK_COLORS["yellow"])))
            painter.drawRoundedRect(bar, 2, 2)
        x = bar.right() + 2 * PAD + (4 if kind == "bookmark" else 0)
        width = self._text_width(rect.width(), kind)
        note = str(index.data(NoteRole) or "")
        # a note takes the second line: the user's own words matter more than the
        # quote's end (the tooltip shows everything)
        quote = self._lines(str(index.data() or ""), fm, width, 1 if note else QUOTE_LINES)
        y = rect.top() + PAD
        painter.setPen(text_color)
        painter.setFont(opt.font)
        for line in quote:
            if kind == "highlight":
                back = swatch_color(str(index.data(ColorRole) or "yellow"))
                back.setAlpha(110)
                painter.fillRect(QRect(x, y + 1, fm.horizontalAdvance(line), fm.height() - 2), back)
            painter.drawText(QRect(x, y, width, fm.height()), int(Qt.AlignmentFlag.AlignLeft), line)
            y += fm.height()
        if note:
            italic = QFont(opt.font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(muted)
            flat = " ".join(note.split())
            painter.drawText(
                QRect(x, y, width, fm.height()),
                int(Qt.AlignmentFlag.AlignLeft),
                QFontMetrics(italic).elidedText("✎ " + flat, Qt.TextElideMode.ElideRight, width),
            )


def _key(a: Annotation) -> int:
    return a.id if a.id is not None else -id(a)


@dataclass
class _Pending:
    """What a hidden panel will show once it is opened (changes keep arriving)."""

    doc: Document
    annotations: list[Annotation] = field(default_factory=list)
    prepared: PreparedAnnotations | None = None
    # by id, built on the first change only: opening with 10,000 needs no dict
    _by_key: dict[int, Annotation] | None = None

    def items(self) -> dict[int, Annotation]:
        """The annotations by id, for changes (the prepared sorted list is then out of date)."""
        if self._by_key is None:
            self._by_key = {_key(a): a for a in self.annotations}
        self.prepared = None
        return self._by_key

    def replace(self, annotations: Iterable[Annotation]) -> None:
        self._by_key = {_key(a): a for a in annotations}
        self.prepared = None

    def current(self) -> Iterable[Annotation]:
        """What the panel should show now."""
        return self.annotations if self._by_key is None else self._by_key.values()


class AnnotationsPanel(QDockWidget):
    """Lists the document's annotations; emits what the user asks for, never touches the store.

    Signals carry annotation ids (or an offset for jumps); the feature module
    does the work so that undo and redraw stay in one place.
    """

    jump_requested = Signal(int)
    delete_requested = Signal(int)
    edit_note_requested = Signal(int)
    edit_label_requested = Signal(int)
    color_requested = Signal(int, str)
    copy_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Annotations"), parent)
        self.setObjectName("annotations_panel")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter quotes and notes"))
        self.filter_edit.setClearButtonEnabled(True)
        self.color_filter = QComboBox()
        self.color_filter.addItem(self.tr("All"), None)
        for name in all_colors():
            self.color_filter.addItem(swatch_icon(name), color_label(name), name)
        self.color_filter.addItem(self.tr("Bookmarks"), BOOKMARKS)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.color_filter)
        layout.addLayout(bar)

        self.model = AnnotationsModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setIndentation(14)
        # groups get the usual arrow: with many annotations some start collapsed
        self.view.setRootIsDecorated(True)
        self.view.setItemsExpandable(True)
        self.view.setExpandsOnDoubleClick(False)
        # one height for all rows: the view then never asks the delegate for sizes
        self.view.setUniformRowHeights(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # a scrollbar that comes and goes would make the list jump sideways
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setItemDelegate(AnnotationDelegate(self.view))
        # a stack, not show/hide: the dock keeps its width when the list empties or fills,
        # so the text column never reflows under the reader
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        layout.addWidget(self.stack, 1)

        self.empty_label = QLabel(
            self.tr("No highlights or bookmarks yet.\nSelect text and press Ctrl+1…Ctrl+5.")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")
        self.stack.addWidget(self.empty_label)
        self.setWidget(body)

        self.filter_edit.textChanged.connect(self._apply_filter)
        self.color_filter.currentIndexChanged.connect(self._apply_filter)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.customContextMenuRequested.connect(self._on_menu)
        self._shown = False
        self._pending: _Pending | None = None
        # one owned timer (not QTimer.singleShot): repeated opens coalesce into one fill
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.timeout.connect(self._fill_pending)
        self._focus = 0
        self.visibilityChanged.connect(self._on_visibility_changed)
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(self._on_rows_inserted)
        self.model.rowsRemoved.connect(self._update_empty_state)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current)
        self._after_reset()

    # -- content ------------------------------------------------------------------------
    def set_document(
        self,
        doc: Document | None,
        annotations: Iterable[Annotation] = (),
        prepared: PreparedAnnotations | None = None,
        focus: int = 0,
    ) -> None:
        """Show the annotations of ``doc`` (``prepared`` by the load worker saves time).

        While the panel is hidden the list is only remembered; it is filled when
        the panel is shown. With more than ``DEFER_AT`` annotations a visible panel
        is filled on the next turn of the event loop. ``focus`` is the reading
        position: with many annotations, the groups from there on start expanded.
        """
        self._focus = focus
        if doc is not None:
            items = prepared.annotations if prepared is not None else list(annotations)
            if not self._shown or len(items) > DEFER_AT:
                self._pending = _Pending(doc, list(items), prepared)
                self.model.set_document(None)
                if self._shown:
                    self._fill_timer.start(0)
                return
            annotations = items
        self._pending = None
        self._fill_timer.stop()
        self.model.set_document(doc, annotations, prepared)

    def set_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Refresh the list, keeping the filter and the selected annotation."""
        if self._pending is not None:
            self._pending.replace(annotations)
            return
        current = self.current_id()
        self.model.set_annotations(annotations)
        if current is not None:
            self.select_annotation(current)

    def add_annotation(self, a: Annotation) -> None:
        """Show a new annotation (rows inserted: the view keeps its scroll and expansion)."""
        if self._pending is not None:
            self._pending.items()[_key(a)] = a
        else:
            self.model.add_annotation(a)

    def update_annotation(self, a: Annotation) -> None:
        """Show a changed annotation (same id)."""
        if self._pending is not None:
            self._pending.items()[_key(a)] = a
        else:
            self.model.update_annotation(a)

    def remove_annotation(self, annotation_id: int) -> None:
        """Stop showing an annotation."""
        if self._pending is not None:
            self._pending.items().pop(annotation_id, None)
        else:
            self.model.remove_annotation(annotation_id)

    def _on_visibility_changed(self, visible: bool) -> None:
        self._shown = visible
        if visible:
            self._fill_pending()

    def _fill_pending(self) -> None:
        """Build the rows remembered while hidden or deferred (when the panel is visible)."""
        pending = self._pending
        if pending is None or not self._shown:
            return
        self._pending = None
        self._fill_timer.stop()
        self.model.set_document(pending.doc, pending.current(), pending.prepared)

    def is_filled(self) -> bool:
        """False while the rows of the open document wait to be built (hidden or deferred)."""
        return self._pending is None

    def current_id(self) -> int | None:
        """Id of the selected annotation (None when a group or nothing is selected)."""
        value = self.view.currentIndex().data(IdRole)
        return int(value) if value is not None else None

    def select_annotation(self, annotation_id: int) -> bool:
        """Select and show the row of ``annotation_id``; False when it is filtered out."""
        self._fill_pending()  # a deferred fill must not make the row look missing
        index = self.model.index_of(annotation_id)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def set_filter(self, text: str = "", color: str | None = None) -> None:
        """Filter as the user would: ``text`` in the box, ``color`` (or BOOKMARKS) in the combo."""
        i = self.color_filter.findData(color) if color is not None else 0
        self.color_filter.setCurrentIndex(max(0, i))
        self.filter_edit.setText(text)

    # -- internals ------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        color = self.color_filter.currentData()
        self.model.set_filter({color} if color else None, self.filter_edit.text())

    def _after_reset(self) -> None:
        self._expand_within_budget()
        self._update_empty_state()

    def _expand_within_budget(self) -> None:
        """Expand every group, or with many annotations those from the reading position on.

        Expanding after a reset only marks the groups (the layout is pending), and a
        collapsed group costs one row in every later layout, not one per annotation.
        """
        model = self.model
        groups = [model.index(row, 0) for row in range(model.rowCount())]
        counts = [int(g.data(CountRole) or 0) for g in groups]
        if sum(counts) <= EXPAND_BUDGET:
            self.view.expandAll()
            return
        budget = EXPAND_BUDGET
        # the orphans first: the user is told to look at them after the file changed
        for group, count in zip(groups, counts, strict=True):
            if group.data(OrphanedRole):
                self.view.expand(group)
                budget -= count
        starts = [g.data(OffsetRole) for g in groups]
        first = 0
        for row, start in enumerate(starts):
            if start is not None and start <= self._focus:
                first = row
        order = list(range(first, len(groups))) + list(range(first - 1, -1, -1))
        for row in order:
            if budget <= 0:
                break
            if not groups[row].data(OrphanedRole):
                self.view.expand(groups[row])
                budget -= counts[row]

    def _update_empty_state(self) -> None:
        # while a deferred fill is due the list is only briefly empty: no "no highlights" flash
        has_any = self.model.count() > 0 or (self._shown and self._pending is not None)
        self.stack.setCurrentWidget(self.view if has_any else self.empty_label)

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.view.expand(self.model.index(row, 0))
        self._update_empty_state()

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.data(KindRole) == "group" and not self.view.isExpanded(index):
            self.view.expand(index)
        offset = index.data(OffsetRole)
        if offset is not None:
            self.jump_requested.emit(int(offset))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        ident = index.data(IdRole)
        if ident is None:
            return
        if index.data(KindRole) == "bookmark":
            self.edit_label_requested.emit(int(ident))
        else:
            self.edit_note_requested.emit(int(ident))

    def _delete_current(self) -> None:
        ident = self.current_id()
        if ident is not None:
            self.delete_requested.emit(ident)

    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """The menu for an annotation row (None for groups): go to, note, colour, delete."""
        ident = index.data(IdRole)
        if ident is None:
            return None
        ident = int(ident)
        menu = QMenu(self)
        if index.data(OffsetRole) is not None:
            go = menu.addAction(self.tr("&Go To"))
            go.triggered.connect(lambda: self.jump_requested.emit(int(index.data(OffsetRole))))
            copy = menu.addAction(self.tr("Copy with &Citation"))
            copy.triggered.connect(lambda: self.copy_requested.emit(ident))
        if index.data(KindRole) == "bookmark":
            label = menu.addAction(self.tr("Edit &Label…"))
            label.triggered.connect(lambda: self.edit_label_requested.emit(ident))
        else:
            note = menu.addAction(self.tr("Edit &Note…"))
            note.triggered.connect(lambda: self.edit_note_requested.emit(ident))
            colors = menu.addMenu(self.tr("C&olour"))
            for name in all_colors():
                act = colors.addAction(swatch_icon(name), color_label(name))
                act.setCheckable(True)
                act.setChecked(index.data(ColorRole) == name)
                act.triggered.connect(lambda _c=False, n=name: self.color_requested.emit(ident, n))
        menu.addSeparator()
        delete = menu.addAction(self.tr("&Delete"))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.triggered.connect(lambda: self.delete_requested.emit(ident))
        return menu

    def _on_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(self.view.indexAt(pos))
        if menu is not None:
            menu.popup(self.view.viewport().mapToGlobal(pos))
            menu.aboutToHide.connect(menu.deleteLater)
