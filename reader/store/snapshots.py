"""Compressed copies of the text of annotated documents, so edits can be diffed.

A document with at least one annotation keeps one snapshot of the text its
annotations are placed in (``document_texts``). When the file is edited,
``open_document`` diffs the snapshot against the new text to move every
annotation exactly, then replaces the snapshot. Documents without annotations
have none: the store stays small.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import struct
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Sequence

from reader.core.anchoring import text_fingerprint
from reader.store.db import Database

log = logging.getLogger(__name__)

#: How the text is stored: UTF-16-LE (2 bytes a Chinese character, against 3 in UTF-8,
#: so zlib has less to do), zlib level 6 (≈ half the time of level 9, a few % larger).
CODEC = "utf-16-le+zlib"
LEVEL = 6
#: Texts of recently opened documents kept (by reference) to snapshot them when their
#: first annotation is added.
REMEMBERED = 4


def compress(text: str) -> bytes:
    """The stored form of ``text`` (lossless for any Python string)."""
    return zlib.compress(text.encode("utf-16-le", "surrogatepass"), LEVEL)


def decompress(data: bytes, codec: str = CODEC) -> str:
    """The text back from ``compress`` (ValueError for an unknown codec or bad data)."""
    if codec != CODEC:
        raise ValueError(f"unknown snapshot codec {codec!r}")
    try:
        return zlib.decompress(data).decode("utf-16-le", "surrogatepass")
    except (zlib.error, UnicodeDecodeError) as exc:
        raise ValueError(f"damaged snapshot: {exc}") from exc


def text_hash(text: str) -> str:
    """The same SHA-256 as ``Document.text_hash``."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def pack_fingerprint(hashes: Sequence[int]) -> bytes:
    """The stored form of a ``text_fingerprint`` (little-endian 32-bit values)."""
    return struct.pack(f"<{len(hashes)}I", *hashes)


def unpack_fingerprint(data: bytes) -> list[int]:
    """The hashes back from ``pack_fingerprint`` (ValueError for damaged data)."""
    if len(data) % 4:
        raise ValueError("damaged fingerprint")
    return list(struct.unpack(f"<{len(data) // 4}I", data))


def write_snapshot(
    conn: sqlite3.Connection, doc_id: int, text_hash: str, char_count: int, data: bytes
) -> None:
    """Store (or replace) a document's snapshot inside the caller's transaction.

    Its fingerprint is left empty: it is only needed once the document's file is gone
    (``TextSnapshots.fingerprint`` computes it then), so opening and annotating do not
    pay for it (0.35 s for a 5 M-character novel).
    """
    conn.execute(
        "INSERT OR REPLACE INTO document_texts (doc_id, text_hash, char_count, codec, data, "
        "created, fingerprint) VALUES (?, ?, ?, ?, ?, ?, NULL)",
        (doc_id, text_hash, char_count, CODEC, data, time.time()),
    )


def drop_unused(conn: sqlite3.Connection, doc_ids: Iterable[int]) -> None:
    """Remove the snapshots of these documents that have no annotation left."""
    conn.executemany(
        "DELETE FROM document_texts WHERE doc_id = ? "
        "AND NOT EXISTS (SELECT 1 FROM annotations WHERE doc_id = ?)",
        [(d, d) for d in set(doc_ids)],
    )


