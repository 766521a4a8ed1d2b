"""Opening a document registers it in the store off the UI thread; the panel keeps up."""

from __future__ import annotations

# ruff: noqa: F811  (pytest fixtures imported from annotations_fixtures)
import threading
from pathlib import Path

import pytest
from annotations_fixtures import feature, make_window, store  # noqa: F401
from gui_helpers import PARAGRAPH, Messages, open_and_wait, write
from PySide6.QtCore import QModelIndex
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

import reader.gui.annotations_panel as panel_module
from reader.core.annotation import make_annotation
from reader.core.loader import load_document
from reader.gui.main_window import MainWindow
from reader.models.annotations_model import CountRole, IdRole, KindRole
from reader.store.db import Store
from reader.store.documents import DocumentRepository, OpenedDocument

SECTIONS = ("一、总体要求", "二、主要任务", "三、保障措施", "四、组织实施")


def report_text(paragraphs: int = 8) -> str:
    lines = ["工作报告"]
    for n, title in enumerate(SECTIONS):
        lines.append(title)
        lines += [f"第{n}部分第{p}段：" + PARAGRAPH for p in range(paragraphs)]
    return "\n".join(lines) + "\n"


@pytest.fixture
def win(qtbot: QtBot, store: Store, messages: Messages) -> MainWindow:
    return make_window(qtbot, store, messages)


@pytest.fixture
def doc_path(tmp_path: Path) -> Path:
    return write(tmp_path / "报告.txt", report_text())


def highlight(win: MainWindow, word: str, color: str = "yellow") -> int:
    doc = win.current_document
    assert doc is not None
    start = doc.text.index(word)
    win.reading_view.set_selection(start, start + len(word))
    a = feature(win).highlight_selection(color)
    assert a is not None and a.id is not None
    return a.id


def test_the_store_is_asked_by_the_worker_not_the_ui_thread(
    qtbot: QtBot, win: MainWindow, doc_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[threading.Thread, OpenedDocument]] = []
    original = DocumentRepository.open_document

    def recording(self: DocumentRepository, doc: object, **kw: object) -> OpenedDocument:
        opened = original(self, doc, **kw)  # type: ignore[arg-type]
        calls.append((threading.current_thread(), opened))
        return opened

    monkeypatch.setattr(DocumentRepository, "open_document", recording)
    open_and_wait(qtbot, win, doc_path)
    assert len(calls) == 1  # the window did not register it a second time
    thread, opened = calls[0]
    assert thread is not threading.main_thread()
    assert win.current_opened is opened  # arrived with the document
    assert win.current_record == opened.record
    assert opened.matched_by == "new"


