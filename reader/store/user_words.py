"""Words the user added to the segmenter's dictionary."""

from __future__ import annotations

import time

from reader.store.db import Database


class UserWordRepository:
    """``store.user_words``: the user's own dictionary words."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, word: str) -> None:
        """Add a word (surrounding spaces removed; adding twice is harmless)."""
        word = word.strip()
        if not word:
            raise ValueError("an empty word cannot be added to the dictionary")
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO user_words (word, added) VALUES (?, ?)",
                (word, time.time()),
            )

    def remove(self, word: str) -> None:
        with self._db.write() as conn:
            conn.execute("DELETE FROM user_words WHERE word = ?", (word.strip(),))

    def list(self) -> list[str]:
        """All words, sorted."""
        return [str(r[0]) for r in self._db.query("SELECT word FROM user_words ORDER BY word")]
