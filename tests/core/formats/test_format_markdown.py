"""Markdown files open as readable text with their # headings as the outline."""

from __future__ import annotations

from pathlib import Path

from reader.core.document import Document
from reader.core.loader import load_document


def _check_positions(doc: Document) -> None:
    for h in doc.headings:
        assert doc.line_text(h.line) == h.title
        assert doc.line_start(h.line) == h.offset
        assert doc.text[h.offset : h.offset + len(h.title)] == h.title


def test_headings_levels_and_lone_title(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text(
        "# 乡村振兴报告\n\n引言**加粗**与*斜体*。\n\n## 一、总体要求\n\n正文。\n\n"
        "### （一）指导思想\n\n细则。\n\n二、主要任务\n---\n\n末段。\n",
        encoding="utf-8",
    )
    doc = load_document(md)
    assert doc.format == "markdown"
    assert doc.title == "乡村振兴报告"
    assert doc.title_line == 1
    assert [(h.level, h.title, h.kind) for h in doc.headings] == [
        (2, "一、总体要求", "section"),
        (3, "（一）指导思想", "section"),
        (2, "二、主要任务", "section"),
    ]
    _check_positions(doc)
    assert "引言加粗与斜体。" in doc.text.split("\n")


def test_front_matter_title_wins_and_is_not_text(tmp_path: Path) -> None:
    md = tmp_path / "b.md"
    md.write_text('---\ntitle: "前言里的标题"\ndate: 2024\n---\n\n## 第一节\n\n内容\n', "utf-8")
    doc = load_document(md)
    assert doc.title == "前言里的标题"
    assert "date" not in doc.text
    assert doc.text.splitlines()[0] == "第一节"
    assert [h.level for h in doc.headings] == [2]


def test_inline_markup_links_images_code_tables_lists(tmp_path: Path) -> None:
    md = tmp_path / "c.md"
    md.write_text(
        "见[国务院网站](http://www.gov.cn/a_(b)) 和 ![示意图](a.png)，`code *x*` 保留，"
        "snake_case 不变。\n\n"
        "- 列表一\n- [x] 任务二\n1. 有序一\n\n"
        "| 指标 | 数值 |\n|---|:---:|\n| 粮食 | 1.3 \\| 亿吨 |\n\n"
        "```\ndef f():\n    return 1\n```\n\n> 引用中文\n\n***\n",
        "utf-8",
    )
    lines = load_document(md).text.split("\n")
    assert lines == [
        "见国务院网站 和 示意图，code *x* 保留，snake_case 不变。",
        "列表一",
        "任务二",
        "1. 有序一",
        "指标\t数值",
        "粮食\t1.3 | 亿吨",
        "def f():",
        "    return 1",
        "引用中文",
    ]


def test_chinese_lines_stay_paragraphs_and_english_soft_wraps_join(tmp_path: Path) -> None:
    md = tmp_path / "d.md"
    md.write_text("第一段中文。\n第二段中文\nA soft\nwrapped line.\n", "utf-8")
    assert load_document(md).text == "第一段中文。\n第二段中文\nA soft wrapped line."


def test_plain_chinese_markdown_gets_detected_outline(tmp_path: Path) -> None:
    md = tmp_path / "plain.md"
    text = (
        "关于加强基层治理的意见\n\n一、总体要求\n\n全面贯彻党的精神，推进各项工作。\n\n"
        "（一）指导思想\n\n坚持以人民为中心。\n\n二、主要任务\n\n加强组织建设，完善制度。\n"
    )
    md.write_bytes(text.encode("gb18030"))
    doc = load_document(md)
    assert doc.encoding.replace("-", "").lower() in ("gb18030", "gbk", "gb2312")
    assert doc.title == "关于加强基层治理的意见"
    assert [(h.level, h.title) for h in doc.headings] == [
        (2, "一、总体要求"),
        (3, "（一）指导思想"),
        (2, "二、主要任务"),
    ]
    _check_positions(doc)
    assert doc.section_path(doc.text.index("坚持")) == ["一、总体要求", "（一）指导思想"]
