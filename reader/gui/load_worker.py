"""Opens documents off the UI thread and reports back by signal."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

from reader.core.document import Document
from reader.core.errors import LoadError
from reader.core.loader import load_document

log = logging.getLogger(__name__)


class _Signals(QObject):
    """Lives in the UI thread; the runnable emits through it (queued across threads)."""

    loaded = Signal(int, object)  # request id, Document
    failed = Signal(int, object)  # request id, LoadError


class _LoadTask(QRunnable):
    """Reads, decodes and outlines one file, and builds its section tree."""

    def __init__(self, request: int, path: Path, encoding: str | None, signals: _Signals) -> None:
        super().__init__()
        self.request = request
        self.path = path
        self.encoding = encoding
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        started = time.perf_counter()
        try:
            doc = load_document(self.path, self.encoding)
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
        log.info(
            "opened %s: %d chars, %d headings, %s, in %.0f ms",
            self.path,
            len(doc.text),
            len(doc.headings),
            doc.encoding,
            (time.perf_counter() - started) * 1000,
        )
        self._emit(self.signals.loaded, doc)

    def _emit(self, signal: SignalInstance, payload: object) -> None:
        try:
            signal.emit(self.request, payload)
        except RuntimeError:  # the window went away while we worked (app quitting)
            log.debug("dropped the result for %s: receiver deleted", self.path)


class DocumentLoader(QObject):
    """Starts loads in the global thread pool; only the latest request is reported.

    Signals ``loaded(Document)``, ``failed(LoadError)`` and ``busy_changed(bool)``
    are emitted in the UI thread.
    """

    loaded = Signal(object)
    failed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.failed.connect(self._on_failed)
        self._latest = 0
        self._pending = 0

    def is_busy(self) -> bool:
        """True while a load is running."""
        return self._pending > 0

    def load(self, path: Path, encoding: str | None = None) -> int:
        """Start opening ``path``; returns the request id (earlier requests are dropped)."""
        self._latest += 1
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        QThreadPool.globalInstance().start(
            _LoadTask(self._latest, Path(path), encoding, self._signals)
        )
        return self._latest

    def _finish(self) -> None:
        self._pending = max(0, self._pending - 1)
        if self._pending == 0:
            self.busy_changed.emit(False)

    def _on_loaded(self, request: int, doc: Document) -> None:
        self._finish()
        if request == self._latest:
            self.loaded.emit(doc)

    def _on_failed(self, request: int, error: LoadError) -> None:
        self._finish()
        if request == self._latest:
            self.failed.emit(error)
