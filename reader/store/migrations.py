"""Numbered schema steps; ``PRAGMA user_version`` records how many have run."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

log = logging.getLogger(__name__)

#: Step N (1-based) brings the schema from version N-1 to N. Never edit a step
#: that has shipped: add a new one. Each step runs in its own transaction.
STEPS: Sequence[Sequence[str]] = (
    # 1: documents, annotations, user words, settings
    (
        """
        CREATE TABLE documents (
            id          INTEGER PRIMARY KEY,
            text_hash   TEXT NOT NULL UNIQUE,
            path        TEXT,
            title       TEXT NOT NULL DEFAULT '',
            char_count  INTEGER NOT NULL DEFAULT 0,
            position    INTEGER NOT NULL DEFAULT 0,
            progress    REAL NOT NULL DEFAULT 0,
            last_opened REAL NOT NULL DEFAULT 0,
            created     REAL NOT NULL DEFAULT 0,
            format      TEXT NOT NULL DEFAULT '',
            encoding    TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX documents_path ON documents(path)",
        "CREATE INDEX documents_last_opened ON documents(last_opened)",
        """
        CREATE TABLE annotations (
            id        INTEGER PRIMARY KEY,
            uuid      TEXT NOT NULL UNIQUE,
            doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind      TEXT NOT NULL CHECK (kind IN ('highlight', 'bookmark')),
            start     INTEGER NOT NULL,
            "end"     INTEGER NOT NULL,
            quote     TEXT NOT NULL DEFAULT '',
            prefix    TEXT NOT NULL DEFAULT '',
            suffix    TEXT NOT NULL DEFAULT '',
            color     TEXT NOT NULL DEFAULT '',
            note      TEXT NOT NULL DEFAULT '',
            label     TEXT NOT NULL DEFAULT '',
            created   REAL NOT NULL DEFAULT 0,
            modified  REAL NOT NULL DEFAULT 0,
            orphaned  INTEGER NOT NULL DEFAULT 0,
            CHECK (start <= "end")
        )
        """,
        'CREATE INDEX annotations_doc ON annotations(doc_id, start, "end")',
        """
        CREATE TABLE user_words (
            word  TEXT PRIMARY KEY,
            added REAL NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
    ),
    # 2: a compressed snapshot of the text of each annotated document, so an edited
    # file's annotations can be moved through a diff of old and new text
    (
        """
        CREATE TABLE document_texts (
            doc_id     INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            text_hash  TEXT NOT NULL,
            char_count INTEGER NOT NULL DEFAULT 0,
            codec      TEXT NOT NULL,
            data       BLOB NOT NULL,
            created    REAL NOT NULL DEFAULT 0
        )
        """,
    ),
    # 3: a fingerprint of each snapshot's text (a sketch of its clauses), so a file that
    # was moved and edited can be recognised without decompressing every snapshot;
    # NULL until computed (snapshots of version 2 get theirs when first needed)
    ("ALTER TABLE document_texts ADD COLUMN fingerprint BLOB",),
)

#: The schema version this code writes.
LATEST = len(STEPS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The database's ``user_version``."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def run_step(conn: sqlite3.Connection, number: int) -> None:
    """Run step ``number`` and bump ``user_version`` in one transaction (all or nothing)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the lock.
        if schema_version(conn) >= number:
            conn.execute("ROLLBACK")
            return
        for statement in STEPS[number - 1]:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number:d}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    log.info("store schema migrated to version %d", number)
