"""Search across every document the user has opened: a rebuildable SQLite index.

Design (measured, see docs/benchmarks/search.md): each document is cut into
chunks of about ``CHUNK_CHARS`` characters at paragraph ends, stored
zlib-compressed. An FTS5 table (contentless, ``detail=none``, ``ascii``
tokenizer with every ASCII character but the space as a token character)
records, per chunk, which distinct characters and character pairs (bigrams) of
the folded text it holds.
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
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import paths
from reader.core.normalize import fold
from reader.core.search import SearchOptions, compile_regex, find_all, snippet
from reader.core.segment import Segmenter

log = logging.getLogger(__name__)

#: Bump when the schema or the token scheme changes: older files are rebuilt.
#: 2: compressed chunk text, 16,000-character chunks, tokens without remapping.
FORMAT_VERSION = 2
FILE_NAME = "library-index.sqlite3"
#: Target chunk size: smaller chunks filter better, larger ones index faster and
#: make a smaller file (fewer distinct pairs in all; measured 4k/8k/16k/32k).
CHUNK_CHARS = 16_000
#: Each chunk also stores (and indexes) this many characters of the next one, so
#: hits up to this long that cross a chunk end are found from the chunk alone;
#: longer ones are found by joining the following chunks (see ``_search``).
OVERLAP = 64
#: How far past its chunk a regex hit may reach (regex hits have no set length).
REGEX_REACH = 2_000
#: zlib level for chunk text: 1 compresses Chinese text to ~59 % at ~40 MB/s,
#: level 6 only reaches ~55 % at a third of the speed.
ZLIB_LEVEL = 1
#: At most this many bigrams of a long query go into the index lookup.
MAX_QUERY_TOKENS = 12
#: Chunks fetched per round trip while streaming results.
BATCH = 8
#: Chunks inserted per executemany while indexing (progress is reported between).
_ROWS_PER_STEP = 8

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs(
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    path TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    char_count INTEGER NOT NULL,
    indexed REAL NOT NULL,
    headings TEXT NOT NULL,
    first_chunk INTEGER NOT NULL,
    chunk_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks(
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES docs(id),
    start INTEGER NOT NULL,
    own INTEGER NOT NULL,
    body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id, start);
CREATE VIRTUAL TABLE IF NOT EXISTS grams USING fts5(
    g, content='', detail=none, columnsize=0, tokenize={tokenizer}
);
"""


def _tokenizer_option() -> str:
    # The ascii tokenizer splits on ASCII characters that are not letters or
    # digits; declare them all token characters but the space, so that every
    # character (and so every pair) of the text is one token as it is, without
    # remapping five million characters per document.
    chars = "".join(chr(c) for c in range(1, 128) if not chr(c).isalnum() and c != 32)
    inner = "ascii tokenchars '" + chars.replace("'", "''") + "'"
    return '"' + inner.replace('"', '""') + '"'


_SCHEMA = _SCHEMA.replace("{tokenizer}", _tokenizer_option())


def _token_text(folded: str) -> str:
    # The space separates tokens and NUL cannot be declared: move both out of the way.
    mapped = folded.replace(" ", "\ue020")
    if "\x00" in mapped:
        mapped = mapped.replace("\x00", "\ue000")
    return mapped


def _tokens(folded: str) -> str:
    """Space-separated distinct characters and character pairs of folded text."""
    mapped = _token_text(folded)
    grams = set(mapped)
    grams.update(map(str.__add__, mapped, mapped[1:]))
    return " ".join(grams)


def _match_expression(query: str) -> str | None:
    """FTS5 MATCH text that every chunk holding ``query`` satisfies (None: no filter).

    Only the first ``OVERLAP + 1`` characters count: that much of a hit always
    lies in the indexed text of the chunk it starts in.
    """
    mapped = _token_text(fold(query))[: OVERLAP + 1]
    if not mapped:
        return None
    if len(mapped) == 1:
        grams = [mapped]
    else:
        grams = list(dict.fromkeys(mapped[i : i + 2] for i in range(len(mapped) - 1)))
        if len(grams) > MAX_QUERY_TOKENS:
            step = len(grams) / MAX_QUERY_TOKENS
            grams = [grams[int(i * step)] for i in range(MAX_QUERY_TOKENS)]
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams)


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), ZLIB_LEVEL)


