"""Turn file bytes into text: BOMs, strict UTF-8, then GB18030 vs Big5 by plausibility.

No third-party detector: Chinese text gives strong signals. A wrong double-byte
guess produces kana, bopomofo, box drawing, private-use or rare characters
instead of the few hundred hanzi and the punctuation that make up most of any
real text, so each candidate decoding is scored on a sample and the most
plausible one wins.
"""

from __future__ import annotations

import codecs
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import LoadError

log = logging.getLogger(__name__)

#: Encodings offered by File ▸ Reopen with encoding: (codec name, display name).
SUPPORTED_ENCODINGS: list[tuple[str, str]] = [
    ("utf-8", "Unicode (UTF-8)"),
    ("utf-16-le", "Unicode (UTF-16 LE)"),
    ("utf-16-be", "Unicode (UTF-16 BE)"),
    ("gb18030", "Simplified Chinese (GB18030 / GBK / GB2312)"),
    ("big5", "Traditional Chinese (Big5)"),
    ("cp950", "Traditional Chinese (CP950, Windows Big5)"),
]

#: Bytes sampled for detection (both ends of a long file are looked at).
SAMPLE_BYTES = 48 * 1024

#: A plausibility at which GB18030 is taken without trying Big5 (real text scores
#: 0.5-0.9; Big5 bytes read as GB18030 score below 0, see _plausibility).
CONFIDENT = 0.5

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with FF FE too
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

#: Signatures of common binary formats a user might open by mistake.
_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office/EPUB file)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x7fELF", "a program (ELF)"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"MZ\x90\x00", "a Windows program"),
    (b"BM", ""),  # checked below with a NUL test: "BM" also starts plain words
    (b"OggS", "an audio file"),
    (b"ID3", ""),
    (b"fLaC", "an audio file"),
    (b"RIFF", ""),
]

# The most frequent hanzi of modern and classical texts, simplified and traditional.
_COMMON_HANZI = (
    "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会"
    "那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进"
    "种将还分此心前面又定见只主没公从知己使工样长理员位问因体已现很但高实才等正外想开间民"
    "政府权利义务条章节总统选举宪部机关党建设社会制度规定本应当或者并及其他有关等依照按各"
    "级县市省区乡村农业发展经济管理组织工作领导干部群众加强提高推进全面实施完善重要问题基"
    "础服务保障安全环境产品企业市场资金教育文化科技人才合同当事人法院判决刑罚犯罪处年以下"
    "徒刑拘役罚金没收财产情节严重特别由于通过决定条例第编回卷曰云乃遂却玄德曹操孔明吕布关"
    "张飞刘备兵马将军城下令左右今日吾汝尔何曰矣焉哉乎也者兮诗言闻听见问答行者大圣师父八戒"
    "沙僧唐王菩萨老孙妖怪山洞天宫玉帝龙海水火风云雨雪花草木石金银铜铁东西南北春夏秋冬早晚"
    "这里那边什么怎样为什么因为所以如果虽然但是而且或者已经正在将要可以应该必须能够需要希望"
    "觉得知道认为看到听到想到说话走路吃饭睡觉工作学习生活朋友家庭父母孩子老师学生同志先生"
    "這為來個們說國時會後對著裡過發從樣長員問體現實開間權務條節總統選舉憲規應當機關黨設會"
    "級縣鄉農業發經濟組織領導幹羣眾衆強進實施礎服務環產資金教育科技當事決罰處嚴僅決議軍將"
    "聽見問答聖師寶龍門東風雲花鐵銀銅學習親愛歡樂時間頭臉聲語議論選擇顯難題變與並於無麼當"
)
_PUNCT = "，。、；：？！“”‘’《》（）「」『』【】—…·．　"
_COMMON = frozenset(_COMMON_HANZI + _PUNCT)


@dataclass(frozen=True)
class Decoded:
    """Decoded text (newlines normalised to LF), the codec used and whether a BOM was found."""

    text: str
    encoding: str
    bom: bool = False


def _normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _where(path: Path | str | None) -> Path | str:
    return path if path is not None else "<data>"


