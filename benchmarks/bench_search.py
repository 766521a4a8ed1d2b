"""Search benchmarks: find bar on a 5 M-char document and library search on 100 M chars.

Run: ``uv run python benchmarks/bench_search.py [--docs 200] [--chars 500000]``, or
``--quick`` for the one-document part only (under a minute).
Uses a real novel from ../shared/corpus when present (repeated to 5 M chars),
else generated text; the library is always generated (words drawn from jieba's
dictionary by frequency) in a temporary folder. Writes its section of
docs/benchmarks/search.md.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.search import SearchOptions, TextIndex, find_all  # noqa: E402
from reader.core.segment import Segmenter  # noqa: E402
from reader.store.library_index import LibraryIndex  # noqa: E402

REPORT = ROOT / "docs" / "benchmarks" / "search.md"
SHARED = ROOT.parent / "shared" / "corpus" / "novel_sanguo_ch01-40.txt"


class TextGenerator:
    """Chinese-looking text: jieba dictionary words drawn by frequency, with punctuation."""

    def __init__(self, seed: int = 7) -> None:
        import jieba

        self.rng = random.Random(seed)
        words: list[str] = []
        weights: list[int] = []
        with open(jieba.get_dict_file().name, encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) >= 2:
                    words.append(parts[0])
                    weights.append(int(parts[1]))
        self.words = words
        self.cum = list(itertools.accumulate(weights))

    def text(self, chars: int, chapter_every: int = 40) -> tuple[str, list[tuple[int, int, str]]]:
        """About ``chars`` characters of paragraphs with a 第N章 heading now and then."""
        rng = self.rng
        out: list[str] = []
        headings: list[tuple[int, int, str]] = []
        size = 0
        paragraph = 0
        while size < chars:
            if paragraph % chapter_every == 0:
                title = f"第{paragraph // chapter_every + 1}章 " + "".join(
                    rng.choices(self.words, cum_weights=self.cum, k=3)
                )
                headings.append((size, 2, title))
                out.append(title + "\n")
                size += len(title) + 1
            picked = rng.choices(self.words, cum_weights=self.cum, k=rng.randint(40, 160))
            parts = []
            for i, word in enumerate(picked):
                parts.append(word)
                if i % 7 == 6:
                    parts.append("，" if rng.random() < 0.7 else "。")
            line = "".join(parts) + "。\n"
            out.append(line)
            size += len(line)
            paragraph += 1
        return "".join(out), headings


def timed(fn, repeat: int = 5, before=None) -> tuple[float, object]:
    """Median wall time in ms over ``repeat`` runs, and the last result."""
    wall, _cpu, result = timed_cpu(fn, repeat, before)
    return wall, result


def timed_cpu(fn, repeat: int = 5, before=None) -> tuple[float, float, object]:
    """Median wall and CPU (this process) times in ms over ``repeat`` runs, and the last result.

    ``before`` runs ahead of each timed call, untimed (e.g. to empty caches).
    """
    times = []
    cpu = []
    result = None
    for _ in range(repeat):
        if before is not None:
            before()
        c0 = time.process_time()
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(times), statistics.median(cpu), result


def bench_document(lines: list[str], seg: Segmenter) -> None:
    if SHARED.exists():
        base = SHARED.read_text(encoding="utf-8")
        source = f"{SHARED.name} repeated"
        queries = ["曹操", "玄德", "之", "孔明曰", "天下"]
    else:
        base, _ = TextGenerator().text(600_000)
        source = "generated text"
        queries = ["中国", "发展", "的", "人民政府", "工作"]
    text = (base * (5_000_000 // len(base) + 1))[:5_000_000]
    lines.append(f"### One document: {len(text):,} characters ({source})\n")
    lines.append(
        "| query | hits | find_all (ms) | whole-word find + filter, wall / CPU (ms)"
        " | whole-word hits |"
    )
    lines.append("|---|---|---|---|---|")
    whole_word = SearchOptions(whole_word=True)
    for q in queries:
        ms, hits = timed(lambda q=q: find_all(text, q), repeat=9)
        assert isinstance(hits, list)
        if len(hits) <= 20_000:
            # Cold: the segmenter's memoised pairs and windows are emptied first.
            wms, wcpu, whole = timed_cpu(
                lambda q=q: find_all(text, q, whole_word, segmenter=seg),
                repeat=5,
                before=seg.clear_caches,
            )
            assert isinstance(whole, list)
            wcol, wn = f"{wms:.0f} / {wcpu:.0f}", f"{len(whole):,}"
        else:
            wcol, wn = "(skipped: too many hits)", ""
        lines.append(f"| {q} | {len(hits):,} | {ms:.1f} | {wcol} | {wn} |")
        print(lines[-1], flush=True)
    # A repeated text lets whole-word checks reuse segmentations of identical
    # contexts; measure on text where every context is new as well.
    unique, _ = TextGenerator(seed=3).text(5_000_000)
    for q in ("发展", "工作"):
        ms, hits = timed(lambda q=q: find_all(unique, q), repeat=9)
        wms, wcpu, whole = timed_cpu(
            lambda q=q: find_all(unique, q, whole_word, segmenter=seg),
            repeat=5,
            before=seg.clear_caches,
        )
        assert isinstance(hits, list) and isinstance(whole, list)
        lines.append(
            f"| {q} (generated, no repeats) | {len(hits):,} | {ms:.1f} | {wms:.0f} / {wcpu:.0f} |"
            f" {len(whole):,} |"
        )
        print(lines[-1], flush=True)
    index = TextIndex(text)
    t0 = time.perf_counter()
    index.prepare()
    prep = (time.perf_counter() - t0) * 1000
    ms, hits = timed(lambda: index.find("Ab，"))
    ms_raw, _ = timed(lambda: find_all(text, "Ab，"), repeat=3)
    lines.append(
        f"\nTextIndex.prepare (fold 5 M chars twice): {prep:.0f} ms, then a query with"
        f" Latin letters/punctuation: {ms:.1f} ms (without the index: {ms_raw:.0f} ms)."
    )
    rms, _ = timed(lambda: find_all(text, r"第.{1,3}回", SearchOptions(regex=True)), repeat=3)
    lines.append(f"Regex `第.{{1,3}}回` on the 5 M chars, folding included: {rms:.0f} ms.\n")


def bench_library(lines: list[str], docs: int, chars: int, seg: Segmenter) -> None:
    gen = TextGenerator(seed=11)
    with tempfile.TemporaryDirectory() as tmp:
        index = LibraryIndex(Path(tmp) / "library.sqlite3")
        build = 0.0
        gen_time = 0.0
        rare_doc = docs - 1
        for d in range(docs):
            t0 = time.perf_counter()
            text, headings = gen.text(chars)
            if d == rare_doc:
                # A phrase found in the last document only: the worst case for streaming.
                mid = len(text) // 2
                text = text[:mid] + "独一无二的罕见短语" + text[mid:]
            gen_time += time.perf_counter() - t0
            t0 = time.perf_counter()
            index.add(f"doc{d}", f"文档{d}", f"/tmp/doc{d}.txt", text, headings)
            build += time.perf_counter() - t0
            if d % 20 == 19:
                print(f"  indexed {d + 1} documents, {build:.0f} s", flush=True)
        index.close()  # the last connection to close checkpoints the WAL into the file
        stats = index.stats()
        lines.append(
            f"### Library: {stats['documents']} documents, {stats['characters']:,} characters\n"
        )
        lines.append(
            f"Index build {build:.0f} s ({stats['characters'] / build / 1e6:.2f} M chars/s,"
            f" one thread), file {stats['bytes'] / 1e6:.0f} MB, {stats['chunks']:,} chunks.\n"
        )
        lines.append("| query | first hit (ms) | first 50 (ms) | all hits (ms) | hits |")
        lines.append("|---|---|---|---|---|")
        cases = [
            ("的", SearchOptions(), "1 char, everywhere"),
            ("罕", SearchOptions(), "1 char, rarer"),
            ("中国", SearchOptions(), "2 chars"),
            ("发展经济", SearchOptions(), "4 chars"),
            ("独一无二的罕见短语", SearchOptions(), "only in the last doc"),
            ("没有这个词组合", SearchOptions(), "no hit"),
            ("中国", SearchOptions(whole_word=True), "2 chars, whole word"),
            (r"第\d+章", SearchOptions(regex=True), "regex"),
        ]
        for query, options, label in cases:
            first = fifty = total = 0.0
            count = 0
            index.close()
            t0 = time.perf_counter()
            for count, _hit in enumerate(
                index.search(query, options, segmenter=seg, limit=20_000), 1
            ):
                if count == 1:
                    first = (time.perf_counter() - t0) * 1000
                if count == 50:
                    fifty = (time.perf_counter() - t0) * 1000
            total = (time.perf_counter() - t0) * 1000
            fifty_text = f"{fifty:.0f}" if count >= 50 else "–"
            lines.append(
                f"| {query} ({label}) | {first:.0f} | {fifty_text} | {total:.0f}"
                f"{' (stopped at 20,000)' if count >= 20_000 else ''} | {count:,} |"
            )
            print(lines[-1], flush=True)
        index.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--chars", type=int, default=500_000, help="characters per document")
    parser.add_argument("--skip-library", action="store_true")
    parser.add_argument(
        "--quick", action="store_true", help="one-document part only (under a minute)"
    )
    args = parser.parse_args()
    seg = Segmenter(Path(tempfile.mkdtemp()))
    seg.ensure_loaded()
    date = subprocess.run(["date", "-u"], capture_output=True, text=True).stdout.strip()
    lines = [
        "## bench_search.py",
        "",
        f"{date}; {platform.platform()}, {platform.processor() or platform.machine()},"
        f" {os.cpu_count()} cores, Python {platform.python_version()},"
        f" SQLite {__import__('sqlite3').sqlite_version}."
        f" Medians of 5–9 runs; load average at start {os.getloadavg()[0]:.1f}.",
        "",
    ]
    bench_document(lines, seg)
    if not (args.skip_library or args.quick):
        bench_library(lines, args.docs, args.chars, seg)
    write_section(lines)
    return 0


def write_section(lines: list[str]) -> None:
    """Replace this script's section of docs/benchmarks/search.md."""
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    old = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Search benchmarks\n"
    head = lines[0]
    sections = old.split("\n## ")
    kept = [s for s in sections[1:] if not ("## " + s).startswith(head)]
    text = sections[0].rstrip() + "\n\n" + "".join("## " + s.rstrip() + "\n\n" for s in kept)
    REPORT.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {REPORT}")


if __name__ == "__main__":
    sys.exit(main())