def _unpack(body: bytes) -> str:
    return zlib.decompress(body).decode("utf-8")


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
        with self._write() as conn:
            self._remove(conn, key)
            # Chunk ids are given here, consecutive per document: chunks and
            # their tokens go in with executemany, and a search can tell (and
            # order) the documents of candidate chunks from the docs table alone.
            next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM chunks").fetchone()[0]
            cur = conn.execute(
                "INSERT INTO docs(key, title, path, text_hash, char_count, indexed, headings,"
                " first_chunk, chunk_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    title,
                    str(path or ""),
                    digest,
                    total,
                    time.time(),
                    json.dumps(heading_rows, ensure_ascii=False),
                    next_id,
                    len(bounds),
                ),
            )
            doc_id = cur.lastrowid
            for first in range(0, len(bounds), _ROWS_PER_STEP):
                rows = []
                grams = []
                for i, (start, end) in enumerate(
                    bounds[first : first + _ROWS_PER_STEP], next_id + first
                ):
                    stop = min(total, end + OVERLAP)
                    rows.append((i, doc_id, start, end - start, _pack(text[start:stop])))
                    grams.append((i, _tokens(folded[start:stop])))
                conn.executemany(
                    "INSERT INTO chunks(id, doc_id, start, own, body) VALUES (?, ?, ?, ?, ?)", rows
                )
                conn.executemany("INSERT INTO grams(rowid, g) VALUES (?, ?)", grams)
                if cancelled is not None and cancelled():
                    conn.execute("ROLLBACK")
                    return False
                if progress is not None:
                    progress(bounds[min(len(bounds), first + _ROWS_PER_STEP) - 1][1], total)
        if progress is not None:
            progress(total, total)
        return True

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (commit, or roll back on error); then forget cached documents."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            if not conn.in_transaction:
                return  # add() rolled back itself (cancelled): nothing changed
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        with self._lock:
            self._doc_cache.clear()

    def remove(self, key: str) -> None:
        """Forget one document."""
        with self._write() as conn:
            self._remove(conn, key)

    def _remove(self, conn: sqlite3.Connection, key: str) -> None:
        row = conn.execute("SELECT id FROM docs WHERE key=?", (key,)).fetchone()
        if row is None:
            return
        doc_id = row[0]
        # A contentless FTS5 table forgets a row only when told its exact tokens.
        conn.executemany(
            "INSERT INTO grams(grams, rowid, g) VALUES ('delete', ?, ?)",
            [
                (chunk_id, _tokens(fold(_unpack(body))))
                for chunk_id, body in conn.execute(
                    "SELECT id, body FROM chunks WHERE doc_id=?", (doc_id,)
                ).fetchall()
            ],
        )
        conn.execute("DELETE FROM chunks WHERE doc_id=?", (doc_id,))
        conn.execute("DELETE FROM docs WHERE id=?", (doc_id,))

    def clear(self) -> None:
        """Drop every document (the file stays)."""
        with self._write() as conn:
            conn.execute("DELETE FROM chunks")
            conn.execute("DELETE FROM docs")
            conn.execute("INSERT INTO grams(grams) VALUES ('delete-all')")

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
        prefer: Sequence[str] | None = None,
    ) -> Iterator[LibraryHit]:
        """Hits of ``query`` in every indexed document (or only ``keys``), streamed.

        Results come document by document as they are found, so the first ones
        arrive at once: the documents in ``prefer`` first, in that order (e.g.
        the most recently opened), then the rest in indexing order. An invalid
        regex raises SearchError here, before iteration; an empty query yields
        nothing. Whole-word filtering loads jieba (call from a worker thread).
        """
        options = options or SearchOptions()
        if options.regex and query:
            compile_regex(query, options)  # raise SearchError now, not mid-stream
        return self._search(query, options, limit, segmenter, keys, width, prefer)

    def _search(
        self,
        query: str,
        options: SearchOptions,
        limit: int | None,
        segmenter: Segmenter | None,
        keys: Iterable[str] | None,
        width: int,
        prefer: Sequence[str] | None,
    ) -> Iterator[LibraryHit]:
        if not query or (limit is not None and limit <= 0):
            return
        conn = self._conn()
        ranges = self._chunk_ranges(conn, keys, prefer)
        if not ranges:
            return
        expression = None if options.regex else _match_expression(query)
        if expression is None:
            ids = [i for _, first, count in ranges for i in range(first, first + count)]
        else:
            ids = self._candidates(conn, expression, ranges)
        # A hit starting in a chunk may run past the chunk's stored overlap:
        # then the following chunks are joined to it.
        reach = REGEX_REACH if options.regex else len(query) - 1
        found = 0
        for i in range(0, len(ids), BATCH):
            batch = ids[i : i + BATCH]
            rows = conn.execute(
                "SELECT id, doc_id, start, own, body FROM chunks"
                f" WHERE id IN ({','.join('?' * len(batch))})",
                batch,
            ).fetchall()
            rows.sort(key=lambda row: batch.index(row[0]))
            nearby = {(row[1], row[2]): row for row in rows}
            for _, doc_id, start, own, body in rows:
                text = _unpack(body)
                if own + reach > len(text):
                    text = self._joined(conn, doc_id, start, own, text, own + reach, nearby)
                hits = find_all(text, query, options, segmenter=segmenter)
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
                        snippet=snippet(text, hit.start, hit.end, width),
                        section=info.section(offset),
                        whole_word=hit.whole_word,
                    )
                    found += 1
                    if limit is not None and found >= limit:
                        return

    @staticmethod
    def _chunk_ranges(
        conn: sqlite3.Connection, keys: Iterable[str] | None, prefer: Sequence[str] | None
    ) -> list[tuple[int, int, int]]:
        """``(doc_id, first_chunk, chunk_count)`` of the documents to search, in search order."""
        rows = conn.execute("SELECT key, id, first_chunk, chunk_count FROM docs ORDER BY id")
        by_key = {key: (doc_id, first, count) for key, doc_id, first, count in rows}
        if keys is not None:
            wanted = set(keys)
            by_key = {k: v for k, v in by_key.items() if k in wanted}
        ordered: list[tuple[int, int, int]] = []
        for key in prefer or ():
            entry = by_key.pop(key, None)
            if entry is not None:
                ordered.append(entry)
        ordered.extend(by_key.values())
        return ordered

    @staticmethod
    def _candidates(
        conn: sqlite3.Connection, expression: str, ranges: list[tuple[int, int, int]]
    ) -> list[int]:
        """Ids of chunks the index says may hold the query, grouped in ``ranges`` order."""
        matching = [
            row[0]
            for row in conn.execute(
                "SELECT rowid FROM grams WHERE grams MATCH ? ORDER BY rowid", (expression,)
            )
        ]
        if not matching:
            return []
        firsts = sorted(ranges, key=lambda r: r[1])
        starts = [r[1] for r in firsts]
        groups: dict[int, list[int]] = {}
        for chunk_id in matching:
            j = bisect.bisect_right(starts, chunk_id) - 1
            if j < 0:
                continue
            _, first, count = firsts[j]
            if chunk_id < first + count:
                groups.setdefault(first, []).append(chunk_id)
        return [chunk_id for _, first, _ in ranges for chunk_id in groups.get(first, ())]

    @staticmethod
    def _joined(
        conn: sqlite3.Connection,
        doc_id: int,
        start: int,
        own: int,
        text: str,
        need: int,
        nearby: dict[tuple[int, int], tuple[int, int, int, int, bytes]],
    ) -> str:
        """``text`` (a chunk's body) extended with the following chunks to ``need`` characters."""
        kept = text[:own]
        pos = start + own
        while len(text) < need:
            row = nearby.get((doc_id, pos))
            if row is not None:
                next_own, next_body = row[3], row[4]
            else:
                fetched = conn.execute(
                    "SELECT own, body FROM chunks WHERE doc_id=? AND start=?", (doc_id, pos)
                ).fetchone()
                if fetched is None:
                    break  # the end of the document
                next_own, next_body = fetched
            following = _unpack(next_body)
            text = kept + following
            kept += following[:next_own]
            pos += next_own
        return text[:need]

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
