"""``jingdu annotations export|import``: annotations in and out of the store, no window."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.document import Document
from reader.core.errors import LoadError

if TYPE_CHECKING:
    from reader.store.db import Store

EXIT_ERROR = 2


class CliError(Exception):
    """An error to print on stderr before exiting with status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jingdu annotations",
        description="Export or import the highlights, notes and bookmarks of a document.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    exp = sub.add_parser("export", help="write a document's annotations as JSON or Markdown")
    exp.add_argument("file", type=Path, help="the document")
    exp.add_argument(
        "--format",
        choices=("json", "markdown"),
        default="json",
        help="W3C Web Annotation JSON (default) or Markdown",
    )
    exp.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    imp = sub.add_parser("import", help="add annotations from a JSON file to a document")
    imp.add_argument("file", type=Path, help="the document")
    imp.add_argument("annotations", type=Path, help="W3C Web Annotation JSON")
    return parser


def _load(path: Path) -> Document:
    from reader.core.loader import load_document

    try:
        return load_document(path)
    except LoadError as exc:
        raise CliError(f"cannot open {exc.path}: {exc.detail}") from exc


def _open_store() -> Store:
    from reader.store.db import Store, StoreError

    try:
        store = Store.open()
    except StoreError as exc:  # includes a data folder that cannot be made
        raise CliError(str(exc)) from exc
    if store.recovered_from is not None:
        print(
            f"warning: the store was unreadable and was moved to {store.recovered_from}; "
            "a new one was created",
            file=sys.stderr,
        )
    return store


def export(file: Path, fmt: str, output: Path | None) -> int:
    from reader.core.export import to_json, to_markdown

    doc = _load(file)
    with _open_store() as store:
        record = store.documents.find(doc)
        if record is None:
            raise CliError(
                f"{file}: Jingdu has no annotations for this document; "
                "open it in Jingdu first or import annotations into it"
            )
        opened = store.documents.open_document(doc, touch=False)
        if opened.text_changed:
            print(
                f"note: {file} changed since it was last opened; "
                f"{opened.reanchored} annotations re-anchored, {opened.orphaned} not found",
                file=sys.stderr,
            )
        annotations = opened.annotations
    text = to_json(doc, annotations) if fmt == "json" else to_markdown(doc, annotations)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"cannot write {output}: {exc.strerror or exc}") from exc
        print(f"wrote {len(annotations)} annotations to {output}", file=sys.stderr)
    return 0


def import_(file: Path, source: Path) -> int:
    from reader.core.export import AnnotationFormatError, parse_annotations, plan_import

    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {source}: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(f"{source}: not UTF-8 text (byte {exc.start}); is it a JSON file?") from exc
    try:
        incoming = parse_annotations(text, str(source))
    except AnnotationFormatError as exc:
        raise CliError(str(exc)) from exc
    doc = _load(file)
    with _open_store() as store:
        opened = store.documents.open_document(doc, touch=False)
        known = store.annotations.existing_uuids(a.uuid for a in incoming)
        plan = plan_import(doc, incoming, known)
        doc_id = opened.record.id
        store.annotations.add_many([a.replace(id=None, doc_id=doc_id) for a in plan.new])
    parts = [f"imported {len(plan.new)} annotations into {file}"]
    if plan.already_present:
        parts.append(f"{plan.already_present} already present")
    if plan.reanchored:
        parts.append(f"{plan.reanchored} re-anchored by quote")
    if plan.orphaned:
        parts.append(f"{plan.orphaned} not found in the text (kept as orphaned)")
    print("; ".join(parts), file=sys.stderr)
    return 0


def main(argv: list[str]) -> int:
    """Run ``jingdu annotations ...``; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "export":
            return export(args.file, args.format, args.output)
        return import_(args.file, args.annotations)
    except CliError as exc:
        print(f"jingdu annotations: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
            raise
        # another Jingdu window or command held the write lock past the busy timeout
        print(
            "jingdu annotations: error: Jingdu's library is busy: another Jingdu window or "
            "command is writing to it; nothing was changed, try again in a moment",
            file=sys.stderr,
        )
        return EXIT_ERROR
