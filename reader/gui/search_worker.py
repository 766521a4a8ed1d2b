"""Background jobs for the search features: one job at a time, stale results dropped.

A :class:`JobRunner` owns a one-thread pool. Each submitted job gets a new
generation number; submitting again (or cancelling) makes every older job's
results disappear, so a find bar typing fast only ever shows the latest query.
Jobs receive ``emit(partial)`` to stream results and ``cancelled()`` to stop early.
Signals are delivered on the UI thread (queued), never touching widgets from the worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from reader.core.search import Hit, SearchError, SearchOptions, TextIndex, compile_regex
from reader.core.segment import Segmenter, default_segmenter

log = logging.getLogger(__name__)

Emit = Callable[[Any], None]
Cancelled = Callable[[], bool]
Job = Callable[[Emit, Cancelled], Any]


class _Relay(QObject):
    """Carries a job's results from the worker thread to the UI thread."""

    partial = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str)


class _Task(QRunnable):
    def __init__(self, job: Job, generation: int, runner: JobRunner) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job
        self._generation = generation
        self._runner = runner
        self._relay = runner._relay

    def _cancelled(self) -> bool:
        return self._runner.generation != self._generation

    def _send(self, signal: Any, payload: object) -> None:
        try:
            signal.emit(self._generation, payload)
        except RuntimeError:  # the runner was deleted while we worked (window closed)
            log.debug("dropped a search result: receiver deleted")

    def run(self) -> None:
        if self._cancelled():
            return  # superseded while it waited in the queue
        try:
            result = self._job(lambda part: self._send(self._relay.partial, part), self._cancelled)
        except SearchError as exc:
            message = QCoreApplication.translate("SearchJob", "Invalid regular expression: %1")
            self._send(self._relay.failed, message.replace("%1", exc.reason))
            return
        except Exception as exc:  # a bug in a job must not kill the app
            log.exception("search job failed")
            self._send(self._relay.failed, f"{type(exc).__name__}: {exc}")
            return
        self._send(self._relay.finished, result)


class JobRunner(QObject):
    """Runs one background job at a time; only the latest job's signals reach you.

    Signals (UI thread): ``partial(object)``, ``finished(object)``, ``failed(str)``
    (message of a SearchError or an unexpected error), ``busy_changed(bool)``.
    """

    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._pending = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.partial.connect(self._on_partial)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._busy = False

    @property
    def busy(self) -> bool:
        """True while the latest job has not reported its end."""
        return self._busy

    def submit(self, job: Job) -> int:
        """Run ``job(emit, cancelled)`` in the worker; earlier jobs' results are dropped."""
        self.generation += 1
        self._set_busy(True)
        self._pool.start(_Task(job, self.generation, self))
        return self.generation

    def cancel(self) -> None:
        """Forget every running or queued job (they stop at their next ``cancelled()``)."""
        self.generation += 1
        self._set_busy(False)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (tests, shutdown)."""
        return bool(self._pool.waitForDone(msecs))

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _on_partial(self, generation: int, payload: object) -> None:
        if generation == self.generation:
            self.partial.emit(payload)

    def _on_finished(self, generation: int, payload: object) -> None:
        if generation == self.generation:
            self._set_busy(False)
            self.finished.emit(payload)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self._set_busy(False)
            self.failed.emit(message)


class SegmenterLoader(QObject):
    """Loads the shared jieba Segmenter once, in a worker, and tells everyone waiting.

    ``loaded`` fires on the UI thread when the dictionary is ready;
    ``when_loaded(callback)`` calls at once if it already is.
    """

    loaded = Signal()
    failed = Signal(str)

    def __init__(self, segmenter: Segmenter | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.segmenter = segmenter or default_segmenter()
        self._runner = JobRunner(self)
        self._runner.finished.connect(self._on_done)
        self._runner.failed.connect(self._on_failed)
        self._waiting: list[Callable[[], None]] = []

    @property
    def is_loaded(self) -> bool:
        """True once jieba's dictionary is in memory."""
        return self.segmenter.is_loaded

    @property
    def loading(self) -> bool:
        """True while the dictionary is being loaded."""
        return self._runner.busy

    def when_loaded(self, callback: Callable[[], None]) -> bool:
        """Call ``callback`` once jieba is loaded; True if it was called right away."""
        if self.segmenter.is_loaded:
            callback()
            return True
        self._waiting.append(callback)
        self.start()
        return False

    def start(self) -> None:
        """Begin loading in the background (no-op when loaded or loading)."""
        if self.segmenter.is_loaded or self._runner.busy:
            return
        seg = self.segmenter
        self._runner.submit(lambda _emit, _cancelled: seg.ensure_loaded())

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until loading ends (tests)."""
        return self._runner.wait(msecs)

    def _on_done(self, _result: object) -> None:
        waiting, self._waiting = self._waiting, []
        self.loaded.emit()
        for callback in waiting:
            try:
                callback()
            except Exception:
                log.exception("a callback waiting for jieba failed")

    def _on_failed(self, message: str) -> None:
        log.error("cannot load the jieba dictionary: %s", message)
        self._waiting.clear()
        self.failed.emit(message)


_LOADER: SegmenterLoader | None = None


def segmenter_loader() -> SegmenterLoader:
    """The application's SegmenterLoader for the shared default Segmenter."""
    global _LOADER
    if _LOADER is None:
        _LOADER = SegmenterLoader()
    else:
        try:
            _LOADER.objectName()  # raises if Qt deleted it (a test's QApplication ended)
        except RuntimeError:
            _LOADER = SegmenterLoader()
    return _LOADER


