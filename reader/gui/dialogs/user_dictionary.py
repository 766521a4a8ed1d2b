"""Tools ▸ User Dictionary…: words jieba must keep whole (stored, applied at once)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.segment import Segmenter, default_segmenter

if TYPE_CHECKING:
    from reader.store.db import Store

log = logging.getLogger(__name__)

#: Longest word accepted (jieba's own dictionary tops out at 16 characters).
MAX_WORD = 30


class UserDictionaryDialog(QDialog):
    """List, add and remove user words; ``words_changed`` fires after each change."""

    words_changed = Signal()

    def __init__(
        self,
        store: Store | None,
        segmenter: Segmenter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User Dictionary"))
        self.setObjectName("user_dictionary")
        self.store = store
        self.segmenter = segmenter or default_segmenter()

        intro = QLabel(
            self.tr(
                "Words listed here are kept whole when Jingdu splits Chinese text into words "
                "(whole-word search, keywords), e.g. 固本强基."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.word_edit = QLineEdit(self)
        self.word_edit.setPlaceholderText(self.tr("New word"))
        self.word_edit.setMaxLength(MAX_WORD)
        self.word_edit.returnPressed.connect(self.add_from_edit)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.clicked.connect(self.add_from_edit)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        add_row = QHBoxLayout()
        add_row.addWidget(self.word_edit, 1)
        add_row.addWidget(self.add_button)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(add_row)
        layout.addWidget(self.list, 1)
        layout.addLayout(remove_row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(380, 420)
        if store is None:
            self._say(self.tr("No library file is open: words last until Jingdu closes."))
        self._reload()

    def words(self) -> list[str]:
        """The words as listed."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def add_word(self, word: str) -> bool:
        """Store ``word`` and apply it to the segmenter; False (with a message) if refused."""
        word = word.strip()
        if not word:
            self._say(self.tr("Type a word first."))
            return False
        if any(ch.isspace() for ch in word):
            self._say(self.tr("A word cannot contain spaces."))
            return False
        if word in self.words():
            self._say(self.tr("“%1” is already in the dictionary.").replace("%1", word))
            return False
        if self.store is not None:
            try:
                self.store.user_words.add(word)
            except Exception as exc:
                log.exception("cannot store user word %r", word)
                self._say(self.tr("Could not save the word: %1").replace("%1", str(exc)))
                return False
        self.segmenter.add_words([word])
        self._reload(extra=[word])
        self._say(self.tr("Added “%1”.").replace("%1", word))
        self.words_changed.emit()
        return True

    def remove_word(self, word: str) -> None:
        """Forget ``word`` in the store and the segmenter."""
        if self.store is not None:
            try:
                self.store.user_words.remove(word)
            except Exception as exc:
                log.exception("cannot remove user word %r", word)
                self._say(self.tr("Could not remove the word: %1").replace("%1", str(exc)))
                return
        self.segmenter.remove_word(word)
        self._reload()
        self.words_changed.emit()

    def add_from_edit(self) -> None:
        """Add what is typed in the field."""
        if self.add_word(self.word_edit.text()):
            self.word_edit.clear()

    def remove_selected(self) -> None:
        """Remove the selected words."""
        for item in self.list.selectedItems():
            self.remove_word(item.text())

    def _reload(self, extra: list[str] | None = None) -> None:
        if self.store is not None:
            try:
                words = set(self.store.user_words.list())
            except Exception:
                log.exception("cannot read the user dictionary")
                words = set(self.segmenter.user_words)
        else:
            words = set(self.segmenter.user_words)
        words.update(extra or [])
        self.list.clear()
        self.list.addItems(sorted(words))

    def _say(self, text: str) -> None:
        self.message.setText(text)


def apply_stored_words(store: Store | None, segmenter: Segmenter | None = None) -> list[str]:
    """Give the segmenter the stored words (cheap: applied when jieba loads)."""
    if store is None:
        return []
    try:
        words = store.user_words.list()
    except Exception:
        log.exception("cannot read the user dictionary")
        return []
    (segmenter or default_segmenter()).add_words(words)
    return words
