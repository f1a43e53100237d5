#!/usr/bin/env bash
# Build the one-folder bundle into dist/ClusterSecretary (Linux, macOS; on
# Windows run the same pyinstaller line from PowerShell). See docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" -m pip install -q 'pyinstaller>=6'
"$PY" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  packaging/secretary.spec
echo "built: dist/ClusterSecretary/secretary"
