"""A small dialog to name a bookmark."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class BookmarkDialog(QDialog):
    """One line for the bookmark's label, pre-filled and selected."""

    def __init__(self, label: str, where: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bookmark"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        if where:
            place = QLabel(where)
            place.setTextFormat(Qt.TextFormat.PlainText)
            place.setWordWrap(True)
            place.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(place)
        layout.addWidget(QLabel(self.tr("Label:")))
        self.edit = QLineEdit(label)
        self.edit.selectAll()
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def label(self) -> str:
        """The label, trimmed."""
        return self.edit.text().strip()


def ask_label(parent: QWidget | None, label: str, where: str = "") -> str | None:
    """Ask for a bookmark label; the label, or None when cancelled (tests replace this)."""
    dialog = BookmarkDialog(label, where, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.label() or label
    finally:
        dialog.deleteLater()
