"""``jingdu search FILE QUERY [--whole-word] [--regex] [--case-sensitive] [--json]``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from reader.core.errors import LoadError
from reader.core.loader import load_document
from reader.core.search import SearchError, SearchOptions, find_all, snippet
from reader.core.segment import Segmenter

log = logging.getLogger(__name__)

#: Exit codes: 0 hits found (or none), 1 file could not be opened, 2 bad query.
EXIT_LOAD = 1
EXIT_QUERY = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jingdu search",
        description="Find text in a document. Latin case and full-width/half-width forms"
        " are ignored unless --case-sensitive is given.",
    )
    parser.add_argument("file", type=Path, help="document to search")
    parser.add_argument("query", help="text (or, with --regex, a regular expression) to find")
    parser.add_argument(
        "--whole-word",
        action="store_true",
        help="only hits that are whole words for jieba (和服 does not match in 和服务)",
    )
    parser.add_argument("--regex", action="store_true", help="QUERY is a regular expression")
    parser.add_argument("--case-sensitive", action="store_true", help="A and a differ")
    parser.add_argument("--json", action="store_true", help="print hits as a JSON array")
    parser.add_argument("--limit", type=int, default=None, help="stop after this many hits")
    parser.add_argument("--encoding", default=None, help="force the text encoding")
    return parser


def _user_words() -> list[str]:
    """The user's dictionary words from the store, or none if there is no store."""
    from reader.store.db import Store

    try:
        with Store.open() as store:
            return list(store.user_words.list())
    except Exception as exc:  # a damaged store must not stop a search
        log.warning("user dictionary not read: %s", exc)
        return []


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    args = _parser().parse_args(argv)
    options = SearchOptions(
        regex=args.regex, whole_word=args.whole_word, case_sensitive=args.case_sensitive
    )
    try:
        doc = load_document(args.file, args.encoding)
    except LoadError as exc:
        print(f"jingdu search: {exc.path}: {exc.detail}", file=sys.stderr)
        return EXIT_LOAD
    segmenter = Segmenter(user_words=_user_words())
    try:
        # Flag every hit (whole word or not) so the output says which is which.
        hits = find_all(
            doc.text, args.query, options, limit=args.limit, segmenter=segmenter, classify=True
        )
    except SearchError as exc:
        print(f"jingdu search: {exc}", file=sys.stderr)
        return EXIT_QUERY
    if args.json:
        records = []
        for hit in hits:
            before, match, after = snippet(doc.text, hit.start, hit.end)
            records.append(
                {
                    "start": hit.start,
                    "end": hit.end,
                    "line": doc.line_of(hit.start),
                    "section": doc.section_path(hit.start),
                    "snippet": before + match + after,
                    "whole_word": bool(hit.whole_word),
                }
            )
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for hit in hits:
        line = doc.line_of(hit.start)
        col = hit.start - doc.line_start(line) + 1
        before, match, after = snippet(doc.text, hit.start, hit.end)
        section = " › ".join(doc.section_path(hit.start))
        where = f"{line}:{col}"
        print(f"{where}  {section + '  ' if section else ''}…{before}[{match}]{after}…")
    if not hits:
        print("no hits", file=sys.stderr)
    return 0
