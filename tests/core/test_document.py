"""The section tree: nesting, lookups, blocks for long text, articles on demand."""

from __future__ import annotations

from itertools import pairwise

from reader.core.document import (
    ARTICLES_IN_TREE_MAX,
    HUGE_SECTION_CHARS,
    Document,
    Heading,
)
from reader.core.outline import detect_outline


def _doc(text: str) -> Document:
    outline = detect_outline(text)
    return Document(text=text, headings=outline.headings, title=outline.title)


SAMPLE = "\n".join(
    [
        "提高机关党建经验交流",
        "一、在服务大局中提高",
        "正文第一段。",
        "二、在固本强基中提高",
        "要抓好以下工作：一是切实加强机关党组织的建设，二是要扎实做好党建工作。",
        "三、在改进作风中提高",
        "正文第三段。",
    ]
)


def test_tree_nests_sections_and_points() -> None:
    doc = _doc(SAMPLE)
    top = doc.root.children
    assert [n.title for n in top] == [
        "一、在服务大局中提高",
        "二、在固本强基中提高",
        "三、在改进作风中提高",
    ]
    assert [n.kind for n in top[1].children] == ["point", "point"]
    assert top[1].end == top[2].start


def test_section_at_and_path_follow_the_reader() -> None:
    doc = _doc(SAMPLE)
    where = SAMPLE.index("扎实做好")
    assert doc.section_path(where) == ["二、在固本强基中提高", "二是要扎实做好党建工作"]
    assert doc.section_path(SAMPLE.index("正文第三段")) == ["三、在改进作风中提高"]
    assert doc.section_path(0) == []


def test_text_without_headings_gets_blocks() -> None:
    para = "这是一段没有标题的长文本，用来测试阅读器能否把它分成若干块以便导航。\n"
    text = para * (HUGE_SECTION_CHARS * 3 // len(para))
    doc = _doc(text)
    blocks = doc.root.children
    assert len(blocks) >= 3
    assert all(b.kind == "block" for b in blocks)
    assert blocks[0].start == 0 and blocks[-1].end == len(text)
    assert all(a.end == b.start for a, b in pairwise(blocks))
    assert all(text[b.start - 1] == "\n" for b in blocks[1:])  # cut at line ends
    assert blocks[0].title.startswith("这是一段没有标题")
    middle = len(text) // 2
    assert doc.section_at(middle).kind == "block"


def test_huge_chapter_is_split_but_short_ones_are_not() -> None:
    body = "他走了很久很久，终于来到了山脚下。\n" * (HUGE_SECTION_CHARS // 10)
    text = "某小说\n第一章 开端\n" + body + "第二章 短章\n只有一句话。\n"
    doc = _doc(text)
    first, second = doc.root.children
    assert first.title == "第一章 开端"
    assert first.children and all(c.kind == "block" for c in first.children)
    assert first.children[0].start == text.index("他走了")  # after the heading line
    assert second.children == []


def test_articles_are_hidden_in_the_tree_of_long_laws() -> None:
    arts = [f"第{i}条 内容。" for i in range(1, ARTICLES_IN_TREE_MAX + 5)]
    text = "\n".join(["某法", "第一章 总则", *arts])
    doc = _doc(text)
    assert not doc.articles_in_tree
    assert [n.kind for n in doc.root.walk()] == ["document", "section"]
    assert any(h.kind == "article" for h in doc.headings)  # still in the outline
    with_articles = doc.tree(articles=True)
    assert len(with_articles.children[0].children) == len(arts)
    doc.set_show_articles(True)
    assert len(doc.root.children[0].children) == len(arts)


def test_short_law_shows_its_articles() -> None:
    doc = _doc("某法\n第一章 总则\n第一条 内容。\n第二条 内容。\n")
    assert [n.title for n in doc.root.children[0].children] == ["第一条", "第二条"]


def test_headings_given_out_of_order_still_nest() -> None:
    text = "甲\n乙\n丙\n"
    doc = Document(
        text=text,
        headings=[Heading(3, "乙", 2, 2), Heading(2, "甲", 1, 0)],
    )
    (top,) = doc.root.children
    assert top.title == "甲" and top.children[0].title == "乙"
