"""Re-anchoring annotations in edited text: moved, edited inside, duplicated, rewritten."""

from __future__ import annotations

from reader.core.anchoring import reanchor, reanchor_all, reanchor_with_old_text, text_diff
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


# --- Edits that cut into a highlight's edge: cover what survives, never the new text ---

LAW = (
    "第五十三条 公民必须遵守宪法和法律，保守国家秘密，爱护公共财产，遵守劳动纪律，"
    "遵守公共秩序，尊重社会公德。\n"
    "第五十四条 中华人民共和国公民有维护祖国的安全、荣誉和利益的义务，不得有危害祖国的"
    "安全、荣誉和利益的行为。\n"
)


def test_replacement_over_left_edge_keeps_only_the_surviving_part() -> None:
    a = _ann(LAW, "荣誉和利益的义务")
    # 荣誉和 and the text before it replaced by words that were never highlighted.
    edited = LAW.replace("安全、荣誉和利益的义务", "安全、遵守宪法和法律，利益的义务")
    b = reanchor(edited, a)
    if not b.orphaned:
        placed = edited[b.start : b.end]
        assert placed == "利益的义务", placed  # nothing of 遵守宪法和法律，


def test_replacement_over_right_edge_keeps_only_the_surviving_part() -> None:
    a = _ann(LAW, "保守国家秘密，爱护公共财产")
    edited = LAW.replace("爱护公共财产，遵守劳动纪律", "爱护公共秩序和劳动纪律")
    b = reanchor(edited, a)
    assert not b.orphaned
    assert edited[b.start : b.end] == "保守国家秘密，爱护公共"


def test_short_quote_whose_edge_was_replaced_is_not_stretched_to_its_length() -> None:
    # Regression: "和利益。" used to be placed on "律，益。" (two characters never quoted).
    text = "我们要维护国家的安全和利益。这是每个公民的义务。\n"
    a = _ann(text, "和利益。")
    edited = text.replace("安全和利益。", "安全遵守宪法和法律，益。")
    b = reanchor(edited, a)
    assert b.orphaned or edited[b.start : b.end] == "益。"


def test_insertion_inside_near_the_end_widens_to_the_last_character() -> None:
    a = _ann(LAW, "保守国家秘密，爱护公共财产")
    edited = LAW.replace("公共财产", "公共财（含集体）产")
    b = reanchor(edited, a)
    assert not b.orphaned
    assert edited[b.start : b.end] == "保守国家秘密，爱护公共财（含集体）产"


def test_long_insertion_inside_a_short_quote_is_covered() -> None:
    a = _ann(LAW, "遵守宪法")
    edited = LAW.replace("遵守宪法和法律", "遵守（全文见附件一）宪法和法律")
    b = reanchor(edited, a)
    assert not b.orphaned
    assert edited[b.start : b.end] == "遵守（全文见附件一）宪法"


def test_deleted_short_quote_is_not_moved_to_the_same_words_in_the_next_clause() -> None:
    # 荣誉和利益 occurs twice in 第五十四条; the highlighted one is deleted with its clause.
    a = _ann(LAW, "荣誉和利益", occurrence=0)
    edited = LAW.replace("公民有维护祖国的安全、荣誉和利益的义务，", "公民")
    b = reanchor_all(edited, [a]).annotations[0]
    assert b.orphaned
    assert b.quote == "荣誉和利益"


def test_repeated_clause_elsewhere_does_not_take_a_deleted_quote() -> None:
    clause = (
        "单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，"
        "依照前款的规定处罚。\n"
    )
    text = (
        "第一条 走私武器的，处七年以上有期徒刑。\n"
        + clause
        + "第二条 走私文物的，处五年以上有期徒刑。\n"
        + clause
    )
    a = _ann(text, "直接负责的主管人员", occurrence=1)
    neighbours = [_ann(text, "走私文物"), _ann(text, "走私武器")]
    for i, n in enumerate(neighbours):
        n.id = 10 + i
    edited = text[: a.start] + text[a.end :]  # the second clause's words are deleted
    result = reanchor_all(edited, [a, *neighbours])
    placed = {x.id: x for x in result.annotations}
    assert placed[1].orphaned  # not moved onto the first clause's identical words
    assert not placed[10].orphaned and not placed[11].orphaned


def test_placement_never_jumps_over_an_intact_neighbour() -> None:
    para = "本条规定适用于全部合同，但法律另有规定的除外。\n"
    middle = (
        "乙。中间的文字保持不变，作为邻居，前后都有足够长的上下文，"
        "不受任何修改的影响，这一段足够长。\n"
    )
    text = "甲。" + para + middle + "丙。" + para
    a = _ann(text, "全部合同，但法律另有规定", occurrence=1)
    neighbour = _ann(text, "中间的文字保持不变")
    neighbour.id = 2
    # The last paragraph is rewritten: its copy above the neighbour must not take
    # the highlight (text keeps its order; the copy is on the wrong side).
    edited = text.replace("丙。" + para, "丙。改写后的段落，内容完全不同。\n")
    placed = {x.id: x for x in reanchor_all(edited, [a, neighbour]).annotations}
    assert placed[1].orphaned
    assert edited[placed[2].start : placed[2].end] == "中间的文字保持不变"


