"""jieba wrapper: private tokenizer, our cache folder, user words, word boundaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.segment import Segmenter, context_window, default_segmenter


def whole(seg: Segmenter, text: str, query: str) -> bool:
    start = text.index(query)
    return seg.is_whole_word(text, start, start + len(query))


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("我跟和服务员说了一声。", "和服", False),
        ("她穿着一件和服。", "和服", True),
        ("南京市长江大桥通车了。", "长江", True),
        ("南京市长江大桥通车了。", "市长", False),
        ("我和尚未完成的工作告别。", "和尚", False),
        ("这位研究生命运坎坷。", "生命", False),
        ("他在球拍卖会上出价。", "球拍", False),
        ("加强机关党建工作。", "党建", True),
        ("推进政党建设。", "党建", False),
        ("推进政党建设。", "建设", True),
        ("服务", "服务", True),
    ],
)
def test_word_boundary_traps(segmenter: Segmenter, text: str, query: str, expected: bool) -> None:
    assert whole(segmenter, text, query) is expected


def test_user_words_apply_at_once_and_can_be_removed(segmenter: Segmenter) -> None:
    text = "全会有两列席人员。"
    assert whole(segmenter, text, "列席")
    segmenter.add_words(["两列席"])
    try:
        assert "两列席" in segmenter.cut(text)
        assert not whole(segmenter, text, "列席")
        assert whole(segmenter, text, "两列席")
    finally:
        segmenter.remove_word("两列席")
    assert whole(segmenter, text, "列席")
    assert "两列席" not in segmenter.user_words


def test_words_added_before_loading_are_applied_on_load(tmp_path: Path) -> None:
    seg = Segmenter(tmp_path / "cache", user_words=["固本强基"])
    assert not seg.is_loaded
    seg.add_words(["  ", "两列席"])
    assert seg.user_words == {"固本强基", "两列席"}


def test_cache_file_goes_to_our_folder_not_the_system_temp(
    segmenter: Segmenter, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.getbasetemp() / "jieba-cache"
    assert [p.name for p in folder.glob("*.cache")] == [f"jieba-{_jieba_version()}.cache"]
    import jieba

    assert segmenter.tokenizer is not jieba.dt
    assert not jieba.dt.initialized  # the global tokenizer was never loaded


def _jieba_version() -> str:
    import jieba

    return str(jieba.__version__)


def test_default_segmenter_is_shared_and_lazy() -> None:
    assert default_segmenter() is default_segmenter()


def test_empty_and_punctuation_spans(segmenter: Segmenter) -> None:
    assert segmenter.whole_word_flags("，，，", [(0, 1), (1, 1)]) == [True, False]
    assert segmenter.is_whole_word("abc def", 4, 7)
    assert not segmenter.is_whole_word("abcdef", 1, 3)


def test_context_window_stays_inside_the_run_of_words() -> None:
    text = "第一句。南京市长江大桥，第二句"
    lo, hi = context_window(text, text.index("长江"), text.index("长江") + 2)
    assert text[lo:hi] == "南京市长江大桥"


SAMPLE = (
    "南京市长江大桥于1968年建成通车，是长江上第一座由中国自行设计和建造的双层铁路公路两用桥。"
    "我跟和服务员说了一声，她穿着和服走进研究生命运研讨会。加强机关党建工作，推进政党建设，"
    "做好GDP2024统计工作。全会有两列席人员，会议要求固本强基、守正创新，乒乓球拍卖会上出价。"
)


def _reference(seg: Segmenter, text: str, start: int, end: int) -> bool:
    """The decision by definition: jieba's own search-mode cut of the context window."""
    lo, hi = context_window(text, start, end)
    starts: set[int] = set()
    ends: set[int] = set()
    interior: set[int] = set()
    for word, a, b in seg.tokenizer.tokenize(text[lo:hi], mode="search", HMM=False):
        starts.add(a)
        ends.add(b)
        if word in seg.user_words:
            interior.update(range(a + 1, b))
    return (start - lo) in starts - interior and (end - lo) in ends - interior


@pytest.mark.parametrize("user_words", [[], ["两列席", "固本强基", "长江上"]])
def test_fast_whole_word_checks_agree_with_jieba_on_every_span(
    segmenter: Segmenter, user_words: list[str]
) -> None:
    segmenter.add_words(user_words)
    try:
        spans = [
            (a, b) for a in range(len(SAMPLE)) for b in range(a + 1, min(len(SAMPLE), a + 5) + 1)
        ]
        expected = [_reference(segmenter, SAMPLE, a, b) for a, b in spans]
        segmenter.clear_caches()
        assert segmenter.whole_word_flags(SAMPLE, spans) == expected
        # A second pass answers from the memoised tables: still the same.
        assert segmenter.whole_word_flags(SAMPLE, spans) == expected
    finally:
        for word in user_words:
            segmenter.remove_word(word)


def test_boundaries_match_jieba_search_mode(segmenter: Segmenter) -> None:
    for lo in range(0, len(SAMPLE) - 20, 7):
        piece = SAMPLE[lo : lo + 20]
        tokens = segmenter.tokenizer.tokenize(piece, mode="search", HMM=False)
        starts = {a for _, a, _ in tokens}
        tokens = segmenter.tokenizer.tokenize(piece, mode="search", HMM=False)
        ends = {b for _, _, b in tokens}
        assert segmenter.boundaries(piece) == (starts, ends), piece
