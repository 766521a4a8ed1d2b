"""Annotations as W3C Web Annotation JSON and Markdown; parsing of imported JSON.

The JSON is an ``AnnotationCollection`` whose first page holds ``Annotation``s.
Colour, bookmark label and orphaned state use properties in Jingdu's own
namespace (prefix ``jingdu``, defined in the ``@context``); see
docs/annotations-format.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.core.anchoring import is_in_place, reanchor
from reader.core.annotation import COLORS, DEFAULT_COLOR, Annotation, context_at
from reader.core.document import Document

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
JINGDU_NS = "https://jingdu.app/ns/annotation#"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"jingdu": JINGDU_NS}]
COLOR_KEY = "jingdu:color"
LABEL_KEY = "jingdu:label"
ORPHANED_KEY = "jingdu:orphaned"
HASH_KEY = "jingdu:textHash"

MOTIVATIONS = ("highlighting", "commenting", "bookmarking")


class AnnotationFormatError(ValueError):
    """Imported annotations are not valid JSON or not Web Annotations; says where."""


# -- dates ---------------------------------------------------------------------
def iso_time(t: float) -> str:
    """UTC ISO 8601 with milliseconds, e.g. ``2024-05-01T08:30:00.123Z``."""
    stamp = datetime.fromtimestamp(t, tz=UTC).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def parse_time(value: object, where: str) -> float:
    if not isinstance(value, str):
        raise AnnotationFormatError(f"{where}: expected an ISO 8601 date string")
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise AnnotationFormatError(f"{where}: {value!r} is not an ISO 8601 date") from exc
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.timestamp()


# -- export --------------------------------------------------------------------
def source_uri(doc: Document) -> str:
    """The target ``source``: the file's URI, else a URN of the text hash."""
    if doc.path is not None:
        try:
            return doc.path.expanduser().resolve().as_uri()
        except (OSError, ValueError):
            pass
    return f"urn:sha256:{doc.text_hash}"


def annotation_to_w3c(a: Annotation, source: str) -> dict[str, Any]:
    """One annotation as a W3C Web Annotation (without ``@context``)."""
    if a.kind == "bookmark":
        motivation = "bookmarking"
    elif a.has_note:
        motivation = "commenting"
    else:
        motivation = "highlighting"
    item: dict[str, Any] = {
        "id": f"urn:uuid:{a.uuid}",
        "type": "Annotation",
        "motivation": motivation,
        "created": iso_time(a.created),
        "modified": iso_time(a.modified),
    }
    if a.note:
        item["body"] = {"type": "TextualBody", "value": a.note, "format": "text/plain"}
    item["target"] = {
        "source": source,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": a.quote,
                "prefix": a.prefix,
                "suffix": a.suffix,
            },
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
        ],
    }
    if a.color:
        item[COLOR_KEY] = a.color
    if a.label:
        item[LABEL_KEY] = a.label
    if a.orphaned:
        item[ORPHANED_KEY] = True
    return item


def to_w3c(doc: Document, annotations: Iterable[Annotation]) -> dict[str, Any]:
    """An AnnotationCollection of ``annotations`` on ``doc`` (document order)."""
    source = source_uri(doc)
    items = [
        annotation_to_w3c(a, source)
        for a in sorted(annotations, key=lambda x: (x.start, x.end, x.created, x.uuid))
    ]
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": doc.display_title,
        HASH_KEY: doc.text_hash,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def to_json(doc: Document, annotations: Iterable[Annotation]) -> str:
    """The collection as pretty-printed JSON text (UTF-8 characters kept readable)."""
    return json.dumps(to_w3c(doc, annotations), ensure_ascii=False, indent=2) + "\n"


# -- import --------------------------------------------------------------------
def _items(data: object) -> list[tuple[str, object]]:
    """(where, item) pairs from a collection, a page, a list or a single annotation."""
    if isinstance(data, list):
        return [(f"item {i + 1}", item) for i, item in enumerate(data)]
    if not isinstance(data, dict):
        raise AnnotationFormatError(
            "top level: expected an AnnotationCollection, an AnnotationPage, an Annotation "
            "or a list of Annotations"
        )
    kind = data.get("type")
    if kind == "Annotation":
        return [("annotation", data)]
    if kind in ("AnnotationCollection", "AnnotationPage") or "items" in data or "first" in data:
        pages: list[object] = []
        if "items" in data:
            pages.append(data)
        first = data.get("first")
        while isinstance(first, dict):
            pages.append(first)
            first = first.get("next") if isinstance(first.get("next"), dict) else None
        found: list[tuple[str, object]] = []
        for page in pages:
            assert isinstance(page, dict)
            items = page.get("items")
            if not isinstance(items, list):
                raise AnnotationFormatError(f"{kind or 'collection'}: 'items' is not a list")
            found += [(f"item {len(found) + i + 1}", item) for i, item in enumerate(items)]
        return found
    raise AnnotationFormatError(
        f"top level: type {kind!r} is not AnnotationCollection, AnnotationPage or Annotation"
    )


