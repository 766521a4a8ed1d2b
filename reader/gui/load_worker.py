"""Opens documents off the UI thread and reports back by signal.

The worker reads, decodes and outlines the file, then (when the window gave it a
store) registers the document there: ``store.documents.open_document`` may
re-anchor thousands of annotations, so it must not run on the UI thread either.
Features can add *preparers*, functions run in the worker after that, whose
results arrive with the document (e.g. the Annotations panel's grouped rows).
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

from reader.core.document import Document
from reader.core.errors import LoadError
from reader.core.loader import load_document

if TYPE_CHECKING:
    from reader.store.db import Store
    from reader.store.documents import OpenedDocument

log = logging.getLogger(__name__)

#: Runs in the worker thread after the store registered the document: (doc, opened) -> data.
Preparer = Callable[[Document, "OpenedDocument | None"], object]
#: Decides in the worker whether a document belongs in the store (the guide does not).
RegisterTest = Callable[[Document], bool]


@dataclass
class LoadResult:
    """What the worker hands to the UI thread: the document and what the store knows of it."""

    document: Document
    #: The store's answer (record, annotations, re-anchoring counts); None without a store,
    #: for documents that are not registered (the guide) or when the store failed.
    opened: OpenedDocument | None = None
    #: Results of the preparers by name (missing when a preparer failed).
    prepared: dict[str, object] = field(default_factory=dict)
    #: True when the store could not register the document (the error was logged).
    store_failed: bool = False


class _Signals(QObject):
    """Lives in the UI thread; the runnable emits through it (queued across threads)."""

    loaded = Signal(int, object)  # request id, LoadResult
    failed = Signal(int, object)  # request id, LoadError


class _LoadTask(QRunnable):
    """Reads, decodes and outlines one file, builds its tree and registers it in the store."""

    def __init__(
        self,
        request: int,
        path: Path,
        encoding: str | None,
        signals: _Signals,
        store: Store | None,
        register: RegisterTest,
        preparers: dict[str, Preparer],
        show_articles: bool | None = None,
    ) -> None:
        super().__init__()
        self.request = request
        self.path = path
        self.encoding = encoding
        self.signals = signals
        self.store = store
        self.register = register
        self.preparers = preparers
        self.show_articles = show_articles
        self.setAutoDelete(True)

    def run(self) -> None:
        started = time.perf_counter()
        try:
            doc = load_document(self.path, self.encoding)
            doc.set_show_articles(self.show_articles)
            doc.sections()  # build the tree here, not on the UI thread
        except LoadError as exc:
            log.info("cannot open %s: %s (%s)", self.path, exc.detail, exc.kind)
            self._emit(self.signals.failed, exc)
            return
        except MemoryError:
            self._emit(
                self.signals.failed,
                LoadError("too_large", self.path, "not enough memory to open it"),
            )
            return
        except Exception as exc:  # a reader bug must not kill the app: report it as an error
            log.exception("unexpected error while opening %s", self.path)
            self._emit(
                self.signals.failed,
                LoadError("corrupt", self.path, f"{type(exc).__name__}: {exc}"),
            )
            return
        loaded = time.perf_counter()
        _yield_gil()
        result = LoadResult(doc)
        self._register(result)
        registered = time.perf_counter()
        for name, prepare in self.preparers.items():
            _yield_gil()
            try:
                result.prepared[name] = prepare(doc, result.opened)
            except Exception:  # the feature falls back to doing it on the UI thread
                log.exception("preparer %s failed for %s", name, self.path)
        # The load made ~100,000 long-lived objects (lines, headings, 10,000 annotations).
        # Left alone, the next full collection falls due while the UI thread applies
        # the document and pauses it for 15-25 ms; here the UI thread is idle.
        _yield_gil()
        gc.collect()
        log.info(
            "opened %s: %d chars, %d headings, %s; load %.0f ms, store %.0f ms, prepare %.0f ms",
            self.path,
            len(doc.text),
            len(doc.headings),
            doc.encoding,
            (loaded - started) * 1000,
            (registered - loaded) * 1000,
            (time.perf_counter() - registered) * 1000,
        )
        self._emit(self.signals.loaded, result)

    def _register(self, result: LoadResult) -> None:
        """Let the store recognise the document (re-anchoring its annotations if it changed)."""
        doc = result.document
        if self.store is None or doc.path is None:
            return
        try:
            if not self.register(doc):
                return
            # Database guards its one connection with a lock, so this is safe while
            # the UI thread writes; each statement holds the lock only briefly.
            result.opened = self.store.documents.open_document(doc)
        except Exception:
            log.exception("the store could not register %s", doc.path)
            result.store_failed = True

    def _emit(self, signal: SignalInstance, payload: object) -> None:
        try:
            signal.emit(self.request, payload)
        except RuntimeError:  # the window went away while we worked (app quitting)
            log.debug("dropped the result for %s: receiver deleted", self.path)


def _yield_gil() -> None:
    """Let the UI thread run between two long steps (a C call holds the GIL throughout)."""
    time.sleep(0)


class DocumentLoader(QObject):
    """Starts loads in the global thread pool; only the latest request is reported.

    Signals ``loaded(LoadResult)``, ``failed(LoadError)`` and ``busy_changed(bool)``
    are emitted in the UI thread. With a ``store``, each document for which
    ``register(doc)`` is true is registered in it by the worker.
    """

    loaded = Signal(object)
    failed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        parent: QObject | None = None,
        store: Store | None = None,
        register: RegisterTest | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.register: RegisterTest = register or (lambda _doc: True)
        self._preparers: dict[str, Preparer] = {}
        #: 第X条 articles in the tree: True/False, or None for "only in short laws".
        self.show_articles: bool | None = None
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.failed.connect(self._on_failed)
        self._latest = 0
        self._pending = 0
        # its own pool: wait() must not wait for other features' background work
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)

    def add_preparer(self, name: str, prepare: Preparer) -> None:
        """Run ``prepare(doc, opened)`` in the worker for every later load (result by ``name``).

        It must not touch widgets or Qt objects of the UI thread; the documents it
        gets are not shared with the UI thread until the result is delivered.
        """
        self._preparers[name] = prepare

    def is_busy(self) -> bool:
        """True while a load is running."""
        return self._pending > 0

    def load(self, path: Path, encoding: str | None = None) -> int:
        """Start opening ``path``; returns the request id (earlier requests are dropped)."""
        self._latest += 1
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        task = _LoadTask(
            self._latest,
            Path(path),
            encoding,
            self._signals,
            self.store,
            self.register,
            dict(self._preparers),
            self.show_articles,
        )
        self._pool.start(task)
        return self._latest

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until running loads end (shutdown: before the store is closed; tests)."""
        return bool(self._pool.waitForDone(msecs))

    def _finish(self) -> None:
        self._pending = max(0, self._pending - 1)
        if self._pending == 0:
            self.busy_changed.emit(False)

    def _on_loaded(self, request: int, result: LoadResult) -> None:
        self._finish()
        if request == self._latest:
            # The receivers build ~30,000 objects (spans, rows, ticks) in one go; a cyclic
            # collection in the middle would lengthen the opening stall, so it waits
            # until they are done (the worker collected just before).
            enabled = gc.isenabled()
            gc.disable()
            try:
                self.loaded.emit(result)
            finally:
                if enabled:
                    gc.enable()

    def _on_failed(self, request: int, error: LoadError) -> None:
        self._finish()
        if request == self._latest:
            self.failed.emit(error)
