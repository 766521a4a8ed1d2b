"""The About dialog: version, Qt/PySide6/Python versions and licences of bundled components."""

from __future__ import annotations

import json
import logging
import platform
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader import APP_DISPLAY_NAME, __version__, paths

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Component:
    """A bundled third-party component and the files holding its licence."""

    name: str
    licence: str
    files: tuple[Path, ...]

    def text(self) -> str:
        """All licence texts of the component, one after another."""
        parts = []
        for path in self.files:
            try:
                parts.append(path.read_text(encoding="utf-8"))
            except OSError as exc:
                parts.append(f"[{path.name}: {exc.strerror or exc}]")
        return "\n\n".join(parts)


def load_components(folder: Path | None = None) -> list[Component]:
    """Components listed in resources/licenses/components.json (empty if it is missing)."""
    folder = folder or paths.resource_path("licenses")
    index = folder / "components.json"
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("cannot read licence index %s: %s", index, exc)
        return []
    return [
        Component(e["name"], e["licence"], tuple(folder / f for f in e["files"])) for e in entries
    ]


class AboutDialog(QDialog):
    """Shows what Jingdu is, which versions run, and every bundled licence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Jingdu"))
        self.setObjectName("aboutDialog")
        self.resize(820, 560)
        self._components = load_components()

        icon = QIcon(str(paths.resource_path("icons", "jingdu.svg")))
        logo = QLabel()
        logo.setPixmap(icon.pixmap(64, 64))
        title = QLabel(f"<h2>{APP_DISPLAY_NAME} 精读</h2>")
        self._version = QLabel(self.tr("Version {0}").format(__version__))
        self._version.setObjectName("versionLabel")
        self._version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(self._version)
        top = QHBoxLayout()
        top.addWidget(logo)
        top.addLayout(heading, 1)

        tabs = QTabWidget()
        tabs.addTab(self._about_tab(), self.tr("About"))
        tabs.addTab(self._licences_tab(), self.tr("Licences"))
        self.tabs = tabs

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)

    def _about_tab(self) -> QWidget:
        text = QLabel()
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lines = [
            self.tr("Close reading of long Chinese documents, by their section tree."),
            self.tr("Licensed under the GNU General Public License, version 3 or later."),
            "",
            self.tr("Qt {0}, PySide6 {1}, Python {2}").format(
                qVersion(), PySide6.__version__, platform.python_version()
            ),
            self.tr("Your data: {0}").format(paths.data_dir()),
        ]
        text.setText("<br>".join(lines))
        self.versions_label = text
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(text)
        box.addStretch(1)
        return page

    def _licences_tab(self) -> QWidget:
        self.components_list = QListWidget()
        self.components_list.setObjectName("componentsList")
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setObjectName("licenceText")
        self.licence_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        for comp in self._components:
            item = QListWidgetItem(f"{comp.name} — {comp.licence}")
            item.setData(Qt.ItemDataRole.UserRole, comp.name)
            self.components_list.addItem(item)
        if not self._components:
            item = QListWidgetItem(self.tr("Licence files are missing from this installation."))
            item.setFont(QFont(item.font().family(), -1, QFont.Weight.Bold))
            self.components_list.addItem(item)
        self.components_list.currentRowChanged.connect(self._show_licence)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.components_list)
        splitter.addWidget(self.licence_text)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([220, 580])  # licence texts are hard-wrapped near 80 columns
        if self._components:
            self.components_list.setCurrentRow(0)
        return splitter

    def _show_licence(self, row: int) -> None:
        if 0 <= row < len(self._components):
            self.licence_text.setPlainText(self._components[row].text())
            self.licence_text.moveCursor(self.licence_text.textCursor().MoveOperation.Start)

    def version_text(self) -> str:
        """The version line as shown."""
        return self._version.text()

    def component_names(self) -> list[str]:
        """Names of the bundled components listed with their licences."""
        return [c.name for c in self._components]

    def licence_shown(self) -> str:
        """The licence text currently displayed."""
        return self.licence_text.toPlainText()


def show_about(parent: QWidget | None) -> None:
    """Show the About dialog modally over ``parent``."""
    dialog = AboutDialog(parent)
    dialog.exec()
    dialog.deleteLater()
