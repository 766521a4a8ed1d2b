"""Word .docx: paragraphs, tables and list numbers as text; heading styles as the outline."""

from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from reader.core.document import Document
from reader.core.formats._markup import (
    TextBuilder,
    ZipPackage,
    attr,
    build_document,
    damaged,
    join_words,
    local,
    parse_xml,
)

log = logging.getLogger(__name__)

FMT = "docx"
_HEADING_NAME = re.compile(r"^(?:heading|标题|標題)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题", "標題"})
_TOC_NAME = re.compile(r"^(?:toc\s*\d|toc heading|目录\s*\d)", re.IGNORECASE)
#: Containers whose content never shows as body text (deleted revisions, fallbacks, boxes).
_SKIP = frozenset(
    {"pPr", "rPr", "del", "moveFrom", "Fallback", "txbxContent", "instrText", "delText"}
)


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None  # w:outlineLvl, 0-based; 9 = body text
    num_id: str | None = None
    num_level: int | None = None


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"


@dataclass
class _Numbering:
    """numbering.xml: list formats by numId, with the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    abstract_of: dict[str, str] = field(default_factory=dict)
    starts: dict[tuple[str, int], int] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        """The list marker for the next paragraph at (num_id, ilvl), counters advanced."""
        abstract = self.abstract_of.get(num_id)
        levels = self.levels.get(abstract or "")
        if not levels or ilvl not in levels:
            return ""
        key = abstract or num_id
        counts = self.counters.setdefault(key, [0] * 9)
        for lvl in range(9):
            if lvl > ilvl:
                counts[lvl] = 0
        if counts[ilvl] == 0:
            first = self.starts.get((num_id, ilvl), levels[ilvl].start)
            counts[ilvl] = first
        else:
            counts[ilvl] += 1
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""

        def number(m: re.Match[str]) -> str:
            n = int(m.group(1)) - 1
            lv = levels.get(n)
            value = counts[n] if counts[n] else (lv.start if lv else 1)
            return format_number(value, lv.fmt if lv else "decimal")

        marker = re.sub(r"%([1-9])", number, level.text)
        if not marker or level.suffix == "nothing":
            return marker
        last = marker[-1]
        return marker if "\u3000" <= last <= "\uffef" else marker + " "


_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    s = str(n)
    zero = False
    for i, ch in enumerate(s):
        d = int(ch)
        pos = len(s) - i - 1
        if d == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        if not (d == 1 and pos == 1 and i == 0 and digits is _CN_DIGITS):
            parts.append(digits[d])
        if pos:
            parts.append(units[pos - 1])
    return "".join(parts)


def _roman(n: int) -> str:
    out = ""
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in a Word number format (decimal, chineseCounting, …)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting"):
        return _chinese(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return _chinese(n, _CN_LEGAL, "拾佰仟")
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return _DIZHI[n - 1]
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(c)] for c in str(n))
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(c)) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _child(el: ET.Element, name: str) -> ET.Element | None:
    for c in el:
        if local(c.tag) == name:
            return c
    return None


def _val(el: ET.Element | None, name: str) -> str | None:
    if el is None:
        return None
    c = _child(el, name)
    return attr(c, "val") if c is not None else None


def _num_pr(ppr: ET.Element | None) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    numpr = _child(ppr, "numPr")
    if numpr is None:
        return None, None
    ilvl = _val(numpr, "ilvl")
    return _val(numpr, "numId"), int(ilvl) if ilvl and ilvl.isdigit() else None


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and value.lstrip("-").isdigit() else None


class _Docx:
    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        self.zip = ZipPackage(path, data, FMT)
        self.styles: dict[str, _Style] = {}
        self.default_style: str | None = None
        self.numbering = _Numbering()
        self.out = TextBuilder()
        self.title_line: int | None = None
        self.title_text: str | None = None

    def xml(self, part: str) -> ET.Element:
        return parse_xml(self.zip.read(part), part, self.path, FMT)

    def main_part(self) -> str:
        """Where the body lives, from _rels/.rels (almost always word/document.xml)."""
        if self.zip.has("_rels/.rels"):
            rels = self.xml("_rels/.rels")
            for rel in rels:
                if (rel.get("Type") or "").endswith("/officeDocument"):
                    target = (rel.get("Target") or "").lstrip("/")
                    if target and self.zip.has(target):
                        return posixpath.normpath(target)
        if self.zip.has("word/document.xml"):
            return "word/document.xml"
        raise damaged(self.path, FMT, "has no word/document.xml part")

    def load_styles(self, folder: str) -> None:
        part = posixpath.join(folder, "styles.xml")
        if not self.zip.has(part):
            return
        for st in self.xml(part):
            if local(st.tag) != "style" or attr(st, "type") not in (None, "paragraph"):
                continue
            sid = attr(st, "styleId") or ""
            ppr = _child(st, "pPr")
            num_id, num_level = _num_pr(ppr)
            self.styles[sid] = _Style(
                name=(_val(st, "name") or "").strip(),
                based_on=_val(st, "basedOn"),
                outline=_int(_val(ppr, "outlineLvl")),
                num_id=num_id,
                num_level=num_level,
            )
            if attr(st, "default") in ("1", "true"):
                self.default_style = sid

    def load_numbering(self, folder: str) -> None:
        part = posixpath.join(folder, "numbering.xml")
        if not self.zip.has(part):
            return
        num = self.numbering
        for el in self.xml(part):
            name = local(el.tag)
            if name == "abstractNum":
                levels: dict[int, _Level] = {}
                for lvl in el:
                    if local(lvl.tag) != "lvl":
                        continue
                    ilvl = _int(attr(lvl, "ilvl"))
                    if ilvl is None:
                        continue
                    levels[ilvl] = _Level(
                        start=_int(_val(lvl, "start")) or 1,
                        fmt=_val(lvl, "numFmt") or "decimal",
                        text=_val(lvl, "lvlText") or "",
                        suffix=_val(lvl, "suff") or "tab",
                    )
                num.levels[attr(el, "abstractNumId") or ""] = levels
            elif name == "num":
                nid = attr(el, "numId") or ""
                num.abstract_of[nid] = _val(el, "abstractNumId") or ""
                for ov in el:
                    if local(ov.tag) == "lvlOverride":
                        start = _int(_val(ov, "startOverride"))
                        ilvl = _int(attr(ov, "ilvl"))
                        if start is not None and ilvl is not None:
                            num.starts[(nid, ilvl)] = start

    def style_chain(self, sid: str | None) -> list[_Style]:
        chain: list[_Style] = []
        seen: set[str] = set()
        while sid and sid not in seen and sid in self.styles:
            seen.add(sid)
            chain.append(self.styles[sid])
            sid = self.styles[sid].based_on
        return chain

    def heading_level(self, sid: str | None, ppr: ET.Element | None) -> int | None:
        """1–9 for a heading paragraph, 0 for a Title paragraph, None for body text."""
        own = _int(_val(ppr, "outlineLvl"))
        chain = self.style_chain(sid)
        if chain:
            name = chain[0].name.lower()
            if name in _TITLE_NAMES:
                return 0
            m = _HEADING_NAME.match(name)
            if m:
                return int(m.group(1))
        if own is None:
            own = next((s.outline for s in chain if s.outline is not None), None)
        if own is not None and 0 <= own <= 8:
            return own + 1
        return None

    def run_text(self, el: ET.Element, pieces: list[str]) -> None:
        """Collect text of a paragraph's runs in order; "\n" marks a line break."""
        for c in el:
            name = local(c.tag)
            if name in _SKIP:
                continue
            if name == "t":
                pieces.append(c.text or "")
            elif name == "tab" or name == "ptab":
                pieces.append("\t")
            elif name in ("br", "cr"):
                pieces.append("\n")
            elif name == "noBreakHyphen":
                pieces.append("-")
            elif len(c):
                self.run_text(c, pieces)

    def paragraph(self, p: ET.Element) -> None:
        ppr = _child(p, "pPr")
        sid = _val(ppr, "pStyle") or self.default_style
        chain = self.style_chain(sid)
        if chain and _TOC_NAME.match(chain[0].name):
            return  # a Word table of contents: page numbers mean nothing here
        pieces: list[str] = []
        self.run_text(p, pieces)
        text = "".join(pieces)
        num_id, ilvl = _num_pr(ppr)
        if num_id is None:
            for st in chain:
                if st.num_id is not None:
                    num_id, ilvl = st.num_id, st.num_level if ilvl is None else ilvl
                    break
        if num_id and num_id != "0" and text.strip():
            text = self.numbering.label(num_id, ilvl or 0) + text
        level = self.heading_level(sid, ppr)
        if level is None:
            for line in text.split("\n"):
                self.out.add_line(line)
            return
        title = join_words(text.split("\n"))
        if not title:
            return
        if level == 0:
            if self.title_line is None:
                self.title_line = self.out.add_line(title)
                self.title_text = title
            else:
                self.out.add_line(title)
            return
        self.out.add_heading(level, title)

    def table(self, tbl: ET.Element) -> None:
        for tr in tbl:
            if local(tr.tag) != "tr":
                continue
            cells: list[str] = []
            for tc in tr:
                if local(tc.tag) == "sdt":
                    content = _child(tc, "sdtContent")
                    tc = content if content is not None else tc
                if local(tc.tag) != "tc":
                    continue
                cells.append(self.cell_text(tc))
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                self.out.add_line("\t".join(cells))

    def cell_text(self, el: ET.Element) -> str:
        parts: list[str] = []
        for c in el.iter():
            if local(c.tag) == "p":
                pieces: list[str] = []
                self.run_text(c, pieces)
                parts.append(" ".join("".join(pieces).split()))
        # Paragraphs of one cell are separate items: keep a space even between Chinese.
        return " ".join(p for p in parts if p)

    def body(self, el: ET.Element) -> None:
        for c in el:
            name = local(c.tag)
            if name == "p":
                self.paragraph(c)
            elif name == "tbl":
                self.table(c)
            elif name in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
                self.body(c)

    def core_title(self) -> str | None:
        if not self.zip.has("docProps/core.xml"):
            return None
        try:
            core = self.xml("docProps/core.xml")
        except Exception:  # a broken core.xml costs only the title
            log.warning("%s: docProps/core.xml unreadable", self.path)
            return None
        for el in core:
            if local(el.tag) == "title" and el.text and el.text.strip():
                return el.text.strip()
        return None

    def load(self) -> Document:
        main = self.main_part()
        folder = posixpath.dirname(main)
        self.load_styles(folder)
        self.load_numbering(folder)
        root = self.xml(main)
        body = next((c for c in root if local(c.tag) == "body"), None)
        if body is None:
            raise damaged(self.path, FMT, f"part {main} has no document body")
        self.body(body)
        return build_document(
            self.out,
            path=self.path,
            fmt=FMT,
            encoding="utf-8",
            title=self.title_text,
            title_line=self.title_line,
            fallback_title=self.core_title(),
        )


def load(path: Path, data: bytes, encoding: str | None) -> Document:
    """Open a Word .docx file as a Document (format "docx"); ``encoding`` is ignored."""
    return _Docx(path, data).load()
