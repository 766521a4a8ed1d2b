"""Render docs/screenshot.png: the sample document with highlights, a note, a bookmark
and the find bar open, in the Chinese interface.

Usage: ``uv run python docs/make_screenshot.py [DOCUMENT] [-o docs/screenshot.png]``.
Uses ``../shared/samples/机关党建经验交流.txt`` when present, else the built-in guide.
Everything is made in a temporary data folder; the user's store is never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "samples" / "机关党建经验交流.txt"

#: (quote, colour, note) highlighted when the quote is in the document.
MARKS = [
    ("把机关党建工作放在全市的工作大局中去把握", "yellow", "服务大局：本文的总纲"),
    ("坚持做到把机关党建工作与行政业务工作同步规划", "green", ""),
    ("切实加强机关党组织的建设", "blue", "一是：组织建设"),
]


def seed(store_path: Path, document: Path) -> None:
    """Put a few highlights and a bookmark on ``document`` in a fresh store."""
    from reader.core.annotation import make_annotation
    from reader.core.loader import load_document
    from reader.store.db import Store

    doc = load_document(document)
    with Store.open(store_path) as store:
        record = store.documents.open_document(doc).record
        for quote, color, note in MARKS:
            start = doc.text.find(quote)
            if start < 0:
                continue
            mark = make_annotation(
                doc, "highlight", start, start + len(quote), color=color, note=note
            )
            store.annotations.add(mark.replace(doc_id=record.id))
        second = doc.headings[1].offset if len(doc.headings) > 1 else 0
        bookmark = make_annotation(doc, "bookmark", second, second, label="下次从这里读")
        store.annotations.add(bookmark.replace(doc_id=record.id))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("document", nargs="?", type=Path)
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--query", default="党建")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="jingdu-shot-"))
    os.environ["JINGDU_DATA_DIR"] = str(data)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from reader import paths

    document = args.document or (SAMPLE if SAMPLE.exists() else None)
    if document is None:
        document = paths.resource_path("guide", "jingdu-guide.txt")
    seed(paths.database_path(), document)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.gui.features import install_features
    from reader.gui.fonts import ui_font
    from reader.gui.i18n import install_translators
    from reader.gui.main_window import MainWindow
    from reader.store.db import Store

    app = QApplication([sys.argv[0]])
    app.setFont(ui_font(app.font()))
    install_translators(app, "zh_CN")
    store = Store.open()
    window = MainWindow(store)
    window.features = install_features(window)
    window.resize(1280, 800)
    window.show()

    loop = QEventLoop()
    window.document_opened.connect(lambda _doc: QTimer.singleShot(300, loop.quit))
    QTimer.singleShot(30_000, loop.quit)
    window.open_path(document)
    loop.exec()

    search = window.features.get("reader.gui.search_feature")
    find_bar = getattr(search, "find_bar", None)
    if find_bar is not None and args.query:
        find_bar.open_bar(args.query)
        find_bar.search_now()
        find_bar.wait()
        QTimer.singleShot(300, loop.quit)
        loop.exec()
    doc = window.current_document
    if doc is not None and doc.headings:
        window.go_to_offset(doc.headings[0].offset)  # the first section, with its highlights
    QTimer.singleShot(300, loop.quit)
    loop.exec()
    image = window.grab().toImage()
    ok = image.save(str(args.out), "PNG")
    window.close()
    window.loader.wait(5000)
    store.close()
    print(f"wrote {args.out}" if ok else f"cannot write {args.out}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
