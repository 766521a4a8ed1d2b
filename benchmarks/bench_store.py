"""Store speed with 10,000 highlights on one document: add, load, re-anchor after an edit.

Usage: ``uv run python benchmarks/bench_store.py [--highlights N] [--large-chars N]
[--library N] [--library-only] [--no-write]``.
Uses a real long document from ../shared/corpus when present (else generated
text) and a temporary database; re-anchors after an edit with the snapshot of the
old text (the default) and without it; then the text snapshot of a 5 M-character
novel: size, write time, and re-anchoring after scattered edits; then a library of
annotated documents whose files are gone: how long recognising a moved and edited
file takes, how often it is recognised, and that other texts are never taken for
one. Writes its section of docs/benchmarks/store.md.
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

from reader.core.anchoring import text_diff, text_fingerprint  # noqa: E402
from reader.core.annotation import Annotation, make_annotation  # noqa: E402
from reader.core.document import Document  # noqa: E402
from reader.store.db import Store  # noqa: E402
from reader.store.snapshots import compress, decompress  # noqa: E402

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


def large_text(chars: int) -> tuple[str, str]:
    """A novel of ``chars`` characters made of real text (the corpus repeated)."""
    parts = [
        p.read_text(encoding="utf-8")
        for p in sorted(CORPUS.glob("*.txt"))
        if p.name.count(".") == 1 and p.stat().st_size > 100_000
    ]
    if not parts:
        parts = [load_text()[1]]
        label = "generated text"
    else:
        label = "the corpus' long texts"
    base = "\n".join(parts)
    return f"{label} repeated", (base * (chars // len(base) + 1))[:chars]


def scattered_edits(text: str, count: int, rng: random.Random) -> str:
    """``count`` small insertions, deletions and replacements spread over the text."""
    out: list[str] = []
    last = 0
    for pos in sorted(rng.sample(range(len(text) - 20), count)):
        if pos < last:
            continue
        out.append(text[last:pos])
        op = rng.choice(("insert", "delete", "replace"))
        deleted = 0 if op == "insert" else rng.randint(1, 12)
        if op != "delete":
            src = rng.randrange(len(text) - 12)
            out.append(text[src : src + rng.randint(1, 12)])
        last = pos + deleted
    out.append(text[last:])
    return "".join(out)


def random_highlights(
    doc: Document, doc_id: int, count: int, rng: random.Random
) -> list[Annotation]:
    """``count`` highlights of 2-40 characters at random places in ``doc``."""
    anns = []
    for _ in range(count):
        start = rng.randrange(0, len(doc.text) - 40)
        anns.append(
            make_annotation(doc, "highlight", start, start + rng.randint(2, 40), doc_id=doc_id)
        )
    return anns


def bench_large(chars: int, highlights: int, edits: int) -> list[str]:
    """Snapshot of a long novel: size and time to write, load, diff and re-anchor through it."""
    label, text = large_text(chars)
    rng = random.Random(11)
    t0 = time.perf_counter()
    data = compress(text)
    t_compress = time.perf_counter() - t0
    t0 = time.perf_counter()
    assert decompress(data) == text
    t_decompress = time.perf_counter() - t0
    t0 = time.perf_counter()
    text_fingerprint(text)
    t_fingerprint = time.perf_counter() - t0
    edited = scattered_edits(text, edits, rng)
    t0 = time.perf_counter()
    diff = text_diff(text, edited)
    t_diff = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "novel.txt"
        path.write_text(text, encoding="utf-8")
        doc = Document(text=text, headings=[], path=path)
        store = Store.open(folder / "bench.sqlite3")
        rec = store.documents.open_document(doc).record
        anns = random_highlights(doc, rec.id, highlights, rng)
        store.annotations.add_many(anns[:1])
        t0 = time.perf_counter()
        store.snapshots.wait()
        t_snapshot = time.perf_counter() - t0
        info = store.snapshots.info(rec.id)
        assert info is not None
        store.annotations.add_many(anns[1:])
        path.write_text(edited, encoding="utf-8")
        t0 = time.perf_counter()
        opened = store.documents.open_document(Document(text=edited, headings=[], path=path))
        t_reanchor = time.perf_counter() - t0
        assert opened.used_snapshot
        store.close()
    mb = 1024 * 1024
    utf8 = len(text.encode("utf-8"))
    return [
        "",
        f"Text snapshot of a long novel ({len(text):,} characters, {label}; "
        f"{utf8 / mb:.1f} MB as UTF-8), {edits} scattered edits (insert / delete / replace of "
        f"1–12 characters), {highlights:,} highlights:",
        "",
        "| operation | figure |",
        "|---|---:|",
        f"| snapshot size (UTF-16-LE + zlib level 6) | {info[1] / mb:.1f} MB "
        f"({info[1] / len(text):.2f} bytes a character) |",
        f"| compress | {t_compress * 1000:.0f} ms |",
        f"| snapshot written after the first highlight (background thread: compress + "
        f"commit; the highlight itself is committed at once) | {t_snapshot * 1000:.0f} ms |",
        f"| decompress | {t_decompress * 1000:.0f} ms |",
        f"| clause fingerprint (to recognise the text moved and edited; computed only once "
        f"the file is gone, then stored) | {t_fingerprint * 1000:.0f} ms |",
        f"| character diff old -> new ({len(diff.runs)} equal runs) | {t_diff * 1000:.0f} ms |",
        f"| reopen after the edits: load snapshot, diff, re-anchor {highlights:,} highlights "
        f"({opened.reanchored:,} moved, {opened.orphaned} orphaned), write them and the new "
        f"snapshot | {t_reanchor * 1000:.0f} ms |",
    ]


def library_texts(count: int, held_out: int) -> tuple[str, list[str]]:
    """``count + held_out`` distinct chapter-sized texts (consecutive slices of real text)."""
    parts = [
        p.read_text(encoding="utf-8")
        for p in sorted(CORPUS.glob("*.txt"))
        if p.name.count(".") == 1
    ]
    parts = [p for p in parts if p.count("\n") > 5] or [load_text()[1]]
    label = "slices of the corpus" if CORPUS.exists() else "slices of generated text"
    base = "\n".join(parts)
    rng = random.Random(17)
    texts: list[str] = []
    pos = 0
    size = max(400, len(base) // (count + held_out) - 10)
    while len(texts) < count + held_out and pos + size <= len(base):
        n = rng.randint(size * 3 // 4, size)
        texts.append(base[pos : pos + n])
        pos += n
    return f"{label}, {min(map(len, texts)):,}–{max(map(len, texts)):,} characters", texts


def bench_library(count: int, trials: int) -> list[str]:
    """A library of ``count`` annotated documents whose files are gone, and new files opened."""
    label, texts = library_texts(count, trials)
    texts, others = texts[:count], texts[count:]
    rng = random.Random(23)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store.open(folder / "bench.sqlite3")
        paths: list[Path] = []
        ids: list[int] = []
        t0 = time.perf_counter()
        for i, text in enumerate(texts):
            path = folder / "old" / f"{i:04d}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            paths.append(path)
            doc = Document(text=text, headings=[], path=path)
            rec = store.documents.open_document(doc).record
            ids.append(rec.id)
            anns = []
            for _ in range(5):
                start = rng.randrange(0, len(text) - 20)
                anns.append(
                    make_annotation(
                        doc, "highlight", start, start + rng.randint(2, 20), doc_id=rec.id
                    )
                )
            store.annotations.add_many(anns)
            store.snapshots.wait()
        t_build = time.perf_counter() - t0

        def open_new(text: str, name: str) -> tuple[float, str]:
            path = folder / "new" / name
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            opened = store.documents.open_document(Document(text=text, headings=[], path=path))
            return time.perf_counter() - started, opened.matched_by

        # Every file still in place: nothing to consider beyond a stat each.
        present = [
            open_new(t + "\n（另一版本）", f"present-{i}.txt")[0] for i, t in enumerate(others[:10])
        ]
        for p in paths:
            p.unlink()
        # All files gone: the first open computes and stores their fingerprints.
        t_fill, _ = open_new(others[-1] + "。", "fill.txt")
        gone = [open_new(t, f"other-{i}.txt") for i, t in enumerate(others)]
        wrong = sum(1 for _, how in gone if how == "moved+edited")
        # Moved and edited: light (about 1 % of characters) and heavier (about 5 %) edits.
        results: dict[str, list[tuple[float, str]]] = {}
        picks = rng.sample(range(count), min(count, 2 * trials))
        for kind, share, chosen in (
            ("1 %", 0.01, picks[:trials]),
            ("5 %", 0.05, picks[trials:]),
        ):
            results[kind] = []
            for i in chosen:
                edits = max(1, int(len(texts[i]) * share / 6.5))
                edited = scattered_edits(texts[i], edits, rng)
                took, how = open_new(edited, f"moved-{i}.txt")
                record = store.documents.by_path(folder / "new" / f"moved-{i}.txt")
                ok = how == "moved+edited" and record is not None and record.id == ids[i]
                results[kind].append((took, "ok" if ok else how))
        store.close()

    def ms(values: list[float]) -> str:
        values = sorted(values)
        return f"{1000 * sum(values) / len(values):.1f} ms (max {1000 * values[-1]:.1f})"

    lines = [
        "",
        f"Moved and edited files in a library of {count} annotated documents ({label}; "
        f"{count} documents registered, annotated and snapshotted in {t_build:.1f} s):",
        "",
        "| operation | figure |",
        "|---|---:|",
        f"| open a new file, every annotated document's file still in place (mean of "
        f"{len(present)}) | {ms(present)} |",
        f"| open a new file, all {count} files gone: first time, the {count} snapshots' "
        f"fingerprints computed and stored | {t_fill * 1000:.0f} ms |",
        f"| open a new, unrelated file, all {count} files gone (mean of {len(gone)}) | "
        f"{ms([t for t, _ in gone])} |",
        f"| … taken for one of the {count} (wrong document) | {wrong} of {len(gone)} |",
    ]
    for kind, rows in results.items():
        ok = sum(1 for _, how in rows if how == "ok")
        lines.append(
            f"| a file moved and edited ({kind} of its characters, scattered), opened: "
            f"recognised and re-anchored (mean time) | {ok} of {len(rows)}, "
            f"{ms([t for t, _ in rows])} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--highlights", type=int, default=10_000)
    parser.add_argument("--single", type=int, default=200, help="adds timed one by one")
    parser.add_argument("--large-chars", type=int, default=5_000_000)
    parser.add_argument("--large-edits", type=int, default=200)
    parser.add_argument("--library", type=int, default=300, help="annotated documents")
    parser.add_argument("--library-trials", type=int, default=50)
    parser.add_argument("--library-only", action="store_true", help="print only that part")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.library_only:
        print("\n".join(bench_library(args.library, args.library_trials)))
        return 0
    name, text = load_text()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "doc.txt"
        path.write_text(text, encoding="utf-8")
        doc = Document(text=text, headings=[], path=path)
        store = Store.open(folder / "bench.sqlite3")
        rec = store.documents.open_document(doc).record
        anns = random_highlights(doc, rec.id, args.highlights, rng)
        t0 = time.perf_counter()
        store.annotations.add_many(anns)
        t_bulk = time.perf_counter() - t0
        t0 = time.perf_counter()
        store.snapshots.wait()  # the first annotation snapshots the text in the background
        t_snap = time.perf_counter() - t0
        snap = store.snapshots.info(rec.id)
        assert snap is not None

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
        assert opened.used_snapshot

        # The same edit without a snapshot (a store from before snapshots, imported
        # annotations): back to the original text first, then drop the snapshot.
        path.write_text(text, encoding="utf-8")
        store.documents.open_document(doc)
        with store.db.write() as conn:
            conn.execute("DELETE FROM document_texts")
        path.write_text(edited, encoding="utf-8")
        t0 = time.perf_counter()
        by_quote = store.documents.open_document(Document(text=edited, headings=[], path=path))
        t_by_quote = time.perf_counter() - t0
        assert not by_quote.used_snapshot
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
        f"| text snapshot written after the first highlights (background thread) | "
        f"{t_snap * 1000:.0f} ms, {snap[1] / 1024:.0f} KB |",
        f"| reopen after an edit near the start: re-anchor all through the snapshot (diff; "
        f"{opened.reanchored:,} moved, {opened.orphaned} orphaned) | {t_reanchor * 1000:.0f} ms |",
        f"| the same without a snapshot (quote + context; {by_quote.reanchored:,} moved, "
        f"{by_quote.orphaned} orphaned) | {t_by_quote * 1000:.0f} ms |",
        f"| database size | {size / 1024 / 1024:.1f} MB |",
        *bench_large(args.large_chars, args.highlights, args.large_edits),
        *(bench_library(args.library, args.library_trials) if args.library else []),
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
