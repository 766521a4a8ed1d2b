"""AnnotationsModel: groups by section in document order, orphans kept, filters; model tester."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from reader.core.annotation import make_annotation
from reader.core.document import Document, Heading
from reader.models.annotations_model import (
    BOOKMARKS,
    AnnotationsModel,
    ColorRole,
    CountRole,
    IdRole,
    KindRole,
    NoteRole,
    OffsetRole,
    OrphanedRole,
    prepare_annotations,
    section_counts,
)

LINES = [
    "提高机关党建经验交流",
    "开头一段话。",
    "一、在服务大局中提高",
    "第一部分正文，讲服务大局。",
    "（一）推动发展",
    "推动发展的正文。",
    "二、在固本强基中提高",
    "第二部分正文，讲固本强基。",
]
TEXT = "\n".join(LINES)


def doc() -> Document:
    levels = {2: 2, 4: 3, 6: 2}
    headings = [
        Heading(level=lv, title=LINES[i], line=i + 1, offset=TEXT.index(LINES[i]))
        for i, lv in levels.items()
    ]
    return Document(text=TEXT, headings=headings, title=LINES[0], title_line=1)


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def sample(d: Document) -> list:  # type: ignore[type-arg]
    items = []
    for n, (word, color, note) in enumerate(
        [
            ("固本强基。", "green", ""),
            ("服务大局。", "yellow", "要点"),
            ("推动发展的正文", "pink", ""),
            ("开头", "blue", ""),
        ]
    ):
        a = make_annotation(d, "highlight", *span(word), color=color, note=note)
        items.append(a.replace(id=n + 1))
    start = TEXT.index("推动发展的")
    items.append(make_annotation(d, "bookmark", start, start).replace(id=10))
    lost = make_annotation(d, "highlight", 3, 6, color="yellow", note="旧的笔记")
    items.append(lost.replace(id=20, quote="被删掉的一句话", orphaned=True))
    return items


def rows(model: AnnotationsModel, parent: QModelIndex = QModelIndex()) -> list[str]:  # noqa: B008
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_model_tester_passes_through_resets_and_filters() -> None:
    model = AnnotationsModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    d = doc()
    model.set_document(d, sample(d))
    model.set_filter({"green"}, "")
    model.set_filter(None, "大局")
    model.set_annotations([])
    model.set_document(None)
    assert model.rowCount() == 0
    del tester


def test_groups_follow_document_order_with_orphans_last() -> None:
    d = doc()
    model = AnnotationsModel()
    model.set_document(d, sample(d))
    assert rows(model) == [
        "Beginning",
        "一、在服务大局中提高",
        "一、在服务大局中提高 › （一）推动发展",
        "二、在固本强基中提高",
        "Orphaned",
    ]
    sub = model.index(2, 0)
    # a place bookmark sorts before a highlight starting there; it shows its label
    assert rows(model, sub) == ["（一）推动发展 · 推动发展的正文。", "推动发展的正文"]
    kinds = [model.index(r, 0, sub).data(KindRole) for r in range(model.rowCount(sub))]
    assert sorted(kinds) == ["bookmark", "highlight"]
    assert sub.data(CountRole) == 2
    orphan_group = model.index(4, 0)
    assert orphan_group.data(OrphanedRole) is True
    orphan = model.index(0, 0, orphan_group)
    assert orphan.data() == "被删掉的一句话"
    assert orphan.data(NoteRole) == "旧的笔记"
    assert orphan.data(OffsetRole) is None  # nowhere to jump to
    first = model.index(0, 0, model.index(1, 0))
    assert first.data(ColorRole) == "yellow"
    assert first.data(OffsetRole) == TEXT.index("服务大局。")
    assert "要点" in first.data(Qt.ItemDataRole.ToolTipRole)


def test_filter_by_colour_text_and_bookmarks() -> None:
    d = doc()
    model = AnnotationsModel()
    model.set_document(d, sample(d))
    model.set_filter({"green"})
    assert [a.id for a in model.visible_annotations()] == [1]
    model.set_filter({BOOKMARKS})
    assert [a.kind for a in model.visible_annotations()] == ["bookmark"]
    model.set_filter(None, "要点")  # matches a note
    assert [a.id for a in model.visible_annotations()] == [2]
    model.set_filter(None, "固本强基中")  # matches the section title
    assert [a.id for a in model.visible_annotations()] == [1]
    model.set_filter({"yellow"}, "旧的")  # orphans are filtered, never dropped otherwise
    assert [a.id for a in model.visible_annotations()] == [20]
    model.set_filter({"purple"})
    assert model.rowCount() == 0
    model.set_filter(None, "")
    assert len(model.visible_annotations()) == 6


def test_index_of_finds_rows_by_id() -> None:
    d = doc()
    model = AnnotationsModel()
    model.set_document(d, sample(d))
    index = model.index_of(3)
    assert index.isValid() and index.data(IdRole) == 3
    assert model.annotation(index) is not None
    assert not model.index_of(999).isValid()
    assert model.annotation(index.parent()) is None


def test_section_counts_include_subsections_and_skip_orphans() -> None:
    d = doc()
    counts = section_counts(d, sample(d))
    top = d.root.children
    assert counts[id(top[0])] == 3  # 服务大局 + (一) highlight + bookmark
    assert counts[id(top[0].children[0])] == 2
    assert counts[id(top[1])] == 1


def test_incremental_changes_keep_the_model_consistent() -> None:
    d = doc()
    model = AnnotationsModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    items = sample(d)
    model.set_document(d, items[:2])  # 固本强基 (group 二) and 服务大局 (group 一)
    assert rows(model) == ["一、在服务大局中提高", "二、在固本强基中提高"]
    keep = model.index(0, 0, model.index(1, 0))  # a row in the last group
    kept = QPersistentModelIndex(keep)
    model.add_annotation(items[3])  # 开头: a new group at the top
    assert rows(model)[0] == "Beginning"
    assert kept.data(IdRole) == 1  # rows below the new group still point at their annotation
    model.add_annotation(items[5])  # orphan: its group goes last
    assert rows(model)[-1] == "Orphaned"
    model.add_annotation(items[4])  # bookmark in (一)
    model.add_annotation(items[2])
    assert len(model.visible_annotations()) == 6
    recoloured = items[1].replace(color="purple", note="新笔记")
    model.update_annotation(recoloured)
    assert model.index_of(2).data(ColorRole) == "purple"
    moved = items[1].replace(start=TEXT.index("固本强基"), end=TEXT.index("固本强基") + 2)
    model.update_annotation(moved)  # moves to another group
    assert model.index_of(2).parent().data() == "二、在固本强基中提高"
    model.remove_annotation(20)
    assert "Orphaned" not in rows(model)
    model.set_filter({"green"})
    model.add_annotation(make_annotation(d, "highlight", 0, 2, color="pink").replace(id=30))
    assert model.index_of(30).isValid() is False  # filtered out, but kept
    model.set_filter(None)
    assert model.index_of(30).isValid()
    del tester


def test_prepared_in_a_worker_shows_the_same_rows_and_counts() -> None:
    d = doc()
    items = sample(d)
    plain = AnnotationsModel()
    plain.set_document(d, items)
    prepared = prepare_annotations(d, reversed(items))  # any order in, document order out
    assert [a.id for a in prepared.annotations] == [a.id for a in plain.annotations()]
    assert prepared.counts == section_counts(d, items)
    model = AnnotationsModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_document(d, [], prepared)
    assert rows(model) == rows(plain)
    for r in range(model.rowCount()):
        assert rows(model, model.index(r, 0)) == rows(plain, plain.index(r, 0))
    model.set_filter({"green"})  # the filter still sees section titles
    assert [a.id for a in model.visible_annotations()] == [1]
    other = doc()  # prepared for another Document object: ignored, items used instead
    model.set_document(other, items[:1], prepared)
    assert [a.id for a in model.annotations()] == [items[0].id]
    del tester
