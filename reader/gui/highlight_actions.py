"""Colour names, swatches and tick colours shared by the annotation widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from reader.core.annotation import COLORS
from reader.models.annotations_model import swatch_color

#: Stronger colours for scrollbar ticks (the pale text backgrounds vanish on the strip).
TICK_COLORS = {
    "yellow": "#e0b000",
    "green": "#3f9f3a",
    "blue": "#3a7bd5",
    "pink": "#d9487d",
    "purple": "#8a5cc9",
}
#: Tick colour of bookmarks.
BOOKMARK_TICK = "#c0392b"
#: Shortcuts of the five colours, in COLORS order (Ctrl+0 is the window's zoom reset).
COLOR_SHORTCUTS = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5")


def color_label(name: str) -> str:
    """The translated name of highlight colour ``name``."""
    labels = {
        "yellow": QCoreApplication.translate("highlight", "Yellow"),
        "green": QCoreApplication.translate("highlight", "Green"),
        "blue": QCoreApplication.translate("highlight", "Blue"),
        "pink": QCoreApplication.translate("highlight", "Pink"),
        "purple": QCoreApplication.translate("highlight", "Purple"),
    }
    return labels.get(name, name)


def tick_color(kind: str, color: str) -> QColor:
    """Colour of an annotation's tick beside the scrollbar."""
    if kind == "bookmark":
        return QColor(BOOKMARK_TICK)
    return QColor(TICK_COLORS.get(color, TICK_COLORS["yellow"]))


def _swatch_pixmap(name: str, size: int, opacity: float) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(opacity)
    painter.setPen(QColor(TICK_COLORS.get(name, "#888888")))
    painter.setBrush(swatch_color(name))
    painter.drawRoundedRect(QRectF(1.5, 1.5, size - 3, size - 3), 3, 3)
    painter.end()
    return pixmap


def swatch_icon(name: str, size: int = 16) -> QIcon:
    """A rounded square of highlight colour ``name``; still coloured (faded) when disabled."""
    icon = QIcon(_swatch_pixmap(name, size, 1.0))
    # Qt's automatic grey disabled icon would make the five colours look alike
    icon.addPixmap(_swatch_pixmap(name, size, 0.45), QIcon.Mode.Disabled)
    return icon


def all_colors() -> tuple[str, ...]:
    """The highlight colours in menu order."""
    return COLORS
