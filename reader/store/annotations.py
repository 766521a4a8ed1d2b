"""Highlights and bookmarks of documents, each change committed when made."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from typing import Any

from reader.core.annotation import Annotation, check_color
from reader.store.db import Database
from reader.store.snapshots import TextSnapshots, drop_unused

_COLUMNS = (
    'id, uuid, doc_id, kind, start, "end", quote, prefix, suffix, color, note, label, '
    "created, modified, orphaned"
)


def _from_row(row: sqlite3.Row) -> Annotation:
    return Annotation(
        id=int(row["id"]),
        uuid=str(row["uuid"]),
        doc_id=int(row["doc_id"]),
        kind=row["kind"],
        start=int(row["start"]),
        end=int(row["end"]),
        quote=row["quote"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        color=row["color"],
        note=row["note"],
        label=row["label"],
        created=float(row["created"]),
        modified=float(row["modified"]),
        orphaned=bool(row["orphaned"]),
    )


def _content(a: Annotation) -> tuple[Any, ...]:
    """The columns an edit may change, in the order of _INSERT and _UPDATE."""
    return (a.kind, a.start, a.end, a.quote, a.prefix, a.suffix, a.color, a.note, a.label)


def _values(a: Annotation) -> tuple[Any, ...]:
    """Parameters for ``_INSERT``."""
    return (a.uuid, a.doc_id, *_content(a), a.created, a.modified, int(a.orphaned))


_INSERT = (
    'INSERT INTO annotations (uuid, doc_id, kind, start, "end", quote, prefix, suffix, '
    "color, note, label, created, modified, orphaned) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_WITH_ID = (
    'INSERT INTO annotations (id, uuid, doc_id, kind, start, "end", quote, prefix, suffix, '
    "color, note, label, created, modified, orphaned) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE = (
    'UPDATE annotations SET kind = ?, start = ?, "end" = ?, quote = ?, prefix = ?, '
    "suffix = ?, color = ?, note = ?, label = ?, modified = ?, orphaned = ? WHERE id = ?"
)


def _update_values(a: Annotation, modified: float) -> tuple[Any, ...]:
    """Parameters for ``_UPDATE``: the editable columns, then the id."""
    return (*_content(a), modified, int(a.orphaned), a.id)


def write_updates(
    conn: sqlite3.Connection, items: Sequence[Annotation], *, touch: bool = False
) -> None:
    """Save changed annotations inside the caller's transaction (re-anchoring)."""
    now = time.time()
    conn.executemany(_UPDATE, [_update_values(a, now if touch else a.modified) for a in items])


def _check(a: Annotation) -> None:
    if a.doc_id is None:
        raise ValueError("annotation has no doc_id: open the document in the store first")
    if a.start > a.end or a.start < 0:
        raise ValueError(f"bad range {a.start}..{a.end}")
    check_color(a)


class AnnotationRepository:
    """``store.annotations``: add, update, delete, restore and list annotations."""

    def __init__(self, db: Database, snapshots: TextSnapshots | None = None) -> None:
        self._db = db
        self._snapshots = snapshots

    def add(self, a: Annotation) -> Annotation:
        """Save a new annotation; returns it with its ``id``. Raises ValueError for a bad one."""
        return self.add_many([a])[0]

    def add_many(self, items: Iterable[Annotation]) -> list[Annotation]:
        """Save several new annotations in one transaction (import, benchmarks)."""
        items = list(items)
        for a in items:
            _check(a)
        now = time.time()
        saved: list[Annotation] = []
        try:
            with self._db.write() as conn:
                for a in items:
                    if not a.created:
                        a = a.replace(created=now, modified=a.modified or now)
                    cur = conn.execute(_INSERT, _values(a))
                    saved.append(a.replace(id=int(cur.lastrowid or 0)))
        except sqlite3.IntegrityError as exc:
            raise ValueError(f"cannot save annotation: {exc}") from exc
        self._snapshot([a.doc_id for a in saved])
        return saved

    def _snapshot(self, doc_ids: Iterable[int | None]) -> None:
        """Snapshot the text of documents that just got annotations (in the background)."""
        if self._snapshots is not None:
            self._snapshots.ensure(d for d in doc_ids if d is not None)

    def update(self, a: Annotation) -> Annotation:
        """Save changes (colour, note, label, range…) to an existing annotation."""
        if a.id is None:
            raise ValueError("annotation has no id: add() it first")
        _check(a)
        a = a.replace(modified=time.time())
        with self._db.write() as conn:
            conn.execute(_UPDATE, _update_values(a, a.modified))
        return a

    def update_many(self, items: Sequence[Annotation], *, touch: bool = False) -> None:
        """Save several annotations in one transaction (re-anchoring keeps ``modified``)."""
        with self._db.write() as conn:
            write_updates(conn, items, touch=touch)

    def delete(self, annotation_id: int) -> Annotation | None:
        """Delete an annotation; returns what was deleted (keep it for ``restore``)."""
        with self._db.write() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
            ).fetchone()
            if row is None:
                return None
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
            # The last annotation of a document takes its text snapshot with it.
            drop_unused(conn, [int(row["doc_id"])])
        return _from_row(row)

    def restore(self, a: Annotation) -> Annotation:
        """Undo a delete: put the annotation back with the same id and uuid."""
        _check(a)
        with self._db.write() as conn:
            taken = conn.execute(
                "SELECT id FROM annotations WHERE uuid = ? OR id = ?", (a.uuid, a.id)
            ).fetchone()
            if taken is not None:
                return a
            if a.id is None:
                cur = conn.execute(_INSERT, _values(a))
                a = a.replace(id=int(cur.lastrowid or 0))
            else:
                conn.execute(_INSERT_WITH_ID, (a.id, *_values(a)))
        self._snapshot([a.doc_id])
        return a

    def get(self, annotation_id: int) -> Annotation | None:
        row = self._db.query_one(
            f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
        )
        return _from_row(row) if row is not None else None

    def get_by_uuid(self, uuid: str) -> Annotation | None:
        row = self._db.query_one(f"SELECT {_COLUMNS} FROM annotations WHERE uuid = ?", (uuid,))
        return _from_row(row) if row is not None else None

    def existing_uuids(self, uuids: Iterable[str]) -> set[str]:
        """Which of ``uuids`` are already in the store (any document)."""
        wanted = list(dict.fromkeys(uuids))
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.query(f"SELECT uuid FROM annotations WHERE uuid IN ({marks})", chunk)
            found.update(str(r[0]) for r in rows)
        return found

    def for_document(self, doc_id: int, kind: str | None = None) -> list[Annotation]:
        """Annotations of a document in document order (orphaned ones at their last place)."""
        if kind is None:
            rows = self._db.query(
                f'SELECT {_COLUMNS} FROM annotations WHERE doc_id = ? ORDER BY start, "end", id',
                (doc_id,),
            )
        else:
            rows = self._db.query(
                f"SELECT {_COLUMNS} FROM annotations WHERE doc_id = ? AND kind = ? "
                'ORDER BY start, "end", id',
                (doc_id, kind),
            )
        return [_from_row(r) for r in rows]

    def count(self, doc_id: int) -> int:
        row = self._db.query_one("SELECT count(*) FROM annotations WHERE doc_id = ?", (doc_id,))
        return int(row[0]) if row is not None else 0
