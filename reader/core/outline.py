"""Recover the outline (title, metadata lines, headings) of plain Chinese text.

The rules follow how Chinese documents are written (see docs/outline.md):

* numbered headings: 第X编/部/篇/卷 › 第X分编 › 第X章/回 › 第X节 › 第X款 › 第X目,
  then the GB/T 9704 levels 一、 › （一） › 1. › （1）; 第X条 begins an article;
* a few named sections (序言, 楔子, 附则, 后记, 附件一 …) sit at the top level;
* a heading is a short line without sentence punctuation at its end; a GB/T
  heading may also be one short sentence closed by 。 (``（一）经济运行稳中有进。``)
  or a *run-in* heading: a numbered short first sentence that opens a paragraph;
* numbers must follow each other (一、 then 二、 …); a run of numbered lines with
  no body text between them is a list (or a table of contents), not headings,
  unless the run opens the section of the heading just above it; items next to
  a numbered sibling ending in ；/， are list items; in a document made of
  articles, headings are never sentences, and a GB/T-numbered line is a heading
  only when articles or sub-headings follow it directly;
* levels follow the actual nesting: a heading is one level below the nearest
  earlier heading of an outer kind (level 2 at the top; level 1 is the title);
* ``一是…二是…`` inside a paragraph, and paragraphs opening with ``第一，`` …
  ``第二，`` give "point" headings one level below.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate

from reader.core.document import Heading, MetadataLine

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_NUM = "[零〇○一二两兩三四五六七八九十百千壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]"
_AR_NUM = "[0-9０-９]"
_NUM = f"(?:{_CN_NUM}+|{_AR_NUM}+)"
# Spaces seen inside headings: ASCII, ideographic, EN/EM and other fixed-width spaces, NBSP.
_SP = "[ \\t\\u3000\\u00a0\\u2002-\\u200a]"

_UNIT_KIND = {
    "部": "part",
    "篇": "part",
    "编": "part",
    "編": "part",
    "卷": "part",
    "集": "part",
    "分编": "subpart",
    "分編": "subpart",
    "章": "chapter",
    "回": "chapter",
    "节": "subchapter",
    "節": "subchapter",
    "款": "clause",
    "目": "item",
}
#: Kinds of numbered headings from the outermost to the innermost.
RANK = [
    "named",
    "part",
    "subpart",
    "chapter",
    "subchapter",
    "clause",
    "item",
    "cn_dun",
    "cn_paren",
    "ar_dot",
    "ar_paren",
    "plain",
]
_GBT_KINDS = frozenset({"cn_dun", "cn_paren", "ar_dot", "ar_paren"})

# 第X章 and friends, after an optional short junk prefix (``正文 ``, ``《》目录 ``).
_DI_RE = re.compile(
    rf"(?P<prefix>[^\s。，；：！？]{{1,8}}{_SP}+)?"
    rf"(?P<marker>第{_SP}*(?P<num>{_NUM}){_SP}*(?P<unit>分[编編]|[部篇编編卷集章回节節款目]))"
    rf"(?P<rest>(?:{_SP}|[：:、.．]).*|)$"
)
# 卷一 / 卷之三 / 卷三 xxx (novels), without 第.
_JUAN_RE = re.compile(
    rf"(?P<marker>卷(?:之)?{_SP}*(?P<num>{_CN_NUM}+|{_AR_NUM}+))(?P<rest>{_SP}.*|)$"
)
_ARTICLE_RE = re.compile(
    rf"(?P<marker>第{_SP}*(?P<num>{_NUM}){_SP}*[条條](?:之{_CN_NUM}+)?)(?:{_SP}+|$)"
)
_GBT_RE = re.compile(
    rf"(?:(?P<cn_dun>{_CN_NUM}+){_SP}*[、．.]"
    rf"|[（(]{_SP}*(?P<cn_paren>{_CN_NUM}+){_SP}*[）)]"
    rf"|(?P<ar_dot>{_AR_NUM}{{1,3}})(?:[、．]|\.(?![0-9]))"
    rf"|[（(](?P<ar_paren>{_AR_NUM}{{1,3}})[）)])"
)
_NAMED_RE = re.compile(
    r"(?P<marker>序言|前言|引言|导言|序|自序|代序|原序|楔子|引子|序章|序幕|尾声|终章|后记|跋|"
    r"附则|附則|附录|附錄|附件|结语|结束语|番外|上卷|中卷|下卷|上部|下部|上篇|中篇|下篇)"
    rf"(?P<num>{_SP}*(?:{_CN_NUM}+|{_AR_NUM}+))?(?P<rest>{_SP}+[^：:]*|)$"
)
_METADATA_RE = re.compile(
    r"(?P<key>[\u4e00-\u9fffA-Za-z]{1,8})[:：]"
    r"(?P<value>.*)$"
)
_METADATA_KEYS = frozenset(
    str.split(
        "时间 日期 来源 作者 导语 摘要 关键词 关键字 编辑 责任编辑 发布时间 发布日期 出处 文号 "
        "发文字号 发文机关 发布机关 原文 链接 分类 类别 标签 字数 译者 出版社 题注 提要 "
        "時間 日期 來源 作者 導語 摘要 關鍵詞 編輯 發布時間 發佈日期 出處 法規類別 最新異動日期 "
        "沿革 前言 公布日期 施行日期 生效日期 修正日期 效力 效力级别 时效性 发布部门"
    )
)
# 第一，… 第二，… opening paragraphs of a speech (ordinal points).
_ORDINAL_RE = re.compile(r"第(?P<num>[一二三四五六七八九十]{1,3})[，,、](?![一二三四五六七八九十])")
_POINT_RE = re.compile(r"(?:^|(?<=[，。；：、,;:\s（(“]))(?P<num>[一二三四五六七八九十]{1,2})是")
_PHRASE_END = re.compile(r"[，。；：！？,;:!?（(]")
_SENTENCE_END = "。；;，,：:"
_GBT_STARTS = frozenset(
    "零〇○一二两兩三四五六七八九十百千壹贰貳叁參肆伍陆陸柒捌玖拾佰仟0123456789０１２３４５６７８９（("
)
#: First characters of a long line that may still be an article or a run-in heading.
_LONG_LINE_STARTS = _GBT_STARTS | {"第"}
_MAX_HEADING = 60
_MAX_RUN_IN = 30
#: A numbered heading written as one sentence closed by 。 is at most this long.
_MAX_SENTENCE_HEADING = 40
#: Clause breaks allowed in a heading written as a sentence (GB/T headings often
#: have two clauses: 宏观调控精准有力，经济运行稳中有进。).
_MAX_HEADING_COMMAS = 2
#: Sub-headings written one after another with no body text (an outline-only
#: section) come a few at a time; a longer run of bare numbered lines is a list.
_MAX_SUBHEADING_RUN = 5
#: How a numbered list item ends (（一）未成年人；).
_ITEM_ENDS = "；;，,、"


@dataclass
class Outline:
    """What ``detect_outline`` finds: the title, its line, metadata lines and headings."""

    title: str | None = None
    title_line: int | None = None
    metadata: list[MetadataLine] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)


@dataclass
class _Candidate:
    kind: str  # a RANK entry, or "article"
    number: int
    title: str
    line: int  # 1-based
    offset: int
    run_in: bool
    standalone: bool  # the whole line is the heading
    body_after: bool = False  # a non-heading line comes before the next candidate
    sentence: bool = False  # a standalone heading written as a sentence closed by 。
    list_item: bool = False  # next to a numbered sibling that is a list item (…；)


def parse_number(text: str) -> int:
    """Value of a Chinese (一百零五, 壹拾), Arabic or full-width numeral; -1 if none."""
    text = text.strip(" \t\u3000")
    if not text:
        return -1
    if text[0] in "0123456789０１２３４５６７８９":
        digits = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        return int(digits) if digits.isdigit() else -1
    if all(ch in _CN_DIGITS for ch in text) and len(text) > 1:
        # 一九四九 / 二〇一八: digit by digit.
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total = 0
    current = 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return -1
    return total + current


def _ends_like_sentence(s: str) -> bool:
    return s[-1] in _SENTENCE_END or "。" in s


def _classify(stripped: str, line_no: int, offset: int) -> _Candidate | None:
    """The heading or article this line could be, judged by the line alone."""
    first = stripped[0]
    short = len(stripped) <= _MAX_HEADING
    if first == "第":
        m = _ARTICLE_RE.match(stripped)
        if m:
            return _Candidate(
                "article",
                parse_number(m.group("num")),
                m.group("marker"),
                line_no,
                offset,
                run_in=m.end() < len(stripped),
                standalone=m.end() >= len(stripped),
            )
    if short and not _ends_like_sentence(stripped):
        m = _DI_RE.match(stripped)
        if m and not (m.group("prefix") and _GBT_RE.match(stripped)):
            return _Candidate(
                _UNIT_KIND[m.group("unit")],
                parse_number(m.group("num")),
                stripped,
                line_no,
                offset,
                run_in=False,
                standalone=True,
            )
        if first == "卷":
            m = _JUAN_RE.match(stripped)
            if m:
                return _Candidate(
                    "part", parse_number(m.group("num")), stripped, line_no, offset, False, True
                )
        m = _NAMED_RE.match(stripped)
        if m and len(stripped) <= 30:
            return _Candidate("named", 0, stripped, line_no, offset, False, True)
    m = _GBT_RE.match(stripped)
    if m is None:
        return None
    kind = m.lastgroup or ""
    number = parse_number(m.group(kind))
    rest = stripped[m.end() :].lstrip(" \t\u3000")
    if not rest or rest[0] in "、，。；：,;:.．）)":
        return None
    if short and not _ends_like_sentence(stripped):
        return _Candidate(kind, number, stripped, line_no, offset, False, True)
    stop = rest.find("。")
    if stop < 1 or not _heading_phrase(rest[:stop]) or _GBT_RE.match(rest):
        return None  # (一、二、三，… counts, it is not a heading)
    title = (stripped[: m.end()] + rest[:stop]).rstrip()
    if stop + 1 == len(rest):
        # The whole line is one short sentence: a heading written as a sentence.
        if len(stripped) > _MAX_SENTENCE_HEADING or stop < 2:
            return None
        return _Candidate(kind, number, title, line_no, offset, False, True, sentence=True)
    # Run-in: a short first sentence that opens a longer paragraph.
    if stop <= _MAX_RUN_IN:
        return _Candidate(kind, number, title, line_no, offset, True, False)
    return None


def _heading_phrase(phrase: str) -> bool:
    """Words that can be a heading: no colon, semicolon or ！？, few clauses, quotes closed."""
    if any(ch in phrase for ch in '；;：:！？!?"'):
        return False
    if phrase.count("，") + phrase.count(",") > _MAX_HEADING_COMMAS:
        return False
    return phrase.count("“") == phrase.count("”")


def _split_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every line of ``text``."""
    lines = text.split("\n")
    starts = accumulate((len(line) + 1 for line in lines), initial=0)
    return list(zip(starts, lines, strict=False))


