"""The Chinese UI: every menu, action and panel label is translated, and the .ts is complete."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import open_and_wait, write
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.gui.dialogs.note_dialog import NoteDialog
from reader.gui.features import install_features
from reader.gui.i18n import install_translators
from reader.gui.main_window import MainWindow, guide_path, supported_encodings
from reader.store.db import Store

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "jingdu_zh_CN.ts"
QM = ROOT / "resources" / "translations" / "jingdu_zh_CN.qm"

HAN = re.compile(r"[\u3400-\u9fff]")
#: Visible texts that stay as they are in Chinese software (key names, format names).
ALLOWED = {"F3", "…"}


def translated(text: str) -> bool:
    """True when ``text`` reads as Chinese (or needs no translation)."""
    plain = text.split("\t")[0].replace("&", "").strip()
    # symbols and numbers alone (▲, ✕, "3 / 17") are the same in every language
    words = re.search(r"[A-Za-z]", plain)
    return not words or plain in ALLOWED or bool(HAN.search(plain))


def menu_actions(menu: QMenu, path: str) -> Iterator[tuple[str, str]]:
    """(where, text) of every action in ``menu`` and its submenus."""
    for action in menu.actions():
        if action.isSeparator():
            continue
        where = f"{path} ▸ {action.text()}"
        yield where, action.text()
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from menu_actions(sub, where)


@pytest.fixture
def zh_window(qapp: QApplication, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """A MainWindow with every feature, built with the Chinese translation installed."""
    translators = install_translators(qapp, "zh_CN")
    assert translators, "jingdu_zh_CN.qm did not load: run resources/translations/update.sh"
    store = Store.open()
    win = MainWindow(store)
    win.features = install_features(win)
    win.show_message = lambda *_args: None  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        win.close()
        for t in translators:
            qapp.removeTranslator(t)
        install_translators(qapp, "en")
        store.close()


def test_menus_and_toolbars_are_chinese(
    zh_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    win = zh_window
    assert len(win.features) >= 2
    win.recent_menu.aboutToShow.emit()  # fills the "(no recent files)" placeholder
    doc = write(tmp_path / "文件.txt", "标题\n一、第一部分\n正文内容。\n二、第二部分\n更多正文。\n")
    open_and_wait(qtbot, win, doc)  # texts that change with a document (last colour, ...)

    encodings = {name.upper() for name in supported_encodings()}
    seen: list[tuple[str, str]] = []
    for top in win.menuBar().actions():
        seen.append((top.text(), top.text()))
        menu = top.menu()
        if isinstance(menu, QMenu):
            seen.extend(
                (where, text)
                for where, text in menu_actions(menu, top.text())
                # encoding names and recent file names are not words to translate
                if text.upper() not in encodings and "文件.txt" not in text
            )
    for bar in win.findChildren(QToolBar):
        seen.append((f"toolbar {bar.objectName()}", bar.windowTitle()))
        seen.extend((f"toolbar {bar.windowTitle()}", a.text()) for a in bar.actions())
        seen.extend((f"toolbar {bar.windowTitle()} tip", a.toolTip()) for a in bar.actions())
    assert len(seen) > 60, "the menus look incomplete: did a feature fail to install?"
    untranslated = [f"{where!r}: {text!r}" for where, text in seen if not translated(text)]
    assert not untranslated, "not translated:\n" + "\n".join(untranslated)
    # spot checks of the wording the guide refers to
    texts = {text for _where, text in seen}
    assert {"文件(&F)", "编辑(&E)", "视图(&V)", "转到(&G)", "工具(&T)", "帮助(&H)"} <= texts
    assert "以指定编码重新打开(&E)" in texts
    assert "在文库中搜索(&L)…" in texts


def test_panels_and_find_bar_are_chinese(zh_window: MainWindow) -> None:
    win = zh_window
    widgets: list[QWidget] = [*win.findChildren(QDockWidget), *win.findChildren(QToolBar)]
    seen: list[tuple[str, str]] = []
    for box in widgets:
        seen.append((type(box).__name__, box.windowTitle()))
        for w in box.findChildren(QWidget):
            name = f"{type(box).__name__} {type(w).__name__} {w.objectName()}"
            seen.append((name + " tip", w.toolTip()))
            if isinstance(w, QAbstractButton | QLabel):
                seen.append((name, w.text()))
            if isinstance(w, QLineEdit):
                seen.append((name + " placeholder", w.placeholderText()))
    assert len(seen) > 20
    untranslated = [f"{where}: {text!r}" for where, text in seen if not translated(text)]
    assert not untranslated, "not translated:\n" + "\n".join(untranslated)


def lupdate_tool() -> Path:
    """pyside6-lupdate from this Python's environment."""
    name = "pyside6-lupdate.exe" if sys.platform == "win32" else "pyside6-lupdate"
    found = Path(sys.executable).with_name(name)
    if not found.exists():
        which = shutil.which("pyside6-lupdate")
        # PySide6-Essentials ships the tool: its absence is a broken setup, not a skip
        assert which is not None, "pyside6-lupdate not found next to Python or on PATH"
        found = Path(which)
    return found


