"""HTML / XHTML pages: visible text as paragraphs, h1–h6 as the outline."""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from reader.core.document import Document
from reader.core.encoding import Decoded
from reader.core.errors import LoadError
from reader.core.formats._markup import (
    build_document,
    decode_bytes,
    normalise_newlines,
    walk_html,
)

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")

#: Declared labels decoded with a superset, as browsers do (pages labelled gb2312
#: routinely hold GBK characters).
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "euc-cn": "gb18030",
    "big5": "cp950",
    "x-x-big5": "cp950",
}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def declared_charset(data: bytes) -> str | None:
    """The encoding named by ``<meta charset>``, http-equiv or an XML declaration."""
    head = data[:4096]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        log.info("unknown declared charset %r", label)
        return None


def decode_html(path: Path, data: bytes, encoding: str | None) -> Decoded:
    """Decode a page: forced encoding, else BOM, else declared charset, else detection."""
    if encoding is None and not any(data.startswith(bom) for bom, _ in _BOMS):
        declared = declared_charset(data)
        if declared is not None and declared not in ("utf-16", "utf-16-le", "utf-16-be"):
            try:
                return Decoded(normalise_newlines(data.decode(declared)), declared, False)
            except UnicodeDecodeError:
                log.info("%s: declared charset %s does not fit; detecting", path, declared)
    return decode_bytes(path, data, encoding)


def load(path: Path, data: bytes, encoding: str | None) -> Document:
    """Open an HTML page as a Document (format "html")."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if encoding is None and not utf16 and b"\x00" in data[:4096]:
        raise LoadError("binary", path, "looks like a binary file, not an HTML page")
    decoded = decode_html(path, data, encoding)
    walker = walk_html(decoded.text)
    first_h1 = next((h.title for h in walker.builder.headings if h.level == 1), None)
    return build_document(
        walker.builder,
        path=path,
        fmt="html",
        encoding=decoded.encoding,
        fallback_title=walker.title or first_h1,
    )