def _find_title(lines: list[tuple[int, str]]) -> tuple[str | None, int | None, int]:
    """The title line (first non-blank line if it looks like a title) and where to go on."""
    for i, (_, line) in enumerate(lines[:20]):
        stripped = line.strip()
        if not stripped:
            continue
        if (
            len(stripped) > _MAX_HEADING
            or _ends_like_sentence(stripped)
            or _classify(stripped, i + 1, 0) is not None
            or _METADATA_RE.match(stripped)
        ):
            return None, None, i
        return stripped, i + 1, i + 1
    return None, None, 0


def _find_metadata(lines: list[tuple[int, str]], start: int) -> list[MetadataLine]:
    """``key: value`` lines near the top, before the first heading."""
    found: list[MetadataLine] = []
    for i in range(start, min(len(lines), start + 30)):
        stripped = lines[i][1].strip()
        if not stripped:
            continue
        m = _METADATA_RE.match(stripped)
        value = m.group("value").strip() if m else ""
        if m and (m.group("key") in _METADATA_KEYS or 0 < len(value) <= 40):
            found.append(MetadataLine(m.group("key"), m.group("value").strip(), i + 1))
            continue
        if _classify(stripped, i + 1, 0) is not None:
            break
    return found


def _accept_in_sequence(cands: list[_Candidate]) -> list[_Candidate]:
    """Keep headings whose numbers follow on from their previous sibling."""
    rank = {k: i for i, k in enumerate(RANK)}
    last: dict[str, int] = {}
    last_article = 0
    kept: list[_Candidate] = []
    for c in cands:
        if c.kind == "article":
            if c.number >= last_article or c.number == 1:
                last_article = c.number
                kept.append(c)
            continue
        if c.kind != "named":
            prev = last.get(c.kind)
            if c.kind in _GBT_KINDS:
                ok = c.number == 1 or (prev is not None and c.number == prev + 1)
            else:
                ok = prev is None or c.number == 1 or prev < c.number <= prev + 20
            if not ok:
                continue
            last[c.kind] = c.number
        r = rank[c.kind]
        for k in list(last):
            if rank[k] > r:
                del last[k]
        kept.append(c)
    return kept


