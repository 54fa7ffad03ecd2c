#!/usr/bin/env bash
# Runs the dashboard on the shipped data (it builds its database from data/ on start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system.sh
bash scripts/setup.sh requirements.txt
exec .venv/bin/streamlit run serve.py "$@"   # app.py, with the static files from memory
