"""Store API: documents by hash and path, annotations, undo, positions, recents, settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.annotation import make_annotation
from reader.core.document import Document, Heading
from reader.store.db import Store

TEXT = (
    "学习材料\n"
    "一、总体要求\n"
    "坚持以人民为中心的发展思想，推动高质量发展。\n"
    "二、重点任务\n"
    "加强基层组织建设，提高治理能力和治理水平。\n"
)


def _doc(path: Path, text: str = TEXT) -> Document:
    path.write_text(text, encoding="utf-8")
    headings = []
    for title in ("一、总体要求", "二、重点任务"):
        if title in text:
            off = text.index(title)
            headings.append(Heading(2, title, text[:off].count("\n") + 1, off))
    return Document(text=text, headings=headings, path=path, title="学习材料")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "store.db")
    yield s  # type: ignore[misc]
    s.close()


def _highlight(store: Store, doc: Document, quote: str, **fields: object):  # type: ignore[no-untyped-def]
    rec = store.documents.open_document(doc).record
    start = doc.text.index(quote)
    return store.annotations.add(
        make_annotation(doc, "highlight", start, start + len(quote), doc_id=rec.id, **fields)
    )


def test_add_update_delete_restore(store: Store, tmp_path: Path) -> None:
    doc = _doc(tmp_path / "a.txt")
    a = _highlight(store, doc, "高质量发展", color="green")
    assert a.id is not None and a.quote == "高质量发展"
    a = store.annotations.update(a.replace(note="关键词", color="blue"))
    [got] = store.annotations.for_document(a.doc_id or 0)
    assert (got.note, got.color) == ("关键词", "blue")
    deleted = store.annotations.delete(a.id or 0)
    assert deleted is not None
    assert store.annotations.for_document(a.doc_id or 0) == []
    store.annotations.restore(deleted)
    [back] = store.annotations.for_document(a.doc_id or 0)
    assert (back.id, back.uuid, back.note) == (a.id, a.uuid, "关键词")


def test_bad_colour_is_refused(store: Store, tmp_path: Path) -> None:
    doc = _doc(tmp_path / "a.txt")
    with pytest.raises(ValueError, match="colour"):
        _highlight(store, doc, "高质量发展", color="orange")


def test_for_document_is_in_document_order(store: Store, tmp_path: Path) -> None:
    doc = _doc(tmp_path / "a.txt")
    _highlight(store, doc, "治理水平")
    _highlight(store, doc, "人民")
    rec = store.documents.find(doc)
    assert rec is not None
    assert [a.quote for a in store.annotations.for_document(rec.id)] == ["人民", "治理水平"]


def test_bookmark_default_label_is_section_and_first_words(store: Store, tmp_path: Path) -> None:
    doc = _doc(tmp_path / "a.txt")
    rec = store.documents.open_document(doc).record
    offset = doc.text.index("加强")
    b = store.annotations.add(make_annotation(doc, "bookmark", offset, offset, doc_id=rec.id))
    assert b.label.startswith("二、重点任务")
    assert "加强基层组织建设" in b.label
    store.annotations.update(b.replace(label="我的书签"))
    [got] = store.annotations.for_document(rec.id, kind="bookmark")
    assert got.label == "我的书签" and got.color == ""


def test_moved_file_keeps_annotations(store: Store, tmp_path: Path) -> None:
    doc = _doc(tmp_path / "a.txt")
    _highlight(store, doc, "高质量发展")
    moved = tmp_path / "sub" / "renamed.txt"
    moved.parent.mkdir()
    (tmp_path / "a.txt").rename(moved)
    opened = store.documents.open_document(Document(text=TEXT, headings=[], path=moved))
    assert opened.matched_by == "hash"
    assert [a.quote for a in opened.annotations] == ["高质量发展"]
    assert opened.record.path == moved.resolve()


def test_edited_file_reanchors_and_orphans(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    doc = _doc(path)
    _highlight(store, doc, "高质量发展", note="keep")
    _highlight(store, doc, "提高治理能力")
    edited = TEXT.replace("学习材料\n", "学习材料（修订）\n前言新增一段。\n").replace(
        "加强基层组织建设，提高治理能力和治理水平。", "全面改写后的段落内容完全不同。"
    )
    opened = store.documents.open_document(_doc(path, edited))
    assert opened.matched_by == "path"
    assert (opened.reanchored, opened.orphaned) == (1, 1)
    placed = [a for a in opened.annotations if not a.orphaned]
    orphan = [a for a in opened.annotations if a.orphaned]
    assert edited[placed[0].start : placed[0].end] == "高质量发展"
    assert placed[0].note == "keep"
    assert orphan[0].quote == "提高治理能力"  # kept, never dropped
    # Saved: a new store session sees the same.
    rec = store.documents.find(Document(text=edited, headings=[], path=path))
    assert rec is not None
    again = store.annotations.for_document(rec.id)
    assert sorted(a.orphaned for a in again) == [False, True]


def test_position_progress_and_recent(store: Store, tmp_path: Path) -> None:
    first = store.documents.open_document(_doc(tmp_path / "a.txt")).record
    second = store.documents.open_document(_doc(tmp_path / "b.txt", TEXT + "更多。\n")).record
    store.documents.save_position(first.id, 30, 0.42)
    recent = store.documents.recent()
    assert [r.id for r in recent] == [second.id, first.id]
    reopened = store.documents.open_document(_doc(tmp_path / "a.txt")).record
    assert (reopened.position, reopened.progress) == (30, pytest.approx(0.42))
    assert store.documents.recent(limit=1)[0].id == first.id


def test_forget_removes_annotations(store: Store, tmp_path: Path) -> None:
    doc = _doc(tmp_path / "a.txt")
    a = _highlight(store, doc, "人民")
    store.documents.forget(a.doc_id or 0)
    assert store.documents.all() == []
    assert store.annotations.get(a.id or 0) is None


def test_user_words_and_settings(store: Store) -> None:
    store.user_words.add(" 乡村振兴 ")
    store.user_words.add("乡村振兴")
    store.user_words.add("高质量发展")
    store.user_words.remove("高质量发展")
    assert store.user_words.list() == ["乡村振兴"]
    with pytest.raises(ValueError):
        store.user_words.add("  ")
    assert store.settings.get("zoom", 100) == 100
    store.settings.set("zoom", {"level": 120, "font": "宋体"})
    assert store.settings.get("zoom") == {"level": 120, "font": "宋体"}