def _opens_section(cands: list[_Candidate], i: int, has_articles: bool) -> bool:
    """Whether the run of same-kind lines starting at ``cands[i]`` opens a section.

    A run right below a whole-line heading of an outer kind, with nothing between,
    is that heading's sub-headings (an outline written without body text); a run
    after body text (including a colon line such as 下列文件予以废止：, which is never
    a heading) or in a regulation is a list.
    """
    if has_articles or i == 0:
        return False
    parent = cands[i - 1]
    return (
        parent.standalone
        and not parent.body_after
        and parent.kind not in ("article", "named")
        and RANK.index(parent.kind) < RANK.index(cands[i].kind)
    )


def _drop_lists(cands: list[_Candidate], has_articles: bool) -> list[_Candidate]:
    """Drop numbered lines that form a list or table of contents rather than headings."""
    drop = {i for i, c in enumerate(cands) if c.list_item and c.kind in _GBT_KINDS}
    if has_articles:
        # In a law, headings are titles: a numbered sentence is a provision or an item.
        drop.update(i for i, c in enumerate(cands) if c.sentence)
    run_ok = False  # the current run of same-kind lines opens a section
    for i, c in enumerate(cands):
        if not c.standalone or c.kind in ("named", "article"):
            continue
        prev = cands[i - 1] if i > 0 else None
        in_run = (
            prev is not None and prev.kind == c.kind and prev.standalone and not prev.body_after
        )
        if not in_run:
            end = i + 1
            while (
                end < len(cands)
                and cands[end].kind == c.kind
                and cands[end].standalone
                and not cands[end - 1].body_after
            ):
                end += 1
            # A long run of bare items is a list (provisions, references) even there.
            run_ok = end - i <= _MAX_SUBHEADING_RUN and _opens_section(cands, i, has_articles)
        nxt = cands[i + 1] if i + 1 < len(cands) and not c.body_after else None
        if nxt is not None and nxt.kind == c.kind and nxt.standalone:
            # Two same-kind numbered lines with nothing between: a list or a table of
            # contents. The first goes; the last of a run goes later for being out of
            # sequence (a list) or stays as the real heading after a table of contents.
            if not run_ok:
                drop.add(i)
        elif (
            has_articles
            and c.kind in _GBT_KINDS
            and (
                nxt is None
                or (nxt.kind != "article" and RANK.index(nxt.kind) <= RANK.index(c.kind))
            )
        ):
            # Among articles, a GB/T heading must open articles or sub-headings.
            drop.add(i)
    if has_articles:
        # Numbered run-in lines inside an article body are its list items.
        in_article = False
        for i, c in enumerate(cands):
            if c.kind == "article":
                in_article = True
            elif i not in drop and c.kind in _GBT_KINDS and not c.standalone:
                if in_article:
                    drop.add(i)
            elif i not in drop:
                in_article = False
    return [c for i, c in enumerate(cands) if i not in drop]


