"""Shared by the window benchmarks: a stall meter, event-loop waits, open and page-down timings.

Import after ``QT_QPA_PLATFORM`` is set (the scripts set it to ``offscreen`` first).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow


class Heartbeat:
    """A 5 ms timer on the UI thread; the longest gap between ticks is the worst stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.clock = QElapsedTimer()
        self.last = 0
        self.gaps: list[int] = []
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self.last = 0
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self.last)
        self.last = now

    def stop(self) -> int:
        self.timer.stop()
        self._tick()
        return max(self.gaps, default=0)


def spin(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def show_window(win: MainWindow) -> None:
    """Show ``win`` at the benchmarks' size and let it settle."""
    win.resize(1280, 800)
    win.show()
    spin(100)


def open_and_paint(win: MainWindow, path: Path, beat: Heartbeat) -> dict[str, float]:
    """Open ``path``: seconds to ``document_opened`` and the window painted, longest stall."""
    beat.start()
    loop = QEventLoop()
    conn = win.document_opened.connect(lambda _d: loop.quit())
    started = time.perf_counter()
    win.open_path(path)
    loop.exec()
    win.repaint()  # paint tree and text now, synchronously
    elapsed = time.perf_counter() - started
    spin(50)
    stall = beat.stop()
    win.document_opened.disconnect(conn)
    return {"open_s": elapsed, "open_stall_ms": stall}


def page_down(win: MainWindow, beat: Heartbeat, pages: int = 150) -> dict[str, float]:
    """Read on page by page: median / max step, window slides and the longest stall."""
    view = win.reading_view
    bar = view.text_pane.verticalScrollBar()
    slides: list[int] = []
    conn = view.window_changed.connect(lambda a, _b: slides.append(a))
    steps: list[float] = []
    beat.start()
    for _ in range(pages):
        started = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        QApplication.processEvents()
        win.repaint()
        steps.append((time.perf_counter() - started) * 1000)
    stall = beat.stop()
    view.window_changed.disconnect(conn)
    return {
        "scroll_stall_ms": stall,
        "page_median_ms": statistics.median(steps),
        "page_max_ms": max(steps),
        "slides": len(slides),
    }