class TextSnapshots:
    """``store.snapshots``: the snapshots of annotated documents.

    ``open_document`` tells it the text of each opened document (``remember``);
    adding the first annotation of a document then snapshots that text in a
    background thread (compressing a 5 M-character novel takes about half a second,
    too long for the UI thread). ``wait()`` blocks until those writes are done;
    ``Store.close()`` calls it. If the app is killed first, the next
    ``open_document`` of the unchanged file writes the snapshot.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._texts: OrderedDict[int, tuple[str, str]] = OrderedDict()
        self._guard = threading.Lock()
        self._jobs: dict[tuple[int, str], threading.Thread] = {}

    # -- texts of open documents ---------------------------------------------------
    def remember(self, doc_id: int, text_hash: str, text: str) -> None:
        """The current text of a document (kept by reference, a few documents at most)."""
        with self._guard:
            self._texts[doc_id] = (text_hash, text)
            self._texts.move_to_end(doc_id)
            while len(self._texts) > REMEMBERED:
                self._texts.popitem(last=False)

    def forget(self, doc_id: int) -> None:
        with self._guard:
            self._texts.pop(doc_id, None)

    # -- reading -------------------------------------------------------------------
    def info(self, doc_id: int) -> tuple[str, int] | None:
        """(text hash, stored size in bytes) of a document's snapshot, or None."""
        row = self._db.query_one(
            "SELECT text_hash, length(data) FROM document_texts WHERE doc_id = ?", (doc_id,)
        )
        return (str(row[0]), int(row[1])) if row is not None else None

    def load(self, doc_id: int, expected_hash: str) -> str | None:
        """The snapshot text of a document if it is the text with ``expected_hash``."""
        row = self._db.query_one(
            "SELECT text_hash, codec, data FROM document_texts WHERE doc_id = ?", (doc_id,)
        )
        if row is None or str(row["text_hash"]) != expected_hash:
            return None
        try:
            text = decompress(bytes(row["data"]), str(row["codec"]))
        except ValueError as exc:
            log.warning("snapshot of document %d unusable (%s): re-anchoring by quote", doc_id, exc)
            return None
        if text_hash(text) != expected_hash:
            log.warning("snapshot of document %d does not match its hash: ignored", doc_id)
            return None
        return text

    def fingerprint(
        self, doc_id: int, expected_hash: str, *, refresh: bool = False
    ) -> list[int] | None:
        """The fingerprint of a document's snapshot of ``expected_hash`` (computed if missing).

        Computed from the decompressed text and stored the first time it is needed
        (snapshots are written without one), or again when ``refresh`` (damaged).
        """
        row = self._db.query_one(
            "SELECT text_hash, fingerprint FROM document_texts WHERE doc_id = ?", (doc_id,)
        )
        if row is None or str(row["text_hash"]) != expected_hash:
            return None
        if row["fingerprint"] is not None and not refresh:
            try:
                return unpack_fingerprint(bytes(row["fingerprint"]))
            except ValueError:
                log.warning("fingerprint of document %d damaged: computed again", doc_id)
        text = self.load(doc_id, expected_hash)
        if text is None:
            return None
        hashes = text_fingerprint(text)
        with self._db.write() as conn:
            conn.execute(
                "UPDATE document_texts SET fingerprint = ? WHERE doc_id = ? AND text_hash = ?",
                (pack_fingerprint(hashes), doc_id, expected_hash),
            )
        return hashes

    def total_size(self) -> int:
        """Bytes of compressed text in the store."""
        row = self._db.query_one("SELECT coalesce(sum(length(data)), 0) FROM document_texts")
        return int(row[0]) if row is not None else 0

    # -- writing -------------------------------------------------------------------
    def ensure(self, doc_ids: Iterable[int]) -> None:
        """Snapshot, in the background, annotated documents that have no current snapshot."""
        for doc_id in set(doc_ids):
            with self._guard:
                known = self._texts.get(doc_id)
            if known is None:
                continue  # not opened in this session: open_document will write it
            hash_, text = known
            row = self._db.query_one(
                "SELECT d.text_hash = ? AS current, t.text_hash AS snap FROM documents d "
                "LEFT JOIN document_texts t ON t.doc_id = d.id WHERE d.id = ?",
                (hash_, doc_id),
            )
            if row is None or not row["current"] or row["snap"] == hash_:
                continue
            key = (doc_id, hash_)
            with self._guard:
                if key in self._jobs:
                    continue
                job = threading.Thread(
                    target=self._write_job,
                    args=(doc_id, hash_, text),
                    name=f"jingdu-snapshot-{doc_id}",
                    daemon=True,
                )
                self._jobs[key] = job
            job.start()

    def _write_job(self, doc_id: int, hash_: str, text: str) -> None:
        try:
            data = compress(text)  # zlib lets other threads run meanwhile
            with self._db.write() as conn:
                # Only if still wanted: annotations left and the text unchanged meanwhile.
                row = conn.execute(
                    "SELECT 1 FROM documents WHERE id = ? AND text_hash = ? "
                    "AND EXISTS (SELECT 1 FROM annotations WHERE doc_id = ?)",
                    (doc_id, hash_, doc_id),
                ).fetchone()
                if row is not None:
                    write_snapshot(conn, doc_id, hash_, len(text), data)
        except (sqlite3.Error, OSError) as exc:
            # Not fatal: without a snapshot, edits are re-anchored by quote and context.
            log.warning("could not snapshot document %d: %s", doc_id, exc)
        finally:
            with self._guard:
                self._jobs.pop((doc_id, hash_), None)

    def wait(self, timeout: float | None = None) -> None:
        """Block until background snapshot writes are done."""
        while True:
            with self._guard:
                jobs = list(self._jobs.values())
            if not jobs:
                return
            for job in jobs:
                job.join(timeout)
            if timeout is not None:
                return
