"""Word .docx files open with their heading styles as the outline."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from formats_fixtures import W_NS, w_para

from reader.core.errors import LoadError
from reader.core.formats import _markup
from reader.core.loader import load_document

MakeDocx = Callable[..., Path]


def test_styles_give_title_levels_lines_and_offsets(make_docx: MakeDocx) -> None:
    body = (
        w_para("政府工作报告", "Title")
        + w_para("各位代表：\n现在报告工作。")
        + w_para("一、总体要求", "1")
        + w_para("发展\t目标。")
        + w_para("（一）指导思想", "2")
        + w_para("小节标题", "a5")  # style named 标题 3 (WPS)
        + w_para("目录项\t3", "TOC1")  # a Word TOC line: dropped
        + w_para("二、自定义章", "MyChapter")  # outline level from a custom style
        + "<w:tbl><w:tr><w:tc>"
        + w_para("指标")
        + "</w:tc><w:tc>"
        + w_para("粮食")
        + w_para("产量")
        + "</w:tc></w:tr></w:tbl>"
    )
    doc = load_document(make_docx(body, core_title="旧模板标题"))
    assert doc.format == "docx" and doc.encoding == "utf-8"
    assert doc.title == "政府工作报告"
    assert doc.title_line == 1
    assert doc.text.split("\n") == [
        "政府工作报告",
        "各位代表：",
        "现在报告工作。",
        "一、总体要求",
        "发展\t目标。",
        "（一）指导思想",
        "小节标题",
        "二、自定义章",
        "指标\t粮食 产量",
    ]
    assert [(h.level, h.title, h.line) for h in doc.headings] == [
        (2, "一、总体要求", 4),
        (3, "（一）指导思想", 6),
        (4, "小节标题", 7),
        (2, "二、自定义章", 8),
    ]
    for h in doc.headings:
        assert doc.line_start(h.line) == h.offset


def test_core_title_when_no_title_paragraph(make_docx: MakeDocx) -> None:
    body = w_para("第一章", "1") + w_para("正文") + w_para("第二章", "1")
    doc = load_document(make_docx(body, core_title="核心标题"))
    assert doc.title == "核心标题"
    assert [h.title for h in doc.headings] == ["第一章", "第二章"]


def test_lone_leading_heading_1_is_the_title(make_docx: MakeDocx) -> None:
    body = (
        w_para("实施方案", "1") + w_para("一、目标", "2") + w_para("正文") + w_para("二、措施", "2")
    )
    doc = load_document(make_docx(body, core_title="核心标题"))
    assert (doc.title, doc.title_line) == ("实施方案", 1)
    assert [(h.level, h.title) for h in doc.headings] == [(2, "一、目标"), (2, "二、措施")]


def test_automatic_chinese_list_numbers_are_shown(make_docx: MakeDocx) -> None:
    numbering = (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )

    def item(text: str, level: int, style: str) -> str:
        return w_para(
            text, style, f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="5"/></w:numPr>'
        )

    body = (
        item("总体要求", 0, "1")
        + item("指导思想", 1, "2")
        + item("基本原则", 1, "2")
        + item("主要任务", 0, "1")
        + item("产业兴旺", 1, "2")
    )
    doc = load_document(make_docx(body, numbering=numbering))
    assert [h.title for h in doc.headings] == [
        "一、总体要求",
        "（一）指导思想",
        "（二）基本原则",
        "二、主要任务",
        "（一）产业兴旺",
    ]


def test_docx_without_heading_styles_gets_detected_outline(make_docx: MakeDocx) -> None:
    body = "".join(
        w_para(t)
        for t in [
            "关于加强基层治理的意见",
            "一、总体要求",
            "全面贯彻精神。",
            "二、主要任务",
            "加强建设。",
        ]
    )
    doc = load_document(make_docx(body, styles=None))
    assert doc.title == "关于加强基层治理的意见"
    assert [(h.level, h.title) for h in doc.headings] == [(2, "一、总体要求"), (2, "二、主要任务")]


def test_not_a_zip_is_corrupt(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("这不是Word文件", "utf-8")
    with pytest.raises(LoadError) as info:
        load_document(fake)
    assert info.value.kind == "corrupt"
    assert "not really a .docx" in info.value.detail


def test_missing_document_part_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/styles.xml", "<x/>")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.kind == "corrupt"
    assert "word/document.xml" in info.value.detail


def test_malformed_xml_names_the_part(make_docx: MakeDocx) -> None:
    with pytest.raises(LoadError) as info:
        load_document(make_docx("<w:p><w:r><w:t>断开"))
    assert info.value.kind == "corrupt"
    assert "word/document.xml" in info.value.detail and "malformed" in info.value.detail


def test_entity_declarations_are_refused(tmp_path: Path, make_docx: MakeDocx) -> None:
    path = make_docx(w_para("x"))
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("word/document2.xml", bomb)
    # point the package at the hostile part
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="r" Type="http://x/officeDocument" '
        'Target="word/document2.xml"/></Relationships>'
    )
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(hostile, "w") as dst:
        for info in src.infolist():
            if info.filename != "_rels/.rels":
                dst.writestr(info, src.read(info))
        dst.writestr("_rels/.rels", rels)
    with pytest.raises(LoadError) as err:
        load_document(hostile)
    assert err.value.kind == "corrupt"
    assert "entities" in err.value.detail


def test_zip_bomb_is_refused_before_unpacking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the real cap is 200 MB; a 1 MB cap keeps the test fast with the same code path
    monkeypatch.setattr(_markup, "MAX_UNZIPPED_BYTES", 1024 * 1024)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (2 * 1024 * 1024))
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.kind == "too_large"