def test_every_string_in_the_code_has_a_finished_translation(tmp_path: Path) -> None:
    # Extract the strings of today's code into a copy of the .ts: a tr() string added
    # without a translation shows up as unfinished, a removed one as vanished.
    ts = tmp_path / TS.name
    shutil.copy(TS, ts)
    sources = sorted(
        str(p) for p in (ROOT / "reader").rglob("*.py") if "__pycache__" not in p.parts
    )
    subprocess.run(
        [str(lupdate_tool()), *sources, "-ts", str(ts)],
        check=True,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    problems: list[str] = []
    total = 0
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            total += 1
            translation = message.find("translation")
            assert translation is not None
            state = translation.get("type")
            source = message.findtext("source") or ""
            if state in {"unfinished", "vanished", "obsolete"} or not (translation.text or ""):
                problems.append(f"{state or 'empty'}: {name}: {source!r}")
                continue
            text = translation.text or ""
            for placeholder in set(re.findall(r"%\d|\{\d\}", source)):
                if placeholder not in text:
                    problems.append(f"lost {placeholder}: {name}: {source!r} -> {text!r}")
            if re.search(r"&\w", source.replace("&&", "")) and "&" not in text:
                problems.append(f"lost accelerator: {name}: {source!r} -> {text!r}")
    assert total > 150
    assert not problems, (
        "run resources/translations/update.sh and translate these in jingdu_zh_CN.ts:\n"
        + "\n".join(problems)
    )


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    lrelease = lupdate_tool().with_name(lupdate_tool().name.replace("lupdate", "lrelease"))
    out = tmp_path / QM.name
    subprocess.run(
        [str(lrelease), str(TS), "-qm", str(out)], check=True, capture_output=True, timeout=120
    )
    assert out.read_bytes() == QM.read_bytes(), "jingdu_zh_CN.qm is stale: run update.sh"


#: One shortcut as the guide writes it (arrows for the arrow keys).
GUIDE_KEY = re.compile(
    r"(?:(?:Ctrl|Alt|Shift)\+)+(?:F\d{1,2}|Home|End|Enter|Delete|[A-Z0-9=\-↑↓])|\bF\d{1,2}\b"
)
ARROWS = {"↑": "Up", "↓": "Down"}


def portable(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.PortableText)


def test_every_shortcut_in_the_guide_exists(zh_window: MainWindow) -> None:
    win = zh_window
    known: set[str] = set()
    for action in win.findChildren(QAction):
        known.update(portable(s) for s in action.shortcuts())
    for shortcut in win.findChildren(QShortcut):  # find bar Esc, panel Delete
        known.add(portable(shortcut.key()))
    note = NoteDialog("引文")
    known.update(portable(s.key()) for s in note.findChildren(QShortcut))
    note.deleteLater()
    assert {"Ctrl+O", "Ctrl+F", "Ctrl+D", "Ctrl+Down"} <= known

    text = guide_path().read_text(encoding="utf-8")
    missing: list[str] = []
    checked = 0
    for line in text.splitlines():
        keys = [k for k in GUIDE_KEY.findall(line)]
        names = [portable(QKeySequence("".join(ARROWS.get(c, c) for c in k))) for k in keys]
        checked += len(names)
        if "随系统而定" in line:
            # platform-dependent standard keys: the guide lists each platform's one
            if names and not set(names) & known:
                missing.append(line)
        else:
            missing.extend(f"{k} ({line[:30]}…)" for k in names if k not in known)
    assert checked >= 40
    assert not missing, "shortcuts in the guide that no action has:\n" + "\n".join(missing)


MENU_PATH = re.compile(r"“((?:文件|编辑|视图|转到|搜索|工具|帮助)(?: ▸ [^”]+)+)”")


def plain_menu_text(text: str) -> str:
    return re.sub(r"\(&\w\)|&", "", text).replace("…", "").split("\t")[0].strip()


def test_every_menu_path_in_the_guide_exists(zh_window: MainWindow) -> None:
    paths: set[tuple[str, ...]] = set()

    def walk(menu: QMenu, prefix: tuple[str, ...]) -> None:
        for action in menu.actions():
            here = (*prefix, plain_menu_text(action.text()))
            paths.add(here)
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, here)

    for top in zh_window.menuBar().actions():
        name = (plain_menu_text(top.text()),)
        paths.add(name)
        sub = top.menu()
        if isinstance(sub, QMenu):
            walk(sub, name)
    text = guide_path().read_text(encoding="utf-8")
    mentioned = {tuple(plain_menu_text(p) for p in m.split(" ▸ ")) for m in MENU_PATH.findall(text)}
    assert len(mentioned) >= 15
    missing = sorted(" ▸ ".join(p) for p in mentioned if p not in paths)
    assert not missing, "menu items the guide names but the app lacks:\n" + "\n".join(missing)
