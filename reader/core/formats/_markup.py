"""Shared helpers for the markup formats: text building, HTML walking, safe zip and XML."""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

from reader.core.document import Document, Heading, MetadataLine
from reader.core.encoding import Decoded, decode
from reader.core.errors import LoadError
from reader.core.outline import detect_outline

log = logging.getLogger(__name__)

#: Zip members may expand to at most this many bytes in all (zip-bomb guard).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024

# --------------------------------------------------------------------------------------
# Whitespace
# --------------------------------------------------------------------------------------

#: Collapsible whitespace; U+3000 (ideographic space) is content in Chinese text, kept.
_WS = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")
_EDGE = " \t\u3000\u00a0\ufeff"


def is_wide(ch: str) -> bool:
    """True for CJK ideographs, kana, hangul and full-width punctuation."""
    return bool(ch) and unicodedata.east_asian_width(ch) in ("W", "F")


def collapse(text: str) -> str:
    """Collapse whitespace runs to one space; drop line breaks between wide (CJK) characters.

    Follows CSS segment-break rules: a source line break between two Chinese
    characters is not a space, but a typed space stays one.
    """

    def repl(m: re.Match[str]) -> str:
        s = m.group()
        if "\n" in s or "\r" in s:
            start, end = m.span()
            before = text[start - 1] if start > 0 else ""
            after = text[end] if end < len(text) else ""
            if is_wide(before) and is_wide(after):
                return ""
        return " "

    return _WS.sub(repl, text).strip(_EDGE)


def join_words(parts: list[str]) -> str:
    """Join pieces with a space, except between two wide (CJK) characters."""
    out = ""
    for part in parts:
        part = part.strip(_EDGE)
        if not part:
            continue
        if out and not (is_wide(out[-1]) and is_wide(part[0])):
            out += " "
        out += part
    return out


# --------------------------------------------------------------------------------------
# Building text with headings
# --------------------------------------------------------------------------------------


@dataclass
class RawHeading:
    """A heading as the markup gives it: ``level`` on the markup's own scale (h1 = 1)."""

    level: int
    title: str
    line: int  # 0-based index into TextBuilder.lines
    offset: int


@dataclass
class TextBuilder:
    """Accumulates one-paragraph-per-line text and the headings found on the way."""

    lines: list[str] = field(default_factory=list)
    headings: list[RawHeading] = field(default_factory=list)
    offset: int = 0
    _last_start: int = field(default=0, repr=False)

    def add_line(self, text: str, *, keep_indent: bool = False) -> int | None:
        """Append a paragraph (no line breaks inside); empty text is dropped.

        ``keep_indent`` keeps leading spaces (code blocks).
        """
        text = text.replace("\n", " ").replace("\r", " ")
        text = text.rstrip(_EDGE) if keep_indent else text.strip(_EDGE)
        if keep_indent and not text.strip():
            return None
        if not text:
            return None
        if self.lines:
            self.offset += 1  # the "\n" before this line
        index = len(self.lines)
        self.lines.append(text)
        self._last_start = self.offset
        self.offset += len(text)
        return index

    def add_heading(self, level: int, title: str) -> None:
        """Append a heading line and record it."""
        index = self.add_line(title)
        if index is not None:
            self.headings.append(
                RawHeading(level, self.lines[index], index, self.line_offset(index))
            )

    def line_offset(self, index: int) -> int:
        """Character offset where line ``index`` (0-based) starts."""
        if index == len(self.lines) - 1:
            return self._last_start
        return sum(len(s) + 1 for s in self.lines[:index])

    def extend(self, other: TextBuilder) -> None:
        """Append another builder's lines and headings, shifting their positions."""
        if not other.lines:
            return
        base_line = len(self.lines)
        base_offset = self.offset + 1 if self.lines else 0
        for h in other.headings:
            self.headings.append(
                RawHeading(h.level, h.title, h.line + base_line, h.offset + base_offset)
            )
        for line in other.lines:
            self.add_line(line)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _lone_leading(headings: list[RawHeading]) -> RawHeading | None:
    """The first heading if it is a level-1 heading and the only one at its level."""
    if not headings:
        return None
    first = headings[0]
    if first.level != 1 or any(h.level <= first.level for h in headings[1:]):
        return None
    return first


