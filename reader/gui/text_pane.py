"""The read-only, selectable text widget inside the ReadingView."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QMenu, QTextEdit, QWidget

#: Widest comfortable line of Chinese text, in em (characters).
MAX_LINE_EM = 38


class TextPane(QTextEdit):
    """A QTextEdit that only reads: centred column, click and menu hooks.

    Positions in its signals are Qt positions in the pane's own QTextDocument;
    the ReadingView maps them to document offsets.
    """

    #: A click that selected nothing, at Qt position ``pos``.
    clicked_at = Signal(int)
    #: The context menu is built and about to show; Qt position under the mouse.
    menu_about_to_show = Signal(QMenu, int)
    #: The pane is about to be resized and its text laid out again (note the position).
    about_to_resize = Signal()
    #: The viewport was resized (the view re-centres the text column).
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # the main window takes dropped files
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._press: QPoint | None = None
        self.max_line_em = MAX_LINE_EM

    def position_at(self, point: QPoint) -> int:
        """Qt position of the character nearest ``point`` (viewport coordinates)."""
        return self.cursorForPosition(point).position()

    def build_context_menu(self, point: QPoint) -> QMenu:
        """The standard menu for ``point`` with features' actions added by signal."""
        menu = self.createStandardContextMenu(point)
        self.menu_about_to_show.emit(menu, self.position_at(point))
        return menu

    def update_margins(self) -> None:
        """Centre a column at most ``max_line_em`` characters wide."""
        em = self.fontMetrics().horizontalAdvance("国")
        doc_em = max(em, int(self.document().defaultFont().pointSizeF() * self.logicalDpiX() / 72))
        column = int(self.max_line_em * doc_em + 2 * self.document().documentMargin())
        bar = self.verticalScrollBar().sizeHint().width()
        spare = self.width() - bar - column
        side = max(0, spare // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)

    # -- Qt overrides -------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(self.viewport().mapFromGlobal(event.globalPos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        start, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or start is None:
            return
        moved = (event.position().toPoint() - start).manhattanLength()
        if moved < 4 and not self.textCursor().hasSelection():
            self.clicked_at.emit(self.position_at(event.position().toPoint()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.about_to_resize.emit()
        super().resizeEvent(event)
        self.update_margins()
        self.resized.emit()
