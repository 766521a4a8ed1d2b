"""EPUB books open chapter by chapter in spine order, with chapter headings as the outline."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from formats_fixtures import xhtml

from reader.core.document import Document
from reader.core.errors import LoadError
from reader.core.loader import load_document

MakeEpub = Callable[..., Path]

CHAPTERS = [
    (
        "c1.xhtml",
        xhtml("<h1>第一回 宴桃园</h1><p>话说天下大势，\n  分久必合。</p><h2>一节</h2><p>节文</p>"),
    ),
    (
        "c2.xhtml",
        xhtml("<p class='t'>第二回 张翼德</p><p>第二回正文。</p><p id='s2'>小段</p><p>后文</p>"),
    ),
    ("c3.xhtml", xhtml("<p>无标题的一章正文。</p>")),
    ("cover.xhtml", xhtml("<img src='cover.png' alt='封面'/>")),
]


def _check_positions(doc: Document) -> None:
    for h in doc.headings:
        assert doc.line_text(h.line) == h.title
        assert doc.line_start(h.line) == h.offset


def test_spine_order_headings_and_nav_titles(make_epub: MakeEpub) -> None:
    nav = [
        ("text/c1.xhtml", "第一回 宴桃园", 1),
        ("text/c2.xhtml", "第二回  张翼德", 1),
        ("text/c2.xhtml#s2", "小节", 2),
        ("text/c3.xhtml", "第三回 新章", 1),
    ]
    doc = load_document(make_epub(CHAPTERS, title="三国演义", nav=nav))
    assert doc.format == "epub" and doc.encoding == "utf-8"
    assert doc.title == "三国演义"
    assert doc.text.split("\n") == [
        "第一回 宴桃园",
        "话说天下大势，分久必合。",
        "一节",
        "节文",
        "第二回 张翼德",  # the chapter's own title line is the heading
        "第二回正文。",
        "小节",  # nav entry with a fragment: title inserted where it points
        "小段",
        "后文",
        "第三回 新章",  # heading-less chapter: nav title inserted at its start
        "无标题的一章正文。",
    ]
    assert [(h.level, h.title) for h in doc.headings] == [
        (2, "第一回 宴桃园"),
        (3, "一节"),
        (2, "第二回 张翼德"),
        (3, "小节"),
        (2, "第三回 新章"),
    ]
    _check_positions(doc)


def test_epub2_ncx_titles(make_epub: MakeEpub) -> None:
    ncx = [("text/c2.xhtml", "第二回 张翼德"), ("text/c3.xhtml", "第三回")]
    doc = load_document(make_epub(CHAPTERS[1:3], ncx=ncx))
    assert [(h.level, h.title) for h in doc.headings] == [(2, "第二回 张翼德"), (2, "第三回")]
    _check_positions(doc)


def test_no_toc_and_no_headings_falls_back_to_detection(make_epub: MakeEpub) -> None:
    chapters = [
        ("a.xhtml", xhtml("<p>第一章 起源</p><p>很久以前。</p>")),
        ("b.xhtml", xhtml("<p>第二章 发展</p><p>后来。</p>")),
    ]
    doc = load_document(make_epub(chapters))
    assert [h.title for h in doc.headings] == ["第一章 起源", "第二章 发展"]


def test_drm_encrypted_book_is_unsupported(make_epub: MakeEpub) -> None:
    enc = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/text/c1.xhtml"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )
    path = make_epub(CHAPTERS[:1], extra={"META-INF/encryption.xml": enc})
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.kind == "unsupported"
    assert "DRM" in info.value.detail


def test_obfuscated_fonts_are_not_drm(make_epub: MakeEpub) -> None:
    enc = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/fonts/kai.ttf"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )
    doc = load_document(make_epub(CHAPTERS[:1], extra={"META-INF/encryption.xml": enc}))
    assert doc.text.startswith("第一回 宴桃园\n话说")


def test_broken_zip_is_corrupt(tmp_path: Path, make_epub: MakeEpub) -> None:
    good = make_epub(CHAPTERS).read_bytes()
    cut = tmp_path / "cut.epub"
    cut.write_bytes(good[: len(good) // 2])
    with pytest.raises(LoadError) as info:
        load_document(cut)
    assert info.value.kind == "corrupt"
    assert "not really a .epub" in info.value.detail


def test_missing_container_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "bare.epub"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip")
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.kind == "corrupt"
    assert "META-INF/container.xml" in info.value.detail


def test_malformed_package_names_the_part(make_epub: MakeEpub) -> None:
    with pytest.raises(LoadError) as info:
        load_document(make_epub(CHAPTERS, opf="<package><manifest>"))
    assert info.value.kind == "corrupt"
    assert "OEBPS/content.opf" in info.value.detail
