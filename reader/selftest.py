"""``jingdu --self-test``: exercise the real code paths of an installed or frozen Jingdu.

Runs in a throw-away data folder (unless ``--data-dir`` is given) and checks, one line
each: the bundled resources, opening the built-in guide with its outline, plain and
whole-word (jieba) search, making a highlight in the store and reading it back after
reopening, and showing the main window with the guide in it.  Prints
``self-test: N passed, M failed`` and returns 0 only when nothing failed.  A piece
that is not built yet is a failure that says what is missing, never a silent pass.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: A short text whose word boundaries any sane segmentation agrees on:
#: 学校|学习 — "学习" is a word, "校学" straddles two words.
WORD_SAMPLE = "他们在学校学习。学校很大，学习很认真。"


class CheckFailed(Exception):
    """A check ran and found something wrong; the message says what."""


@dataclass
class SelfTest:
    """State shared by the checks (documents loaded, folders used)."""

    data_dir: Path
    document_path: Path | None = None
    verbose: bool = False
    timeout: float = 20.0
    doc: Any = None
    results: list[tuple[str, bool, str, float]] = field(default_factory=list)
    started: float = field(default_factory=time.time)
    report: Path | None = None

    def say(self, line: str) -> None:
        """Print one line, and append it to the ``--report`` file when given.

        The report file is for builds without a console (Windows/macOS windowed
        executables), where standard output goes nowhere.
        """
        print(line, flush=True)
        if self.report is not None:
            with self.report.open("a", encoding="utf-8") as f:
                f.write(line + "\n")

    def run(self, name: str, check: Callable[[], str], needs: tuple[str, ...] = ()) -> None:
        """Run one check, record and print its outcome."""
        failed_before = [n for n, ok, _, _ in self.results if not ok and n in needs]
        t0 = time.perf_counter()
        if failed_before:
            ok, detail = False, f"not run: needs {', '.join(failed_before)}"
        else:
            try:
                detail = check()
                ok = True
            except CheckFailed as exc:
                ok, detail = False, str(exc)
            except Exception as exc:
                ok, detail = False, f"{type(exc).__name__}: {exc}"
                if self.verbose:
                    traceback.print_exc()
        elapsed = time.perf_counter() - t0
        self.results.append((name, ok, detail, elapsed))
        self.say(f"{'ok  ' if ok else 'FAIL'} {name} ({elapsed:.2f} s): {detail}")


def _missing(module: str, what: str, exc: BaseException) -> CheckFailed:
    return CheckFailed(f"{what} is missing ({module} cannot be imported: {exc})")


# --- the checks -----------------------------------------------------------------------------


def find_guide() -> Path:
    """The built-in guide document the app opens (reader.paths.guide_path)."""
    from reader import paths

    guide = paths.guide_path()
    if not guide.is_file():
        raise CheckFailed(f"no built-in guide at {guide}")
    return guide


def check_resources(st: SelfTest) -> str:
    """Guide, icon and licence texts are where paths.resource_path looks."""
    import json

    from reader import paths

    guide = find_guide()
    icon = paths.resource_path("icons", "jingdu.svg")
    if not icon.is_file():
        raise CheckFailed(f"app icon missing: {icon}")
    index = paths.resource_path("licenses", "components.json")
    if not index.is_file():
        raise CheckFailed(f"licence index missing: {index}")
    components = json.loads(index.read_text(encoding="utf-8"))
    for comp in components:
        for name in comp["files"]:
            if not (index.parent / name).is_file():
                raise CheckFailed(f"licence text {name} for {comp['name']} missing")
    if st.document_path is None:
        st.document_path = guide
    where = "frozen" if paths.is_frozen() else "source tree"
    return f"{where}; guide {guide.name}, icon, {len(components)} licences"


def check_load(st: SelfTest) -> str:
    """The guide opens as a Document with a section tree."""
    from reader.core.loader import load_document

    assert st.document_path is not None
    doc = load_document(st.document_path)
    if not doc.text.strip():
        raise CheckFailed(f"{st.document_path.name} loaded but is empty")
    st.doc = doc
    if not doc.headings:
        raise CheckFailed(
            f"{st.document_path.name} loaded ({len(doc.text)} chars) but has no headings: "
            "outline detection (reader.core.outline) is missing or found none"
        )
    return f"{len(doc.text)} chars, {len(doc.headings)} headings, title {doc.display_title!r}"


def _search_module() -> Any:
    try:
        import reader.core.search as search
    except ImportError as exc:
        raise _missing("reader.core.search", "search", exc) from exc
    return search


def _query_from(doc: Any) -> str:
    """A short query that certainly occurs in ``doc``: the start of its first heading."""
    for heading in doc.headings:
        # The first run of two or more letters: "一、打开文档" gives "打开", not "一、".
        run = re.search(r"[^\W\d_]{2,}", heading.title)
        if run:
            return run.group()[:2]
    raise CheckFailed("no heading with a word of two or more letters to search for")


def check_search_plain(st: SelfTest) -> str:
    """Plain search finds a heading's words in the guide and both hits in a known text."""
    search = _search_module()
    query = _query_from(st.doc)
    hits = search.find_all(st.doc.text, query, search.SearchOptions())
    if not hits:
        raise CheckFailed(f"plain search for {query!r} found nothing in the guide")
    bad = [h for h in hits if st.doc.text[h.start : h.end].lower() != query.lower()]
    if bad:
        raise CheckFailed(f"hit {bad[0]} does not cover {query!r}")
    if [h.start for h in hits] != sorted(h.start for h in hits):
        raise CheckFailed("hits are not in document order")
    known = search.find_all(WORD_SAMPLE, "学校", search.SearchOptions())
    if [h.start for h in known] != [3, 8]:
        raise CheckFailed(f"expected 学校 at [3, 8] in the sample, got {[h.start for h in known]}")
    return f"{len(hits)} hits for {query!r}"


