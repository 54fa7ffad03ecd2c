"""What the browser tests share: a free port, `streamlit run` on 127.0.0.1 with a
database (and secrets) of its own, Debian's chromium through Playwright, and a wait for a
page to be idle with its charts drawn. Nothing is downloaded.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


@contextlib.contextmanager
def background(command: list[str], log: Path, ready: str, seconds: float = 60, env: dict | None = None):
    """`command` running (output in `log`) from the moment `ready` answers to the end of the block."""
    with open(log, "w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for(ready, seconds)
            yield process
        finally:
            process.terminate()
            process.wait(timeout=20)


@contextlib.contextmanager
def streamlit_app(database: Path, log_dir: Path, port: int | None = None, secrets: Path | None = None,
                  address: str = "127.0.0.1"):
    """`streamlit run serve.py` (what scripts/run.sh runs) on 127.0.0.1 with its own database;
    yields its base URL."""
    with streamlit_server(database, log_dir, port, secrets, address) as (base, _process):
        yield base


@contextlib.contextmanager
def streamlit_server(database: Path, log_dir: Path, port: int | None = None, secrets: Path | None = None,
                     address: str = "127.0.0.1"):
    """As `streamlit_app`, yielding the base URL and the server's process."""
    port = port or free_port()
    env = {**os.environ, "DASHBOARD_DB": str(database)}
    command = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
               "--server.address", address, "--server.headless", "true"]
    if secrets is not None:
        command += ["--secrets.files", str(secrets)]
    with background(command, log_dir / f"streamlit-{port}.log", f"http://127.0.0.1:{port}/_stcore/health", 120,
                    env) as process:
        yield f"http://{'localhost' if address == '127.0.0.1' else address}:{port}", process


def launch(playwright):
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: scripts/test.sh installs it"
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def open_page(page: Page, url: str, charts: int = 0) -> None:
    """Open `url` and wait until the app is idle and `charts` Plotly charts are drawn."""
    page.goto(url)
    settle(page, charts)


def settle(page: Page, charts: int = 0) -> None:
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=90_000)
    page.wait_for_selector("h1", timeout=90_000)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        running = page.locator('[data-testid="stStatusWidget"]').count()
        drawn = page.locator('[data-testid="stPlotlyChart"] .main-svg').count()
        if not running and drawn >= charts and page.locator('[data-testid="stSkeleton"]').count() == 0:
            break
        time.sleep(0.25)
    time.sleep(0.5)
