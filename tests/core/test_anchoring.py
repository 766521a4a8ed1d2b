"""Re-anchoring annotations in edited text: moved, edited inside, duplicated, rewritten."""

from __future__ import annotations

from reader.core.anchoring import reanchor, reanchor_all
from reader.core.annotation import Annotation, context_at

TEXT = (
    "第一条 为了保护民事主体的合法权益，调整民事关系，维护社会和经济秩序，制定本法。\n"
    "第二条 民法调整平等主体的自然人、法人和非法人组织之间的人身关系和财产关系。\n"
    "第三条 民事主体的人身权利、财产权利以及其他合法权益受法律保护，任何组织或者个人不得侵犯。\n"
)


def _ann(text: str, quote: str, occurrence: int = 0) -> Annotation:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    q, prefix, suffix = context_at(text, start, start + len(quote))
    return Annotation(
        id=1,
        start=start,
        end=start + len(quote),
        quote=q,
        prefix=prefix,
        suffix=suffix,
        color="yellow",
    )


def _placed(text: str, a: Annotation) -> str | None:
    b = reanchor(text, a)
    return None if b.orphaned else text[b.start : b.end]


QUOTE = "调整平等主体的自然人"


def test_unchanged_text_keeps_annotation() -> None:
    a = _ann(TEXT, QUOTE)
    assert reanchor(TEXT, a) == a


def test_insertion_before() -> None:
    a = _ann(TEXT, QUOTE)
    edited = TEXT.replace("第一条", "第一条（新增的说明文字）")
    b = reanchor(edited, a)
    assert not b.orphaned and b.start == a.start + len("（新增的说明文字）")
    assert edited[b.start : b.end] == QUOTE


def test_deletion_before() -> None:
    a = _ann(TEXT, QUOTE)
    edited = TEXT.replace("维护社会和经济秩序，", "")
    assert _placed(edited, a) == QUOTE


def test_insertion_and_deletion_after() -> None:
    a = _ann(TEXT, QUOTE)
    assert _placed(TEXT.replace("人身关系", "人身关系（含婚姻家庭）"), a) == QUOTE
    assert _placed(TEXT.replace("不得侵犯", ""), a) == QUOTE


def test_edit_right_next_to_the_quote() -> None:
    a = _ann(TEXT, QUOTE)
    edited = TEXT.replace("民法" + QUOTE, "民法典" + QUOTE)
    b = reanchor(edited, a)
    assert edited[b.start : b.end] == QUOTE and not b.orphaned


def test_insertion_inside_quote_widens_highlight() -> None:
    a = _ann(TEXT, QUOTE)
    edited = TEXT.replace("平等主体的", "平等主体（含外国人）的")
    b = reanchor(edited, a)
    assert not b.orphaned
    assert edited[b.start : b.end] == "调整平等主体（含外国人）的自然人"
    assert b.quote == "调整平等主体（含外国人）的自然人"


def test_deletion_inside_quote() -> None:
    a = _ann(TEXT, QUOTE)
    edited = TEXT.replace("平等主体的自然人", "平等的自然人")
    b = reanchor(edited, a)
    assert not b.orphaned and edited[b.start : b.end] == "调整平等的自然人"


def test_duplicated_quote_is_told_apart_by_context() -> None:
    a = _ann(TEXT, "民事主体", occurrence=1)  # the one in 第三条
    edited = "前言：民事主体一词的说明。\n" + TEXT
    b = reanchor(edited, a)
    assert not b.orphaned
    assert b.start == a.start + len("前言：民事主体一词的说明。\n")
    assert edited[b.start - 4 : b.start] == "第三条 "


def test_duplicated_quote_with_same_context_uses_position() -> None:
    para = "本条规定适用于全部合同。\n"
    text = para * 3
    a = _ann(text, "全部合同", occurrence=2)
    edited = "注：" + text
    b = reanchor(edited, a)
    assert b.start == a.start + 2 and not b.orphaned


def test_rewritten_passage_becomes_orphaned_not_misplaced() -> None:
    a = _ann(TEXT, QUOTE)
    edited = TEXT.replace(
        "民法调整平等主体的自然人、法人和非法人组织之间的人身关系和财产关系。",
        "本编内容已经全部删除，改由其他法律另行规定。",
    )
    b = reanchor(edited, a)
    assert b.orphaned
    assert b.quote == QUOTE  # kept for the user to see


def test_short_quote_elsewhere_is_not_taken_when_its_passage_is_gone() -> None:
    a = _ann(TEXT, "合法权益", occurrence=1)  # 第三条's
    edited = TEXT.replace(
        "第三条 民事主体的人身权利、财产权利以及其他合法权益受法律保护，任何组织或者个人不得侵犯。",
        "第三条 （本条已废止）",
    )
    assert reanchor(edited, a).orphaned


def test_reanchor_all_counts() -> None:
    anns = [_ann(TEXT, QUOTE), _ann(TEXT, "制定本法"), _ann(TEXT, "不得侵犯")]
    edited = "序言。\n" + TEXT.replace("任何组织或者个人不得侵犯", "另有规定")
    result = reanchor_all(edited, anns)
    assert (result.reanchored, result.orphaned) == (2, 1)
    assert [a.orphaned for a in result.annotations] == [False, False, True]


def test_point_bookmark_follows_its_place() -> None:
    start = TEXT.index("第二条")
    _, prefix, suffix = context_at(TEXT, start, start)
    a = Annotation(kind="bookmark", start=start, end=start, prefix=prefix, suffix=suffix)
    edited = "插入。\n" + TEXT
    b = reanchor(edited, a)
    assert edited[b.start : b.start + 3] == "第二条" and b.start == b.end
