"""Encoding detection: every encoding Chinese users meet, binary and broken files."""

from __future__ import annotations

import codecs

import pytest

from reader.core.encoding import SUPPORTED_ENCODINGS, decode
from reader.core.errors import LoadError

SIMPLIFIED = (
    "关于实施乡村振兴战略的意见\n"
    "一、新时代实施乡村振兴战略的重大意义\n"
    "党的十八大以来，在以习近平同志为核心的党中央坚强领导下，我们坚持把解决好“三农”问题"
    "作为全党工作重中之重，农业供给侧结构性改革取得新进展。\n"
)
TRADITIONAL = (
    "中華民國憲法\n第 一 章 總綱\n第 1 條\n中華民國基於三民主義，為民有民治民享之民主共和國。\n"
    "第 2 條\n中華民國之主權屬於國民全體。\n"
)


@pytest.mark.parametrize(
    ("data", "text", "encoding", "bom"),
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8", False),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8", True),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le", True),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be", True),
        (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030", False),
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030", False),
        (SIMPLIFIED.encode("gb2312"), SIMPLIFIED, "gb18030", False),
        (TRADITIONAL.encode("gb18030"), TRADITIONAL, "gb18030", False),
    ],
)
def test_detects_encodings(data: bytes, text: str, encoding: str, bom: bool) -> None:
    result = decode(data)
    assert result.encoding == encoding
    assert result.bom is bom
    assert result.text == text


@pytest.mark.parametrize("codec", ["big5", "cp950"])
def test_detects_big5(codec: str) -> None:
    result = decode(TRADITIONAL.encode(codec))
    assert result.encoding in ("big5", "cp950")
    assert result.text == TRADITIONAL


def test_cp950_only_characters_keep_their_windows_meaning() -> None:
    text = "喬治‧華盛頓是美國的第一任總統，這是一個測試。"
    result = decode(text.encode("cp950"))
    assert result.text == text
    assert result.encoding == "cp950"


@pytest.mark.parametrize(
    "short", ["你好，世界", "我們", "中華民國憲法", "第一章 总则", "這是一個測試。"]
)
def test_short_texts_are_not_confused(short: str) -> None:
    for codec in ("gb18030", "big5"):
        try:
            data = short.encode(codec)
        except UnicodeEncodeError:
            continue
        assert decode(data).text == short


def test_line_ends_are_normalised() -> None:
    data = "第一行\r\n第二行\r第三行\n".encode("gbk")
    assert decode(data).text == "第一行\n第二行\n第三行\n"


def test_empty_file_is_empty_text() -> None:
    result = decode(b"")
    assert result.text == ""


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"\x7fELF\x02\x01\x01\x00",
        b"abc\x00def\x00" * 10,
        bytes(range(1, 9)) * 50,
    ],
)
def test_binary_files_are_refused(data: bytes) -> None:
    with pytest.raises(LoadError) as info:
        decode(data, path="x.txt")
    assert info.value.kind == "binary"
    assert "binary" in info.value.detail or "looks like" in info.value.detail


def test_undecodable_bytes_suggest_reopen_with_encoding() -> None:
    data = bytes([0x80, 0xFF, 0x41] * 400)
    with pytest.raises(LoadError) as info:
        decode(data, path="x.txt")
    assert info.value.kind == "undecodable"
    assert "Reopen with Encoding" in info.value.detail


def test_a_truncated_last_character_is_tolerated() -> None:
    data = (SIMPLIFIED * 20).encode("gb18030") + "中".encode("gb18030")[:1]
    result = decode(data)
    assert result.encoding == "gb18030"
    assert result.text.startswith(SIMPLIFIED)


def test_forced_encoding_wins_over_detection() -> None:
    data = TRADITIONAL.encode("big5")
    forced = decode(data, "gb18030")
    assert forced.encoding == "gb18030"
    assert forced.text != TRADITIONAL
    assert decode(data, "big5").text == TRADITIONAL


def test_forced_utf8_drops_the_bom() -> None:
    result = decode(codecs.BOM_UTF8 + "中文".encode(), "utf-8")
    assert result.text == "中文"
    assert result.bom


def test_forced_unknown_encoding_is_a_clear_error() -> None:
    with pytest.raises(LoadError) as info:
        decode(b"abc", "no-such-codec")
    assert info.value.kind == "unsupported"


def test_supported_encodings_all_decode() -> None:
    for codec, label in SUPPORTED_ENCODINGS:
        assert label
        assert decode("abc".encode(codec), codec).text == "abc"
