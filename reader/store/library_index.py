"""Search across every document the user has opened: a rebuildable SQLite index.

Design (measured, see docs/benchmarks/search.md): each document is cut into
chunks of about ``CHUNK_CHARS`` characters at paragraph ends. An FTS5 table
(contentless, ``detail=none``, ``ascii`` tokenizer) records, per chunk, which
distinct characters and character pairs (bigrams) of the folded text it holds.
A query of one character looks up that character, a longer one the AND of its
bigrams; the candidate chunks are then searched exactly in Python with
``reader.core.search`` (width/case folding, regex, jieba whole words), so the
index only has to be a fast, never-missing filter. This works for 1-, 2- and
3+-character queries alike and on every SQLite version (FTS5's trigram
tokenizer needs 3 characters and its LIKE is broken before SQLite 3.41).

The file lives in ``paths.cache_dir()``, separate from the user's own data: when
it is damaged or its format changes it is deleted and rebuilt. WAL mode lets a
search read while a worker thread indexes; each thread gets its own connection.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import paths
from reader.core.normalize import fold
from reader.core.search import SearchOptions, compile_regex, find_all, snippet
from reader.core.segment import Segmenter

log = logging.getLogger(__name__)

#: Bump when the schema or the token scheme changes: older files are rebuilt.
FORMAT_VERSION = 1
FILE_NAME = "library-index.sqlite3"
#: Target chunk size: smaller chunks filter better, larger ones index faster.
CHUNK_CHARS = 4000
#: Each chunk also stores (and indexes) this many characters of the next one, so
#: hits up to this long that cross a chunk end are still found.
OVERLAP = 64
#: At most this many bigrams of a long query go into the index lookup.
MAX_QUERY_TOKENS = 12
#: Chunks fetched per round trip while streaming results.
BATCH = 32

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs(
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    path TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    char_count INTEGER NOT NULL,
    indexed REAL NOT NULL,
    headings TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks(
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES docs(id),
    start INTEGER NOT NULL,
    own INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS grams USING fts5(g, content='', detail=none, tokenize='ascii');
"""


def _token_table() -> dict[int, int]:
    # The ascii tokenizer splits on ASCII characters that are not letters or
    # digits; move those into the private use area so every character (and so
    # every pair) is one token. Folding already lower-cased letters.
    table = {}
    for code in range(128):
        if not chr(code).isalnum():
            table[code] = 0xE000 + code
    return table


_TOKEN_TABLE = _token_table()


def _tokens(folded: str) -> str:
    """Space-separated distinct characters and character pairs of folded text."""
    mapped = folded.translate(_TOKEN_TABLE)
    grams = set(mapped)
    grams.update(map(str.__add__, mapped, mapped[1:]))
    return " ".join(grams)


