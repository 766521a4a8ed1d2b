"""A small dialog to write or edit the note of a highlight."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

#: Characters of the quote shown above the note.
QUOTE_PREVIEW = 160


class NoteDialog(QDialog):
    """Shows the quoted passage and an editor for the note; Ctrl+Enter saves."""

    def __init__(self, quote: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        preview = " ".join(quote.split())
        if len(preview) > QUOTE_PREVIEW:
            preview = preview[:QUOTE_PREVIEW] + "…"
        self.quote_label = QLabel(f"“{preview}”")
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quote_label.setWordWrap(True)
        self.quote_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.quote_label)
        self.editor = QPlainTextEdit(note)
        self.editor.setPlaceholderText(self.tr("Write your note here…"))
        self.editor.setTabChangesFocus(True)
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.editor.setFocus()
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)

    def note(self) -> str:
        """The note as written, without trailing blank space."""
        return self.editor.toPlainText().rstrip()


def ask_note(parent: QWidget | None, quote: str, note: str = "") -> str | None:
    """Ask for a note on ``quote``; the new note, or None when cancelled (tests replace this)."""
    dialog = NoteDialog(quote, note, parent)
    try:
        return dialog.note() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
