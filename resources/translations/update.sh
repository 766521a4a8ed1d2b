#!/usr/bin/env bash
# Refresh the Chinese translation source (.ts) from the code, then compile it (.qm).
# Run after changing any user-visible string: resources/translations/update.sh
# Translators edit jingdu_zh_CN.ts (Qt Linguist or any editor); lupdate keeps their work.
set -euo pipefail
cd "$(dirname "$0")/../.."
mapfile -t sources < <(find reader -name '*.py' -not -path '*/__pycache__/*' | sort)
uv run pyside6-lupdate -no-obsolete "${sources[@]}" -ts resources/translations/jingdu_zh_CN.ts
uv run pyside6-lrelease resources/translations/jingdu_zh_CN.ts \
    -qm resources/translations/jingdu_zh_CN.qm
