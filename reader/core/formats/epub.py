"""EPUB 2/3 books: chapters in spine order, their h1–h6 and nav/NCX titles as the outline."""

from __future__ import annotations

import codecs
import logging
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

from reader.core.document import Document
from reader.core.errors import LoadError
from reader.core.formats._markup import (
    TextBuilder,
    ZipPackage,
    attr,
    build_document,
    collapse,
    damaged,
    local,
    parse_xml,
    walk_html,
)

log = logging.getLogger(__name__)

FMT = "epub"
_HTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml", "text/xml"})
_HTML_EXT = (".xhtml", ".html", ".htm", ".xml")
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


@dataclass(frozen=True)
class NavEntry:
    """One table-of-contents entry: the chapter file, its fragment, title and depth (1 = top)."""

    path: str
    fragment: str | None
    title: str
    depth: int


def resolve(base_dir: str, href: str) -> tuple[str, str | None]:
    """Zip path and fragment of a relative ``href`` seen in a file of folder ``base_dir``."""
    href, _, fragment = href.partition("#")
    target = unquote(href)
    joined = posixpath.normpath(posixpath.join(base_dir, target)) if target else ""
    return joined.lstrip("/"), (unquote(fragment) or None)


class _NavParser(HTMLParser):
    """Collects the links of an EPUB 3 navigation document's toc ``<nav>``."""

    def __init__(self, any_nav: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.any_nav = any_nav
        self.entries: list[tuple[str, str, int]] = []
        self._in_toc = 0
        self._depth = 0
        self._href: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "nav":
            kind = (a.get("epub:type") or "") + " " + (a.get("role") or "")
            if self._in_toc or self.any_nav or "toc" in kind.split() or "doc-toc" in kind:
                self._in_toc += 1
        elif not self._in_toc:
            return
        elif tag == "ol":
            self._depth += 1
        elif tag == "a":
            self._href = a.get("href") or ""
            self._buf = []

    def handle_endtag(self, tag: str) -> None:
        if not self._in_toc:
            return
        if tag == "nav":
            self._in_toc -= 1
        elif tag == "ol":
            self._depth = max(0, self._depth - 1)
        elif tag == "a" and self._href is not None:
            title = collapse("".join(self._buf))
            if self._href and title:
                self.entries.append((self._href, title, max(1, self._depth)))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._buf.append(data)


def decode_xhtml(data: bytes) -> str:
    """Decode a chapter: BOM, then the XML declaration, else UTF-8 (bad bytes replaced)."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    enc = "utf-8"
    m = _XML_ENCODING.match(data[:200])
    if m:
        label = m.group(1).decode("ascii").lower()
        label = {"gb2312": "gb18030", "gbk": "gb18030"}.get(label, label)
        try:
            enc = codecs.lookup(label).name
        except LookupError:
            enc = "utf-8"
    text = data.decode(enc, errors="replace")
    if "\ufffd" in text:
        log.warning("chapter has bytes that are not %s; replaced", enc)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class _Epub:
    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        self.zip = ZipPackage(path, data, FMT)

    def xml(self, part: str) -> ET.Element:
        return parse_xml(self.zip.read(part), part, self.path, FMT)

    def package_path(self) -> str:
        if not self.zip.has("META-INF/container.xml"):
            raise damaged(self.path, FMT, "has no META-INF/container.xml part")
        container = self.xml("META-INF/container.xml")
        paths = [
            attr(el, "full-path") or ""
            for el in container.iter()
            if local(el.tag) == "rootfile"
            and (attr(el, "media-type") or "application/oebps-package+xml")
            == "application/oebps-package+xml"
        ]
        for p in paths:
            if p and self.zip.has(p):
                return p
        raise damaged(self.path, FMT, "META-INF/container.xml names no package (.opf) part")

    def check_encryption(self, content: set[str]) -> None:
        """Refuse books whose chapters are encrypted (DRM); obfuscated fonts are fine."""
        if not self.zip.has("META-INF/encryption.xml"):
            return
        root = self.xml("META-INF/encryption.xml")
        for el in root.iter():
            if local(el.tag) != "CipherReference":
                continue
            target, _ = resolve("", attr(el, "URI") or "")
            if target in content or target.lower().endswith((*_HTML_EXT, ".ncx", ".opf")):
                raise LoadError(
                    "unsupported",
                    self.path,
                    "is protected by DRM (its chapters are encrypted); "
                    "only DRM-free EPUB books can be opened",
                )

    def nav_entries(self, manifest: dict[str, tuple[str, str, str]], toc_id: str) -> list[NavEntry]:
        """Table of contents from the EPUB 3 nav document, else the EPUB 2 NCX."""
        nav = next((v for v in manifest.values() if "nav" in v[2].split()), None)
        if nav is not None and self.zip.has(nav[0]):
            text = decode_xhtml(self.zip.read(nav[0]))
            base = posixpath.dirname(nav[0])
            for any_nav in (False, True):
                parser = _NavParser(any_nav)
                parser.feed(text)
                parser.close()
                if parser.entries:
                    out = []
                    for href, title, depth in parser.entries:
                        target, frag = resolve(base, href)
                        out.append(NavEntry(target, frag, title, depth))
                    return out
        ncx = manifest.get(toc_id) or next(
            (v for v in manifest.values() if v[1] == "application/x-dtbncx+xml"), None
        )
        if ncx is None or not self.zip.has(ncx[0]):
            return []
        root = self.xml(ncx[0])
        base = posixpath.dirname(ncx[0])
        entries: list[NavEntry] = []

        def walk(el: ET.Element, depth: int) -> None:
            for point in el:
                if local(point.tag) != "navPoint":
                    continue
                label = next((c for c in point.iter() if local(c.tag) == "text"), None)
                content = next((c for c in point if local(c.tag) == "content"), None)
                title = collapse(label.text or "") if label is not None else ""
                src = attr(content, "src") if content is not None else None
                if title and src:
                    target, frag = resolve(base, src)
                    entries.append(NavEntry(target, frag, title, depth))
                walk(point, depth + 1)

        nav_map = next((c for c in root if local(c.tag) == "navMap"), None)
        if nav_map is not None:
            walk(nav_map, 1)
        return entries

    def load(self) -> Document:
        opf_path = self.package_path()
        opf = self.xml(opf_path)
        base = posixpath.dirname(opf_path)
        sections = {local(c.tag): c for c in opf}
        metadata, manifest_el, spine_el = (
            sections.get("metadata"),
            sections.get("manifest"),
            sections.get("spine"),
        )
        if manifest_el is None or spine_el is None:
            raise damaged(self.path, FMT, f"package part {opf_path} has no manifest or spine")
        title = None
        if metadata is not None:
            for el in metadata.iter():
                if local(el.tag) == "title" and el.text and el.text.strip():
                    title = collapse(el.text)
                    break
        manifest: dict[str, tuple[str, str, str]] = {}
        for el in manifest_el:
            if local(el.tag) != "item":
                continue
            target, _ = resolve(base, attr(el, "href") or "")
            manifest[attr(el, "id") or ""] = (
                target,
                (attr(el, "media-type") or "").lower(),
                attr(el, "properties") or "",
            )
        spine: list[str] = []
        for ref in spine_el:
            if local(ref.tag) != "itemref":
                continue
            item = manifest.get(attr(ref, "idref") or "")
            if item is None:
                continue
            if item[1] in _HTML_TYPES or item[0].lower().endswith(_HTML_EXT):
                spine.append(item[0])
        if not spine:
            raise damaged(self.path, FMT, f"package part {opf_path} lists no chapters")
        self.check_encryption(set(spine))
        nav_by_file: dict[str, list[NavEntry]] = {}
        for entry in self.nav_entries(manifest, attr(spine_el, "toc") or ""):
            nav_by_file.setdefault(entry.path, []).append(entry)

        book = TextBuilder()
        seen: set[str] = set()
        for part in spine:
            if part in seen or not self.zip.has(part):
                if part not in seen:
                    log.warning("%s: spine part %s is missing; skipped", self.path, part)
                continue
            seen.add(part)
            walker = walk_html(decode_xhtml(self.zip.read(part)))
            chapter = walker.builder
            if not chapter.lines:
                continue
            if not chapter.headings and part in nav_by_file:
                chapter = _with_nav_headings(chapter, walker.anchors, nav_by_file[part])
            book.extend(chapter)
        # Nav titles (marked with level -depth) sit at the level of the book's own top
        # headings, deeper by their nav depth.
        top = min((h.level for h in book.headings if h.level > 0), default=1)
        for h in book.headings:
            if h.level <= 0:
                h.level = top - h.level - 1
        return build_document(book, path=self.path, fmt=FMT, encoding="utf-8", title=title)


def _with_nav_headings(
    chapter: TextBuilder, anchors: dict[str, int], entries: list[NavEntry]
) -> TextBuilder:
    """Give a heading-less chapter headings from its nav entries (level -depth for now).

    An entry marks the line it points at when that line reads the same; otherwise
    its title is inserted as a line of its own there.
    """
    at: dict[int, NavEntry] = {}
    for i, entry in enumerate(entries):
        line = anchors.get(entry.fragment) if entry.fragment else 0
        if line is None:
            line = 0 if i == 0 else None
        if line is not None and line < len(chapter.lines) and line not in at:
            at[line] = entry
    out = TextBuilder()
    for index, text in enumerate(chapter.lines):
        found = at.get(index)
        if found is not None:
            if _squash(text) == _squash(found.title):
                out.add_heading(-found.depth, text)
            else:
                out.add_heading(-found.depth, found.title)
                out.add_line(text)
        else:
            out.add_line(text)
    return out


def load(path: Path, data: bytes, encoding: str | None) -> Document:
    """Open a DRM-free EPUB book as a Document (format "epub"); ``encoding`` is ignored."""
    return _Epub(path, data).load()