def _drop_provisions(
    cands: list[_Candidate], sentence_numbered: dict[str, int]
) -> list[_Candidate]:
    """Drop sentence-like "headings" of a kind mostly used for numbered provisions."""
    run_in: dict[str, int] = {}
    for c in cands:
        if (c.run_in or c.sentence) and c.kind in _GBT_KINDS:
            run_in[c.kind] = run_in.get(c.kind, 0) + 1
    bad = {k for k, n in run_in.items() if sentence_numbered.get(k, 0) >= n}
    if not bad:
        return cands
    return [c for c in cands if not ((c.run_in or c.sentence) and c.kind in bad)]


def _drop_contents_entries(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop table-of-contents entries: a heading whose words come again later as a heading."""
    seen: dict[str, int] = {}
    for i, c in enumerate(cands):
        if c.standalone and c.kind not in _GBT_KINDS and c.kind != "article":
            seen[_heading_key(c.title)] = i  # the last occurrence wins
    drop: set[int] = set()
    for i, c in enumerate(cands[:-1]):
        nxt = cands[i + 1]
        if not (
            c.standalone
            and c.kind not in _GBT_KINDS
            and c.kind != "article"
            and seen.get(_heading_key(c.title), i) != i
        ):
            continue
        # An entry of a table of contents has another entry right after it, or is
        # the last of a block of entries.
        follows_entry = i > 0 and (i - 1) in drop and not cands[i - 1].body_after
        if (nxt.standalone and not c.body_after) or follows_entry:
            drop.add(i)
    return [c for i, c in enumerate(cands) if i not in drop]


def _heading_key(title: str) -> str:
    """A heading's words without spaces or a junk prefix before 第."""
    key = re.sub(_SP, "", title)
    at = key.find("第")
    return key[at:] if 0 < at <= 8 else key


def _plain_headings(
    lines: list[tuple[int, str]], start: int, metadata_lines: set[int]
) -> list[_Candidate]:
    """Unnumbered headings (基本案情 / 裁判要旨): short isolated lines between long paragraphs."""
    cands: list[_Candidate] = []
    body = 0
    body_chars = 0
    for i in range(start, len(lines)):
        offset, line = lines[i]
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) > 25 or i + 1 in metadata_lines:
            body += 1
            body_chars += len(stripped)
            continue
        isolated = (i == 0 or not lines[i - 1][1].strip()) and (
            i + 1 < len(lines) and not lines[i + 1][1].strip()
        )
        if (
            not isolated
            or any(ch in stripped for ch in "。，；：！？,;:!?、")
            or stripped[0].isdigit()
            or stripped[-1] in '”"）)'
        ):
            body += 1
            body_chars += len(stripped)
            continue
        lead = len(line) - len(line.lstrip())
        cands.append(_Candidate("plain", 0, stripped, i + 1, offset + lead, False, True))
    # Only a document made of long paragraphs with a few short titles has these.
    if len(cands) < 2 or len(cands) > body or body_chars < 5 * sum(len(c.title) for c in cands):
        return []
    return cands


