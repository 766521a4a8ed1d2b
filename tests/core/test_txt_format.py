"""Opening plain text files through the loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import LoadError
from reader.core.loader import load_document

SAMPLE = (
    "提高机关党建经验交流\n"
    "时间:2022-11-21 01:19:00\n"
    "导语:提高机关党建经验交流一文来源于网友上传。\n"
    "市委召开了全市组工会议，对今年全市的组织工作作了总体部署。\n"
    "一、在服务大局、促进发展中提高\n"
    "周镇宏同志在组工会议上明确指出了党的组织工作必须紧扣经济建设这个中心。\n"
    "二、在固本强基、增强活力中提高\n"
    "党的基层组织建设，是我们党长期以来常抓不懈的工作。\n"
)


def test_gbk_crlf_file_opens_with_title_and_headings(tmp_path: Path) -> None:
    path = tmp_path / "sample.txt"
    path.write_bytes(SAMPLE.replace("\n", "\r\n").encode("gbk"))
    doc = load_document(path)
    assert doc.text == SAMPLE
    assert doc.encoding == "gb18030"
    assert doc.title == "提高机关党建经验交流"
    assert [h.title for h in doc.headings if h.kind == "section"] == [
        "一、在服务大局、促进发展中提高",
        "二、在固本强基、增强活力中提高",
    ]
    assert [m.key for m in doc.metadata] == ["时间", "导语"]


def test_forced_encoding_reopens_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes("中華民國憲法\n第 一 章 總綱\n".encode("big5"))
    assert load_document(path, encoding="big5").text == "中華民國憲法\n第 一 章 總綱\n"
    assert load_document(path, encoding="gb18030").encoding == "gb18030"


def test_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = load_document(path)
    assert doc.text == ""
    assert doc.headings == []


def test_binary_file_is_refused_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.kind == "binary"
    assert info.value.path == path
    assert "picture.txt" in str(info.value)
