"""Documents the user opened: identity (text hash, path), reading position, recents."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.anchoring import (
    ReanchorResult,
    TextDiff,
    reanchor_all,
    reanchor_with_old_text,
    resemblance,
    surviving_share,
    text_diff,
    text_fingerprint,
)
from reader.core.annotation import Annotation
from reader.core.document import Document
from reader.store.annotations import AnnotationRepository, write_updates
from reader.store.db import Database
from reader.store.snapshots import TextSnapshots, compress, unpack_fingerprint, write_snapshot

log = logging.getLogger(__name__)

#: A moved and edited file's predecessor: the shorter of the two texts is at least this
#: share of the longer one.
LENGTH_RATIO = 0.7
#: ... their clause fingerprints overlap at least this much (estimated Jaccard). Two
#: chapters of one law: ≤ 0.09; a text and itself after edits that keep 80 % of it:
#: ≥ 0.45 (figures in docs/benchmarks/store.md).
MIN_RESEMBLANCE = 0.25
#: ... and at least this share of its characters survives in the new text (diff runs
#: of 4+ characters).
MIN_SURVIVAL = 0.8
#: Another candidate this close to the best one makes the choice unclear: none is taken.
AMBIGUITY_MARGIN = 0.1
#: Seconds the diff of one candidate may take (a real predecessor diffs fast; texts
#: that differ throughout hit the limit and are rejected).
PREDECESSOR_DIFF_TIMEOUT = 2.0

_COLUMNS = "id, text_hash, path, title, char_count, position, progress, last_opened, created"
_D_COLUMNS = ", ".join(f"d.{c.strip()}" for c in _COLUMNS.split(","))


@dataclass(frozen=True)
class DocumentRecord:
    """What the store knows about one document."""

    id: int
    text_hash: str
    path: Path | None
    title: str
    char_count: int
    position: int
    progress: float
    last_opened: float
    created: float = 0.0


@dataclass
class OpenedDocument:
    """Result of ``open_document``: the record, its annotations and what re-anchoring did.

    ``reanchored`` counts annotations moved or refreshed because the text changed
    during this open; ``orphaned`` counts annotations that are not placed in the
    current text (their quote was not found), whether new or from earlier opens.
    """

    record: DocumentRecord
    annotations: list[Annotation] = field(default_factory=list)
    reanchored: int = 0
    orphaned: int = 0
    #: How the document was recognised: "new", "hash" (same text), "path" (file edited
    #: in place) or "moved+edited" (a missing annotated file's text, moved and edited).
    matched_by: str = "new"
    #: For an edited file: True when annotations were moved through a diff from the
    #: snapshot of the old text, False when only quote and context were available.
    used_snapshot: bool = False
    #: For "moved+edited": where the file was before.
    previous_path: Path | None = None

    @property
    def text_changed(self) -> bool:
        """The text differs from the one the annotations were placed in (they were re-anchored)."""
        return self.matched_by in ("path", "moved+edited")


@dataclass(frozen=True)
class Predecessor:
    """An annotated document whose file is gone and whose text became ``doc``'s."""

    record: DocumentRecord
    old_text: str
    diff: TextDiff
    #: Share of the old text's characters that survive in the new one.
    survival: float


def _from_row(row: sqlite3.Row) -> DocumentRecord:
    return DocumentRecord(
        id=int(row["id"]),
        text_hash=str(row["text_hash"]),
        path=Path(row["path"]) if row["path"] else None,
        title=str(row["title"]),
        char_count=int(row["char_count"]),
        position=int(row["position"]),
        progress=float(row["progress"]),
        last_opened=float(row["last_opened"]),
        created=float(row["created"]),
    )


def _file_exists(path: str | Path | None) -> bool:
    """Whether something is at ``path`` (a file there now holds some other text)."""
    return bool(path) and os.path.exists(path)  # type: ignore[arg-type]


def path_key(path: Path | None) -> str | None:
    """The absolute path string used to recognise a file (None for unsaved text)."""
    if path is None:
        return None
    try:
        return str(Path(path).expanduser().resolve())
    except OSError:
        return str(Path(path).expanduser().absolute())


