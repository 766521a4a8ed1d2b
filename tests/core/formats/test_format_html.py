"""HTML pages open as their visible text, with h1–h6 as the outline."""

from __future__ import annotations

from pathlib import Path

from reader.core.document import Document
from reader.core.loader import load_document

PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312">
<title>关于印发方案的通知_政府网站</title><style>p {{ color: red }}</style>
<script>document.write("<p>脚本文字</p>")</script></head>
<body>
<h1>关于印发
   方案的通知</h1>
<p>各省、自治区、直辖市人民政府，
   国务院各部委：English
   words &amp; more.</p>
<h2>一、总体要求</h2><p>正文第一行<br>正文第二行</p>
<table><tr><th>项目</th><th>金额</th></tr><tr><td>合计</td><td>30</td></tr></table>
<h3>（一）指导思想</h3><pre>保留  缩进
    的代码</pre>
<h2><span>二、</span><br/>主要任务</h2><p>末段。</p>
</body></html>"""


def _check_positions(doc: Document) -> None:
    for h in doc.headings:
        assert doc.line_text(h.line) == h.title
        assert doc.line_start(h.line) == h.offset


def test_page_text_headings_and_charset(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(PAGE.format().encode("gb18030"))
    doc = load_document(page)
    assert doc.format == "html"
    assert doc.encoding == "gb18030"
    assert doc.title == "关于印发方案的通知"  # the lone h1 beats the <title> with site name
    assert doc.title_line == 1
    assert doc.text.split("\n") == [
        "关于印发方案的通知",
        "各省、自治区、直辖市人民政府，国务院各部委：English words & more.",
        "一、总体要求",
        "正文第一行",
        "正文第二行",
        "项目\t金额",
        "合计\t30",
        "（一）指导思想",
        "保留  缩进",
        "    的代码",
        "二、主要任务",
        "末段。",
    ]
    assert [(h.level, h.title) for h in doc.headings] == [
        (2, "一、总体要求"),
        (3, "（一）指导思想"),
        (2, "二、主要任务"),
    ]
    _check_positions(doc)


def test_title_tag_used_when_headings_are_many(tmp_path: Path) -> None:
    page = tmp_path / "t.htm"
    page.write_text(
        "<html><head><title>文集</title></head><body><h1>甲篇</h1><p>一</p>"
        "<h1>乙篇</h1><p>二</p></body></html>",
        "utf-8",
    )
    doc = load_document(page)
    assert doc.title == "文集"
    assert [(h.level, h.title) for h in doc.headings] == [(2, "甲篇"), (2, "乙篇")]


def test_layout_table_keeps_paragraphs(tmp_path: Path) -> None:
    page = tmp_path / "old.html"
    page.write_text(
        "<table><tr><td>导航</td><td><p>第一段。</p><p>第二段。</p></td></tr></table>", "utf-8"
    )
    assert load_document(page).text.split("\n") == ["导航", "第一段。", "第二段。"]


def test_paragraph_only_page_gets_detected_outline(tmp_path: Path) -> None:
    page = tmp_path / "plain.xhtml"
    page.write_text(
        "<html><body><p>关于加强基层治理的意见</p><p>一、总体要求</p><p>全面贯彻精神，推进工作。</p>"
        "<p>二、主要任务</p><p>加强组织建设。</p></body></html>",
        "utf-8",
    )
    doc = load_document(page)
    assert doc.title == "关于加强基层治理的意见"
    assert [h.title for h in doc.headings] == ["一、总体要求", "二、主要任务"]
    assert all(h.level == 2 for h in doc.headings)
    _check_positions(doc)


def test_wrong_declared_charset_falls_back_to_detection(tmp_path: Path) -> None:
    page = tmp_path / "lie.html"
    page.write_bytes('<meta charset="utf-8"><p>中华人民共和国宪法</p>'.encode("gb18030"))
    assert load_document(page).text == "中华人民共和国宪法"
