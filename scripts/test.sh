#!/usr/bin/env bash
# Runs the whole test suite: loaders, pages (AppTest), the country brief (read back with
# poppler's pdftotext and pdftoppm) and the browser tests, which drive Debian's chromium
# through Playwright (no browser is downloaded).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system.sh poppler-utils nginx-light
bash scripts/setup.sh requirements-dev.txt
exec .venv/bin/python -m pytest "$@"
