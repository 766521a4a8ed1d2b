"""Packaged build: build time, folder and .tar.gz size, warm start to a window with a document.

Usage: ``uv run python benchmarks/bench_package.py [--no-build] [--runs 5] [--no-write]``.
Builds with packaging/build.sh (unless --no-build), then starts the BUILT program
``packaging/dist/jingdu/jingdu --screenshot OUT.png DOC`` (window laid out with the document,
painted, saved, exited) once to warm the disk cache and ``--runs`` more times, best and
median; offscreen, and under Xvfb (the xcb plugin, as on a desktop) when xvfb-run exists.
DOC is the largest sample of ../shared/samples when present, else the built-in guide.
Writes docs/benchmarks/packaging.md.  Targets: folder <= 150 MB, warm start <= 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "packaging" / "dist" / "jingdu"
EXE = APP / ("jingdu.exe" if sys.platform == "win32" else "jingdu")
SAMPLES = ROOT.parent / "shared" / "samples"
REPORT = ROOT / "docs" / "benchmarks" / "packaging.md"
MAX_MB = 150
MAX_START_S = 1.5


def folder_bytes(path: Path) -> int:
    """Apparent size of every regular file under ``path`` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def pick_document() -> Path:
    """The largest UTF-8 sample document, or the guide when ../shared is absent."""
    if SAMPLES.is_dir():
        texts = [p for p in SAMPLES.glob("*.txt") if p.name.count(".") == 1]
        if texts:
            return max(texts, key=lambda p: p.stat().st_size)
    return next((ROOT / "resources" / "guide").glob("*.txt"))


def settle_seconds() -> float:
    """How long --screenshot waits after the document is shown, before it grabs."""
    try:
        sys.path.insert(0, str(ROOT))
        from reader.gui.screenshot import SETTLE_MS
    except ImportError:
        return 0.0
    return SETTLE_MS / 1000


def pick_large_document() -> Path | None:
    """The largest UTF-8 document of ../shared/corpus, if present."""
    corpus = ROOT.parent / "shared" / "corpus"
    texts = [p for p in corpus.glob("*.txt") if p.name.count(".") == 1] if corpus.is_dir() else []
    return max(texts, key=lambda p: p.stat().st_size) if texts else None


def time_starts(doc: Path, runs: int, xvfb: bool) -> tuple[list[float], list[float]]:
    """Seconds of ``runs`` warm starts: (to the window showing ``doc``, whole process).

    The first is when the screenshot file was written minus the settle delay that
    --screenshot waits after ``document_opened``: the window was up with the document.
    """
    times: list[float] = []
    shown: list[float] = []
    settle = settle_seconds()
    with tempfile.TemporaryDirectory(prefix="jingdu-bench-") as tmp:
        env = {**os.environ, "JINGDU_DATA_DIR": str(Path(tmp) / "data")}
        cmd = [str(EXE), "--screenshot", str(Path(tmp) / "shot.png"), str(doc)]
        if xvfb:
            env.pop("QT_QPA_PLATFORM", None)
            # One X server for all runs, so the figure is the app's start, not Xvfb's.
            display = ":97"
            server = subprocess.Popen(
                ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(1.0)
            env["DISPLAY"] = display
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        try:
            shot = Path(cmd[2])
            for i in range(runs + 1):  # the first run warms the page cache
                shot.unlink(missing_ok=True)
                wall = time.time()
                start = time.perf_counter()
                proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
                elapsed = time.perf_counter() - start
                if proc.returncode != 0 or not shot.exists():
                    raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stdout}{proc.stderr}")
                if i:
                    times.append(elapsed)
                    shown.append(shot.stat().st_mtime - wall - settle)
        finally:
            if xvfb:
                server.terminate()
                server.wait(5)
    return shown, times


def time_version(runs: int) -> float:
    """Best time of ``jingdu --version`` (bootloader + Python start, no Qt)."""
    best = float("inf")
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run([str(EXE), "--version"], capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def build() -> float:
    """Run packaging/build.sh; returns its wall-clock seconds."""
    start = time.perf_counter()
    subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT, check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="measure the existing build")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print, do not write the report")
    args = parser.parse_args(argv)

    build_s = None if args.no_build else build()
    if not EXE.exists():
        print(f"no build at {APP}: run packaging/build.sh first", file=sys.stderr)
        return 2
    size = folder_bytes(APP)
    tarballs = sorted(APP.parent.glob("jingdu-*.tar.gz"))
    tar_size = tarballs[-1].stat().st_size if tarballs else None
    doc = pick_document()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    version_s = time_version(args.runs)
    offscreen = time_starts(doc, args.runs, xvfb=False)
    xvfb = time_starts(doc, args.runs, xvfb=True) if shutil.which("Xvfb") else None
    large = pick_large_document()
    large_series = time_starts(large, args.runs, xvfb=False) if large else None

    mib = 1024 * 1024
    lines = [
        "# Packaging benchmarks",
        "",
        "## bench_package.py",
        "",
        f"{time.strftime('%a %b %d %H:%M:%S UTC %Y', time.gmtime())}; {platform.platform()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, load average "
        f"{load_before:.1f} before the runs (other work on the machine slows the medians). "
        "`uv run python benchmarks/bench_package.py` (one-folder PyInstaller build).",
        "",
        "| measure | value | target |",
        "|---|---|---|",
    ]
    if build_s is not None:
        lines.append(
            f"| build time (packaging/build.sh, incl. icons and .tar.gz) | {build_s:.0f} s | |"
        )
    lines.append(f"| folder size (packaging/dist/jingdu) | {size / mib:.1f} MiB | ≤ {MAX_MB} MB |")
    if tar_size is not None:
        lines.append(f"| {tarballs[-1].name} | {tar_size / mib:.1f} MiB | |")
    lines.append(f"| `jingdu --version` (bootloader + Python, no Qt), best | {version_s:.2f} s | |")
    for label, series in (("offscreen", offscreen), ("Xvfb (xcb)", xvfb)):
        if series is None:
            continue
        shown, total = series
        lines.append(
            f"| warm start to window with document, {label}: best / median of {len(shown)} "
            f"| {min(shown):.2f} / {statistics.median(shown):.2f} s | ≤ {MAX_START_S} s |"
        )
        lines.append(
            f"| whole `--screenshot` run, {label}: best / median "
            f"| {min(total):.2f} / {statistics.median(total):.2f} s | |"
        )
    if large is not None and large_series is not None:
        shown, total = large_series
        lines.append(
            f"| same, offscreen, with {large.name} ({large.stat().st_size / 1024:.0f} KB): "
            f"best / median | {min(shown):.2f} / {statistics.median(shown):.2f} s | |"
        )
    lines += [
        "",
        f"Runs of `jingdu --screenshot OUT.png {doc.name}` ({doc.stat().st_size / 1024:.0f} KB), "
        "each after one untimed run that warms the disk cache, with a fresh data folder per "
        "series. *Start to window with document* = from launching the process until the PNG "
        f"is written, minus the {settle_seconds() * 1000:.0f} ms that --screenshot waits after "
        "`document_opened` for the layout to settle (so it still includes grabbing and "
        "encoding the PNG). *Whole run* adds that wait and the shutdown.",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    ok = size / mib <= MAX_MB and min(offscreen[0]) <= MAX_START_S
    if not args.no_write:
        REPORT.parent.mkdir(parents=True, exist_ok=True)
        REPORT.write_text(report, encoding="utf-8")
        print(f"wrote {REPORT}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