def check_search_whole_word(st: SelfTest) -> str:
    """Whole-word search with jieba keeps 学习 and rejects 校学 (straddles 学校|学习)."""
    search = _search_module()
    try:
        from reader.core.segment import default_segmenter
    except ImportError as exc:
        raise _missing("reader.core.segment", "the jieba segmenter", exc) from exc
    from reader import paths

    system_cache = Path(tempfile.gettempdir()) / "jieba.cache"
    before = system_cache.stat().st_mtime if system_cache.exists() else None
    seg = default_segmenter()
    seg.ensure_loaded()
    whole = search.SearchOptions(whole_word=True)
    word = search.find_all(WORD_SAMPLE, "学习", whole, segmenter=seg)
    if len(word) != 2:
        raise CheckFailed(f"whole-word 学习 should match twice, got {len(word)}")
    straddle_plain = search.find_all(WORD_SAMPLE, "校学", search.SearchOptions())
    straddle = search.find_all(WORD_SAMPLE, "校学", whole, segmenter=seg)
    if len(straddle_plain) != 1 or straddle:
        raise CheckFailed(
            f"校学: plain should match once ({len(straddle_plain)}), whole-word never "
            f"({len(straddle)})"
        )
    guide_query = _query_from(st.doc)
    guide_hits = search.find_all(st.doc.text, guide_query, whole, segmenter=seg)

    import jieba

    dict_file = Path(jieba.__file__).resolve().parent / "dict.txt"
    if not dict_file.is_file():
        raise CheckFailed(f"jieba's dictionary is not bundled ({dict_file} missing)")
    cache_dir = paths.cache_dir().resolve()
    tokenizer = getattr(seg, "tokenizer", None) or jieba.dt
    tmp_dir = getattr(tokenizer, "tmp_dir", None)
    if not tmp_dir or not Path(tmp_dir).resolve().is_relative_to(cache_dir):
        raise CheckFailed(f"jieba's cache folder is {tmp_dir!r}, not inside {cache_dir}")
    if not any(Path(tmp_dir).glob("*.cache")):
        raise CheckFailed(f"jieba wrote no cache file into {tmp_dir}")
    after = system_cache.stat().st_mtime if system_cache.exists() else None
    if after is not None and after != before and after >= st.started - 1:
        raise CheckFailed(f"jieba wrote its cache to the system temp folder: {system_cache}")
    return (
        f"学习 ×2, 校学 ×0; {len(guide_hits)} whole-word hits for {guide_query!r} in the guide; "
        f"dictionary {dict_file.parent.name}/dict.txt, cache in {tmp_dir}"
    )


def check_keywords(st: SelfTest) -> str:
    """Keywords of the guide come out of jieba plus its bundled IDF table."""
    try:
        from reader.core.keywords import top_keywords
        from reader.core.segment import default_segmenter
    except ImportError as exc:
        raise _missing("reader.core.keywords", "keyword extraction", exc) from exc
    keywords = top_keywords(st.doc.text, k=5, segmenter=default_segmenter())
    if not keywords:
        raise CheckFailed("no keywords for the guide")
    return ", ".join(word for word, _ in keywords)