def build_document(
    builder: TextBuilder,
    *,
    path: Path,
    fmt: str,
    encoding: str,
    title: str | None = None,
    title_line: int | None = None,
    fallback_title: str | None = None,
) -> Document:
    """Turn built text into a Document: pick the title, rank heading levels, or detect an outline.

    ``title_line`` is a 0-based line index of an explicit title paragraph (DOCX
    Title style). Without one, a lone leading level-1 heading is the title. The
    remaining headings get levels 2, 3, … by rank of their markup level; when
    there are none, the outline is detected from the text like a .txt file.
    """
    text = builder.text
    headings = list(builder.headings)
    if title_line is None:
        lone = _lone_leading(headings)
        if lone is not None:
            title_line = lone.line
            headings.remove(lone)
            title = title or lone.title
    else:
        headings = [h for h in headings if h.line != title_line]
    title = title or fallback_title or None
    line1 = title_line + 1 if title_line is not None else None
    metadata: list[MetadataLine] = []
    final: list[Heading]
    if headings:
        ranks = {lvl: i for i, lvl in enumerate(sorted({h.level for h in headings}))}
        final = [
            Heading(level=2 + ranks[h.level], title=h.title, line=h.line + 1, offset=h.offset)
            for h in headings
        ]
    else:
        outline = detect_outline(text)
        final = [h for h in outline.headings if h.line != line1]
        if title is None and outline.title:
            title = outline.title
            line1 = line1 or outline.title_line
        metadata = list(outline.metadata)
    return Document(
        text=text,
        headings=final,
        title=title,
        encoding=encoding,
        path=path,
        metadata=metadata,
        title_line=line1,
        format=fmt,
    )


# --------------------------------------------------------------------------------------
# Decoding text
# --------------------------------------------------------------------------------------


def decode_bytes(path: Path, data: bytes, encoding: str | None = None) -> Decoded:
    """Decode with reader.core.encoding (BOM, detection, override); line ends normalised."""
    dec = decode(data, encoding, path=path)
    return Decoded(normalise_newlines(dec.text), dec.encoding, dec.bom)


def normalise_newlines(text: str) -> str:
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# --------------------------------------------------------------------------------------
# HTML walking
# --------------------------------------------------------------------------------------

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "td",
        "th",
        "ul",
    ]
)
#: Elements whose content is never shown as text.
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "head",
        "template",
        "noscript",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "select",
        "option",
        "textarea",
        "button",
        "rt",
        "rp",
        "canvas",
        "audio",
        "video",
        "map",
    ]
)
PRE_TAGS = frozenset({"pre", "listing", "xmp", "plaintext"})
HEADING_TAGS = {f"h{i}": i for i in range(1, 7)}
VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


_LINE_MARK = "\x01"  # a <br> inside a heading


def _join_heading_lines(raw: str) -> str:
    """Join the lines of a multi-line heading: a space, but none after CJK punctuation."""
    parts = [p.strip(_EDGE + "\n") for p in raw.split(_LINE_MARK)]
    out = ""
    for part in parts:
        if not part:
            continue
        if out:
            last = out[-1]
            if not (is_wide(last) and unicodedata.category(last).startswith("P")):
                out += " "
        out += part
    return out


@dataclass
class _Table:
    cells: list[str] = field(default_factory=list)
    in_cell: bool = False
    layout: bool = False  # cells hold blocks: emit them as paragraphs, not a row


