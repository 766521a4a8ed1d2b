"""``jingdu outline FILE [--json] [--no-articles]``: print a document's outline (no Qt)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import TextIO

from reader.core.errors import LoadError
from reader.core.loader import load_document

log = logging.getLogger(__name__)

PROG = "jingdu outline"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Print the outline (title and headings) that Jingdu recovers from a file.",
    )
    parser.add_argument("file", help="document to read (.txt, .md, .html, .docx, .epub)")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"title", "encoding", "headings": [{level, title, line, offset, kind, '
        "run_in}]} (stable interface, see docs/outline.md)",
    )
    parser.add_argument(
        "--no-articles", action="store_true", help="leave out 第X条 articles (kind 'article')"
    )
    parser.add_argument("--encoding", help="force a text encoding instead of detecting it")
    return parser


def outline_json(doc_title: str | None, encoding: str, headings: list[dict[str, object]]) -> str:
    """The JSON document printed by ``--json``."""
    payload = {"title": doc_title, "encoding": encoding, "headings": headings}
    return json.dumps(payload, ensure_ascii=False, indent=1)


def _write(out: TextIO, text: str) -> None:
    # Always UTF-8: the JSON is a file format, and a non-UTF-8 terminal must not crash us.
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        out.write(text)


def main(argv: list[str] | None = None) -> int:
    """Run the sub-command; 0 on success, 2 on a bad file or bad arguments."""
    args = _parser().parse_args(argv)
    try:
        doc = load_document(args.file, encoding=args.encoding)
    except LoadError as exc:
        print(f"{PROG}: error: {exc.path}: {exc.detail}", file=sys.stderr)
        return 2
    headings = [
        h
        for h in doc.headings
        if h.kind != "block" and not (args.no_articles and h.kind == "article")
    ]
    try:
        if args.json:
            _write(
                sys.stdout,
                outline_json(doc.title, doc.encoding, [h.to_json() for h in headings]) + "\n",
            )
        else:
            lines = [doc.display_title or "(untitled)", f"[{doc.encoding}]"]
            for h in headings:
                indent = "  " * max(0, h.level - 2)
                lines.append(f"{indent}{h.title}  (line {h.line})")
            if not headings:
                lines.append("(no headings found)")
            _write(sys.stdout, "\n".join(lines) + "\n")
    except BrokenPipeError:
        # `jingdu outline big.txt | head`: the reader went away; that is fine.
        sys.stderr.close()
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