def test_fuzzy_placement_covers_only_quote_text_or_orphans() -> None:
    """Many edits around one highlight: wherever it lands, it lands on its own words."""
    a = _ann(LAW, "维护祖国的安全、荣誉和利益的义务")
    edits = [
        ("维护祖国", "保卫祖国"),
        ("的义务，", "的责任，"),
        ("安全、荣誉", "安全和荣誉"),
        ("中华人民共和国公民有维护", "公民都有维护"),
    ]
    for old, new in edits:
        edited = LAW.replace(old, new, 1)
        b = reanchor(edited, a)
        if b.orphaned:
            continue
        placed = edited[b.start : b.end]
        # Every placed character outside the edit's new words is a character of the quote.
        outside = placed.replace(new, "")
        assert all(ch in a.quote for ch in outside), (old, placed)


def test_quote_without_context_is_found_when_unique() -> None:
    # An annotation imported from another tool may carry only its exact quote.
    a = Annotation(id=1, start=0, end=0, quote="平等主体", prefix="", suffix="")
    b = reanchor(TEXT, a)
    assert not b.orphaned and TEXT[b.start : b.end] == "平等主体"


# -- with the old text (diff) --------------------------------------------------


def _by_diff(old: str, new: str, a: Annotation) -> str | None:
    [b] = reanchor_with_old_text(old, new, [a]).annotations
    return None if b.orphaned else new[b.start : b.end]


def test_diff_keeps_the_surviving_span_of_an_edited_quote() -> None:
    a = _ann(TEXT, QUOTE)
    inside = TEXT.replace("平等主体的", "平等主体之间的")
    assert _by_diff(TEXT, inside, a) == "调整平等主体之间的自然人"
    edge = TEXT.replace("民法调整", "民法规范")  # its first two characters replaced
    assert _by_diff(TEXT, edge, a) == "平等主体的自然人"
    gone = TEXT.replace("调整平等主体的自然人", "规范各类")
    assert _by_diff(TEXT, gone, a) is None


def test_diff_places_a_clause_pasted_next_to_it_on_one_whole_copy() -> None:
    # The same clause pasted right before the highlighted one: either copy is a
    # minimal diff's reading, but the highlight must land on one whole copy.
    a = _ann(TEXT, "民事主体的人身权利")
    pasted = "民事主体的人身权利、财产权利以及其他合法权益受法律保护；"
    new = TEXT.replace("第三条 ", "第三条 " + pasted, 1)
    [b] = reanchor_with_old_text(TEXT, new, [a]).annotations
    assert not b.orphaned and new[b.start : b.end] == "民事主体的人身权利"


def test_diff_prefers_an_insertion_after_the_quote_to_one_inside() -> None:
    a = _ann(TEXT, "自然人")
    new = TEXT.replace("自然人、法人", "自然人和其他自然人、法人")
    assert _by_diff(TEXT, new, a) == "自然人"


def test_diff_ignores_a_chance_character_left_of_a_replaced_quote() -> None:
    a = _ann(TEXT, "制定本法")
    new = TEXT.replace("制定本法", "本法另定")  # 本法 moves: the old two characters are gone
    assert _by_diff(TEXT, new, a) in (None, "本法")
    one = TEXT.replace("制定本法", "特定")  # only 定 is equal by chance
    assert _by_diff(TEXT, one, a) is None


def test_diff_falls_back_to_quote_for_orphans() -> None:
    a = _ann(TEXT, QUOTE).replace(orphaned=True, start=0, end=len(QUOTE))
    new = "前言\n" + TEXT
    assert _by_diff(TEXT, new, a) == QUOTE


def test_text_diff_runs_cover_unchanged_text() -> None:
    new = TEXT.replace("第二条", "第二条（修改）")
    diff = text_diff(TEXT, new)
    kept = sum(size for _, _, size in diff.runs)
    assert kept == len(TEXT)
    assert all(TEXT[o : o + n] == new[p : p + n] for o, p, n in diff.runs)


def test_diff_follows_a_paragraph_cut_and_pasted_elsewhere() -> None:
    a = _ann(TEXT, QUOTE)
    lines = TEXT.splitlines(keepends=True)
    moved = lines[0] + lines[2] + lines[1]  # 第二条 moved to the end
    assert _by_diff(TEXT, moved, a) == QUOTE
    [b] = reanchor_with_old_text(TEXT, moved, [a]).annotations
    assert b.start == moved.index(QUOTE)
