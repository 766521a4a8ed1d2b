"""Helpers shared by the GUI tests (documents built in code, file writing, waiting)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.document import Document, Heading
from reader.gui.main_window import MainWindow

PARAGRAPH = (
    "天下大势，分久必合，合久必分。周末七国分争，并入于秦。及秦灭之后，楚、汉分争，又并入于汉。"
)


def novel(chapters: int, paragraphs: int = 6, repeat: int = 3) -> Document:
    """A novel-like Document with 第N章 headings built directly (no outline detection)."""
    lines: list[str] = ["测试小说"]
    headings: list[Heading] = []
    offset = len(lines[0]) + 1
    for ch in range(1, chapters + 1):
        title = f"第{ch}章 风云第{ch}"
        headings.append(Heading(level=2, title=title, line=len(lines) + 1, offset=offset))
        lines.append(title)
        offset += len(title) + 1
        for p in range(paragraphs):
            body = f"（{ch}-{p}）" + PARAGRAPH * repeat
            lines.append(body)
            offset += len(body) + 1
    text = "\n".join(lines)
    return Document(text=text, headings=headings, title="测试小说", title_line=1)


class Messages(list[tuple[str, str]]):
    """Message boxes the window tried to show: (title, text)."""

    def texts(self) -> str:
        return "\n".join(text for _title, text in self)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write a fixture file and return its path."""
    path.write_bytes(text.encode(encoding))
    return path


def open_and_wait(qtbot: QtBot, win: MainWindow, path: Path, encoding: str | None = None) -> None:
    """Open ``path`` in ``win`` and wait until it is shown."""
    with qtbot.waitSignal(win.document_opened, timeout=10_000):
        win.open_path(path, encoding)


def show_window(
    qtbot: QtBot, win: MainWindow, messages: Messages, size: tuple[int, int] = (1000, 700)
) -> MainWindow:
    """Show ``win`` for a test; its message boxes go into ``messages`` instead of on screen."""

    def record(_icon: QMessageBox.Icon, title: str, text: str) -> None:
        messages.append((title, text))

    win.show_message = record  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win
