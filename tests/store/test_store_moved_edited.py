"""A file moved (or renamed) AND edited before it is opened again keeps its annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.anchoring import resemblance, text_fingerprint
from reader.core.annotation import make_annotation
from reader.core.document import Document
from reader.store.db import Store

# Two sections of one chapter of the criminal law: the same style, the same
# boilerplate penalties, similar length; different text.
DATA = Path(__file__).parent / "data"
CHAPTER_ONE = (DATA / "law_chapter3_section1.txt").read_text(encoding="utf-8")
CHAPTER_TWO = (DATA / "law_chapter3_section2.txt").read_text(encoding="utf-8")

NEW_ARTICLE = (
    "第一百四十二条之一 违反药品管理法规，足以严重危害人体健康的，"
    "处三年以下有期徒刑或者拘役，并处或者单处罚金。\n"
)
QUOTES = ("处三年以上十年以下有期徒刑，并处罚金", "足以造成严重食物中毒事故", "以次充好")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "store.db")
    yield s  # type: ignore[misc]
    s.close()


def _doc(path: Path, text: str) -> Document:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return Document(text=text, headings=[], path=path)


def _annotate(store: Store, doc: Document, quotes: tuple[str, ...] = QUOTES) -> int:
    """Highlight each quote (its first copy) with a note; returns the document id."""
    doc_id = store.documents.open_document(doc).record.id
    for quote in quotes:
        start = doc.text.index(quote)
        store.annotations.add(
            make_annotation(
                doc, "highlight", start, start + len(quote), doc_id=doc_id, note=f"note {quote[:2]}"
            )
        )
    store.snapshots.wait()
    return doc_id


def _edited(text: str) -> str:
    """CHAPTER_ONE after a revision: an article added, words changed, a line removed."""
    return (
        text.replace("第一节", "第一节（二〇二四年修订）")
        .replace("严重情节的，处三年以上", "严重情节的，处五年以上")
        .replace("以假充真，", "以假充真，以旧充新，")
        .replace("第一百四十三条", NEW_ARTICLE + "第一百四十三条")
    )


def _placed(store: Store, doc_id: int, text: str) -> list[str]:
    return sorted(
        text[a.start : a.end] for a in store.annotations.for_document(doc_id) if not a.orphaned
    )


def test_moved_and_edited_file_keeps_its_annotations(store: Store, tmp_path: Path) -> None:
    old_path = tmp_path / "downloads" / "刑法第三章.txt"
    doc_id = _annotate(store, _doc(old_path, CHAPTER_ONE))
    # Moved to another folder under another name, then revised, before Jingdu sees it again.
    old_path.unlink()
    new_text = _edited(CHAPTER_ONE)
    new_path = tmp_path / "library" / "criminal-law-ch3-2024.txt"
    opened = store.documents.open_document(_doc(new_path, new_text))
    assert opened.matched_by == "moved+edited"
    assert opened.text_changed and opened.used_snapshot
    assert opened.record.id == doc_id
    assert opened.previous_path == old_path.resolve()
    assert opened.record.path == new_path.resolve()
    assert opened.orphaned == 0
    # Each highlight is on its (edited) words, with its note.
    assert sorted((new_text[a.start : a.end], a.note) for a in opened.annotations) == sorted(
        [
            ("处五年以上十年以下有期徒刑，并处罚金", "note 处三"),
            ("足以造成严重食物中毒事故", "note 足以"),
            ("以次充好", "note 以次"),
        ]
    )
    # Saved: the store holds one document, at the new place, with the new text's snapshot.
    assert [r.id for r in store.documents.all()] == [doc_id]
    assert _placed(store, doc_id, new_text) == sorted(
        new_text[a.start : a.end] for a in opened.annotations
    )
    again = store.documents.open_document(_doc(new_path, new_text))
    assert (again.matched_by, len(again.annotations)) == ("hash", 3)
    assert store.snapshots.info(doc_id) is not None
    assert store.snapshots.info(doc_id)[0] == again.record.text_hash  # type: ignore[index]


def test_export_finds_a_moved_and_edited_file(store: Store, tmp_path: Path) -> None:
    old_path = tmp_path / "a.txt"
    doc_id = _annotate(store, _doc(old_path, CHAPTER_ONE))
    old_path.unlink()
    rec = store.documents.find(_doc(tmp_path / "b.txt", _edited(CHAPTER_ONE)))
    assert rec is not None and rec.id == doc_id


def test_different_chapter_of_similar_length_does_not_take_them(
    store: Store, tmp_path: Path
) -> None:
    old_path = tmp_path / "ch3-1.txt"
    doc_id = _annotate(store, _doc(old_path, CHAPTER_ONE))
    old_path.unlink()
    assert 0.7 < len(CHAPTER_TWO) / len(CHAPTER_ONE) < 1.3  # passes the length filter
    opened = store.documents.open_document(_doc(tmp_path / "ch3-2.txt", CHAPTER_TWO))
    assert (opened.matched_by, opened.annotations) == ("new", [])
    assert opened.record.id != doc_id
    assert len(store.annotations.for_document(doc_id)) == 3  # still with their document


def test_heavily_rewritten_text_is_a_new_document(store: Store, tmp_path: Path) -> None:
    old_path = tmp_path / "a.txt"
    doc_id = _annotate(store, _doc(old_path, CHAPTER_ONE))
    old_path.unlink()
    # Half of the articles replaced by those of the other chapter: the same file in
    # name only, well below the survival threshold.
    old_lines = CHAPTER_ONE.splitlines(keepends=True)
    other = CHAPTER_TWO.splitlines(keepends=True)
    rewritten = "".join(old_lines[:7] + other[2:8])
    opened = store.documents.open_document(_doc(tmp_path / "a-rewritten.txt", rewritten))
    assert opened.matched_by == "new"
    assert opened.record.id != doc_id


def test_edited_copy_of_a_file_that_is_still_there_is_another_document(
    store: Store, tmp_path: Path
) -> None:
    original = tmp_path / "a.txt"
    doc_id = _annotate(store, _doc(original, CHAPTER_ONE))
    opened = store.documents.open_document(_doc(tmp_path / "copy.txt", _edited(CHAPTER_ONE)))
    assert (opened.matched_by, opened.annotations) == ("new", [])
    assert store.documents.get(doc_id).path == original.resolve()  # type: ignore[union-attr]


def test_two_likely_predecessors_means_no_adoption(store: Store, tmp_path: Path) -> None:
    first = tmp_path / "v1.txt"
    second = tmp_path / "v2.txt"
    one = _annotate(store, _doc(first, CHAPTER_ONE))
    v2 = CHAPTER_ONE.replace("第一百五十条", "第一百五十条（单位犯罪）")
    two = _annotate(store, _doc(second, v2))
    first.unlink()
    second.unlink()
    opened = store.documents.open_document(_doc(tmp_path / "v3.txt", _edited(v2)))
    assert (opened.matched_by, opened.annotations) == ("new", [])
    assert len(store.annotations.for_document(one)) == len(store.annotations.for_document(two)) == 3


def _stored_fingerprint(store: Store, doc_id: int) -> bytes | None:
    row = store.db.query_one("SELECT fingerprint FROM document_texts WHERE doc_id = ?", (doc_id,))
    assert row is not None
    return None if row[0] is None else bytes(row[0])


def test_fingerprint_is_computed_once_needed_and_a_damaged_one_again(
    store: Store, tmp_path: Path
) -> None:
    old_path = tmp_path / "a.txt"
    doc_id = _annotate(store, _doc(old_path, CHAPTER_ONE))
    assert _stored_fingerprint(store, doc_id) is None  # annotating does not pay for it
    old_path.unlink()
    # Another text is compared with it: computed and kept.
    assert store.documents.open_document(_doc(tmp_path / "b.txt", CHAPTER_TWO)).matched_by == "new"
    assert _stored_fingerprint(store, doc_id)
    with store.db.write() as conn:
        conn.execute("UPDATE document_texts SET fingerprint = x'010203'")
    opened = store.documents.open_document(_doc(tmp_path / "c.txt", _edited(CHAPTER_ONE)))
    assert (opened.matched_by, opened.record.id, opened.orphaned) == ("moved+edited", doc_id, 0)


def test_fingerprints_tell_versions_from_other_chapters() -> None:
    one = text_fingerprint(CHAPTER_ONE)
    assert resemblance(one, text_fingerprint(_edited(CHAPTER_ONE))) > 0.7
    assert resemblance(one, text_fingerprint(CHAPTER_TWO)) < 0.1
    assert resemblance(one, []) == 0.0
