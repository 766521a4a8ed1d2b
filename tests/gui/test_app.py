"""The application shell: --screenshot, language choice, translations, crash handling."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

import reader.app as app_module
from reader.gui.i18n import choose_language, install_translators
from reader.gui.screenshot import parse_size

ROOT = Path(__file__).resolve().parents[2]


def test_screenshot_writes_a_png_of_the_requested_size(tmp_path: Path) -> None:
    doc = tmp_path / "文件.txt"
    doc.write_text("标题\n一、第一部分\n正文内容。\n二、第二部分\n更多正文。\n", encoding="utf-8")
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--screenshot", str(out), str(doc), "--size", "700x500"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 1000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (700, 500)
    # not a blank picture: the text area has dark pixels (glyphs) on the light page
    dark = sum(
        1
        for x in range(300, 700, 4)
        for y in range(40, 300, 4)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 20


def test_screenshot_of_a_missing_file_fails_cleanly(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--screenshot", str(tmp_path / "x.png"), "nope.txt"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "nope.txt" in proc.stderr
    assert not (tmp_path / "x.png").exists()


def test_parse_size_rejects_nonsense() -> None:
    assert parse_size("1280x800").width() == 1280
    with pytest.raises(ValueError, match="1280x800"):
        parse_size("big")
    with pytest.raises(ValueError, match="between"):
        parse_size("10x10")


def test_language_follows_option_env_and_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JINGDU_LANG", raising=False)
    assert choose_language(None, system="zh_CN") == "zh_CN"
    assert choose_language(None, system="zh_TW") == "zh_CN"
    assert choose_language(None, system="de_DE") == "en"
    monkeypatch.setenv("JINGDU_LANG", "zh_CN")
    assert choose_language(None, system="en_US") == "zh_CN"
    assert choose_language("en", system="zh_CN") == "en"


def test_chinese_translation_is_compiled_and_loads(qapp: QApplication) -> None:
    translators = install_translators(qapp, "zh_CN")
    try:
        assert translators, "jingdu_zh_CN.qm is missing: run resources/translations/update.sh"
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        empty = QCoreApplication.translate("ReadingView", "This file is empty.")
        assert empty == "这个文件是空的。"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        install_translators(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_excepthook_logs_instead_of_dying(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(app_module, "_dialogs_enabled", False)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        with caplog.at_level(logging.CRITICAL):
            app_module.excepthook(ValueError, exc, exc.__traceback__)
    assert "unexpected error" in caplog.text
    assert "boom" in caplog.text


def test_help_text_is_english() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0
    assert "--screenshot" in proc.stdout and "--lang" in proc.stdout


def test_a_store_that_cannot_open_is_explained_and_reading_goes_on(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    import reader.gui.main_window as main_window_module
    from reader.gui.main_window import MainWindow

    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("JINGDU_DATA_DIR", str(blocker / "data"))
    shown: list[tuple[str, str]] = []
    windows: list[MainWindow] = []

    def record(self: MainWindow, _icon: object, title: str, text: str) -> None:
        shown.append((title, text))

    class RecordedWindow(MainWindow):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            windows.append(self)

    def fake_exec(_app: object) -> int:
        loop = QEventLoop()
        QTimer.singleShot(300, loop.quit)
        loop.exec()
        return 0

    monkeypatch.setattr(main_window_module, "MainWindow", RecordedWindow)
    monkeypatch.setattr(MainWindow, "show_message", record)
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    try:
        assert app_module.run(["--new-instance"]) == 0
    finally:
        for window in windows:
            window.close()
        QCoreApplication.processEvents()
    assert [title for title, _text in shown] == ["Library unavailable"]
    assert "will not be saved" in shown[0][1] and "blocker" in shown[0][1]
    assert any(w.current_document is not None for w in windows)  # the guide still opened
