"""How well highlights survive edits: random insert/delete/replace near, inside and away.

Usage: ``uv run python benchmarks/bench_anchoring.py [--trials N] [--seed S] [--no-write]``.
Reads the UTF-8 documents in ../shared/corpus when present (else generated text),
puts many highlights on each, applies a few random edits per trial, re-anchors
every highlight from its quote + context + old offset and compares with where the
text really went. Writes its section of docs/benchmarks/store.md.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.anchoring import reanchor_all  # noqa: E402
from reader.core.annotation import Annotation, context_at  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
REPORT = ROOT / "docs" / "benchmarks" / "store.md"
SECTION = "anchoring"

DUMP = bool(os.environ.get("BENCH_DUMP"))
DUMPED: list[tuple[Annotation, str, tuple[int, int]]] = []

RELATIONS = ("before", "after", "inside", "away")
OPS = ("insert", "delete", "replace")


@dataclass
class Tally:
    """Outcomes for one class of highlight (untouched by edits, or edited inside)."""

    total: int = 0
    correct: int = 0
    orphaned: int = 0
    wrong: int = 0
    wrong_examples: list[str] = field(default_factory=list)


def load_texts(limit_chars: int) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.txt")):
            if path.name.count(".") > 1:  # encoded copies such as x.gb18030.txt
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            if len(text) >= 2000:
                texts.append((path.name, text[:limit_chars]))
    if not texts:
        rng = random.Random(1)
        chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年"
        paras = [
            "".join(rng.choice(chars) for _ in range(rng.randint(20, 200))) for _ in range(800)
        ]
        texts.append(("generated", "\n".join(paras)))
    return texts


def make_highlights(text: str, count: int, rng: random.Random) -> list[Annotation]:
    out: list[Annotation] = []
    while len(out) < count:
        start = rng.randrange(0, len(text) - 70)
        length = rng.choice((2, 4, 6, 8, 12, 20, 30, 60))
        end = start + length
        if "\n" in text[start:end] or not text[start:end].strip():
            continue
        quote, prefix, suffix = context_at(text, start, end)
        out.append(
            Annotation(
                id=len(out) + 1,
                start=start,
                end=end,
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                color="yellow",
            )
        )
    return out


def random_edit(
    text: str, target: tuple[int, int], rng: random.Random
) -> tuple[int, int, str, str, str]:
    """(position, deleted length, inserted text, relation, op) aimed at ``target``."""
    s, e = target
    relation = rng.choice(RELATIONS)
    op = rng.choice(OPS)
    size = rng.randint(1, 12)
    if relation == "before":
        pos = max(0, s - rng.randint(0, 40))
    elif relation == "after":
        pos = min(len(text) - 1, e + rng.randint(0, 40))
    elif relation == "inside":
        if e - s < 8:
            relation = "before"
            pos = max(0, s - rng.randint(0, 40))
        else:
            pos = rng.randint(s + 1, e - 2)
            size = rng.randint(1, max(1, (e - s) // 8))
    else:
        pos = rng.randrange(0, len(text) - 20)
    deleted = 0 if op == "insert" else size
    if relation == "before" and pos + deleted > s:
        deleted = max(0, s - pos)
    if relation == "inside":
        deleted = min(deleted, e - pos - 1)
    inserted = ""
    if op != "delete":
        # Realistic inserted text: a piece of the same document (may duplicate quotes).
        src = rng.randrange(0, len(text) - size)
        inserted = text[src : src + size]
    return pos, deleted, inserted, relation, op


def apply_to_range(
    span: tuple[int, int], pos: int, deleted: int, inserted: str
) -> tuple[tuple[int, int], bool]:
    """Where ``span`` goes after the edit, and whether the edit touched its text."""
    s, e = span
    delta = len(inserted) - deleted
    if pos + deleted <= s and not (deleted == 0 and pos == s and s == e):
        return (s + delta, e + delta), False
    if pos >= e:
        return (s, e), False
    new_s = s if s < pos else pos
    new_e = e + delta if e > pos + deleted else pos + len(inserted)
    return (new_s, max(new_s, new_e)), True


def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 1.0


def run(trials: int, per_doc: int, edits: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    untouched = Tally()
    touched = Tally()
    by_relation: dict[str, Tally] = {r: Tally() for r in RELATIONS}
    texts = load_texts(120_000)
    started = time.perf_counter()
    anchored = 0
    for name, original in texts:
        highlights = make_highlights(original, per_doc, rng)
        for _ in range(trials):
            text = original
            expected = [(a.start, a.end) for a in highlights]
            was_touched = [False] * len(highlights)
            relations = []
            for _ in range(edits):
                target = rng.randrange(len(highlights))
                pos, deleted, inserted, relation, _op = random_edit(text, expected[target], rng)
                relations.append((target, relation))
                text = text[:pos] + inserted + text[pos + deleted :]
                for i, span in enumerate(expected):
                    expected[i], hit = apply_to_range(span, pos, deleted, inserted)
                    was_touched[i] = was_touched[i] or hit
            target_relation = dict(relations)
            placed = {b.id: b for b in reanchor_all(text, highlights).annotations}
            for i, a in enumerate(highlights):
                b = placed[a.id]
                anchored += 1
                tally = touched if was_touched[i] else untouched
                tally.total += 1
                rel = target_relation.get(i)
                rel_tally = by_relation[rel] if rel else None
                if rel_tally is not None:
                    rel_tally.total += 1
                if b.orphaned:
                    tally.orphaned += 1
                    if rel_tally is not None:
                        rel_tally.orphaned += 1
                    continue
                got = (b.start, b.end)
                ok = (
                    got == expected[i]
                    if not was_touched[i]
                    else overlap_ratio(got, expected[i]) >= 0.5
                )
                if ok:
                    tally.correct += 1
                    if rel_tally is not None:
                        rel_tally.correct += 1
                else:
                    tally.wrong += 1
                    if rel_tally is not None:
                        rel_tally.wrong += 1
                    if DUMP:
                        DUMPED.append((a, text, expected[i]))
                    if len(tally.wrong_examples) < 5:
                        tally.wrong_examples.append(
                            f"{name}: {a.quote!r} expected {expected[i]} "
                            f"{text[expected[i][0] : expected[i][1]]!r} got {got} "
                            f"{text[got[0] : got[1]]!r}"
                        )
    elapsed = time.perf_counter() - started
    return {
        "docs": [n for n, _ in texts],
        "untouched": untouched,
        "touched": touched,
        "by_relation": by_relation,
        "anchored": anchored,
        "seconds": elapsed,
    }


def pct(n: int, total: int) -> str:
    return f"{100.0 * n / total:.2f} %" if total else "n/a"


def report(result: dict[str, object], trials: int, per_doc: int, edits: int) -> str:
    untouched = result["untouched"]
    touched = result["touched"]
    by_relation = result["by_relation"]
    assert isinstance(untouched, Tally) and isinstance(touched, Tally)
    assert isinstance(by_relation, dict)
    docs = result["docs"]
    assert isinstance(docs, list)
    total = untouched.total + touched.total
    wrong = untouched.wrong + touched.wrong
    seconds = float(str(result["seconds"]))
    anchored = int(str(result["anchored"]))
    date = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        f"<!-- section:{SECTION} -->",
        "## Re-anchoring after random edits (`benchmarks/bench_anchoring.py`)",
        "",
        f"{date}, 2-core Linux. {len(docs)} documents ({', '.join(docs)}; first 120,000 "
        f"characters each), {per_doc} highlights each (2–60 characters), {trials} trials per "
        f"document, {edits} random edits per trial (insert / delete / replace of 1–12 "
        "characters, taken from the same document, placed just before, just after, inside or "
        "away from a random highlight); every highlight re-anchored after each trial.",
        "",
        "| highlights | count | re-anchored correctly | orphaned | on wrong text |",
        "|---|---:|---:|---:|---:|",
        f"| text not edited (moved by edits elsewhere) | {untouched.total} | "
        f"{pct(untouched.correct, untouched.total)} | {pct(untouched.orphaned, untouched.total)}"
        f" | {pct(untouched.wrong, untouched.total)} |",
        f"| text edited inside / at its edge | {touched.total} | "
        f"{pct(touched.correct, touched.total)} | {pct(touched.orphaned, touched.total)} | "
        f"{pct(touched.wrong, touched.total)} |",
        f"| **all** | {total} | **{pct(untouched.correct + touched.correct, total)}** | "
        f"{pct(untouched.orphaned + touched.orphaned, total)} | **{pct(wrong, total)}** |",
        "",
        "Targeted highlight by where the edit was aimed:",
        "",
        "| edit | count | correct | orphaned | wrong |",
        "|---|---:|---:|---:|---:|",
    ]
    for rel, t in by_relation.items():
        lines.append(
            f"| {rel} | {t.total} | {pct(t.correct, t.total)} | {pct(t.orphaned, t.total)} | "
            f"{pct(t.wrong, t.total)} |"
        )
    lines += [
        "",
        "Correct means: exactly the expected offsets for highlights whose text was not edited; "
        "at least 50 % overlap (intersection over union) with the edited text for highlights "
        "edited inside. Wrong means placed anywhere else. Goals: ≥ 99 % correct, 0 wrong.",
        f"Speed: {anchored} re-anchorings in {seconds:.1f} s "
        f"({1000 * seconds / max(1, anchored):.2f} ms each).",
        "",
    ]
    examples = untouched.wrong_examples + touched.wrong_examples
    if examples:
        lines += ["Wrong placements seen:", ""] + [f"- `{x}`" for x in examples] + [""]
    lines.append(f"<!-- /section:{SECTION} -->")
    return "\n".join(lines) + "\n"


def write_section(text: str, section: str) -> None:
    """Replace this script's section of docs/benchmarks/store.md (others are kept)."""
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    current = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Store benchmarks\n\n"
    begin, end = f"<!-- section:{section} -->", f"<!-- /section:{section} -->"
    if begin in current and end in current:
        head, rest = current.split(begin, 1)
        _, tail = rest.split(end, 1)
        current = head + text.rstrip("\n") + tail
    else:
        current = current.rstrip("\n") + "\n\n" + text
    REPORT.write_text(current, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--highlights", type=int, default=200)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    result = run(args.trials, args.highlights, args.edits, args.seed)
    text = report(result, args.trials, args.highlights, args.edits)
    print(text)
    if not args.no_write:
        write_section(text, SECTION)
    return 0


if __name__ == "__main__":
    sys.exit(main())
