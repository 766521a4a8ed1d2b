"""Library search: index documents, find 1-, 2- and 3+-character queries across them."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.core.document import Heading
from reader.core.search import SearchError, SearchOptions
from reader.core.segment import Segmenter
from reader.store import library_index
from reader.store.library_index import LibraryIndex, chunk_bounds

DOC_A = (
    "机关党建经验交流\n一、加强党建引领\n她穿着和服参加活动。南京市长江大桥很壮观。\n"
    "二、服务群众\n我跟和服务员说明情况。ＧＤＰ增长。\n"
)
DOC_B = "三国演义\n第一回\n话说天下大势，分久必合，合久必分。曹操大喜。\n"


def headings_of(text: str, *titles: tuple[str, int]) -> list[Heading]:
    out = []
    for title, level in titles:
        offset = text.index(title)
        out.append(Heading(level, title, text.count("\n", 0, offset) + 1, offset))
    return out


@pytest.fixture
def index(tmp_path: Path) -> LibraryIndex:
    idx = LibraryIndex(tmp_path / "lib.sqlite3")
    idx.add(
        "a",
        "机关党建经验交流",
        "/docs/a.txt",
        DOC_A,
        headings_of(DOC_A, ("一、加强党建引领", 2), ("二、服务群众", 2)),
    )
    idx.add("b", "三国演义", "/docs/b.txt", DOC_B, [(DOC_B.index("第一回"), 2, "第一回")])
    yield idx
    idx.close()


def test_default_location_is_the_cache_folder_not_the_user_database() -> None:
    idx = LibraryIndex()
    try:
        from reader import paths

        assert idx.path.parent == paths.cache_dir()
        assert idx.path != paths.database_path()
    finally:
        idx.close()


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("党", ["a", "a"]),
        ("和服", ["a", "a"]),
        ("长江大桥", ["a"]),
        ("天下大势", ["b"]),
        ("大", ["a", "b", "b"]),
        ("gdp", ["a"]),
        ("。", ["a", "a", "a", "a", "b", "b"]),
    ],
)
def test_one_two_and_longer_queries_find_every_hit(
    index: LibraryIndex, query: str, keys: list[str]
) -> None:
    hits = list(index.search(query))
    assert [h.key for h in hits] == keys
    for hit in hits:
        text = DOC_A if hit.key == "a" else DOC_B
        assert text[hit.start : hit.end].lower().replace("ｇｄｐ", "gdp") == query or (
            query == "gdp" and text[hit.start : hit.end] == "ＧＤＰ"
        )


def test_hits_carry_title_path_snippet_and_section(index: LibraryIndex) -> None:
    hit = next(iter(index.search("长江")))
    assert (hit.key, hit.title, hit.path) == ("a", "机关党建经验交流", "/docs/a.txt")
    assert hit.section == ["一、加强党建引领"]
    before, match, after = hit.snippet
    assert match == "长江" and before.endswith("南京市") and after.startswith("大桥")
    assert "【长江】" in hit.snippet_text
    second = next(iter(index.search("服务员")))
    assert second.section == ["二、服务群众"]


def test_whole_word_and_regex_options(index: LibraryIndex, segmenter: Segmenter) -> None:
    whole = list(index.search("和服", SearchOptions(whole_word=True), segmenter=segmenter))
    assert len(whole) == 1 and DOC_A[whole[0].start - 3 : whole[0].start] == "她穿着"
    regex = list(index.search(r"[一二]、", SearchOptions(regex=True)))
    assert [h.key for h in regex] == ["a", "a"]
    with pytest.raises(SearchError):
        index.search("(", SearchOptions(regex=True))


@pytest.mark.parametrize(
    "query", ["", '"', 'a" OR "b', "NEAR(x y)", "*", "()", "\\", "中" * 10_000, " ", "\n", "AND"]
)
def test_weird_queries_do_not_crash(index: LibraryIndex, query: str) -> None:
    list(index.search(query))


def test_limit_keys_and_streaming(index: LibraryIndex) -> None:
    assert len(list(index.search("。", limit=2))) == 2
    assert {h.key for h in index.search("。", keys=["b"])} == {"b"}
    stream = index.search("。")
    assert next(iter(stream)).key == "a"  # results arrive one by one


def test_reindexing_replaces_the_old_text(index: LibraryIndex) -> None:
    assert not index.needs_update("a")
    index.add("a", "新标题", "/docs/a.txt", "全新的内容，没有旧词。", [])
    assert list(index.search("和服")) == []
    assert [h.title for h in index.search("全新")] == ["新标题"]
    assert index.needs_update("a", text_hash="something else")
    assert index.needs_update("zzz")
    index.remove("b")
    assert not index.has("b") and list(index.search("曹操")) == []
    assert [d.key for d in index.documents()] == ["a"]


def test_long_documents_are_chunked_without_losing_hits_at_chunk_ends(tmp_path: Path) -> None:
    text = ("甲" * 3990 + "关键词" + "乙" * 10) * 5  # no line breaks at all
    assert len(chunk_bounds(text)) > 1
    idx = LibraryIndex(tmp_path / "lib.sqlite3")
    try:
        idx.add("k", "t", "p", text, [])
        hits = list(idx.search("关键词"))
        assert [h.start for h in hits] == [i * 4003 + 3990 for i in range(5)]
        assert len(list(idx.search("甲关"))) == 5
    finally:
        idx.close()


def test_progress_and_cancel(tmp_path: Path) -> None:
    idx = LibraryIndex(tmp_path / "lib.sqlite3")
    try:
        text = "段落内容。\n" * 30_000
        seen: list[tuple[int, int]] = []
        assert idx.add("k", "t", "p", text, [], progress=lambda d, t: seen.append((d, t)))
        assert seen[-1] == (len(text), len(text)) and len(seen) > 2
        assert not idx.add("k2", "t", "p", text, [], cancelled=lambda: True)
        assert not idx.has("k2") and idx.has("k")
    finally:
        idx.close()


def test_search_while_another_thread_indexes(index: LibraryIndex) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for i in range(5):
                index.add(f"w{i}", "w", "p", "后台索引的文档。\n" * 5000, [])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    for _ in range(20):
        assert [h.key for h in index.search("天下")] == ["b"]
    thread.join()
    assert not errors
    assert len({h.key for h in index.search("后台")}) == 5


def test_damaged_or_old_index_file_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    idx = LibraryIndex(path)
    idx.add("a", "t", "p", "文本", [])
    assert idx.has("a")
    idx.close()
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={library_index.FORMAT_VERSION + 1}")
    conn.close()
    idx = LibraryIndex(path)
    assert not idx.has("a")
    idx.close()


def test_hits_longer_than_the_overlap_across_a_chunk_end_are_found(tmp_path: Path) -> None:
    filler = "天地玄黄宇宙洪荒日月盈昃辰宿列张"  # no line end or full stop: hard cuts
    text = (filler * 2000)[: library_index.CHUNK_CHARS - 100]
    phrase = "起" + "".join(chr(0x4E00 + (i * 37) % 2000) for i in range(298)) + "止"
    text = text + phrase + filler * 100
    end_of_first = chunk_bounds(text)[0][1]
    tail = len(filler) * 100
    assert len(text) - len(phrase) - tail < end_of_first < len(text) - tail  # inside the phrase
    idx = LibraryIndex(tmp_path / "lib.sqlite3")
    try:
        idx.add("k", "t", "p", text, [])
        start = text.index(phrase)
        assert [(h.start, h.end) for h in idx.search(phrase)] == [(start, start + 300)]
        regex = list(idx.search("起.{250,350}止", SearchOptions(regex=True)))
        assert [(h.start, h.end) for h in regex] == [(start, start + 300)]
    finally:
        idx.close()


def test_preferred_documents_come_first(index: LibraryIndex) -> None:
    assert next(h.key for h in index.search("。")) == "a"
    keys = [h.key for h in index.search("。", prefer=["b", "missing"])]
    assert keys == ["b", "b", "a", "a", "a", "a"]
    assert [h.key for h in index.search("大", prefer=["b"])] == ["b", "b", "a"]


def test_an_index_in_the_first_format_is_rebuilt(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "lib.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE docs(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, title TEXT);"
        "CREATE TABLE chunks(id INTEGER PRIMARY KEY, doc_id INTEGER, body TEXT);"
        "INSERT INTO docs VALUES (1, 'old', 'old');"
        "PRAGMA user_version=1;"
    )
    conn.close()
    idx = LibraryIndex(path)
    try:
        assert not idx.has("old")
        idx.add("new", "t", "p", "新格式的文本。", [])
        assert [h.key for h in idx.search("格式")] == ["new"]
    finally:
        idx.close()
