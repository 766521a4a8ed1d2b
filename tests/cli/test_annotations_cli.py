"""``jingdu annotations export|import`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.core.annotation import make_annotation
from reader.core.loader import load_document
from reader.store.db import Store

Capture = pytest.CaptureFixture[str]

TEXT = "一、总则\n为了规范管理，制定本办法。\n二、细则\n本办法自公布之日起施行。\n"


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "办法.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _highlight(path: Path, quote: str, note: str = "") -> None:
    doc = load_document(path)
    with Store.open() as store:
        rec = store.documents.open_document(doc).record
        s = doc.text.index(quote)
        store.annotations.add(
            make_annotation(doc, "highlight", s, s + len(quote), doc_id=rec.id, note=note)
        )


def test_export_json_to_stdout(document: Path, capsys: Capture) -> None:
    _highlight(document, "规范管理", note="要点")
    assert main(["annotations", "export", str(document)]) == 0
    data = json.loads(capsys.readouterr().out)
    [item] = data["first"]["items"]
    assert item["target"]["selector"][0]["exact"] == "规范管理"
    assert item["body"]["value"] == "要点"


def test_export_markdown_to_file(document: Path, tmp_path: Path) -> None:
    _highlight(document, "公布之日")
    out = tmp_path / "notes.md"
    assert (
        main(["annotations", "export", str(document), "--format", "markdown", "-o", str(out)]) == 0
    )
    assert "> 公布之日" in out.read_text(encoding="utf-8")


def test_import_is_idempotent_and_reanchors(
    document: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _highlight(document, "规范管理", note="要点")
    exported = tmp_path / "a.json"
    assert main(["annotations", "export", str(document), "-o", str(exported)]) == 0
    with Store.open() as store:  # start again from an empty store and an edited file
        for rec in store.documents.all():
            store.documents.forget(rec.id)
    document.write_text("新增序言。\n" + TEXT, encoding="utf-8")
    assert main(["annotations", "import", str(document), str(exported)]) == 0
    assert main(["annotations", "import", str(document), str(exported)]) == 0
    err = capsys.readouterr().err
    assert "imported 1 annotations" in err and "1 re-anchored" in err
    assert "imported 0 annotations" in err and "1 already present" in err
    doc = load_document(document)
    with Store.open() as store:
        rec = store.documents.find(doc)
        assert rec is not None
        [a] = store.annotations.for_document(rec.id)
    assert doc.text[a.start : a.end] == "规范管理" and a.note == "要点"


def test_unknown_document_is_a_clear_error(
    document: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["annotations", "export", str(document)]) == 2
    assert "open it in Jingdu first or import annotations into it" in capsys.readouterr().err


def test_bad_json_says_where(
    document: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "type": "AnnotationCollection",\n  oops\n}', encoding="utf-8")
    assert main(["annotations", "import", str(document), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and "line 3" in err


def test_missing_document_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["annotations", "export", str(tmp_path / "nope.txt")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_unusable_data_folder_is_a_clear_error(
    document: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("JINGDU_DATA_DIR", str(blocker / "data"))
    assert main(["annotations", "export", str(document)]) == 2
    err = capsys.readouterr().err
    assert "data folder" in err and "JINGDU_DATA_DIR" in err


def test_store_busy_with_another_writer_is_a_clear_error(
    document: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    import sqlite3

    import reader.store.db as db
    from reader import paths

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)  # do not wait 5 s for the other writer
    Store.open().close()
    source = tmp_path / "in.json"
    source.write_text("[]", encoding="utf-8")
    other = sqlite3.connect(paths.database_path(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert main(["annotations", "import", str(document), str(source)]) == 2
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "busy" in capsys.readouterr().err
