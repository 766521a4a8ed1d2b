"""PyInstaller entry point: the frozen ``jingdu`` executable runs ``reader.__main__.main``."""

from __future__ import annotations

import sys

from reader.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
