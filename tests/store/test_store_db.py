"""The SQLite store: creation, migrations, recovery, concurrency and kill safety."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader import paths
from reader.core.annotation import make_annotation
from reader.core.document import Document
from reader.store import migrations
from reader.store.db import Store, StoreError

ROOT = Path(__file__).resolve().parents[2]
TEXT = "第一章 总则\n为了规范管理，制定本办法。\n第二章 细则\n本办法自公布之日起施行。\n"


def _doc(path: Path) -> Document:
    path.write_text(TEXT, encoding="utf-8")
    return Document(text=TEXT, headings=[], path=path)


def test_default_location_follows_data_dir(private_folders: Path) -> None:
    with Store.open() as store:
        assert store.path == paths.database_path()
        assert store.path.parent == private_folders
        assert store.schema_version == migrations.LATEST
        assert store.recovered_from is None
    assert (private_folders / "jingdu.sqlite3").exists()


def test_pragmas(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        conn = store.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_corrupt_file_is_moved_aside_not_deleted(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    garbage = os.urandom(8192)
    db.write_bytes(garbage)
    with Store.open(db) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.read_bytes() == garbage
        assert "corrupt" in store.recovered_from.name
        store.settings.set("theme", "dark")
    with Store.open(db) as store:
        assert store.recovered_from is None
        assert store.settings.get("theme") == "dark"


def test_truncated_file_is_recovered(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        doc = _doc(tmp_path / "a.txt")
        rec = store.documents.open_document(doc).record
        for i in range(300):
            store.annotations.add(
                make_annotation(doc, "highlight", 0, 3, doc_id=rec.id, note="n" * i)
            )
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    with Store.open(db) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.stat().st_size == len(data) // 3
        assert store.documents.all() == []


def test_migration_backs_up_existing_database(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE old_stuff (x)")
    conn.execute("INSERT INTO old_stuff VALUES (42)")
    conn.commit()
    conn.close()
    with Store.open(db) as store:
        assert store.schema_version == migrations.LATEST
        assert len(store.backups) == 1
        backup = sqlite3.connect(store.backups[0])
        assert backup.execute("SELECT x FROM old_stuff").fetchone()[0] == 42
        backup.close()
    # A new, empty database needs no backup.
    with Store.open(tmp_path / "new.db") as store:
        assert store.backups == []


def test_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer Jingdu"):
        Store.open(db)


def test_locked_database_waits_instead_of_failing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as a, Store.open(db) as b:
        a.db.conn.execute("BEGIN IMMEDIATE")
        a.db.conn.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
        import threading

        threading.Timer(0.3, lambda: a.db.conn.execute("COMMIT")).start()
        b.settings.set("y", 2)  # waits for a's lock, then succeeds
        assert b.settings.get("x") == 1
        assert b.settings.get("y") == 2


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.core.document import Document
    from reader.core.annotation import make_annotation
    from reader.store.db import Store, StoreError
    db, text, path, tag, count = sys.argv[1:6]
    store = Store.open(Path(db))
    doc = Document(text=text, headings=[], path=Path(path))
    rec = store.documents.open_document(doc).record
    for i in range(int(count)):
        a = make_annotation(doc, "highlight", 0, 4, doc_id=rec.id, note=f"{tag}{i}")
        store.annotations.add(a)
    store.user_words.add(tag)
    print("done", flush=True)
    """
)


def _run(*args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", *args], stdout=subprocess.PIPE, text=True, env=env
    )


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    doc = _doc(tmp_path / "a.txt")
    Store.open(db).close()
    procs = [_run(_WRITER, str(db), TEXT, str(doc.path), tag, "60") for tag in ("a", "b")]
    for p in procs:
        out, _ = p.communicate(timeout=60)
        assert p.returncode == 0 and "done" in out
    with Store.open(db) as store:
        rec = store.documents.find(doc)
        assert rec is not None
        notes = {a.note for a in store.annotations.for_document(rec.id)}
        assert notes == {f"{t}{i}" for t in "ab" for i in range(60)}
        assert store.user_words.list() == ["a", "b"]


def test_highlight_survives_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    doc = _doc(tmp_path / "a.txt")
    script = _WRITER + "\nimport os, signal, time\nos.kill(os.getpid(), signal.SIGKILL)\n"
    p = _run(script, str(db), TEXT, str(doc.path), "killed", "1")
    out, _ = p.communicate(timeout=60)
    assert "done" in out
    assert p.returncode == -signal.SIGKILL
    with Store.open(db) as store:
        rec = store.documents.find(doc)
        assert rec is not None
        [a] = store.annotations.for_document(rec.id)
        assert a.note == "killed0"
        assert a.quote == TEXT[0:4]


def test_a_data_folder_that_cannot_be_made_is_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("JINGDU_DATA_DIR", str(blocker / "data"))
    with pytest.raises(StoreError, match=r"data folder.*JINGDU_DATA_DIR"):
        Store.open()
