"""Text snapshots: migration, lifecycle, and re-anchoring edited files through a diff."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.annotation import Annotation, make_annotation
from reader.core.document import Document
from reader.store import migrations
from reader.store.db import Store

LAW = (
    "第二十条 违反本法规定，情节严重的，处三年以下有期徒刑或者拘役，并处罚金。\n"
    "第二十一条 单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员依照前款的规定处罚。\n"
    "第二十二条 国家工作人员利用职务上的便利，收受他人财物的，依照本法规定从重处罚。\n"
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "store.db")
    yield s  # type: ignore[misc]
    s.close()


def _doc(path: Path, text: str = LAW) -> Document:
    path.write_text(text, encoding="utf-8")
    return Document(text=text, headings=[], path=path)


def _highlight(store: Store, doc: Document, quote: str, nth: int = 0) -> Annotation:
    doc_id = store.documents.open_document(doc).record.id
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(quote, start + 1)
    return store.annotations.add(
        make_annotation(doc, "highlight", start, start + len(quote), doc_id=doc_id)
    )


def _snapshot_hash(store: Store, doc_id: int) -> str | None:
    store.snapshots.wait()
    info = store.snapshots.info(doc_id)
    return info[0] if info else None


def _placed(opened_annotations: list[Annotation], text: str) -> list[str]:
    return [text[a.start : a.end] for a in opened_annotations if not a.orphaned]


def test_version_1_store_upgrades_with_backup_and_gets_snapshots(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for statement in migrations.STEPS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    path = tmp_path / "law.txt"
    doc = _doc(path)
    start = LAW.index("收受他人财物")
    conn.execute(
        "INSERT INTO documents (id, text_hash, path, title) VALUES (1, ?, ?, 'law')",
        (doc.text_hash, str(path.resolve())),
    )
    conn.execute(
        'INSERT INTO annotations (uuid, doc_id, kind, start, "end", quote, prefix, suffix, '
        "color) VALUES ('u1', 1, 'highlight', ?, ?, '收受他人财物', ?, ?, 'yellow')",
        (start, start + 6, LAW[start - 32 : start], LAW[start + 6 : start + 38]),
    )
    conn.commit()
    conn.close()
    with Store.open(db) as store:
        assert store.schema_version == migrations.LATEST >= 2
        assert len(store.backups) == 1
        backup = sqlite3.connect(store.backups[0])
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
        assert backup.execute("SELECT quote FROM annotations").fetchone()[0] == "收受他人财物"
        backup.close()
        # No snapshot yet: the first open of the unchanged file writes one.
        assert store.snapshots.info(1) is None
        opened = store.documents.open_document(doc)
        assert [a.quote for a in opened.annotations] == ["收受他人财物"]
        assert _snapshot_hash(store, 1) == doc.text_hash
        # From then on an edit is diffed.
        edited = LAW.replace("国家工作人员", "国家机关工作人员、公司职员")
        again = store.documents.open_document(_doc(path, edited))
        assert again.used_snapshot
        assert _placed(again.annotations, edited) == ["收受他人财物"]


def test_snapshot_lives_as_long_as_the_document_has_annotations(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "law.txt"
    doc = _doc(path)
    doc_id = store.documents.open_document(doc).record.id
    assert _snapshot_hash(store, doc_id) is None  # no annotations, no snapshot
    first = _highlight(store, doc, "情节严重的")
    assert _snapshot_hash(store, doc_id) == doc.text_hash
    second = _highlight(store, doc, "从重处罚")
    assert store.annotations.delete(first.id or 0) is not None
    assert _snapshot_hash(store, doc_id) == doc.text_hash  # one annotation left
    assert store.annotations.delete(second.id or 0) is not None
    assert _snapshot_hash(store, doc_id) is None
    store.annotations.restore(second)  # undo brings it back
    assert _snapshot_hash(store, doc_id) == doc.text_hash
    # After an edit the snapshot is the new text.
    edited = LAW.replace("第二十条", "第二十条【新罪名】")
    store.documents.open_document(_doc(path, edited))
    assert _snapshot_hash(store, doc_id) == _doc(path, edited).text_hash
    assert store.db.query_one("SELECT char_count FROM document_texts")[0] == len(edited)  # type: ignore[index]
    store.documents.forget(doc_id)
    assert store.db.query_one("SELECT count(*) FROM document_texts")[0] == 0  # type: ignore[index]


def test_edited_file_reanchors_through_the_diff(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "law.txt"
    doc = _doc(path)
    _highlight(store, doc, "处三年以下有期徒刑")  # edited inside
    _highlight(store, doc, "单位判处罚金")  # moved by an insertion before it
    _highlight(store, doc, "依照本法规定")  # its end replaced
    store.snapshots.wait()
    edited = (
        LAW.replace("第二十一条", "第二十一条（修正）")
        .replace("处三年以下有期徒刑", "处三年以上七年以下有期徒刑")
        .replace("依照本法规定从重处罚", "依照本法另行规定从重处罚")
    )
    opened = store.documents.open_document(_doc(path, edited))
    assert opened.used_snapshot
    assert opened.orphaned == 0
    assert _placed(opened.annotations, edited) == [
        "处三年以上七年以下有期徒刑",
        "单位判处罚金",
        "依照本法另行规定",
    ]
    # The new places are saved, with their new quotes.
    saved = store.annotations.for_document(opened.record.id)
    assert [a.quote for a in saved] == _placed(opened.annotations, edited)


def test_boilerplate_pasted_next_to_a_highlight_does_not_fool_the_diff(
    store: Store, tmp_path: Path
) -> None:
    # Quote and context alone cannot tell which of two identical clauses is the
    # highlighted one; the old text can.
    path = tmp_path / "law.txt"
    doc = _doc(path)
    _highlight(store, doc, "情节严重的，处三年以下有期徒刑")
    store.snapshots.wait()
    pasted = "违反本法规定，情节严重的，处三年以下有期徒刑或者拘役；"
    edited = LAW.replace("违反本法规定，", pasted + "违反本法规定，", 1)
    opened = store.documents.open_document(_doc(path, edited))
    assert opened.used_snapshot
    [a] = opened.annotations
    assert not a.orphaned
    assert edited[a.start : a.end] == "情节严重的，处三年以下有期徒刑"
    # Without the old text the same edit leaves it orphaned (never misplaced).
    store.documents.open_document(_doc(path, LAW))
    with store.db.write() as conn:
        conn.execute("DELETE FROM document_texts")
    by_quote = store.documents.open_document(_doc(path, edited))
    assert not by_quote.used_snapshot
    assert by_quote.orphaned == 1


def test_moved_then_edited_file_uses_its_snapshot(store: Store, tmp_path: Path) -> None:
    doc = _doc(tmp_path / "a.txt")
    _highlight(store, doc, "主管人员")
    store.snapshots.wait()
    moved = tmp_path / "archive" / "law-2024.txt"
    moved.parent.mkdir()
    (tmp_path / "a.txt").rename(moved)
    assert store.documents.open_document(_doc(moved)).matched_by == "hash"
    edited = "前言：本文件已修订。\n" + LAW.replace("主管人员", "主管人员和其他直接责任人员")
    opened = store.documents.open_document(_doc(moved, edited))
    assert (opened.matched_by, opened.used_snapshot) == ("path", True)
    assert _placed(opened.annotations, edited) == ["主管人员"]


def test_rewritten_passage_is_orphaned_with_its_note(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "law.txt"
    doc = _doc(path)
    a = _highlight(store, doc, "收受他人财物")
    store.annotations.update(a.replace(note="受贿"))
    _highlight(store, doc, "单位犯前款罪")
    store.snapshots.wait()
    edited = LAW.replace("利用职务上的便利，收受他人财物的", "索取或者非法收取贿赂的")
    opened = store.documents.open_document(_doc(path, edited))
    assert opened.used_snapshot
    orphans = [x for x in opened.annotations if x.orphaned]
    assert [(x.quote, x.note) for x in orphans] == [("收受他人财物", "受贿")]
    assert _placed(opened.annotations, edited) == ["单位犯前款罪"]
    # Undoing the edit brings it back (orphans are looked for by quote and context).
    back = store.documents.open_document(_doc(path, LAW))
    assert back.orphaned == 0
    assert sorted(_placed(back.annotations, LAW)) == sorted(["收受他人财物", "单位犯前款罪"])


def test_point_bookmark_follows_its_place(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "law.txt"
    doc = _doc(path)
    doc_id = store.documents.open_document(doc).record.id
    at = LAW.index("第二十二条")
    store.annotations.add(make_annotation(doc, "bookmark", at, at, doc_id=doc_id, label="22"))
    store.snapshots.wait()
    edited = LAW.replace("第二十条 ", "第二十条 【一个新的小标题】")
    opened = store.documents.open_document(_doc(path, edited))
    [b] = opened.annotations
    assert opened.used_snapshot and not b.orphaned
    assert edited[b.start :].startswith("第二十二条")


def test_document_without_annotations_keeps_no_snapshot(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "law.txt"
    store.documents.open_document(_doc(path))
    store.documents.open_document(_doc(path, LAW + "附则。\n"))
    assert store.snapshots.total_size() == 0


def test_damaged_snapshot_falls_back_to_quote_and_context(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "law.txt"
    doc = _doc(path)
    _highlight(store, doc, "单位判处罚金")
    store.snapshots.wait()
    with store.db.write() as conn:
        conn.execute("UPDATE document_texts SET data = x'00ff00'")
    edited = "新增一行。\n" + LAW
    opened = store.documents.open_document(_doc(path, edited))
    assert not opened.used_snapshot
    assert _placed(opened.annotations, edited) == ["单位判处罚金"]
    assert _snapshot_hash(store, opened.record.id) == _doc(path, edited).text_hash