class DocumentRepository:
    """``store.documents``: register opened documents and remember where the user was."""

    def __init__(
        self,
        db: Database,
        annotations: AnnotationRepository,
        snapshots: TextSnapshots | None = None,
    ) -> None:
        self._db = db
        self._annotations = annotations
        self._snapshots = snapshots if snapshots is not None else TextSnapshots(db)

    # -- lookup -----------------------------------------------------------------
    def get(self, doc_id: int) -> DocumentRecord | None:
        row = self._db.query_one(f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (doc_id,))
        return _from_row(row) if row is not None else None

    def by_hash(self, text_hash: str) -> DocumentRecord | None:
        row = self._db.query_one(
            f"SELECT {_COLUMNS} FROM documents WHERE text_hash = ?", (text_hash,)
        )
        return _from_row(row) if row is not None else None

    def by_path(self, path: Path) -> DocumentRecord | None:
        row = self._db.query_one(
            f"SELECT {_COLUMNS} FROM documents WHERE path = ? ORDER BY last_opened DESC LIMIT 1",
            (path_key(path),),
        )
        return _from_row(row) if row is not None else None

    def find(self, doc: Document) -> DocumentRecord | None:
        """The record for ``doc``: same text, else same path (edited), else a moved+edited file."""
        record = self.by_hash(doc.text_hash)
        if record is None and doc.path is not None:
            record = self.by_path(doc.path)
            if record is None:
                found = self.predecessor(doc)
                record = found.record if found is not None else None
        return record

    def predecessor(self, doc: Document) -> Predecessor | None:
        """The annotated document ``doc`` most likely is after a move and an edit, if clear.

        Candidates: documents with annotations and a text snapshot whose file is gone
        (no path, or nothing there any more: a file that exists holds other text and is
        another document) and whose length is within LENGTH_RATIO. Their stored clause
        fingerprints must overlap ``doc``'s (MIN_RESEMBLANCE); the survivors are diffed,
        and one whose text survives at MIN_SURVIVAL is taken only if no other candidate
        comes within AMBIGUITY_MARGIN of it. None when nothing, or nothing clear, fits.
        """
        n = len(doc.text)
        if n == 0:
            return None
        rows = self._db.query(
            f"SELECT {_D_COLUMNS}, t.fingerprint "
            "FROM documents d JOIN document_texts t "
            "ON t.doc_id = d.id AND t.text_hash = d.text_hash "
            "WHERE d.char_count BETWEEN ? AND ? AND d.text_hash != ? "
            "AND EXISTS (SELECT 1 FROM annotations a WHERE a.doc_id = d.id)",
            (int(n * LENGTH_RATIO), int(n / LENGTH_RATIO) + 1, doc.text_hash),
        )
        gone = [(_from_row(r), r["fingerprint"]) for r in rows if not _file_exists(r["path"])]
        if not gone:
            return None
        started = time.perf_counter()
        mine = text_fingerprint(doc.text)
        similar: list[tuple[float, DocumentRecord]] = []
        for record, stored in gone:
            theirs: list[int] | None = None
            if stored is not None:
                try:
                    theirs = unpack_fingerprint(bytes(stored))
                except ValueError:
                    theirs = None
            if theirs is None:  # not computed yet (or damaged): once, then stored
                theirs = self._snapshots.fingerprint(record.id, record.text_hash, refresh=True)
            if theirs is None:
                continue
            score = resemblance(mine, theirs)
            if score >= MIN_RESEMBLANCE:
                similar.append((score, record))
        found: list[Predecessor] = []
        for _, record in sorted(similar, key=lambda x: -x[0]):
            old_text = self._snapshots.load(record.id, record.text_hash)
            if old_text is None:
                continue
            diff = text_diff(old_text, doc.text, PREDECESSOR_DIFF_TIMEOUT)
            survival = 0.0 if diff.timed_out else surviving_share(diff, len(old_text))
            found.append(Predecessor(record, old_text, diff, survival))
        found.sort(key=lambda p: -p.survival)
        log.debug(
            "predecessor of %s: %d gone, %d similar, survival %s (%.0f ms)",
            doc.path,
            len(gone),
            len(similar),
            [round(p.survival, 3) for p in found],
            (time.perf_counter() - started) * 1000,
        )
        if not found or found[0].survival < MIN_SURVIVAL:
            return None
        if len(found) > 1 and found[1].survival >= found[0].survival - AMBIGUITY_MARGIN:
            log.info(
                "%s looks like %d moved and edited documents: treated as new",
                doc.path,
                sum(1 for p in found if p.survival >= found[0].survival - AMBIGUITY_MARGIN),
            )
            return None
        return found[0]

    def all(self) -> list[DocumentRecord]:
        rows = self._db.query(f"SELECT {_COLUMNS} FROM documents ORDER BY last_opened DESC, id")
        return [_from_row(r) for r in rows]

    def recent(self, limit: int = 20) -> list[DocumentRecord]:
        """Documents opened most recently first (with position and progress)."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM documents WHERE last_opened > 0 "
            "ORDER BY last_opened DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [_from_row(r) for r in rows]

    # -- changes ----------------------------------------------------------------
    def open_document(self, doc: Document, *, touch: bool = True) -> OpenedDocument:
        """Register ``doc`` (or recognise it) and return its annotations, re-anchored if edited.

        Recognised by text hash (a moved or renamed file: its path is updated), else
        by path (a file edited in place: every annotation is re-anchored, and those
        that cannot be placed with confidence are marked orphaned, never dropped),
        else as an annotated file that is gone from its place and whose text this
        clearly is after an edit (``predecessor``: moved and edited; its path is
        updated and its annotations re-anchored). ``touch`` updates ``last_opened``.
        """
        text_hash = doc.text_hash
        key = path_key(doc.path)
        now = time.time()
        title = doc.display_title
        record = self.by_hash(text_hash)
        if record is not None:
            with self._db.write() as conn:
                if key is not None and (record.path is None or str(record.path) != key):
                    self._claim_path(conn, key, record.id)
                conn.execute(
                    "UPDATE documents SET path = COALESCE(?, path), title = ?, "
                    "last_opened = CASE WHEN ? THEN ? ELSE last_opened END WHERE id = ?",
                    (key, title, touch, now, record.id),
                )
            record = self.get(record.id)
            assert record is not None
            self._snapshots.remember(record.id, text_hash, doc.text)
            annotations = self._annotations.for_document(record.id)
            if annotations:
                self._ensure_snapshot(record.id, text_hash, doc.text)
            orphaned = sum(1 for a in annotations if a.orphaned)
            return OpenedDocument(record, annotations, 0, orphaned, "hash")

        old = self.by_path(doc.path) if doc.path is not None else None
        if old is not None:
            # The file changed on disk: place every annotation again in the new text.
            followed = self._follow_edit(old, doc, key, touch, now, None)
            if followed is not None:
                return followed
        elif key is not None:
            # Maybe an annotated file that was moved (or renamed) and edited meanwhile.
            found = self.predecessor(doc)
            if found is not None:
                followed = self._follow_edit(found.record, doc, key, touch, now, found)
                if followed is not None:
                    return followed

        with self._db.write() as conn:
            if key is not None:
                self._claim_path(conn, key, None)
            try:
                cur = conn.execute(
                    "INSERT INTO documents (text_hash, path, title, char_count, last_opened, "
                    "created, format, encoding) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        text_hash,
                        key,
                        title,
                        len(doc.text),
                        now if touch else 0.0,
                        now,
                        doc.format,
                        doc.encoding,
                    ),
                )
                new_id = int(cur.lastrowid or 0)
            except sqlite3.IntegrityError:
                # Another process registered the same text a moment ago.
                row = conn.execute(
                    "SELECT id FROM documents WHERE text_hash = ?", (text_hash,)
                ).fetchone()
                new_id = int(row[0])
        record = self.get(new_id)
        assert record is not None
        self._snapshots.remember(new_id, text_hash, doc.text)
        annotations = self._annotations.for_document(new_id)
        if annotations:  # another process registered it and annotated it meanwhile
            self._ensure_snapshot(new_id, text_hash, doc.text)
        return OpenedDocument(record, annotations, 0, 0, "new")

    def _follow_edit(
        self,
        old: DocumentRecord,
        doc: Document,
        key: str | None,
        touch: bool,
        now: float,
        found: Predecessor | None,
    ) -> OpenedDocument | None:
        """Give ``old``'s record ``doc``'s text (and path), re-anchoring its annotations.

        ``found`` is set for a moved+edited file (its diff is reused). None when the
        record changed meanwhile (another Jingdu took it): the caller registers ``doc``
        as new.
        """
        text_hash = doc.text_hash
        previous = self._annotations.for_document(old.id)
        if found is not None and previous:
            result = reanchor_with_old_text(found.old_text, doc.text, previous, found.diff)
            used_snapshot = True
        else:
            result, used_snapshot = self._reanchor(old, doc.text, previous)
        # Compressed before the write lock is taken (a long text takes a while).
        snapshot = compress(doc.text) if previous else None
        position = min(old.position, len(doc.text))
        with self._db.write() as conn:
            # One transaction: a kill leaves either the old text with the old places
            # and snapshot, or the new text with the new ones, never a mix.
            row = conn.execute(
                "SELECT text_hash, path FROM documents WHERE id = ?", (old.id,)
            ).fetchone()
            old_key = str(old.path) if old.path is not None else None
            if row is None or row[0] != old.text_hash or row[1] != old_key:
                return None
            if found is not None and key is not None:
                self._claim_path(conn, key, old.id)
            conn.execute(
                "UPDATE documents SET text_hash = ?, path = COALESCE(?, path), title = ?, "
                "char_count = ?, position = ?, format = ?, encoding = ?, "
                "last_opened = CASE WHEN ? THEN ? ELSE last_opened END WHERE id = ?",
                (
                    text_hash,
                    key,
                    doc.display_title,
                    len(doc.text),
                    position,
                    doc.format,
                    doc.encoding,
                    touch,
                    now,
                    old.id,
                ),
            )
            if result.changed:
                write_updates(conn, result.changed)
            if snapshot is not None:
                write_snapshot(conn, old.id, text_hash, len(doc.text), snapshot)
            else:
                conn.execute("DELETE FROM document_texts WHERE doc_id = ?", (old.id,))
        record = self.get(old.id)
        assert record is not None
        self._snapshots.remember(record.id, text_hash, doc.text)
        if found is not None:
            log.info(
                "%s is %s moved and edited (%.1f %% of its text kept): "
                "%d annotations re-anchored, %d orphaned",
                key,
                old.path,
                100 * found.survival,
                result.reanchored,
                result.orphaned,
            )
        else:
            log.info(
                "%s changed: %d annotations re-anchored (%s), %d orphaned",
                key,
                result.reanchored,
                "diff from the old text" if used_snapshot else "quote and context",
                result.orphaned,
            )
        return OpenedDocument(
            record,
            result.annotations,
            result.reanchored,
            result.orphaned,
            "moved+edited" if found is not None else "path",
            used_snapshot,
            old.path if found is not None else None,
        )

    def _reanchor(
        self, old: DocumentRecord, text: str, annotations: list[Annotation]
    ) -> tuple[ReanchorResult, bool]:
        """Annotations of ``old`` placed in ``text``: by diff from the snapshot, else by quote."""
        if not annotations:
            return ReanchorResult([], [], 0, 0), False
        old_text = self._snapshots.load(old.id, old.text_hash)
        if old_text is not None:
            return reanchor_with_old_text(old_text, text, annotations), True
        return reanchor_all(text, annotations), False

    def _ensure_snapshot(self, doc_id: int, text_hash: str, text: str) -> None:
        """Snapshot the text of an annotated document if its snapshot is missing or stale.

        Runs on the caller's (loading) thread: a store from before snapshots, or an app
        killed before the background snapshot of a first annotation was written.
        """
        info = self._snapshots.info(doc_id)
        if info is not None and info[0] == text_hash:
            return
        data = compress(text)
        with self._db.write() as conn:
            row = conn.execute(
                "SELECT 1 FROM documents WHERE id = ? AND text_hash = ?", (doc_id, text_hash)
            ).fetchone()
            if row is not None:
                write_snapshot(conn, doc_id, text_hash, len(text), data)

    @staticmethod
    def _claim_path(conn: sqlite3.Connection, key: str, owner: int | None) -> None:
        """Give ``key`` to one record: others that had it keep their text hash only."""
        conn.execute(
            "UPDATE documents SET path = NULL WHERE path = ? AND id IS NOT ?", (key, owner)
        )

    def save_position(self, doc_id: int, offset: int, progress: float) -> None:
        """Remember where the reader is (offset at the top of the view, progress 0..1)."""
        progress = min(1.0, max(0.0, float(progress)))
        with self._db.write() as conn:
            conn.execute(
                "UPDATE documents SET position = ?, progress = ? WHERE id = ?",
                (max(0, int(offset)), progress, doc_id),
            )

    def set_title(self, doc_id: int, title: str) -> None:
        with self._db.write() as conn:
            conn.execute("UPDATE documents SET title = ? WHERE id = ?", (title, doc_id))

    def forget(self, doc_id: int) -> None:
        """Remove a document, all its annotations and its text snapshot from the store."""
        self._snapshots.forget(doc_id)
        with self._db.write() as conn:
            conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