class HtmlWalker(HTMLParser):
    """Walks HTML/XHTML into a TextBuilder: blocks end paragraphs, h1–h6 become headings.

    Also remembers the ``<title>`` text and, for EPUB navigation, the line index
    where each element ``id`` starts.
    """

    def __init__(self, builder: TextBuilder | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder if builder is not None else TextBuilder()
        self.title: str | None = None
        self.anchors: dict[str, int] = {}
        self._buf: list[str] = []
        self._skip: list[str] = []
        self._in_title = False
        self._title_buf: list[str] = []
        self._pre = 0
        self._heading: int | None = None
        self._tables: list[_Table] = []

    # -- output ------------------------------------------------------------------
    def _flush(self) -> None:
        raw = "".join(self._buf)
        self._buf = []
        if self._pre:
            for line in raw.split("\n"):
                self.builder.add_line(line.expandtabs(4), keep_indent=True)
            return
        if self._heading is not None and _LINE_MARK in raw:
            raw = _join_heading_lines(raw)
        text = collapse(raw)
        if not text:
            return
        if self._heading is not None:
            self.builder.add_heading(self._heading, text)
        else:
            self.builder.add_line(text)

    def _block(self) -> None:
        """A block boundary: end the current paragraph (or cell content)."""
        if self._heading is not None:
            self._buf.append(" ")
            return
        table = self._tables[-1] if self._tables else None
        if table is not None and table.in_cell and not table.layout:
            table.layout = True
            for cell in table.cells:
                self.builder.add_line(cell)
            table.cells = []
        self._flush()

    # -- parser callbacks -------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.title is None and "svg" not in self._skip:
            self._in_title = True
            return
        if self._skip:
            if tag == "body" and self._skip[-1] == "head":
                self._skip.clear()  # an unclosed <head>
            elif tag not in VOID_TAGS and tag in SKIP_TAGS:
                self._skip.append(tag)
            return
        if tag in SKIP_TAGS:
            self._skip.append(tag)
            return
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.anchors.setdefault(value, len(self.builder.lines) + (1 if self._buf else 0))
        if tag in HEADING_TAGS:
            if self._heading is not None:
                self._flush()
                self._heading = None
            self._block()
            self._heading = HEADING_TAGS[tag]
        elif tag == "br":
            if self._heading is not None:
                self._buf.append(_LINE_MARK)
            elif self._pre:
                self._buf.append("\n")
            else:
                self._block()
        elif tag in PRE_TAGS:
            self._block()
            self._pre += 1
        elif tag == "table":
            self._block()
            self._tables.append(_Table())
        elif tag == "tr" and self._tables:
            self._block() if self._tables[-1].in_cell else self._flush()
            self._tables[-1] = _Table()
        elif tag in ("td", "th") and self._tables:
            table = self._tables[-1]
            if table.layout:
                self._flush()
            else:
                if table.in_cell:  # unclosed cell
                    table.cells.append(collapse("".join(self._buf)))
                self._buf = []
                table.in_cell = True
        elif tag in BLOCK_TAGS:
            self._block()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS or tag == "title":
            return  # <script/>: nothing inside
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title = False
            self.title = collapse("".join(self._title_buf)) or None
            return
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            elif tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag in HEADING_TAGS:
            if self._heading is not None:
                self._flush()
                self._heading = None
        elif tag in PRE_TAGS:
            if self._pre:
                self._flush()
                self._pre -= 1
        elif tag in ("td", "th") and self._tables:
            table = self._tables[-1]
            if table.layout:
                self._flush()
            elif table.in_cell:
                table.cells.append(collapse("".join(self._buf)))
                self._buf = []
                table.in_cell = False
        elif tag == "tr" and self._tables:
            self._end_row()
        elif tag == "table" and self._tables:
            self._end_row()
            self._tables.pop()
            self._flush()
        elif tag in BLOCK_TAGS:
            self._block()

    def _end_row(self) -> None:
        table = self._tables[-1]
        if table.in_cell and not table.layout:
            table.cells.append(collapse("".join(self._buf)))
            self._buf = []
        if not table.layout:
            cells = table.cells
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                self.builder.add_line("\t".join(cells))
        else:
            self._flush()
        self._tables[-1] = _Table()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_buf.append(data)
        elif not self._skip:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        while self._tables:
            self._end_row()
            self._tables.pop()
        self._flush()
        self._heading = None


def walk_html(text: str, builder: TextBuilder | None = None) -> HtmlWalker:
    """Parse ``text`` as HTML into ``builder`` (or a new one); returns the walker."""
    walker = HtmlWalker(builder)
    walker.feed(text)
    walker.close()
    return walker


# --------------------------------------------------------------------------------------
# Zip and XML, defensively
# --------------------------------------------------------------------------------------


def damaged(path: Path, fmt: str, what: str) -> LoadError:
    """A LoadError for a broken container part, saying which part and what to suspect."""
    return LoadError(
        "corrupt",
        path,
        f"{what}; the file may be damaged or not really a .{fmt} file",
    )


class ZipPackage:
    """Read-only view of a zip container that refuses zip bombs and reports broken members."""

    def __init__(self, path: Path, data: bytes, fmt: str) -> None:
        self.path = path
        self.fmt = fmt
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
            raise damaged(path, fmt, f"is not a valid ZIP archive ({exc})") from exc
        total = sum(i.file_size for i in infos)
        if total > MAX_UNZIPPED_BYTES:
            raise LoadError(
                "too_large",
                path,
                f"would expand to {total / 1024 / 1024:.0f} MB when unpacked; "
                f"archives over {MAX_UNZIPPED_BYTES // 1024 // 1024} MB are not opened",
            )
        self._names = {i.filename: i for i in infos}
        self._folded = {name.lower(): name for name in self._names}
        self._read_total = 0

    def has(self, name: str) -> bool:
        return self.resolve(name) is not None

    def resolve(self, name: str) -> str | None:
        """The member name for ``name``, matching case-insensitively as a fallback."""
        name = name.lstrip("/")
        if name in self._names:
            return name
        return self._folded.get(name.lower())

    def read(self, name: str) -> bytes:
        """Bytes of member ``name``; LoadError("corrupt") if missing or unreadable."""
        real = self.resolve(name)
        if real is None:
            raise damaged(self.path, self.fmt, f"has no {name} part")
        info = self._names[real]
        if info.flag_bits & 0x1:
            raise LoadError("unsupported", self.path, "is a password-protected archive")
        self._read_total += info.file_size
        if self._read_total > MAX_UNZIPPED_BYTES:
            raise LoadError("too_large", self.path, "expands to too much data when unpacked")
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise damaged(self.path, self.fmt, f"part {name} cannot be unpacked ({exc})") from exc
        except NotImplementedError as exc:
            raise LoadError(
                "unsupported", self.path, f"part {name} uses an unsupported compression ({exc})"
            ) from exc
        except RuntimeError as exc:  # "File is encrypted, password required"
            raise LoadError("unsupported", self.path, f"part {name}: {exc}") from exc


_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*>", re.IGNORECASE)


def parse_xml(data: bytes, part: str, path: Path, fmt: str) -> ET.Element:
    """Parse an XML part safely: no entity declarations, no internal DTD subsets.

    A plain DOCTYPE with only an external identifier (common in EPUB 2 NCX
    files) is removed rather than refused; nothing is ever fetched.
    """
    probe = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            probe = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise damaged(path, fmt, f"part {part} is not valid UTF-16 XML") from exc
        probe = probe.replace(b'encoding="UTF-16"', b"").replace(b"encoding='UTF-16'", b"")
        probe = re.sub(rb"""encoding=["']utf-16["']""", b"", probe, flags=re.IGNORECASE)
    if b"<!ENTITY" in probe.upper() or re.search(rb"<!DOCTYPE[^>]*\[", probe, re.IGNORECASE):
        raise damaged(path, fmt, f"part {part} declares XML entities, which are refused")
    probe = _DOCTYPE.sub(b"", probe, count=1)
    try:
        return ET.fromstring(probe)
    except ET.ParseError as exc:
        raise damaged(path, fmt, f"part {part} is malformed XML ({exc})") from exc


def local(tag: str) -> str:
    """Tag or attribute name without its ``{namespace}``."""
    return tag.rsplit("}", 1)[-1]


def attr(el: ET.Element, name: str) -> str | None:
    """Attribute by local name, whatever its namespace."""
    for key, value in el.attrib.items():
        if local(key) == name:
            return value
    return None