@dataclass(frozen=True)
class FindResult:
    """A find bar search made ready for the UI thread in the worker.

    With 100,000 hits, building the span and start lists, checking the order and
    thinning the scrollbar ticks take ~0.1 s of Python: done here, the UI thread
    only bisects and hands the lists over.
    """

    hits: list[Hit] = field(default_factory=list)
    #: ``(start, end)`` of every hit, sorted by start (what the reading view marks)
    spans: list[tuple[int, int]] = field(default_factory=list)
    #: the spans' starts, for bisecting
    starts: list[int] = field(default_factory=list)
    #: offsets of scrollbar ticks: the first hit of every occupied bucket
    ticks: list[int] = field(default_factory=list)


def thin_offsets(starts: list[int], length: int, max_marks: int) -> list[int]:
    """The first of ``starts`` (sorted) in each of ``max_marks`` equal buckets of the text."""
    size = max(1, length // max(1, max_marks))
    ticks: list[int] = []
    last = -1
    for start in starts:
        bucket = start // size
        if bucket != last:
            ticks.append(start)
            last = bucket
    return ticks


def prepare_result(hits: list[Hit], length: int, max_marks: int) -> FindResult:
    """``hits`` with spans, starts and ticks computed (run in the worker)."""
    spans = [(h[0], h[1]) for h in hits]
    starts = [h[0] for h in hits]
    if starts != sorted(starts):  # document order is the rule; C-speed check
        order = sorted(range(len(spans)), key=spans.__getitem__)
        hits = [hits[i] for i in order]
        spans = [spans[i] for i in order]
        starts = [s for s, _e in spans]
    return FindResult(hits, spans, starts, thin_offsets(starts, length, max_marks))


def fold_in_slices(
    index: TextIndex, case_sensitive: bool, cancelled: Cancelled | None = None
) -> str | None:
    """``index.text`` folded slice by slice (see TextIndex.folded); None when cancelled."""
    return index.folded(case_sensitive, cancelled)


#: Regex searches over longer texts run in slices of this many characters, so the
#: worker lets go of the GIL between slices (Python's re holds it for a whole call).
REGEX_SLICE = 40_000
#: Matches may run this far past a slice end (longer ones are not found).
REGEX_OVERLAP = 2_000


def find_regex_sliced(
    text: str,
    folded: str,
    query: str,
    options: SearchOptions,
    cancelled: Cancelled,
    segmenter: Segmenter | None = None,
) -> list[Hit]:
    """Like ``find_all`` with ``options.regex`` on a long text, but in slices (UI stays live).

    ``folded`` is ``text`` width-folded case-sensitively (``fold(text, case_sensitive=True)``),
    which is what regexes run on. Returns [] early when ``cancelled()``.
    """
    pattern = compile_regex(query, options)
    spans: list[tuple[int, int]] = []
    size = len(folded)
    pos = 0
    while pos < size:
        if cancelled():
            return []
        stop = min(size, pos + REGEX_SLICE)
        reach = min(size, stop + REGEX_OVERLAP)
        next_pos = stop
        for match in pattern.finditer(folded, pos, reach):
            start, end = match.span()
            if start >= stop:
                break
            if start == end:
                continue
            spans.append((start, end))
            next_pos = max(next_pos, end)
        pos = next_pos
    if not options.whole_word:
        return [Hit(s, e) for s, e in spans]
    seg = segmenter or default_segmenter()
    hits: list[Hit] = []
    for i in range(0, len(spans), 512):
        if cancelled():
            return []
        batch = spans[i : i + 512]
        flags = seg.whole_word_flags(text, batch)
        hits += [Hit(s, e, True) for (s, e), keep in zip(batch, flags, strict=True) if keep]
    return hits
