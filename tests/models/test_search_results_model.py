"""The search results model: grouping, ranking, streaming, and Qt's model checks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from reader.models.search_results_model import (
    HIT_ROLE,
    KIND_ROLE,
    ResultHit,
    SearchResultsModel,
)


def hit(
    start: int, section: tuple[str, ...], whole: bool | None = True, key: str = "a"
) -> ResultHit:
    return ResultHit(
        start=start,
        end=start + 2,
        snippet=("前文", "党建", "后文"),
        section=section,
        whole_word=whole,
        key=key,
        title=f"文档{key}",
        path=f"/tmp/{key}.txt",
    )


def rows(model: SearchResultsModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_groups_by_section_in_order_seen(qtbot: QtBot) -> None:
    model = SearchResultsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_hits(
        [
            hit(5, ("一、总体要求",)),
            hit(50, ("二、主要任务", "（一）")),
            hit(60, ("二、主要任务", "（一）")),
        ]
    )
    assert rows(model) == ["一、总体要求  (1)", "二、主要任务 › （一）  (2)"]
    second = model.index(1, 0)
    assert model.rowCount(second) == 2
    assert model.index(0, 0, second).data(KIND_ROLE) == "hit"
    assert model.index(0, 0, second).data(HIT_ROLE).start == 50
    assert model.total() == 3 and model.group_count() == 2


def test_whole_word_hits_rank_first_within_a_section(qtbot: QtBot) -> None:
    model = SearchResultsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_hits([hit(1, ("甲",), False), hit(9, ("甲",), True), hit(20, ("甲",), False)])
    group = model.index(0, 0)
    starts = [model.index(r, 0, group).data(HIT_ROLE).start for r in range(3)]
    assert starts == [9, 1, 20]
    # A hit inside a longer word is drawn quieter than a whole-word one.
    assert model.index(1, 0, group).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 0, group).data(Qt.ItemDataRole.ForegroundRole) is None


def test_streamed_library_hits_group_by_document_then_section(qtbot: QtBot) -> None:
    model = SearchResultsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.clear(by_document=True)
    inserted: list[int] = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append(first))
    model.add_hits([hit(3, ("一、",), key="a"), hit(7, ("二、",), key="a")])
    model.add_hits([hit(2, ("第一章",), key="b"), hit(1, ("一、",), False, key="a")])
    assert rows(model) == ["文档a  (3)", "文档b  (1)"]
    doc_a = model.index(0, 0)
    assert rows(model, doc_a) == ["一、  (2)", "二、  (1)"]
    first_section = model.index(0, 0, doc_a)
    assert [model.index(r, 0, first_section).data(HIT_ROLE).start for r in range(2)] == [3, 1]
    assert inserted, "streaming must insert rows, not reset the model"
    assert model.hit_at(model.first_hit_index()) == hit(3, ("一、",), key="a")
    assert model.group_count() == 3


def test_clear_empties_and_hits_before_first_heading_have_a_group(qtbot: QtBot) -> None:
    model = SearchResultsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_hits([hit(0, ())])
    assert model.rowCount() == 1 and "(1)" in model.index(0, 0).data()
    model.clear()
    assert model.rowCount() == 0 and model.total() == 0
    assert not model.first_hit_index().isValid()
