"""jieba start-up: import, cold dictionary load (no cache), warm load (our cache file).

Run: ``uv run python benchmarks/bench_jieba.py``. Each measurement runs in a fresh
Python process so imports and caches do not carry over. Writes its section of
docs/benchmarks/search.md.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROBE = r"""
import time, sys
t0 = time.perf_counter()
import jieba
t1 = time.perf_counter()
sys.path.insert(0, {root!r})
from pathlib import Path
from reader.core.segment import Segmenter
seg = Segmenter(Path({cache!r}))
t2 = time.perf_counter()
seg.ensure_loaded()
t3 = time.perf_counter()
seg.is_whole_word("南京市长江大桥", 3, 5)
t4 = time.perf_counter()
print(f"{{(t1 - t0) * 1000:.0f}} {{(t3 - t2) * 1000:.0f}} {{(t4 - t3) * 1000:.1f}}")
"""


def run(cache: Path) -> tuple[float, float, float]:
    code = PROBE.format(root=str(ROOT), cache=str(cache))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


def main() -> int:
    cold: list[tuple[float, float, float]] = []
    warm: list[tuple[float, float, float]] = []
    size = 0
    for _ in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            cache = Path(tmp) / "jieba"
            cold.append(run(cache))
            warm.append(run(cache))
            warm.append(run(cache))
            size = sum(p.stat().st_size for p in cache.iterdir())

    def med(rows: list[tuple[float, float, float]], i: int) -> float:
        return statistics.median(r[i] for r in rows)

    date = subprocess.run(["date", "-u"], capture_output=True, text=True).stdout.strip()
    lines = [
        "## bench_jieba.py",
        "",
        f"{date}; {platform.platform()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}. Median of {len(cold)} cold and {len(warm)}"
        " warm runs, each in a fresh process.",
        "",
        "| | import jieba (ms) | dictionary load (ms) | first whole-word check (ms) |",
        "|---|---|---|---|",
        f"| cold (no cache file) | {med(cold, 0):.0f} | {med(cold, 1):.0f} | {med(cold, 2):.1f} |",
        f"| warm (cache in paths.jieba_cache_dir()) | {med(warm, 0):.0f} | {med(warm, 1):.0f}"
        f" | {med(warm, 2):.1f} |",
        "",
        f"Cache file: {size / 1e6:.1f} MB (marshal, named after the jieba version).",
        "",
    ]
    print("\n".join(lines))
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_search import write_section

    write_section(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
