"""Regenerate resources/licenses/ from the installed packages (run after dependency updates).

Licence texts come from each package's dist-info where it ships one, else from
Debian's /usr/share/common-licenses (the standard texts), else from the notices
written below. ``components.json`` lists what the About dialog shows.

    uv run --group packaging python packaging/update_licenses.py
"""

from __future__ import annotations

import json
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "licenses"
COMMON = Path("/usr/share/common-licenses")

QT_NOTICE = """\
Qt 6 and Qt for Python (PySide6, Shiboken6)
===========================================

Jingdu is built with Qt {qt} and PySide6 {pyside}, used under the
GNU Lesser General Public License version 3 (LGPL-3.0-only).
Copyright (C) The Qt Company Ltd. and other contributors.

The Qt and PySide6 libraries are shipped as separate, unmodified shared
libraries (the Qt6*.so / Qt6*.dll / Qt frameworks and the PySide6 and
shiboken6 modules inside the application folder). You may replace them with
your own builds of the same versions: the application loads them from its
folder at start-up.

Source code of the exact versions used:
  - Qt:      https://download.qt.io/official_releases/qt/  (qt-everywhere-src-{qt})
             https://code.qt.io/cgit/qt/qtbase.git/ (tag v{qt})
  - PySide6: https://download.qt.io/official_releases/QtForPython/pyside6/
             https://code.qt.io/cgit/pyside/pyside-setup.git/ (tag v{pyside})
If these links stop working, ask the Jingdu developers for a copy of the
source of the versions shipped.

Qt bundles third-party components (ICU, HarfBuzz, FreeType, libpng, libjpeg,
zlib, PCRE2, md4c, and others) under their own permissive licences; the list
and texts are at https://doc.qt.io/qt-6/licenses-used-in-qt.html.

The full texts of the LGPL-3.0 and of the GPL-3.0 it refers to are in
LGPL-3.0.txt and GPL-3.0.txt next to this file.
"""

JIEBA_MIT = """\
jieba {version} (Chinese word segmentation, with its dictionary dict.txt and idf.txt)
https://github.com/fxsjy/jieba

The MIT License (MIT)

Copyright (c) 2013 Sun Junyi

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
"""

DMP_HEADER = """\
diff-match-patch {version} (text re-anchoring of annotations)
Copyright 2018 The diff-match-patch Authors (Neil Fraser et al.).
https://github.com/google/diff-match-patch
Licensed under the Apache License, Version 2.0 (text below).

"""


def _dist_file(dist: str, *names: str) -> str | None:
    """Text of the first licence file shipped in ``dist``'s dist-info, if any."""
    try:
        files = metadata.files(dist) or []
    except metadata.PackageNotFoundError:
        return None
    for f in files:
        if f.name in names and ".dist-info" in str(f):
            return Path(str(f.locate())).read_text(encoding="utf-8")
    return None


def _common(name: str) -> str:
    path = COMMON / name
    if not path.exists():
        sys.exit(f"{path} is missing: install Debian's base-files or copy the {name} text by hand")
    return path.read_text(encoding="utf-8")


def main() -> int:
    """Write the licence files and components.json; returns an exit code."""
    import PySide6
    from PySide6 import QtCore

    OUT.mkdir(parents=True, exist_ok=True)
    qt, pyside = QtCore.qVersion(), PySide6.__version__
    files: dict[str, str] = {
        "Qt-PySide6-NOTICE.txt": QT_NOTICE.format(qt=qt, pyside=pyside),
        "LGPL-3.0.txt": _common("LGPL-3"),
        "GPL-3.0.txt": _common("GPL-3"),
        "jieba-MIT.txt": JIEBA_MIT.format(version=metadata.version("jieba")),
    }
    pd = _dist_file("platformdirs", "LICENSE", "LICENSE.txt")
    if pd is None:
        sys.exit("platformdirs ships no LICENSE in its dist-info: copy it by hand")
    files["platformdirs-MIT.txt"] = f"platformdirs {metadata.version('platformdirs')}\n\n{pd}"
    apache = _dist_file("diff-match-patch", "LICENSE", "LICENSE.txt") or _common("Apache-2.0")
    files["diff-match-patch-Apache-2.0.txt"] = (
        DMP_HEADER.format(version=metadata.version("diff-match-patch")) + apache
    )
    py_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if py_licence.exists():
        files["Python-PSF.txt"] = py_licence.read_text(encoding="utf-8")
    pyi = _dist_file("pyinstaller", "COPYING.txt")
    if pyi is not None:
        files["PyInstaller-bootloader.txt"] = pyi

    components = [
        {
            "name": "Qt",
            "licence": "LGPL-3.0-only",
            "files": ["Qt-PySide6-NOTICE.txt", "LGPL-3.0.txt", "GPL-3.0.txt"],
        },
        {
            "name": "PySide6 / Shiboken6",
            "licence": "LGPL-3.0-only",
            "files": ["Qt-PySide6-NOTICE.txt", "LGPL-3.0.txt"],
        },
        {"name": "jieba", "licence": "MIT", "files": ["jieba-MIT.txt"]},
        {"name": "platformdirs", "licence": "MIT", "files": ["platformdirs-MIT.txt"]},
        {
            "name": "diff-match-patch",
            "licence": "Apache-2.0",
            "files": ["diff-match-patch-Apache-2.0.txt"],
        },
    ]
    if "Python-PSF.txt" in files:
        components.append({"name": "Python", "licence": "PSF-2.0", "files": ["Python-PSF.txt"]})
    if "PyInstaller-bootloader.txt" in files:
        components.append(
            {
                "name": "PyInstaller bootloader",
                "licence": "GPL-2.0-or-later WITH Bootloader-exception",
                "files": ["PyInstaller-bootloader.txt"],
            }
        )
    for font in sorted((ROOT / "resources" / "fonts").glob("*.txt")):
        components.append(
            {"name": font.stem, "licence": "OFL-1.1", "files": [f"../fonts/{font.name}"]}
        )

    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
    (OUT / "components.json").write_text(
        json.dumps(components, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(files)} licence files and components.json to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