def check_store(st: SelfTest) -> str:
    """A highlight made through the store survives closing and reopening it."""
    try:
        from reader.store.db import Store
    except ImportError as exc:
        raise _missing("reader.store.db", "the store", exc) from exc
    try:
        from reader.core.annotation import make_annotation
    except ImportError as exc:
        raise _missing("reader.core.annotation", "the annotation model", exc) from exc
    from reader import paths

    doc = st.doc
    db_path = paths.database_path()
    start = max(0, doc.text.find(_query_from(doc)))
    end = min(len(doc.text), start + 8)
    store = Store.open(db_path)
    try:
        opened = store.documents.open_document(doc)
        doc_id = opened.record.id
        made = make_annotation(
            doc, "highlight", start, end, color="yellow", note="self-test", doc_id=doc_id
        )
        saved = store.annotations.add(made)
        if saved.id is None:
            raise CheckFailed("annotations.add returned an annotation without an id")
    finally:
        store.close()
    store = Store.open(db_path)
    try:
        reopened = store.documents.open_document(doc)
        if reopened.record.id != doc_id:
            raise CheckFailed(f"document id changed on reopening: {doc_id} -> {reopened.record.id}")
        back = [a for a in reopened.annotations if a.uuid == saved.uuid]
        if not back:
            raise CheckFailed("the highlight was not there after reopening the store")
        got = back[0]
        if (got.start, got.end, got.quote, got.color) != (
            start,
            end,
            doc.text[start:end],
            "yellow",
        ):
            raise CheckFailed(f"highlight read back differs: {got}")
    finally:
        store.close()
    if not db_path.resolve().is_relative_to(st.data_dir.resolve()):
        raise CheckFailed(f"database at {db_path}, outside the data folder {st.data_dir}")
    return (
        f"highlight {start}–{end} {doc.text[start:end]!r} saved and read back from {db_path.name}"
    )


def _application() -> Any:
    """The QApplication, offscreen when there is no screen to show a window on."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "jingdu"])
    return app


def check_window(st: SelfTest) -> str:
    """The main window, with its store and features, shows and opens the guide."""
    app = _application()
    try:
        from reader.gui.main_window import MainWindow
    except ImportError as exc:
        raise _missing("reader.gui.main_window", "the main window", exc) from exc
    from PySide6.QtCore import QEventLoop, QTimer

    store: Any = None
    try:
        from reader.store.db import Store

        store = Store.open()
    except ImportError:
        pass  # reported by the store check; the window must still work without a store
    window = MainWindow(store)
    try:
        try:
            from reader.gui.features import install_features
        except ImportError as exc:
            raise _missing("reader.gui.features", "the feature modules", exc) from exc
        window.features = install_features(window)
        opened: list[Any] = []
        loop = QEventLoop()

        def on_opened(doc: Any) -> None:
            opened.append(doc)
            loop.quit()

        window.document_opened.connect(on_opened)
        window.show()
        assert st.document_path is not None
        window.open_path(st.document_path)
        if not opened:
            QTimer.singleShot(int(st.timeout * 1000), loop.quit)
            loop.exec()
        app.processEvents()
        if not opened:
            raise CheckFailed(f"document_opened not emitted within {st.timeout:.0f} s")
        if not window.isVisible():
            raise CheckFailed("the main window is not visible")
        current = window.current_document
        if current is None or current.text_hash != st.doc.text_hash:
            raise CheckFailed("the window's current_document is not the guide")
        missing_menus = {"file", "edit", "view", "go", "tools", "help"} - set(window.menus)
        if missing_menus:
            raise CheckFailed(f"menus missing: {', '.join(sorted(missing_menus))}")
        if store is not None and store.documents.find(current) is None:
            raise CheckFailed("the window opened the guide but did not record it in the store")
        features = window.features
        count = len(features) if hasattr(features, "__len__") else 0
        return f"platform {app.platformName()}, {len(current.text)} chars shown, {count} features"
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        if store is not None:
            store.close()


def check_about(st: SelfTest) -> str:
    """The About dialog lists the version and every bundled licence."""
    _application()
    from reader import __version__
    from reader.gui.dialogs.about import AboutDialog

    dialog = AboutDialog(None)
    try:
        names = dialog.component_names()
        if len(names) < 3:
            raise CheckFailed(f"only {len(names)} components listed")
        if __version__ not in dialog.version_text():
            raise CheckFailed("version not shown")
        return f"version {__version__}, {len(names)} components"
    finally:
        dialog.deleteLater()


def check_translations(st: SelfTest) -> str:
    """Our compiled translations and Qt's own Chinese ones load."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from reader import paths

    folder = paths.resource_path("translations")
    compiled = sorted(folder.glob("*.qm")) if folder.is_dir() else []
    if not compiled:
        raise CheckFailed(f"no compiled translations (.qm) in {folder}")
    for qm in compiled:
        translator = QTranslator()
        if not translator.load(str(qm)) or translator.isEmpty():
            raise CheckFailed(f"{qm.name} does not load as a Qt translation")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator()
    if not qt_translator.load("qtbase_zh_CN", qt_dir):
        raise CheckFailed(f"Qt's own qtbase_zh_CN.qm is not in {qt_dir}")
    return f"{', '.join(q.stem for q in compiled)}; Qt's qtbase_zh_CN"


