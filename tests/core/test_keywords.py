"""Top keywords by TF-IDF, without touching jieba's global tokenizer."""

from __future__ import annotations

from reader.core.keywords import top_keywords
from reader.core.segment import Segmenter

TEXT = (
    "乡村振兴战略是关系全面建设社会主义现代化国家的全局性、历史性任务。"
    "实施乡村振兴战略，要坚持农业农村优先发展，推进农业农村现代化。"
    "2018年，我们要巩固和完善农村基本经营制度，深化农村土地制度改革。"
    "乡村振兴，产业兴旺是重点。乡村振兴，生态宜居是关键。"
)


def test_main_topic_words_come_first(segmenter: Segmenter) -> None:
    words = [w for w, _ in top_keywords(TEXT, k=5, segmenter=segmenter)]
    assert "乡村" in words or "振兴" in words
    assert "农村" in words or "农业" in words


def test_no_punctuation_digits_or_single_characters(segmenter: Segmenter) -> None:
    result = top_keywords(TEXT + "。。。 1234 ５６７ ，，", k=50, segmenter=segmenter)
    assert result
    for word, weight in result:
        assert len(word) >= 2 and weight > 0
        assert not word.isdigit() and "，" not in word and "2018" not in word
    weights = [w for _, w in result]
    assert weights == sorted(weights, reverse=True)


def test_user_words_count_whole(segmenter: Segmenter) -> None:
    text = "要固本强基。固本强基是根本。必须固本强基。"
    segmenter.add_words(["固本强基"])
    try:
        words = [w for w, _ in top_keywords(text, k=3, segmenter=segmenter)]
    finally:
        segmenter.remove_word("固本强基")
    assert words[0] == "固本强基"


def test_empty_or_tiny_input(segmenter: Segmenter) -> None:
    assert top_keywords("", segmenter=segmenter) == []
    assert top_keywords("。，！", segmenter=segmenter) == []
    assert top_keywords(TEXT, k=0, segmenter=segmenter) == []


def test_long_text_is_sampled_not_refused(segmenter: Segmenter) -> None:
    result = top_keywords(TEXT * 50, k=3, segmenter=segmenter, max_chars=40_000)
    assert len(result) == 3