def _match_expression(query: str) -> str | None:
    """FTS5 MATCH text that every chunk holding ``query`` satisfies (None: no filter)."""
    mapped = fold(query).translate(_TOKEN_TABLE)
    if not mapped:
        return None
    if len(mapped) == 1:
        grams = [mapped]
    else:
        grams = list(dict.fromkeys(mapped[i : i + 2] for i in range(len(mapped) - 1)))
        if len(grams) > MAX_QUERY_TOKENS:
            step = len(grams) / MAX_QUERY_TOKENS
            grams = [grams[int(i * step)] for i in range(MAX_QUERY_TOKENS)]
    # Tokens hold no '"' (mapped away above), so quoting them is safe.
    return " AND ".join(f'"{g}"' for g in grams)


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of each chunk, preferring to cut after a line end or a full stop."""
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        end = start + size
        if end >= n:
            end = n
        else:
            cut = text.rfind("\n", start + size // 2, end)
            if cut == -1:
                cut = text.rfind("。", start + size // 2, end)
            if cut != -1:
                end = cut + 1
        bounds.append((start, end))
        start = end
    return bounds


HeadingLike = Any  # reader.core.document.Heading or a (offset, level, title) tuple


def _heading_rows(headings: Iterable[HeadingLike]) -> list[tuple[int, int, str]]:
    rows = []
    for h in headings:
        if isinstance(h, tuple | list):
            offset, level, title = h[0], h[1], h[2]
        else:
            offset, level, title = h.offset, h.level, h.title
        rows.append((int(offset), int(level), str(title)))
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


@dataclass
class _DocInfo:
    key: str
    title: str
    path: str
    offsets: list[int] = field(default_factory=list)
    section_paths: list[list[str]] = field(default_factory=list)

    def section(self, offset: int) -> list[str]:
        i = bisect.bisect_right(self.offsets, offset) - 1
        return list(self.section_paths[i]) if i >= 0 else []


def _section_paths(rows: list[tuple[int, int, str]]) -> tuple[list[int], list[list[str]]]:
    # Same nesting rule as Document.section_path: a heading closes every open
    # heading of the same or a deeper level.
    stack: list[tuple[int, str]] = []
    offsets: list[int] = []
    result: list[list[str]] = []
    for offset, level, title in rows:
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        offsets.append(offset)
        result.append([t for _, t in stack])
    return offsets, result


@dataclass(frozen=True)
class LibraryHit:
    """One hit in one library document (offsets into that document's text)."""

    key: str
    title: str
    path: str
    start: int
    end: int
    snippet: tuple[str, str, str]
    section: list[str]
    whole_word: bool | None = None

    @property
    def snippet_text(self) -> str:
        """The snippet as one line, the hit in 【】 brackets."""
        before, match, after = self.snippet
        return f"{before}【{match}】{after}"


@dataclass(frozen=True)
class IndexedDocument:
    """What the index knows about one document."""

    key: str
    title: str
    path: str
    text_hash: str
    char_count: int
    indexed: float


class LibraryIndex:
    """The library search index (thread-safe: one connection per thread)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.cache_dir() / FILE_NAME
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._doc_cache: dict[int, _DocInfo] = {}
        self._prepare_file()

    @classmethod
    def open(cls, path: Path | None = None) -> LibraryIndex:
        """Open (creating or rebuilding as needed) the index file."""
        return cls(path)

    # -- connections ------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False)
        conn.isolation_level = None  # we issue BEGIN IMMEDIATE ourselves
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=5000")
        return conn

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def _prepare_file(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._create_schema()
        except sqlite3.DatabaseError as exc:
            # Only rebuildable data lives here: start again rather than fail.
            log.warning("library index %s unusable (%s); rebuilding it", self.path, exc)
            self._delete_files()
            self._create_schema()

    def _create_schema(self) -> None:
        conn = self._connect()
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name='docs'"
            ).fetchone()[0]
            if has_tables and version != FORMAT_VERSION:
                conn.close()
                log.info("library index format %s is old; rebuilding", version)
                self._delete_files()
                conn = self._connect()
            conn.executescript(_SCHEMA)
            conn.execute(f"PRAGMA user_version={FORMAT_VERSION}")
            conn.execute("SELECT count(*) FROM docs").fetchone()
        finally:
            conn.close()

    def _delete_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def close(self) -> None:
        """Close every connection this index opened."""
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    # -- documents --------------------------------------------------------------
    def has(self, key: str) -> bool:
        """True if the document ``key`` is indexed."""
        row = self._conn().execute("SELECT 1 FROM docs WHERE key=?", (key,)).fetchone()
        return row is not None

    def needs_update(self, key: str, text_hash: str | None = None) -> bool:
        """True if ``key`` is missing, or indexed from a text with another hash."""
        row = self._conn().execute("SELECT text_hash FROM docs WHERE key=?", (key,)).fetchone()
        if row is None:
            return True
        return text_hash is not None and row[0] != text_hash

    def documents(self) -> list[IndexedDocument]:
        """Every indexed document, in the order they were indexed."""
        rows = self._conn().execute(
            "SELECT key, title, path, text_hash, char_count, indexed FROM docs ORDER BY id"
        )
        return [IndexedDocument(*row) for row in rows]

    def add(
        self,
        key: str,
        title: str,
        path: Path | str | None,
        text: str,
        headings: Iterable[HeadingLike] = (),
        *,
        text_hash: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bool:
        """Index (or re-index) one document; run it in a worker thread.

        ``progress(done, total)`` is called in characters as chunks are indexed;
        when ``cancelled()`` turns true the document is left as it was and False
        is returned.
        """
        digest = text_hash or hashlib.sha256(text.encode("utf-8")).hexdigest()
        heading_rows = _heading_rows(headings)
        bounds = chunk_bounds(text)
        folded = fold(text)
        total = len(text)
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            self._remove(conn, key)
            cur = conn.execute(
                "INSERT INTO docs(key, title, path, text_hash, char_count, indexed, headings)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    title,
                    str(path or ""),
                    digest,
                    total,
                    time.time(),
                    json.dumps(heading_rows, ensure_ascii=False),
                ),
            )
            doc_id = cur.lastrowid
            for i, (start, end) in enumerate(bounds):
                stop = min(total, end + OVERLAP)
                cur = conn.execute(
                    "INSERT INTO chunks(doc_id, start, own, body) VALUES (?, ?, ?, ?)",
                    (doc_id, start, end - start, text[start:stop]),
                )
                conn.execute(
                    "INSERT INTO grams(rowid, g) VALUES (?, ?)",
                    (cur.lastrowid, _tokens(folded[start:stop])),
                )
                if i % 16 == 15:
                    if cancelled is not None and cancelled():
                        conn.execute("ROLLBACK")
                        return False
                    if progress is not None:
                        progress(end, total)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        with self._lock:
            self._doc_cache.clear()
        if progress is not None:
            progress(total, total)
        return True

    def remove(self, key: str) -> None:
        """Forget one document."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            self._remove(conn, key)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        with self._lock:
            self._doc_cache.clear()

    def _remove(self, conn: sqlite3.Connection, key: str) -> None:
        row = conn.execute("SELECT id FROM docs WHERE key=?", (key,)).fetchone()
        if row is None:
            return
        doc_id = row[0]
        # A contentless FTS5 table forgets a row only when told its exact tokens.
        for chunk_id, body in conn.execute(
            "SELECT id, body FROM chunks WHERE doc_id=?", (doc_id,)
        ).fetchall():
            conn.execute(
                "INSERT INTO grams(grams, rowid, g) VALUES ('delete', ?, ?)",
                (chunk_id, _tokens(fold(body))),
            )
        conn.execute("DELETE FROM chunks WHERE doc_id=?", (doc_id,))
        conn.execute("DELETE FROM docs WHERE id=?", (doc_id,))

    def clear(self) -> None:
        """Drop every document (the file stays)."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM chunks")
            conn.execute("DELETE FROM docs")
            conn.execute("INSERT INTO grams(grams) VALUES ('delete-all')")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        with self._lock:
            self._doc_cache.clear()

    # -- search -------------------------------------------------------------------
    def search(
        self,
        query: str,
        options: SearchOptions | None = None,
        *,
        limit: int | None = None,
        segmenter: Segmenter | None = None,
        keys: Iterable[str] | None = None,
        width: int = 30,
    ) -> Iterator[LibraryHit]:
        """Hits of ``query`` in every indexed document (or only ``keys``), streamed.

        Results come document by document (in indexing order) as they are
        found, so the first ones arrive at once. An invalid regex raises
        SearchError here, before iteration; an empty query yields nothing.
        Whole-word filtering loads jieba (call from a worker thread).
        """
        options = options or SearchOptions()
        if options.regex and query:
            compile_regex(query, options)  # raise SearchError now, not mid-stream
        return self._search(query, options, limit, segmenter, keys, width)

    def _search(
        self,
        query: str,
        options: SearchOptions,
        limit: int | None,
        segmenter: Segmenter | None,
        keys: Iterable[str] | None,
        width: int,
    ) -> Iterator[LibraryHit]:
        if not query or (limit is not None and limit <= 0):
            return
        conn = self._conn()
        doc_filter: set[int] | None = None
        if keys is not None:
            wanted = list(keys)
            doc_filter = {
                row[0]
                for row in conn.execute(
                    f"SELECT id FROM docs WHERE key IN ({','.join('?' * len(wanted))})",
                    wanted,
                )
            }
        expression = None if options.regex else _match_expression(query)
        if expression is None:
            ids = [row[0] for row in conn.execute("SELECT id FROM chunks ORDER BY id")]
        else:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT rowid FROM grams WHERE grams MATCH ? ORDER BY rowid", (expression,)
                )
            ]
        found = 0
        for i in range(0, len(ids), BATCH):
            batch = ids[i : i + BATCH]
            rows = conn.execute(
                "SELECT id, doc_id, start, own, body FROM chunks"
                f" WHERE id IN ({','.join('?' * len(batch))}) ORDER BY id",
                batch,
            ).fetchall()
            for _, doc_id, start, own, body in rows:
                if doc_filter is not None and doc_id not in doc_filter:
                    continue
                hits = find_all(body, query, options, segmenter=segmenter)
                if not hits:
                    continue
                info = self._doc_info(conn, doc_id)
                if info is None:
                    continue
                for hit in hits:
                    if hit.start >= own:
                        break  # in the overlap: the next chunk reports it
                    offset = start + hit.start
                    yield LibraryHit(
                        key=info.key,
                        title=info.title,
                        path=info.path,
                        start=offset,
                        end=start + hit.end,
                        snippet=snippet(body, hit.start, hit.end, width),
                        section=info.section(offset),
                        whole_word=hit.whole_word,
                    )
                    found += 1
                    if limit is not None and found >= limit:
                        return

    def _doc_info(self, conn: sqlite3.Connection, doc_id: int) -> _DocInfo | None:
        with self._lock:
            info = self._doc_cache.get(doc_id)
        if info is not None:
            return info
        row = conn.execute(
            "SELECT key, title, path, headings FROM docs WHERE id=?", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        rows = [tuple(r) for r in json.loads(row[3])]
        offsets, section_paths = _section_paths([(int(o), int(lv), str(t)) for o, lv, t in rows])
        info = _DocInfo(row[0], row[1], row[2], offsets, section_paths)
        with self._lock:
            self._doc_cache[doc_id] = info
        return info

    def stats(self) -> dict[str, int]:
        """Documents, characters, chunks and file size in bytes (for the benchmark/UI)."""
        conn = self._conn()
        docs, chars = conn.execute(
            "SELECT count(*), coalesce(sum(char_count), 0) FROM docs"
        ).fetchone()
        chunks = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        size = sum(
            Path(str(self.path) + s).stat().st_size
            for s in ("", "-wal")
            if Path(str(self.path) + s).exists()
        )
        return {"documents": docs, "characters": chars, "chunks": chunks, "bytes": size}