# --- driver ---------------------------------------------------------------------------------


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="jingdu --self-test",
        description="Check that this Jingdu build can open, search, highlight and show documents.",
    )
    parser.add_argument("--data-dir", type=Path, help="use and keep this data folder")
    parser.add_argument("--document", type=Path, help="open this file instead of the guide")
    parser.add_argument(
        "--timeout", type=float, default=20.0, help="seconds to wait for the window"
    )
    parser.add_argument("--report", type=Path, help="also write the results to this file")
    parser.add_argument("--only", metavar="NAMES", help="run only these checks (comma-separated)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print tracebacks")
    return parser.parse_args(argv)


#: Check name -> (function, checks it needs), in the order they run.
CHECKS: dict[str, tuple[Callable[[SelfTest], str], tuple[str, ...]]] = {
    "resources": (check_resources, ()),
    "open-document": (check_load, ("resources",)),
    "search": (check_search_plain, ("open-document",)),
    "whole-word-search": (check_search_whole_word, ("open-document",)),
    "keywords": (check_keywords, ("open-document",)),
    "store-highlight": (check_store, ("open-document",)),
    "main-window": (check_window, ("open-document",)),
    "about-dialog": (check_about, ()),
    "translations": (check_translations, ()),
}


def _selected(only: str | None) -> set[str]:
    """The checks to run: ``only`` (comma-separated) plus what they need; all by default."""
    if not only:
        return set(CHECKS)
    wanted = {name.strip() for name in only.split(",") if name.strip()}
    unknown = wanted - set(CHECKS)
    if unknown:
        raise ValueError(
            f"unknown check(s) {', '.join(sorted(unknown))}; known: {', '.join(CHECKS)}"
        )
    pending = list(wanted)
    while pending:
        for need in CHECKS[pending.pop()][1]:
            if need not in wanted:
                wanted.add(need)
                pending.append(need)
    return wanted


def run_self_test(argv: list[str]) -> int:
    """Run the checks; returns 0 when all passed, 1 otherwise (2 for bad arguments)."""
    try:
        args = _parse(argv)
        wanted = _selected(args.only)
    except SystemExit as exc:
        return int(exc.code or 0)
    except ValueError as exc:
        print(f"jingdu --self-test: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING)
    temp: Path | None = None
    if args.data_dir is not None:
        data_dir = args.data_dir.expanduser().resolve()
    else:
        temp = Path(tempfile.mkdtemp(prefix="jingdu-selftest-"))
        data_dir = temp / "data"
    saved_env = {k: os.environ.get(k) for k in ("JINGDU_DATA_DIR", "JINGDU_CACHE_DIR")}
    os.environ["JINGDU_DATA_DIR"] = str(data_dir)
    os.environ["JINGDU_CACHE_DIR"] = str(data_dir / "cache")
    from reader import __version__

    st = SelfTest(data_dir=data_dir, document_path=args.document, verbose=args.verbose)
    st.timeout = args.timeout
    if args.report is not None:
        st.report = args.report.expanduser().resolve()
        st.report.write_text("", encoding="utf-8")
    st.say(f"jingdu {__version__} self-test, data folder {data_dir}")
    try:
        for name, (check, needs) in CHECKS.items():
            if name in wanted:
                st.run(name, functools.partial(check, st), needs=needs)
    finally:
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    failed = [name for name, ok, _, _ in st.results if not ok]
    passed = len(st.results) - len(failed)
    st.say(f"self-test: {passed} passed, {len(failed)} failed")
    if failed:
        st.say(f"self-test failed: {', '.join(failed)}")
        return 1
    return 0
