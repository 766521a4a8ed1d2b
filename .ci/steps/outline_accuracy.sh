#!/usr/bin/env bash
# CI step: outline accuracy and encoding detection on ../shared (when it is there).
# Fails when heading F1 < 0.97, parent < 0.95, title < 0.95 or any encoding is wrong.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d ../shared/corpus ]; then
    echo "outline_accuracy.sh: no ../shared/corpus here; nothing to check"
    exit 0
fi
uv run python benchmarks/outline_accuracy.py --no-write | tail -n 3
