"""The windowed application (placeholder until the main window lands)."""

from __future__ import annotations


def run(argv: list[str]) -> int:
    """Start the GUI with command-line ``argv``; returns the exit code."""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([])
    label = QLabel(QApplication.translate("app", "Jingdu"))
    label.show()
    return int(app.exec())
