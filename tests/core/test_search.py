"""Find in one document: folding, regex, whole words, odd queries, snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.search import (
    Hit,
    SearchError,
    SearchOptions,
    TextIndex,
    classify_hits,
    find_all,
    rank_hits,
    snippet,
)
from reader.core.segment import Segmenter

WHOLE = SearchOptions(whole_word=True)
REGEX = SearchOptions(regex=True)


def spans(hits: list[Hit]) -> list[tuple[int, int]]:
    return [(h.start, h.end) for h in hits]


def test_plain_hits_in_document_order_with_offsets_into_the_original() -> None:
    text = "党建引领，党建先行。抓党建"
    assert spans(find_all(text, "党建")) == [(0, 2), (5, 7), (11, 13)]


def test_one_character_query_and_non_overlapping_hits() -> None:
    assert len(find_all("的的的的", "的")) == 4
    assert spans(find_all("啊啊啊", "啊啊")) == [(0, 2)]


def test_full_width_and_half_width_match_each_other() -> None:
    text = "第（一）条，ＡＢＣ公司 与 (一) abc"
    half = text.index("(一)")
    assert spans(find_all(text, "(一)")) == [(1, 4), (half, half + 3)]
    assert spans(find_all(text, "（一）")) == [(1, 4), (half, half + 3)]
    assert spans(find_all(text, "abc")) == [(6, 9), (len(text) - 3, len(text))]
    assert spans(find_all("甲，乙,丙", ",")) == [(1, 2), (3, 4)]
    assert spans(find_all("甲\u3000乙 丙", " ")) == [(1, 2), (3, 4)]


def test_case_is_ignored_unless_asked() -> None:
    text = "GDP gdp Ｇｄｐ"
    assert len(find_all(text, "gdp")) == 3
    exact = find_all(text, "GDP", SearchOptions(case_sensitive=True))
    assert spans(exact) == [(0, 3)]
    assert spans(find_all("ＧＤＰ", "GDP", SearchOptions(case_sensitive=True))) == [(0, 3)]


def test_regex_search_and_its_errors() -> None:
    text = "第1条 第23条 第四条"
    assert spans(find_all(text, r"第\d+条", REGEX)) == [(0, 3), (4, 8)]
    assert len(find_all("ＡＢ ab", "a.", REGEX)) == 2  # full-width and case folded
    with pytest.raises(SearchError, match="Invalid regular expression"):
        find_all(text, "第(", REGEX)
    with pytest.raises(SearchError):
        find_all(text, "[", REGEX)


def test_regex_matching_the_empty_string_gives_no_empty_hits() -> None:
    assert spans(find_all("aab", "a*", REGEX)) == [(0, 2)]
    assert find_all("中文", "", REGEX) == []
    assert find_all("中文", "x?", REGEX) == []


def test_full_width_brackets_in_a_regex_are_literals() -> None:
    assert spans(find_all("（一）和(一)", "（一）", REGEX)) == [(0, 3), (4, 7)]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'\"",
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "*",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "\\",
        "。，！",
        "\u3000",
        "\n",
        "中" * 10_000,
        "%",
        "_",
        "^",
        "$",
        "a:b",
        "-x",
    ],
)
def test_any_query_is_accepted(query: str) -> None:
    text = '普通的文本，带（括号）与 "引号" AND * 标点。\n第二行'
    hits = find_all(text, query)
    for hit in hits:
        assert 0 <= hit.start < hit.end <= len(text)


def test_empty_query_finds_nothing() -> None:
    assert find_all("abc", "") == []
    assert TextIndex("abc").find("") == []


def test_limit_stops_early() -> None:
    assert len(find_all("的" * 100, "的", limit=7)) == 7


def test_whole_word_rejects_hits_inside_other_words(segmenter: Segmenter) -> None:
    text = "她穿着和服。我跟和服务员说了。"
    assert spans(find_all(text, "和服", WHOLE, segmenter=segmenter)) == [(3, 5)]
    text = "南京市长江大桥。"
    assert len(find_all(text, "长江", WHOLE, segmenter=segmenter)) == 1
    assert find_all(text, "市长", WHOLE, segmenter=segmenter) == []
    assert find_all("我和尚未完成的事", "和尚", WHOLE, segmenter=segmenter) == []
    assert find_all("这位研究生命运坎坷", "生命", WHOLE, segmenter=segmenter) == []


def test_whole_word_党建_inside_a_longer_word(segmenter: Segmenter) -> None:
    text = "加强机关党建工作，推进政党建设。"
    hits = find_all(text, "党建", WHOLE, segmenter=segmenter)
    assert spans(hits) == [(4, 6)]
    assert all(h.whole_word for h in hits)


def test_without_whole_word_every_hit_counts_and_is_flagged(segmenter: Segmenter) -> None:
    text = "我跟和服务员说，她穿着和服。"
    plain = find_all(text, "和服")
    assert len(plain) == 2 and all(h.whole_word is None for h in plain)
    flagged = find_all(text, "和服", segmenter=segmenter, classify=True)
    assert [h.whole_word for h in flagged] == [False, True]
    assert classify_hits(text, plain, segmenter) == flagged
    ranked = rank_hits(flagged)
    assert ranked[0].start == text.index("她") + 3
    assert len(ranked) == 2


def test_text_index_reuses_folding_for_repeated_queries(segmenter: Segmenter) -> None:
    index = TextIndex("Ａlpha，alpha,ALPHA 长江", segmenter)
    for prefix in ("al", "alp", "alph", "alpha"):
        assert len(index.find(prefix)) == 3
    assert len(index.find(",")) == 2
    assert len(index.find("ALPHA", SearchOptions(case_sensitive=True))) == 1
    assert len(index.find("长江", WHOLE)) == 1
    assert index.snippet(index.find("长江")[0], width=2) == ("A ", "长江", "")


def test_snippet_stops_at_line_ends() -> None:
    text = "第一行\n前面的文字关键词后面的文字\n第三行"
    start = text.index("关键词")
    assert snippet(text, start, start + 3, width=4) == ("面的文字", "关键词", "后面的文")
    assert snippet(text, start, start + 3, width=50) == ("前面的文字", "关键词", "后面的文字")


def test_big_document_search_is_exact(tmp_path: Path) -> None:
    text = ("甲乙丙丁，ABC。\n" * 20_000) + "终"
    assert len(find_all(text, "abc")) == 20_000
    assert spans(find_all(text, "终")) == [(len(text) - 1, len(text))]
