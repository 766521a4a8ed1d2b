"""Key/value settings stored as JSON."""

from __future__ import annotations

import json
import logging
from typing import Any

from reader.store.db import Database

log = logging.getLogger(__name__)


class SettingsRepository:
    """``store.settings``: ``get(key, default)`` and ``set(key, value)`` with JSON values."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        """The stored value, or ``default`` when missing or unreadable."""
        row = self._db.query_one("SELECT value FROM settings WHERE key = ?", (key,))
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except json.JSONDecodeError:
            log.warning("setting %r holds invalid JSON; using the default", key)
            return default

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` (anything JSON can encode); raises TypeError otherwise."""
        encoded = json.dumps(value, ensure_ascii=False)
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, encoded),
            )

    def remove(self, key: str) -> None:
        with self._db.write() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))