def _binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks like a binary file, or None when it may be text."""
    head = data[:SAMPLE_BYTES]
    for magic, what in _MAGIC:
        if head.startswith(magic) and (what or b"\x00" in head[:512]):
            return f"looks like {what or 'a binary file'}, not text"
    if b"\x00" in head or b"\x00" in data[-SAMPLE_BYTES:]:
        return "contains NUL bytes, so it is a binary file, not text"
    # Control characters other than tab, newline, form feed, carriage return and ESC.
    controls = sum(head.count(bytes([c])) for c in range(0x20) if c not in (9, 10, 12, 13, 27))
    if controls > max(8, len(head) // 100):
        return "contains many control characters, so it is a binary file, not text"
    return None


def _plausibility(text: str) -> float:
    """How much ``text`` looks like real Chinese: share of common characters, minus oddities."""
    total = 0
    good = 0
    bad = 0.0
    for ch, n in Counter(text).items():  # counting in C first keeps this fast
        o = ord(ch)
        if o < 0x80:
            continue
        total += n
        if ch in _COMMON:
            good += n
        elif o == 0xFFFD:
            bad += 8 * n
        elif 0xE000 <= o <= 0xF8FF:  # private use: user-defined GBK/Big5 areas
            bad += 2 * n
        elif 0x3040 <= o <= 0x30FF or 0x3100 <= o <= 0x312F or 0x2500 <= o <= 0x257F:
            bad += n  # kana, bopomofo, box drawing: what a wrong double-byte guess gives
        elif 0x0370 <= o <= 0x04FF or 0xFE30 <= o <= 0xFE4F or 0x2460 <= o <= 0x24FF:
            bad += n  # Greek/Cyrillic, vertical forms, circled numbers
        elif 0x3400 <= o <= 0x4DBF or o >= 0x20000:
            bad += n  # CJK extension A/B: rare in real text, common in wrong guesses
    if total == 0:
        return 0.0
    return (good - bad) / total


def _sample(data: bytes) -> bytes:
    if len(data) <= 2 * SAMPLE_BYTES:
        return data
    return data[:SAMPLE_BYTES] + b"\n" + data[len(data) // 2 : len(data) // 2 + SAMPLE_BYTES]


def _decode_strict_or_close(data: bytes, codec: str) -> str | None:
    """Decode strictly; tolerate a handful of bad bytes (a truncated file), else None."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(2, len(text) // 20000):
            log.warning("decoded as %s with %d replaced bytes", codec, bad)
            return text
        return None


def _guess_double_byte(data: bytes) -> tuple[str, float]:
    """Pick GB18030 or Big5 for non-UTF-8 bytes by the plausibility of a sample."""
    sample = _sample(data)
    best = ("gb18030", float("-inf"))
    for codec in ("gb18030", "cp950"):
        text = sample.decode(codec, errors="replace")
        # A sample may end inside a character: drop what its last bytes became.
        score = _plausibility(text[:-2] if len(sample) < len(data) else text)
        log.debug("encoding %s scores %.3f", codec, score)
        if score > best[1]:
            best = (codec, score)
        if codec == "gb18030" and score >= CONFIDENT:
            break  # clearly Chinese as GB18030: a Big5 reading cannot beat it
    return best


def decode(data: bytes, encoding: str | None = None, *, path: Path | str | None = None) -> Decoded:
    """Decode file bytes to text with LF line ends; ``encoding`` forces a codec.

    Raises LoadError("binary") for binary files, LoadError("undecodable") when no
    supported encoding fits, LoadError("unsupported") for an unknown forced codec.
    """
    if not data:
        return Decoded("", encoding or "utf-8", False)
    bom_codec = next((c for bom, c in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        return _decode_forced(data, encoding, bom_codec, path)
    if bom_codec is not None:
        bom_len = 3 if bom_codec == "utf-8" else (4 if "32" in bom_codec else 2)
        try:
            text = data[bom_len:].decode(bom_codec)
        except UnicodeDecodeError as exc:
            raise LoadError(
                "undecodable",
                _where(path),
                f"starts with a {bom_codec.upper()} byte-order mark but is not valid "
                f"{bom_codec.upper()} ({exc.reason} at byte {exc.start + bom_len}); "
                "try File > Reopen with Encoding",
            ) from exc
        return Decoded(_normalise_newlines(text), bom_codec, True)
    reason = _binary_reason(data)
    if reason is not None:
        raise LoadError("binary", _where(path), reason)
    try:
        return Decoded(_normalise_newlines(data.decode("utf-8")), "utf-8", False)
    except UnicodeDecodeError:
        pass
    codec, score = _guess_double_byte(data)
    order = [codec] + [c for c in ("gb18030", "cp950") if c != codec]
    for i, candidate in enumerate(order):
        if i > 0 and score > 0.3:
            break  # the winner was plausible: never fall back to an implausible codec
        decoded = _decode_strict_or_close(data, candidate)
        if decoded is None:
            continue
        text, name = decoded, candidate
        if candidate == "cp950":
            # Call it Big5 unless it uses one of the few codes where Windows differs.
            try:
                if data.decode("big5") == text:
                    name = "big5"
            except UnicodeDecodeError:
                pass
        return Decoded(_normalise_newlines(text), name, False)
    raise LoadError(
        "undecodable",
        _where(path),
        "is not valid UTF-8, GB18030 or Big5 text; if you know its encoding, "
        "try File > Reopen with Encoding",
    )


def _decode_forced(
    data: bytes, encoding: str, bom_codec: str | None, path: Path | str | None
) -> Decoded:
    """Decode with the codec the user chose; bad bytes become U+FFFD rather than an error."""
    try:
        info = codecs.lookup(encoding)
    except LookupError as exc:
        raise LoadError("unsupported", _where(path), f"unknown encoding {encoding!r}") from exc
    name = info.name
    bom = False
    if bom_codec is not None and codecs.lookup(bom_codec).name == name.replace("-sig", ""):
        bom = True
        data = data[3 if bom_codec == "utf-8" else (4 if "32" in bom_codec else 2) :]
    elif name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        bom, data = True, data[3:]
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        text = data.decode(name, errors="replace")
        log.warning("forced encoding %s: %d bytes replaced", name, text.count("\ufffd"))
    if text.startswith("\ufeff"):
        text, bom = text[1:], True
    return Decoded(_normalise_newlines(text), name, bom)
