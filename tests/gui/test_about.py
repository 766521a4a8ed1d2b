"""The About dialog: version, Qt/PySide6 versions and the licence of every bundled part."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import qVersion
from pytestqt.qtbot import QtBot

from reader import __version__, paths
from reader.gui.dialogs import about
from reader.gui.dialogs.about import AboutDialog, load_components, show_about


def _row_of(dialog: AboutDialog, name: str) -> int:
    return dialog.component_names().index(name)


def test_shows_version_and_qt_versions(qtbot: QtBot) -> None:
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version_text()
    assert qVersion() in dialog.versions_label.text()
    assert dialog.windowTitle() == "About Jingdu"


def test_lists_bundled_components_with_licence_texts(qtbot: QtBot) -> None:
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    names = dialog.component_names()
    for expected in ("Qt", "PySide6 / Shiboken6", "jieba", "platformdirs", "diff-match-patch"):
        assert expected in names
    dialog.components_list.setCurrentRow(_row_of(dialog, "jieba"))
    assert "Permission is hereby granted" in dialog.licence_shown()
    dialog.components_list.setCurrentRow(_row_of(dialog, "Qt"))
    shown = dialog.licence_shown()
    assert "LGPL" in shown and "download.qt.io" in shown  # where to get the source
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in shown
    dialog.components_list.setCurrentRow(_row_of(dialog, "diff-match-patch"))
    assert "Apache License" in dialog.licence_shown()


def test_every_listed_licence_file_exists() -> None:
    components = load_components()
    assert components
    for comp in components:
        for path in comp.files:
            assert path.is_file(), f"{comp.name}: {path} missing"


def test_missing_licence_folder_is_said_not_hidden(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert load_components(tmp_path) == []
    real = paths.resource_path

    def fake(*parts: str) -> Path:
        return tmp_path / "nowhere" if parts[:1] == ("licenses",) else real(*parts)

    monkeypatch.setattr(about.paths, "resource_path", fake)
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.component_names() == []
    assert "missing" in dialog.components_list.item(0).text()


def test_show_about_runs_the_dialog_modally(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    show_about(None)
    assert len(shown) == 1
