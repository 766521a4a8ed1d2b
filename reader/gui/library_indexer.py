"""Keeps the library search index up to date in the background.

On start-up every document the store knows (``store.documents.all()``) that is
missing from the index, or indexed from another text, is loaded from its file
and indexed in a worker; each opened document is indexed from the text already
in memory. A file that is gone is skipped with a note, never an error.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.core.document import Document
from reader.core.errors import LoadError
from reader.store.library_index import LibraryIndex

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

log = logging.getLogger(__name__)


def document_key(record: Any | None, doc: Document | None = None) -> str:
    """The index key of a document: its store id when known, else its text hash."""
    if record is not None and getattr(record, "id", None) is not None:
        return f"doc-{record.id}"
    if doc is not None:
        return f"hash-{doc.text_hash}"
    raise ValueError("a document key needs a store record or a document")


@dataclass(frozen=True)
class _Item:
    """One document to index: from memory (``doc``) or from its file (``path``)."""

    key: str
    title: str
    path: Path | None
    text_hash: str
    doc: Document | None = None


class _Relay(QObject):
    progress = Signal(int, int, str)  # documents done, documents total, title
    document_indexed = Signal(str)  # key
    skipped = Signal(str, str)  # title or path, why
    finished = Signal(int)  # documents indexed in this run


class _IndexTask(QRunnable):
    def __init__(self, indexer: LibraryIndexer) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._indexer = indexer
        self._relay = indexer._relay
        self._index = indexer.index

    def _send(self, signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            log.debug("library indexer gone; dropping a signal")

    def run(self) -> None:
        indexer = self._indexer
        done = 0
        indexed = 0
        while True:
            item = indexer._take()
            if item is None:
                break
            total = done + 1 + indexer._queued()
            self._send(self._relay.progress, done, total, item.title)
            try:
                if self._index_one(item):
                    indexed += 1
                    self._send(self._relay.document_indexed, item.key)
            except Exception as exc:  # one bad document must not stop the others
                log.exception("cannot index %s", item.path or item.title)
                self._send(self._relay.skipped, item.title, f"{type(exc).__name__}: {exc}")
            done += 1
        self._send(self._relay.finished, indexed)

    def _index_one(self, item: _Item) -> bool:
        indexer = self._indexer
        index = self._index
        if not index.needs_update(item.key, item.text_hash):
            return False
        doc = item.doc
        if doc is None:
            if item.path is None or not item.path.is_file():
                self._send(self._relay.skipped, item.title, "missing")
                return False
            from reader.core.loader import load_document

            try:
                doc = load_document(item.path)
            except LoadError as exc:
                self._send(self._relay.skipped, item.title, exc.detail or exc.kind)
                return False
            # The file may have changed since the user last opened it; index what is there.
            if not index.needs_update(item.key, doc.text_hash):
                return False
        return index.add(
            item.key,
            doc.display_title or item.title,
            item.path or doc.path,
            doc.text,
            doc.headings,
            text_hash=doc.text_hash,
            cancelled=indexer._is_cancelled,
        )


class LibraryIndexer(QObject):
    """Indexes the user's documents into a LibraryIndex off the UI thread.

    Signals (UI thread): ``progress(done, total, title)``, ``document_indexed(key)``,
    ``skipped(title, reason)`` (reason "missing" for a file that is gone),
    ``finished(count)``, ``busy_changed(bool)``.
    """

    progress = Signal(int, int, str)
    document_indexed = Signal(str)
    skipped = Signal(str, str)
    finished = Signal(int)
    busy_changed = Signal(bool)

    def __init__(self, window: MainWindow, index: LibraryIndex | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.index = index if index is not None else LibraryIndex.open()
        self._queue: deque[_Item] = deque()
        self._cancel = False
        self._running = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.progress.connect(self.progress)
        self._relay.document_indexed.connect(self.document_indexed)
        self._relay.skipped.connect(self.skipped)
        self._relay.finished.connect(self._on_finished)
        window.document_opened.connect(self.add_document)

    @property
    def busy(self) -> bool:
        """True while documents are being indexed."""
        return self._running

    def index_library(self) -> None:
        """Queue every document of the store (missing or changed ones get indexed)."""
        store = self.window_.store
        if store is None:
            return
        try:
            records = store.documents.all()
        except Exception:
            log.exception("cannot list the library's documents")
            return
        for record in records:
            path = Path(record.path) if record.path else None
            self._queue.append(
                _Item(document_key(record), record.title or "", path, record.text_hash)
            )
        self._start()

    def add_document(self, doc: Document) -> None:
        """Index ``doc`` (just opened) from memory, unless the index already has this text."""
        record = self.window_.current_record
        if record is None and self.window_.store is not None:
            return  # the guide or a document the store refused: not part of the library
        if doc.path is None:
            return
        key = document_key(record, doc)
        self._queue.append(_Item(key, doc.display_title, doc.path, doc.text_hash, doc))
        self._start()

    def cancel(self) -> None:
        """Stop indexing (the document in progress is left as it was)."""
        self._queue.clear()
        self._cancel = True

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until indexing stops (tests, shutdown)."""
        return bool(self._pool.waitForDone(msecs))

    # -- worker side -----------------------------------------------------------------
    def _take(self) -> _Item | None:
        try:
            return self._queue.popleft()
        except IndexError:
            return None

    def _queued(self) -> int:
        return len(self._queue)

    def _is_cancelled(self) -> bool:
        return self._cancel

    # -- UI side ------------------------------------------------------------------------
    def _start(self) -> None:
        if self._running:
            return  # the running task takes new items from the queue
        self._cancel = False
        self._running = True
        self.busy_changed.emit(True)
        self._pool.start(_IndexTask(self))

    def _on_finished(self, count: int) -> None:
        self._running = False
        self.busy_changed.emit(False)
        self.finished.emit(count)
        if self._queue and not self._cancel:
            self._start()  # something arrived after the task's last look at the queue
