"""Store speed with 10,000 highlights on one document: add, load, re-anchor after an edit.

Usage: ``uv run python benchmarks/bench_store.py [--highlights N] [--no-write]``.
Uses a real long document from ../shared/corpus when present (else generated
text) and a temporary database; writes its section of docs/benchmarks/store.md.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_anchoring import write_section  # noqa: E402

from reader.core.annotation import make_annotation  # noqa: E402
from reader.core.document import Document  # noqa: E402
from reader.store.db import Store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SECTION = "store"


def load_text() -> tuple[str, str]:
    for name in ("novel_xiyou_ch01-30.txt", "novel_sanguo_ch01-40.txt"):
        path = CORPUS / name
        if path.exists():
            return name, path.read_text(encoding="utf-8")
    rng = random.Random(3)
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    text = "\n".join(
        "".join(rng.choice(chars) for _ in range(rng.randint(30, 300))) for _ in range(4000)
    )
    return "generated", text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--highlights", type=int, default=10_000)
    parser.add_argument("--single", type=int, default=200, help="adds timed one by one")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    name, text = load_text()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "doc.txt"
        path.write_text(text, encoding="utf-8")
        doc = Document(text=text, headings=[], path=path)
        store = Store.open(folder / "bench.sqlite3")
        rec = store.documents.open_document(doc).record
        anns = []
        for _ in range(args.highlights):
            start = rng.randrange(0, len(text) - 40)
            anns.append(
                make_annotation(doc, "highlight", start, start + rng.randint(2, 40), doc_id=rec.id)
            )
        t0 = time.perf_counter()
        store.annotations.add_many(anns)
        t_bulk = time.perf_counter() - t0

        t0 = time.perf_counter()
        for a in anns[: args.single]:
            store.annotations.add(a.replace(uuid=a.uuid[:-4] + "ffff"))
        t_single = (time.perf_counter() - t0) / args.single
        total = args.highlights + args.single

        t0 = time.perf_counter()
        loaded = store.annotations.for_document(rec.id)
        t_load = time.perf_counter() - t0
        assert len(loaded) == total

        t0 = time.perf_counter()
        opened = store.documents.open_document(doc)
        t_open_same = time.perf_counter() - t0

        # An edit near the start moves every highlight: all must be re-anchored.
        edited = text[:100] + "（此处新增了一句话。）" + text[100:]
        path.write_text(edited, encoding="utf-8")
        t0 = time.perf_counter()
        opened = store.documents.open_document(Document(text=edited, headings=[], path=path))
        t_reanchor = time.perf_counter() - t0
        store.close()
        size = (folder / "bench.sqlite3").stat().st_size
        wal = folder / "bench.sqlite3-wal"
        size += wal.stat().st_size if wal.exists() else 0

    date = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        f"<!-- section:{SECTION} -->",
        "## Store with many highlights (`benchmarks/bench_store.py`)",
        "",
        f"{date}, 2-core Linux, SQLite in WAL mode with `synchronous = FULL`. Document: "
        f"{name} ({len(text):,} characters), {total:,} highlights.",
        "",
        "| operation | time |",
        "|---|---:|",
        f"| add {args.highlights:,} highlights in one transaction (`add_many`) | "
        f"{t_bulk * 1000:.0f} ms |",
        f"| add one highlight (`add`, own committed transaction; mean of {args.single}) | "
        f"{t_single * 1000:.2f} ms |",
        f"| load all highlights of the document (`for_document`) | {t_load * 1000:.0f} ms |",
        f"| reopen unchanged document (`open_document`, hash match) | "
        f"{t_open_same * 1000:.0f} ms |",
        f"| reopen after an edit near the start: re-anchor all ({opened.reanchored:,} moved, "
        f"{opened.orphaned} orphaned) | {t_reanchor * 1000:.0f} ms |",
        f"| database size | {size / 1024 / 1024:.1f} MB |",
        "",
        "Re-anchoring runs in `open_document`, which the GUI calls from its loading "
        "worker thread, never on the UI thread.",
        f"<!-- /section:{SECTION} -->",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    if not args.no_write:
        write_section(report, SECTION)
    return 0


if __name__ == "__main__":
    sys.exit(main())
