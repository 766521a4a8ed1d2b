"""Open the SQLite store: pragmas, recovery of corrupt files, migrations, repositories."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from reader import paths
from reader.store import migrations

log = logging.getLogger(__name__)

#: Milliseconds a writer waits for another process's lock before giving up.
BUSY_TIMEOUT_MS = 5000

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """The store cannot be used (e.g. written by a newer Jingdu, or its folder is read-only)."""


class Database:
    """One connection with explicit transactions, shared by the repositories.

    The connection is in autocommit mode: every write goes through ``write()``,
    which holds ``BEGIN IMMEDIATE`` (so a second process waits for the lock
    instead of failing half-way) and commits before returning. A lock makes the
    connection safe to use from a worker thread and the UI thread.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.lock = threading.RLock()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed on exit (rolled back on error)."""
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        """All rows of a read-only statement."""
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Any = ()) -> sqlite3.Row | None:
        with self.lock:
            row: sqlite3.Row | None = self.conn.execute(sql, params).fetchone()
            return row


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(path),
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _check_readable(conn: sqlite3.Connection, path: Path) -> None:
    """Raise sqlite3.DatabaseError when ``path`` is not a healthy SQLite database."""
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                raise sqlite3.DatabaseError("file is not a database (bad header)")
    rows = conn.execute("PRAGMA quick_check").fetchall()
    problems = [str(r[0]) for r in rows if str(r[0]).lower() != "ok"]
    if problems:
        raise sqlite3.DatabaseError("; ".join(problems[:3]))


def _move_aside(path: Path) -> Path:
    """Rename a broken database (and its WAL files) with a timestamp; never delete it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the database (consistently, through SQLite) before migrating it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bak-v{version}-{stamp}")
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    log.info("store backed up to %s before migrating", target)
    return target


class Store:
    """The user's store: documents, annotations, user words and settings.

    Open with ``Store.open()``; every change is committed when it is made.
    """

    def __init__(self, db: Database, recovered_from: Path | None = None) -> None:
        from reader.store.annotations import AnnotationRepository
        from reader.store.documents import DocumentRepository
        from reader.store.settings import SettingsRepository
        from reader.store.snapshots import TextSnapshots
        from reader.store.user_words import UserWordRepository

        self.db = db
        self.path = db.path
        #: Where a corrupt database was moved when this one was created (tell the user).
        self.recovered_from = recovered_from
        #: Backup copies made before migrations during this open.
        self.backups: list[Path] = []
        #: Compressed texts of annotated documents (to re-anchor edits through a diff).
        self.snapshots = TextSnapshots(db)
        self.annotations = AnnotationRepository(db, self.snapshots)
        self.documents = DocumentRepository(db, self.annotations, self.snapshots)
        self.user_words = UserWordRepository(db)
        self.settings = SettingsRepository(db)

    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        """Open (creating or migrating as needed) the store at ``path`` or the default place.

        A corrupt or unreadable file is renamed ``<name>.corrupt-<time>`` and a new,
        empty store is created; ``recovered_from`` then names the old file.
        """
        try:
            # paths.database_path() creates the data folder: keep it inside the guard
            path = Path(path) if path is not None else paths.database_path()
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot use Jingdu's data folder: {exc}; "
                "set JINGDU_DATA_DIR to a folder you can write to"
            ) from exc
        recovered: Path | None = None
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect(path)
            _check_readable(conn, path)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower():
                raise StoreError(f"the store {path} is locked by another program") from exc
            try:
                recovered = _move_aside(path)
            except OSError as move_exc:
                raise StoreError(
                    f"the store {path} is unreadable ({exc}) and could not be moved aside "
                    f"({move_exc}); move or delete it yourself"
                ) from exc
            log.warning("store %s unreadable (%s); moved to %s", path, exc, recovered)
            conn = _connect(path)
        store = cls(Database(conn, path), recovered)
        try:
            store._prepare()
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self) -> None:
        conn = self.db.conn
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            # Network file systems cannot do WAL; the rollback journal still works.
            log.warning("store %s: WAL unavailable, journal mode is %s", self.path, mode)
        # FULL: a commit reaches the disk before the call returns (kill or power loss safe).
        conn.execute("PRAGMA synchronous = FULL")
        version = migrations.schema_version(conn)
        if version > migrations.LATEST:
            raise StoreError(
                f"the store {self.path} was written by a newer Jingdu (schema {version}, "
                f"this version knows {migrations.LATEST}); update Jingdu"
            )
        if version < migrations.LATEST:
            has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
            if version > 0 or has_tables:
                self.backups.append(_backup(conn, self.path, version))
            for number in range(version + 1, migrations.LATEST + 1):
                migrations.run_step(conn, number)

    @property
    def schema_version(self) -> int:
        with self.db.lock:
            return migrations.schema_version(self.db.conn)

    def close(self) -> None:
        """Close the connection (everything is already committed; snapshots being
        written in the background are finished first)."""
        self.snapshots.wait()
        with self.db.lock:
            self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
