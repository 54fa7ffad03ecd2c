"""The bare page (floor_app.py) served as the dashboard is (serve.py: Streamlit's static
files from memory, compressed), so that the floor bench_pages.py reports is the same
server's floor."""

import sys
from pathlib import Path

from starlette.middleware import Middleware

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # deploy/ lives beside benchmarks/
from deploy.static_files import StaticFromMemory  # noqa: E402

app = st.App("floor_app.py", middleware=[Middleware(StaticFromMemory)])
