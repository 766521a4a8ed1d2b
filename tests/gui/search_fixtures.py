"""Shared by the search GUI tests: a report document, installing the feature, clean user words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.segment import Segmenter
from reader.gui.main_window import MainWindow

SECTIONS = ("一、总体要求", "二、主要任务", "三、保障措施")

BODY = (
    "坚持以人民为中心的发展思想，推进机关党建工作高质量发展。",
    "日本客人穿着和服参加会议。我们为群众提供和服务相关的咨询。",
    "要固本强基，增强活力。会议由两列席人员参加，讨论Ｐython与python的用法。",
)


def report_text(repeat: int = 8) -> str:
    """Three sections; each paragraph mentions 和服 once as a word and once inside 和服务."""
    lines = ["关于加强机关党建的报告"]
    for title in SECTIONS:
        lines.append(title)
        lines += ["".join(BODY) + f"（第{n + 1}段）" for n in range(repeat)]
    return "\n".join(lines) + "\n"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "报告.txt"
    path.write_text(report_text(), encoding="utf-8")
    return path


def install(window: MainWindow) -> object:
    """Install the search feature into a test window."""
    from reader.gui import search_feature

    return search_feature.install(window)


@pytest.fixture
def clean_user_words(jieba_loaded: Segmenter) -> Iterator[Segmenter]:
    """Undo user words a test added to the shared Segmenter."""
    before = set(jieba_loaded.user_words)
    yield jieba_loaded
    jieba_loaded.set_user_words(before)


def wait_results(qtbot: QtBot, bar: object, action: object) -> None:
    """Run ``action`` and wait for the find bar's next results."""
    with qtbot.waitSignal(bar.results_changed, timeout=10_000):  # type: ignore[attr-defined]
        action()  # type: ignore[operator]
