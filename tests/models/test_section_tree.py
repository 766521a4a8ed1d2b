"""SectionTreeModel over a Document's Section tree, checked by QAbstractItemModelTester."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from reader.core.document import Document, Heading
from reader.models.section_tree import KindRole, OffsetRole, SectionTreeModel


def nested_doc() -> Document:
    lines = [
        "标题",
        "一、总则",
        "正文",
        "（一）目的",
        "正文",
        "1.细节",
        "正文",
        "（二）范围",
        "二、附则",
        "正文",
    ]
    levels = {1: 2, 3: 3, 5: 4, 7: 3, 8: 2}
    headings = []
    offset = 0
    for i, line in enumerate(lines):
        if i in levels:
            headings.append(Heading(level=levels[i], title=line, line=i + 1, offset=offset))
        offset += len(line) + 1
    return Document(text="\n".join(lines), headings=headings, title="标题", title_line=1)


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = SectionTreeModel()
    model.set_document(nested_doc())
    qtmodeltester.check(model, force_py=True)
    model.set_document(None)
    qtmodeltester.check(model, force_py=True)


def test_rows_parents_and_data() -> None:
    doc = nested_doc()
    model = SectionTreeModel()
    model.set_document(doc)
    assert model.rowCount() == 2
    first = model.index(0, 0)
    assert first.data() == "一、总则"
    assert model.rowCount(first) == 2
    sub = model.index(0, 0, first)
    assert sub.data() == "（一）目的"
    assert model.parent(sub) == first
    assert model.parent(first) == QModelIndex()
    deepest = model.index(0, 0, sub)
    assert deepest.data() == "1.细节"
    assert deepest.data(OffsetRole) == doc.text.index("1.细节")
    assert deepest.data(KindRole) == "section"
    assert model.index(5, 0) == QModelIndex()


def test_index_of_round_trips_every_section() -> None:
    doc = nested_doc()
    model = SectionTreeModel()
    model.set_document(doc)
    for section in doc.sections():
        index = model.index_of(section)
        assert index.isValid()
        assert model.section(index) is section
        assert index.data(Qt.ItemDataRole.DisplayRole) == section.title
    assert not model.index_of(doc.root).isValid()


def test_document_without_headings_is_an_empty_tree() -> None:
    model = SectionTreeModel()
    model.set_document(Document(text="只有正文。", headings=[]))
    assert model.rowCount() == 0