def _points(text: str, lines: list[tuple[int, str]], skip: set[int]) -> list[_Candidate]:
    """``一是…二是…三是…`` enumerations inside a paragraph."""
    out: list[_Candidate] = []
    starts = [off for off, _ in lines]
    seen: set[int] = set()
    pos = text.find("一是")

    while pos != -1:
        idx = bisect.bisect_right(starts, pos) - 1
        if idx not in seen and idx + 1 not in skip:
            seen.add(idx)
            offset, line = lines[idx]
            expected = 1
            found: list[_Candidate] = []
            for m in _POINT_RE.finditer(line):
                if parse_number(m.group("num")) != expected:
                    continue
                start = m.start("num")
                stop = _PHRASE_END.search(line, m.end())
                phrase = line[start : stop.start() if stop else len(line)]
                if len(phrase) < 5:
                    continue  # 一是一，二是二: an idiom, not an enumeration
                if len(phrase) > 40:
                    phrase = phrase[:40] + "…"
                found.append(
                    _Candidate("point", expected, phrase, idx + 1, offset + start, True, False)
                )
                expected += 1
            if len(found) >= 2:
                out.extend(found)
        pos = text.find("一是", pos + 2)
    return out


def detect_outline(text: str) -> Outline:
    """Find the document title, metadata lines and headings of ``text`` (LF line ends)."""
    lines = _split_lines(text)
    title, title_line, start = _find_title(lines)
    metadata = _find_metadata(lines, start)
    meta_lines = {m.line for m in metadata}

    cands: list[_Candidate] = []
    sentence_numbered: dict[str, int] = {}  # numbered lines that are whole sentences, by kind
    ordinals: list[_Candidate] = []  # paragraphs opening with 第一， 第二，
    toc_mode = False
    toc_keys: set[str] = set()
    prev_cand: _Candidate | None = None  # the previous non-blank line, if a candidate
    prev_item: tuple[str, int] | None = None  # (kind, number) of a numbered body line before
    for i in range(start, len(lines)):
        offset, line = lines[i]
        stripped = line.strip()
        if not stripped:
            continue
        if i + 1 in meta_lines:
            prev_cand, prev_item = None, None
            continue
        if len(stripped) > _MAX_HEADING and stripped[0] not in _LONG_LINE_STARTS:
            # Long lines can only be articles or run-in headings, which open the line.
            if cands:
                cands[-1].body_after = True
            prev_cand, prev_item = None, None
            continue
        if len(stripped) <= 6 and stripped.replace(" ", "").replace("\u3000", "") in (
            "目录",
            "目錄",
        ):
            toc_mode = True
            toc_keys = set()
            continue
        c = _classify(stripped, i + 1, offset + len(line) - len(line.lstrip()))
        if toc_mode:
            # The contents end at body text or when their first entry comes again.
            if c is not None and c.standalone and _heading_key(c.title) not in toc_keys:
                toc_keys.add(_heading_key(c.title))
                continue
            toc_mode = False
        if c is not None:
            if prev_item is not None and prev_item == (c.kind, c.number - 1):
                c.list_item = True  # follows a numbered item such as （一）…；
            cands.append(c)
            prev_cand, prev_item = c, None
            continue
        if cands:
            cands[-1].body_after = True
        item: tuple[str, int] | None = None
        if stripped[0] in _GBT_STARTS:
            m = _GBT_RE.match(stripped)
            if m is not None and m.lastgroup:
                if stripped[-1] in _ITEM_ENDS:
                    item = (m.lastgroup, parse_number(m.group(m.lastgroup)))
                if stripped[-1] == "。":
                    sentence_numbered[m.lastgroup] = sentence_numbered.get(m.lastgroup, 0) + 1
                if prev_cand is not None and (prev_cand.kind, prev_cand.number + 1) == item:
                    prev_cand.list_item = True  # its next sibling is an item (…；)
        elif stripped[0] == "第" and len(stripped) > 3:
            m = _ORDINAL_RE.match(stripped)
            if m is not None:
                stop = _PHRASE_END.search(stripped, m.end())
                phrase = stripped[: stop.start() if stop else len(stripped)]
                if len(phrase) > 40:
                    phrase = phrase[:40] + "…"
                lead = len(line) - len(line.lstrip())
                ordinals.append(
                    _Candidate(
                        "point",
                        parse_number(m.group("num")),
                        phrase,
                        i + 1,
                        offset + lead,
                        True,
                        False,
                    )
                )
        prev_cand, prev_item = None, item

    cands = _drop_provisions(cands, sentence_numbered)
    cands = _drop_contents_entries(cands)
    has_articles = sum(1 for c in cands if c.kind == "article") >= 2
    if not has_articles:
        cands = [c for c in cands if c.kind != "article"]
    cands = _drop_lists(cands, has_articles)
    cands = _accept_in_sequence(cands)
    if not any(c.kind != "article" for c in cands) and not has_articles:
        cands = _plain_headings(lines, start, meta_lines)

    headings = _assign_levels(cands)
    points = _points(text, lines, {h.line for h in headings if not h.run_in})
    points.extend(_ordinal_points(ordinals, headings))
    if points:
        headings = _place_points(headings, points)
    return Outline(title, title_line, metadata, headings)