def _selectors(target: object, where: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    if isinstance(target, list):
        target = target[0] if target else None
    if not isinstance(target, dict):
        raise AnnotationFormatError(f"{where}: 'target' must be an object with a selector")
    selector = target.get("selector")
    if isinstance(selector, dict):
        selector = [selector]
    if not isinstance(selector, list):
        raise AnnotationFormatError(f"{where}: target.selector is missing")
    quote = position = None
    for sel in selector:
        if not isinstance(sel, dict):
            continue
        if sel.get("type") == "TextQuoteSelector" and quote is None:
            quote = sel
        elif sel.get("type") == "TextPositionSelector" and position is None:
            position = sel
    if quote is None and position is None:
        raise AnnotationFormatError(
            f"{where}: target.selector has neither a TextQuoteSelector nor a TextPositionSelector"
        )
    return quote, position


def _text(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key, "")
    if not isinstance(value, str):
        raise AnnotationFormatError(f"{where}: {key!r} must be a string")
    return value


def _offset(obj: dict[str, Any], key: str, where: str) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise AnnotationFormatError(f"{where}: TextPositionSelector.{key} must be an integer ≥ 0")
    return value


def _note(body: object, where: str) -> str:
    bodies = body if isinstance(body, list) else [body]
    notes: list[str] = []
    for b in bodies:
        if b is None:
            continue
        if isinstance(b, str):
            notes.append(b)
        elif isinstance(b, dict) and isinstance(b.get("value"), str):
            if b.get("purpose") in (None, "commenting", "describing"):
                notes.append(b["value"])
        else:
            raise AnnotationFormatError(f"{where}: 'body' must be a TextualBody")
    return "\n\n".join(notes)


def annotation_from_w3c(item: object, where: str = "annotation") -> Annotation:
    """Parse one Web Annotation into an Annotation (no doc_id, not yet placed)."""
    if not isinstance(item, dict):
        raise AnnotationFormatError(f"{where}: expected an object")
    if item.get("type") not in ("Annotation", "oa:Annotation", None):
        raise AnnotationFormatError(f"{where}: type {item.get('type')!r} is not 'Annotation'")
    quote_sel, pos_sel = _selectors(item.get("target"), where)
    ident = item.get("id", "")
    if not isinstance(ident, str):
        raise AnnotationFormatError(f"{where}: 'id' must be a string")
    uuid = ident.removeprefix("urn:uuid:") if ident else ""
    motivation = item.get("motivation", "highlighting")
    if isinstance(motivation, list):
        motivation = motivation[0] if motivation else "highlighting"
    kind = "bookmark" if motivation in ("bookmarking", "oa:bookmarking") else "highlight"
    quote = prefix = suffix = ""
    if quote_sel is not None:
        quote = _text(quote_sel, "exact", where)
        prefix = _text(quote_sel, "prefix", where)
        suffix = _text(quote_sel, "suffix", where)
    start = end = -1
    if pos_sel is not None:
        start, end = _offset(pos_sel, "start", where), _offset(pos_sel, "end", where)
        if end < start:
            raise AnnotationFormatError(f"{where}: TextPositionSelector end is before start")
    elif quote_sel is not None:
        start, end = 0, len(quote)
    color = item.get(COLOR_KEY, "")
    if not isinstance(color, str):
        raise AnnotationFormatError(f"{where}: {COLOR_KEY!r} must be a string")
    if kind == "highlight" and color not in COLORS:
        color = DEFAULT_COLOR
    if kind == "bookmark":
        color = ""
    label = item.get(LABEL_KEY, "")
    if not isinstance(label, str):
        raise AnnotationFormatError(f"{where}: {LABEL_KEY!r} must be a string")
    created = parse_time(item["created"], f"{where}: created") if "created" in item else 0.0
    modified = parse_time(item["modified"], f"{where}: modified") if "modified" in item else created
    fields: dict[str, Any] = {
        "kind": kind,
        "start": start,
        "end": end,
        "quote": quote,
        "prefix": prefix,
        "suffix": suffix,
        "color": color,
        "note": _note(item.get("body"), where),
        "label": label,
        "created": created,
        "modified": modified,
        "orphaned": bool(item.get(ORPHANED_KEY, False)),
    }
    if uuid:
        fields["uuid"] = uuid
    return Annotation(**fields)


def parse_annotations(text: str, source: str = "annotations") -> list[Annotation]:
    """Annotations from JSON text; AnnotationFormatError names the file, line and item."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnnotationFormatError(
            f"{source}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    try:
        return [annotation_from_w3c(item, where) for where, item in _items(data)]
    except AnnotationFormatError as exc:
        raise AnnotationFormatError(f"{source}: {exc}") from exc


@dataclass
class ImportPlan:
    """What importing into a document will do: new annotations (placed) and skipped ones."""

    new: list[Annotation]
    already_present: int
    reanchored: int
    orphaned: int


def plan_import(doc: Document, incoming: Sequence[Annotation], known_uuids: set[str]) -> ImportPlan:
    """Place imported annotations in ``doc``: skip known uuids, re-anchor by quote if needed."""
    new: list[Annotation] = []
    present = moved = orphaned = 0
    seen = set(known_uuids)
    text = doc.text
    for a in incoming:
        if a.uuid in seen:
            present += 1
            continue
        seen.add(a.uuid)
        if a.start < 0:
            a = a.replace(start=0, end=0)
        if is_in_place(text, a) and _context_fits(text, a) and not a.orphaned:
            if not a.prefix and not a.suffix:
                _, prefix, suffix = context_at(text, a.start, a.end)
                a = a.replace(prefix=prefix, suffix=suffix)
        else:
            b = reanchor(text, a.replace(orphaned=False))
            if b.orphaned:
                orphaned += 1
            elif (b.start, b.end) != (a.start, a.end) or a.orphaned:
                moved += 1
            a = b
        new.append(a)
    return ImportPlan(new, present, moved, orphaned)


def _context_fits(text: str, a: Annotation) -> bool:
    """The stored context (when there is one) still surrounds the offsets."""
    before = text[max(0, a.start - len(a.prefix)) : a.start]
    after = text[a.end : a.end + len(a.suffix)]
    return before == a.prefix and after == a.suffix


# -- markdown --------------------------------------------------------------------
def _md_quote(text: str) -> str:
    lines = text.split("\n") or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _date(t: float) -> str:
    return datetime.fromtimestamp(t, tz=UTC).strftime("%Y-%m-%d")


def to_markdown(doc: Document, annotations: Iterable[Annotation]) -> str:
    """Highlights grouped under their section headings (Obsidian/Logseq friendly)."""
    items = sorted(annotations, key=lambda x: (x.start, x.end, x.created))
    placed = [a for a in items if not a.orphaned and a.kind == "highlight"]
    bookmarks = [a for a in items if not a.orphaned and a.kind == "bookmark"]
    orphans = [a for a in items if a.orphaned]
    out: list[str] = [f"# 《{doc.display_title}》", ""]
    if doc.path is not None:
        out += [f"Source: `{doc.path}`", ""]
    out += [
        f"{len(placed)} highlights, {len(bookmarks)} bookmarks"
        + (f", {len(orphans)} not found in the current text" if orphans else "")
        + ". Exported from Jingdu.",
        "",
    ]
    printed: list[str] = []
    for a in placed:
        nodes = [s for s in doc.section_at(a.start).ancestors() if s.kind != "block"]
        titles = [s.title for s in nodes]
        common = 0
        while common < min(len(titles), len(printed)) and titles[common] == printed[common]:
            common += 1
        for depth in range(common, len(titles)):
            out += [f"{'#' * min(6, depth + 2)} {titles[depth]}", ""]
        printed = titles
        out += _md_item(a)
    if bookmarks:
        out += ["## Bookmarks", ""]
        for a in bookmarks:
            path = " › ".join(doc.section_path(a.start))
            line = f"- 🔖 {a.label or a.quote or '(bookmark)'}"
            out.append(line + (f" — {path}" if path else ""))
            if a.note:
                out.append(f"  {a.note}")
        out.append("")
    if orphans:
        out += ["## Not found in the current text", ""]
        for a in orphans:
            out += _md_item(a)
    return "\n".join(out).rstrip("\n") + "\n"


def _md_item(a: Annotation) -> list[str]:
    lines = [_md_quote(a.quote or a.label), ""]
    if a.note:
        lines += [a.note, ""]
    meta = f"{a.color} highlight" if a.kind == "highlight" else "bookmark"
    lines += [f"*{meta}, {_date(a.created)}* #{a.color or 'bookmark'}", ""]
    return lines
