"""Jingdu (精读): a desktop reader for long Chinese documents."""

from importlib import metadata

try:
    __version__ = metadata.version("jingdu")
except metadata.PackageNotFoundError:  # frozen build or plain source tree
    __version__ = "0.1.0"

APP_NAME = "jingdu"
APP_DISPLAY_NAME = "Jingdu"
