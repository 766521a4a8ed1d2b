"""``jingdu --screenshot OUT.png [FILE]``: render the window once laid out, then exit."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.gui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Milliseconds to let the layout settle after the document is shown.
SETTLE_MS = 200
TIMEOUT_MS = 30_000


def parse_size(text: str) -> QSize:
    """``"1280x800"`` -> QSize; raises ValueError with a clear message."""
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"--size must look like 1280x800, not {text!r}") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise ValueError(f"--size {text}: width and height must be between 200 and 8000")
    return QSize(w, h)


def take_screenshot(window: MainWindow, out: Path, size: QSize, path: Path | None) -> int:
    """Show ``window`` at ``size``, open ``path`` (or the guide), save a PNG; exit code."""
    errors: list[str] = []

    def report(_icon: QMessageBox.Icon, title: str, text: str) -> None:
        errors.append(f"{title}: {text}")

    window.show_message = report  # type: ignore[method-assign]  # never block on a dialog
    window.resize(size)
    window.show()
    loop = QEventLoop()
    window.document_opened.connect(lambda _doc: QTimer.singleShot(SETTLE_MS, loop.quit))
    window.load_failed.connect(lambda _err: loop.quit())
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    if path is not None:
        window.open_path(path)
    else:
        window.show_guide()
    loop.exec()
    if errors:
        print(f"jingdu: {errors[0]}", file=sys.stderr)
        return 1
    if window.current_document is None:
        print("jingdu: timed out waiting for the document to open", file=sys.stderr)
        return 1
    QApplication.processEvents()
    image = window.grab().toImage()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        print(f"jingdu: cannot write {out}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({image.width()}x{image.height()})")
    return 0