def _assign_levels(cands: list[_Candidate]) -> list[Heading]:
    """Levels from the actual nesting: one below the nearest earlier outer heading.

    A kind nests inside the kinds before it in RANK; a kind a section skips (articles
    straight under a 章 with no 节) takes no level, so every child is exactly one level
    below its parent. Named sections (附则, 后记) sit at the top and hold only articles.
    """
    rank = {k: i for i, k in enumerate(RANK)}
    stack: list[tuple[int, int]] = []  # (rank, level) of the open headings
    out: list[Heading] = []
    for c in cands:
        if c.kind == "article":
            level = stack[-1][1] + 1 if stack else 2
        else:
            r = rank[c.kind]
            while stack and (stack[-1][0] >= r or stack[-1][0] == 0):
                stack.pop()  # siblings, deeper headings and named sections close
            if c.kind == "named":
                stack.clear()
            level = stack[-1][1] + 1 if stack else 2
            stack.append((r, level))
        out.append(
            Heading(
                level,
                c.title,
                c.line,
                c.offset,
                "article" if c.kind == "article" else "section",
                c.run_in,
            )
        )
    return out


def _ordinal_points(ordinals: list[_Candidate], headings: list[Heading]) -> list[_Candidate]:
    """Runs of paragraphs opening 第一， 第二， … in order, within one section, as points."""
    starts = [h.offset for h in headings if h.kind == "section"]
    out: list[_Candidate] = []
    run: list[_Candidate] = []

    def close() -> None:
        if len(run) >= 2:
            out.extend(run)
        run.clear()

    for c in ordinals:
        section = bisect.bisect_right(starts, c.offset)
        if (
            run
            and c.number == run[-1].number + 1
            and bisect.bisect_right(starts, run[-1].offset) == section
        ):
            run.append(c)
            continue
        close()
        if c.number == 1:
            run.append(c)
    close()
    return out


def _place_points(headings: list[Heading], points: list[_Candidate]) -> list[Heading]:
    """Merge point headings in, each one level below the heading it falls under."""
    merged: list[Heading] = []
    i = 0
    current = 1
    for p in sorted(points, key=lambda c: c.offset):
        while i < len(headings) and headings[i].offset <= p.offset:
            merged.append(headings[i])
            current = headings[i].level
            i += 1
        merged.append(Heading(current + 1, p.title, p.line, p.offset, "point", True))
    merged.extend(headings[i:])
    return merged
