"""A thin strip beside the text showing the whole document: where you are, and marks."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

STRIP_WIDTH = 10


class OverviewStrip(QWidget):
    """Draws, over the full height, the visible part of the document and tick marks.

    Positions are fractions of the whole document (0..1), so the strip stays
    true even when the text view holds only a window of the document.
    Clicking or dragging asks to jump there.
    """

    #: The user clicked or dragged to this fraction of the document.
    jump_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(STRIP_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._marks: dict[str, list[tuple[float, QColor]]] = {}
        #: per layer, the ticks merged to pixel rows for one strip height:
        #: 10,000 marks become at most a few hundred rectangles to paint
        self._rows: dict[str, tuple[int, list[tuple[int, QColor]]]] = {}
        self._span = (0.0, 0.0)
        self._background = QColor("#f0f0f0")
        self._viewport = QColor("#c0c0c0")
        self.show_viewport = True

    def set_colors(self, background: QColor, viewport: QColor) -> None:
        """Colours of the strip and of the 'you are here' band."""
        self._background, self._viewport = background, viewport
        self.update()

    def set_marks(self, name: str, marks: list[tuple[float, QColor]]) -> None:
        """Replace the marks of layer ``name`` (fraction, colour)."""
        if marks:
            self._marks[name] = list(marks)
        else:
            self._marks.pop(name, None)
        self._rows.pop(name, None)
        self.update()

    def marks(self, name: str) -> list[tuple[float, QColor]]:
        """The marks of layer ``name``."""
        return list(self._marks.get(name, []))

    def set_span(self, start: float, end: float) -> None:
        """The visible part of the document, as fractions."""
        span = (max(0.0, min(1.0, start)), max(0.0, min(1.0, end)))
        if span != self._span:
            self._span = span
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        h = max(1, self.height())
        w = self.width()
        painter.fillRect(self.rect(), self._background)
        if self.show_viewport:
            top = self._span[0] * h
            height = max(4.0, (self._span[1] - self._span[0]) * h)
            painter.fillRect(QRectF(1, top, w - 2, height), self._viewport)
        for name in self._marks:
            for y, color in self._pixel_rows(name, h):
                painter.fillRect(QRectF(1, y, w - 2, 2), color)
        painter.end()

    def _pixel_rows(self, name: str, h: int) -> list[tuple[int, QColor]]:
        """Ticks of layer ``name`` as (pixel row, colour), one per row (the last mark wins)."""
        cached = self._rows.get(name)
        if cached is not None and cached[0] == h:
            return cached[1]
        rows: dict[int, QColor] = {}
        for fraction, color in self._marks.get(name, []):
            rows[min(h - 2, max(0, int(fraction * h)))] = color
        result = sorted(rows.items(), key=lambda item: item[0])
        self._rows[name] = (h, result)
        return result

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._jump(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event)

    def _jump(self, event: QMouseEvent) -> None:
        fraction = event.position().y() / max(1, self.height())
        self.jump_requested.emit(max(0.0, min(1.0, fraction)))