def test_the_guide_is_not_registered(
    qtbot: QtBot, win: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.waitSignal(win.document_opened, timeout=10_000):
        win.show_guide()
    assert win.current_opened is None and win.current_record is None
    assert store.documents.all() == []


def test_a_changed_file_reports_moved_and_orphaned_annotations(
    qtbot: QtBot, win: MainWindow, doc_path: Path
) -> None:
    open_and_wait(qtbot, win, doc_path)
    highlight(win, "第2部分第3段", "green")
    highlight(win, "第3部分第5段", "pink")
    # an editor adds a preface and rewrites one passage
    text = doc_path.read_text("utf-8")
    text = text.replace("一、总体要求", "前言：这是后来加上的一段话。\n一、总体要求", 1)
    doc_path.write_text(text.replace("第3部分第5段", "改写后的内容"), "utf-8")
    open_and_wait(qtbot, win, doc_path)
    opened = win.current_opened
    assert opened is not None
    assert (opened.matched_by, opened.reanchored, opened.orphaned) == ("path", 1, 1)
    assert win.statusBar().currentMessage() == (
        "This file changed since you last read it: 1 annotations moved with the text, "
        "1 could not be placed — see Orphaned in the Annotations panel."
    )
    # the moved one is on its words again, the lost one is listed under Orphaned
    doc = win.current_document
    assert doc is not None
    placed = [a for a in feature(win).annotations() if not a.orphaned]
    assert [doc.text[a.start : a.end] for a in placed] == ["第2部分第3段"]
    model = feature(win).panel.model
    last = model.index(model.rowCount() - 1, 0)
    assert last.data() == "Orphaned"
    assert model.index(0, 0, last).data() == "第3部分第5段"


def test_a_moved_and_edited_file_keeps_its_annotations_and_says_so(
    qtbot: QtBot, win: MainWindow, doc_path: Path
) -> None:
    open_and_wait(qtbot, win, doc_path)
    highlight(win, "第2部分第3段", "green")
    assert win.store is not None
    win.store.snapshots.wait()  # the old text's snapshot is written in the background
    text = doc_path.read_text("utf-8")
    moved = doc_path.with_name("renamed.txt")
    moved.write_text(text.replace("一、总体要求", "前言：后来加上的一段话。\n一、总体要求", 1))
    doc_path.unlink()
    open_and_wait(qtbot, win, moved)
    opened = win.current_opened
    assert opened is not None
    assert (opened.matched_by, opened.reanchored, opened.orphaned) == ("moved+edited", 1, 0)
    assert win.statusBar().currentMessage() == (
        "This file changed since you last read it: 1 annotations moved with the text."
    )
    doc = win.current_document
    assert doc is not None
    assert [doc.text[a.start : a.end] for a in feature(win).annotations()] == ["第2部分第3段"]


def test_panel_model_stays_consistent_through_add_delete_and_undo(
    qtbot: QtBot, win: MainWindow, doc_path: Path
) -> None:
    open_and_wait(qtbot, win, doc_path)
    panel = feature(win).panel
    QAbstractItemModelTester(
        panel.model, QAbstractItemModelTester.FailureReportingMode.Fatal, panel
    )
    ids = [highlight(win, f"第{n}部分第{n + 1}段", "blue") for n in range(4)]
    ids.append(highlight(win, "第1部分第7段", "green"))  # a second row in group 二
    assert panel.model.rowCount() == 4
    for ident in (ids[1], ids[4], ids[0]):
        feature(win).delete(ident)
    assert [a.id for a in panel.model.visible_annotations()] == [ids[2], ids[3]]
    feature(win).undo_stack.undo()
    feature(win).undo_stack.undo()
    shown = [a.id for a in panel.model.visible_annotations()]
    assert shown == [ids[0], ids[4], ids[2], ids[3]]
    assert shown == [a.id for a in feature(win).annotations()]  # panel == what is drawn


def seed(store: Store, path: Path, every: int = 3) -> int:
    """Store a highlight on every ``every``-th paragraph of ``path``; how many."""
    doc = load_document(path)
    record = store.documents.open_document(doc).record
    items = []
    for n in range(len(SECTIONS)):
        for p in range(0, 8, every):
            word = f"第{n}部分第{p}段"
            start = doc.text.index(word)
            a = make_annotation(doc, "highlight", start, start + len(word), color="yellow")
            items.append(a.replace(doc_id=record.id))
    store.annotations.add_many(items)
    return len(items)


def test_many_annotations_open_with_far_groups_collapsed(
    qtbot: QtBot,
    win: MainWindow,
    store: Store,
    doc_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(panel_module, "EXPAND_BUDGET", 5)
    total = seed(store, doc_path)
    open_and_wait(qtbot, win, doc_path)
    panel = feature(win).panel
    QAbstractItemModelTester(
        panel.model, QAbstractItemModelTester.FailureReportingMode.Fatal, panel
    )
    groups = [panel.model.index(r, 0) for r in range(panel.model.rowCount())]
    assert sum(int(g.data(CountRole)) for g in groups) == total
    expanded = [panel.view.isExpanded(g) for g in groups]
    assert expanded[0] and not expanded[-1]  # the reader is at the start
    # a change in a collapsed group, then selecting it opens the group
    ident = highlight(win, "第3部分第7段", "purple")
    assert panel.select_annotation(ident)
    assert panel.view.isExpanded(panel.model.index_of(ident).parent())
    feature(win).delete(ident)
    assert not panel.model.index_of(ident).isValid()
    assert sum(int(g.data(CountRole)) for g in groups) == total


def test_a_hidden_panel_is_filled_when_shown(
    qtbot: QtBot, win: MainWindow, store: Store, doc_path: Path
) -> None:
    total = seed(store, doc_path)
    panel = feature(win).panel
    panel.hide()
    open_and_wait(qtbot, win, doc_path)
    assert panel.model.rowCount() == 0  # nothing built while nobody looks
    ident = highlight(win, "第0部分第1段", "green")
    gone = feature(win).annotations()[-1].id
    assert gone is not None and gone != ident
    feature(win).delete(gone)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    shown = [a.id for a in panel.model.visible_annotations()]
    assert len(shown) == total and ident in shown and gone not in shown
    row = panel.model.index_of(ident)
    assert row.data(IdRole) == ident and row.data(KindRole) == "highlight"
    assert row.parent() != QModelIndex()


def test_many_annotations_fill_a_visible_panel_after_the_text_is_shown(
    qtbot: QtBot,
    win: MainWindow,
    store: Store,
    doc_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(panel_module, "DEFER_AT", 3)
    total = seed(store, doc_path)
    panel = feature(win).panel
    assert panel.isVisible()
    open_and_wait(qtbot, win, doc_path)
    # the text and the marks are there at once; the list follows on the next event-loop turn
    assert len(feature(win).annotations()) == total
    assert not panel.is_filled()
    assert panel.stack.currentWidget() is panel.view  # no "no highlights yet" flash
    ident = highlight(win, "第2部分第1段", "blue")  # a change before the list is built
    qtbot.waitUntil(panel.is_filled)
    shown = [a.id for a in panel.model.visible_annotations()]
    assert len(shown) == total + 1 and ident in shown
    assert panel.model.index_of(ident).data(KindRole) == "highlight"


def test_selecting_before_a_deferred_fill_builds_the_list_first(
    qtbot: QtBot,
    win: MainWindow,
    store: Store,
    doc_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(panel_module, "DEFER_AT", 3)
    seed(store, doc_path)
    panel = feature(win).panel
    open_and_wait(qtbot, win, doc_path)
    first = feature(win).annotations()[0].id
    assert first is not None and not panel.is_filled()
    assert panel.select_annotation(first)
    assert panel.current_id() == first
