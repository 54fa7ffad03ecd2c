"""Benchmark: the pages on the shipped data and at the Alliance's target size, side by side.

Guarantees: builds the target-size data set through the real loaders
(benchmarks/scale_data.py: 30 countries × 3 plans × 300 actions, statuses for half of
them at 3 dates, 1 058 400 indicator rows over 10 years) and a copy of the shipped data,
then measures in one run, for both:
- under AppTest, each page's first run and its warm rerun (median of --repeat), with no
  filter, with one country, and after a filter change;
- `streamlit run` in headless Debian chromium: the time from `streamlit run` until the
  server answers, the time to each page's first chart, and the bytes the server sends
  to the browser for each page (WebSocket frames);
- 20 viewers opening the funding page at once, each in a tab already open on the server
  (`open_tab`), three such bursts per server (`--bursts`; the median one counts, every
  one is reported): their time to first chart, and apart from the browsers' rendering,
  the server's time per session (each script run's duration, logged by the app:
  dashboard/runlog.py) and its CPU-seconds per session,
  against one viewer's (the median of five sessions opened one after another); the
  app's peak memory (VmHWM); and, for reference, the server's CPU-seconds per session of
  a bare Streamlit page (benchmarks/floor_app.py, served as serve.py serves the dashboard)
  opened by as many browsers; and the same 20 viewers, on both data sets, behind nginx
  configured as deploy/nginx_conf.py does for a shared server (nginx's CPU counted with the app's);
  the browsers run under Linux's idle scheduling policy (`as_viewers`);
  beside each burst: what a server running one session's run at a time, each in one
  viewer's time, would have given the same arrivals (`one_at_a_time`); how long this
  machine stood still for every process during the burst, as a process that does
  nothing but wake every millisecond saw it (`Freezes`); and the same 20 viewers with
  the browsers confined to one core, the server alone on the other;
- the same pages under AppTest and in a browser (bytes sent) on a second data set of
  the same size in another shape (benchmarks/wide_data.py: every optional column, many
  distinct leads and partners, CFA amounts, stated subtotals, monthly counts);
- loading: benchmarks/bench_ingest.py, run first in the same run (50 000-row workbooks,
  pandas with openpyxl against our ingest, the median of five rounds).
It writes BENCHMARKS.md with each target beside its figure, the command and the machine.
A measurement, not a test: it asserts nothing. It talks to 127.0.0.1 only.

Run: .venv/bin/python benchmarks/bench_pages.py [--repeat 5] [--viewers 20] [--bursts 3]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))

PAGES = {"overview": "pages/overview.py", "funding": "pages/funding.py", "schedule": "pages/schedule.py",
         "enforcement": "pages/enforcement.py", "progress": "pages/progress.py", "trends": "pages/trends.py",
         "compare": "pages/compare.py", "meeting": "pages/meeting.py",
         "data_quality": "pages/data_quality.py", "upload": "pages/upload.py", "versions": "pages/versions.py",
         "audit": "pages/audit.py"}
# Charts waited for in the browser (none: the title and the cards): what the shipped data draws first.
CHARTS = {"overview": 0, "funding": 3, "schedule": 4, "enforcement": 3, "progress": 3, "trends": 0, "compare": 2,
          "meeting": 0, "data_quality": 0, "upload": 0, "versions": 0, "audit": 0}
CHROMIUM = "/usr/bin/chromium"
IDLE_SECONDS = 10
ONE_VIEWER = 5  # sessions opened one after another for the one-viewer figures (their median)
FROZEN = 0.01  # seconds: a longer gap between two wakes of the freeze watcher is a freeze
NGINX = "/usr/sbin/nginx"  # Debian's nginx-light, installed by scripts/test.sh
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


# --- AppTest ---------------------------------------------------------------------------------

APPTEST_CHILD = r"""
import json, os, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from dashboard import access
access._client_address = lambda: "127.0.0.1"   # a browser on the server itself
from streamlit.testing.v1 import AppTest
from dashboard import db
pages, repeat, country = json.loads(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
# A server that has just loaded a file has its modules imported and no cached answer:
# every page runs once to import what it imports, then each page's first run follows a
# drop of every cached answer, as a load does (db.drop_answers).
for path in pages.values():
    at = AppTest.from_file(os.path.join(sys.argv[1], "app.py"), default_timeout=900)
    at.run(); at.switch_page(path); at.run()
results = {}
for name, path in pages.items():
    row = {}
    at = AppTest.from_file(os.path.join(sys.argv[1], "app.py"), default_timeout=900)
    db.drop_answers()
    started = time.perf_counter(); at.run(); at.switch_page(path); at.run()
    row["first"] = time.perf_counter() - started
    warm = []
    for _ in range(repeat):
        started = time.perf_counter(); at.run(); warm.append(time.perf_counter() - started)
    row["warm"] = statistics.median(warm)
    at.multiselect(key="country").set_value([country]).run()
    warm = []
    for _ in range(repeat):
        started = time.perf_counter(); at.run(); warm.append(time.perf_counter() - started)
    row["one_country"] = statistics.median(warm)
    changes = []
    for years in (["2023"], ["2024"], [], ["2022"], ["2023"])[:max(repeat, 1)]:
        started = time.perf_counter(); at.multiselect(key="year").set_value(years).run()
        changes.append(time.perf_counter() - started)
    row["filter_change"] = statistics.median(changes)
    row["errors"] = [e.value for e in at.exception][:1]
    results[name] = row
print(json.dumps(results))
"""


def apptest(db: Path, repeat: int) -> dict:
    """Each page as its first visitor after a load (every cached answer dropped), then
    warm, with one country, and after filter changes; in a process of its own."""
    env = {**os.environ, "DASHBOARD_DB": str(db)}
    result = subprocess.run([sys.executable, "-c", APPTEST_CHILD, str(ROOT), json.dumps(PAGES), str(repeat), "CM"],
                            env=env, capture_output=True, text=True, timeout=3600)
    if result.returncode:
        raise SystemExit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- a real server and real browsers ---------------------------------------------------------------

def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


FREEZE_WATCHER = r"""
import sys, time
out, last = open(sys.argv[1], "a", buffering=1), time.time()
while True:
    time.sleep(0.001)
    now = time.time()
    if now - last > float(sys.argv[2]):
        out.write(f"{last:.4f}\t{now:.4f}\n")
    last = now
"""


class Freezes:
    """A process at the server's priority that does nothing but wake every millisecond,
    logging each gap between two wakes longer than `FROZEN`: while it could not run,
    neither could the server (on this 2-core virtual machine, twenty browsers starting
    at once stall every process for up to a few hundred milliseconds at a time, though
    they run at idle priority: measured 28 November 2026). It costs about 0.02 of a core,
    so only the servers whose bursts are measured run one (`Server(watch_freezes=True)`)."""

    def __init__(self, log: Path):
        self.log = log
        log.unlink(missing_ok=True)
        self.process = subprocess.Popen([sys.executable, "-c", FREEZE_WATCHER, str(log), str(FROZEN)])

    def within(self, start: float, end: float) -> tuple[float, float]:
        """Seconds frozen between `start` and `end` (Unix time), in all and the longest."""
        if not self.log.exists():
            return 0.0, 0.0
        frozen = [min(b, end) - max(a, start) for a, b in
                  (map(float, line.split("\t")) for line in self.log.read_text().splitlines())
                  if b > start and a < end]
        return sum(frozen), max(frozen, default=0.0)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def one_at_a_time(arrivals: list[float], service: float) -> float:
    """The median time per session of a server that runs one session's run at a time, in
    order of arrival, each in `service` seconds: the best any one-at-a-time server could
    do with these arrivals, if nothing else slowed it."""
    free, times = float("-inf"), []
    for arrival in sorted(arrivals):
        free = max(arrival, free) + service
        times.append(free - arrival)
    return statistics.median(times) if times else 0.0


class Server:
    """`streamlit run serve.py` (as scripts/run.sh) on 127.0.0.1; with `proxy`, behind nginx
    as deploy/nginx_conf.py configures a shared server (its CPU is counted with the app's)."""

    def __init__(self, db: Path, run_log: Path, app: str = "serve.py", proxy: bool = False,
                 watch_freezes: bool = False):
        self.port = free_port()
        self.nginx = None
        self.run_log = run_log
        run_log.unlink(missing_ok=True)
        env = {**os.environ, "DASHBOARD_DB": str(db), "DASHBOARD_RUN_LOG": str(run_log)}
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", app, "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        self.freezes = Freezes(run_log.with_suffix(".freezes")) if watch_freezes else None
        self._wait_healthy("the app")
        # From `streamlit run` to an answer: imports, the database opened and brought up to date with data/.
        self.ready_seconds = time.perf_counter() - self.started
        if proxy:
            work = self.nginx_dir = OUT / f"nginx-{self.port}"
            port = free_port()
            subprocess.run([sys.executable, "deploy/nginx_conf.py", "--standalone", str(work), "--listen",
                            f"127.0.0.1:{port}", "--app", f"127.0.0.1:{self.port}", "-o", str(work / "nginx.conf")],
                           cwd=ROOT, check=True)
            self.nginx = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work),
                                           "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.base = f"http://127.0.0.1:{port}"
            self._wait_healthy(f"nginx (its log: {work / 'error.log'})")

    def _wait_healthy(self, what: str, seconds: float = 300) -> None:
        import urllib.request

        deadline = time.monotonic() + seconds
        while True:
            try:
                urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=1)
                return
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise SystemExit(f"{what} did not answer on {self.base}")
                time.sleep(0.1)

    def pids(self) -> list[int]:
        """The app, and nginx's master and workers when it runs in front."""
        pids = [self.process.pid]
        if self.nginx is not None:
            pids.append(self.nginx.pid)
            for stat in Path("/proc").glob("[0-9]*/stat"):
                with contextlib.suppress(OSError):
                    if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == self.nginx.pid:
                        pids.append(int(stat.parent.name))
        return pids

    def cpu_seconds(self) -> float:
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in self.pids():
            with contextlib.suppress(OSError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
        return total

    def peak_memory_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def runs(self) -> list[tuple[str, str, float, float, float]]:
        """Each script run: session, page, seconds, when it started (Unix time), and the
        seconds of those it waited for its turn (dashboard/turns.py; 0 if not logged)."""
        if not self.run_log.exists():
            return []
        return [(s, p, float(d), float(t), float(w[0]) if w else 0.0) for s, p, d, t, *w in
                (line.split("\t") for line in self.run_log.read_text().splitlines())]

    def stop(self) -> None:
        if self.nginx is not None:
            self.nginx.terminate()
            self.nginx.wait(timeout=30)
            shutil.rmtree(self.nginx_dir, ignore_errors=True)  # its configuration and logs, one per run
        self.process.terminate()
        self.process.wait(timeout=30)
        if self.freezes is not None:
            self.freezes.stop()


def as_viewers(work, cpu: int | None = None):
    """`work()` run in a forked child under Linux's idle scheduling policy, which the
    Playwright driver and every chromium process it starts inherit (chromium resets nice
    values, not the policy); returns what `work` returns (JSON). The viewers' browsers
    share this machine's two cores with the server here, whereas in use each viewer's
    browser runs on their own computer: at equal priority, twenty tabs rendering take the
    server's CPU and its time per session measures the browsers. This way the server runs
    whenever it has work and the browsers take the rest (their time to first chart still
    counts it). The server itself was started by this process, at normal priority. With
    `cpu`, the browsers are also confined to that core, and the server has the others to
    itself, as when each viewer's browser runs on their own computer."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)

    def child() -> None:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})
        try:
            sending.send(json.dumps({"result": work()}))
        except BaseException as error:  # the parent says what failed
            sending.send(json.dumps({"error": repr(error)}))
    process = context.Process(target=child)
    process.start()
    answer = json.loads(receiving.recv())
    process.join()
    if "error" in answer:
        raise SystemExit(f"the viewers failed: {answer['error']}")
    return answer["result"]


async def first_chart(context, url: str, charts: int, page=None) -> tuple[float, int]:
    """Seconds from opening `url` to its first chart drawn (or, for a page without chart,
    its title and metrics idle), and the bytes the server sent on the WebSocket; in
    `page` if given (a tab already open), else in a new tab of `context`."""
    page = page or await context.new_page()
    received = [0]

    def on_socket(socket):
        socket.on("framereceived", lambda payload: received.__setitem__(
            0, received[0] + len(payload if isinstance(payload, (bytes, str)) else b"")))
    page.on("websocket", on_socket)
    started = time.perf_counter()
    await page.goto(url, timeout=600_000, wait_until="commit")  # 20 tabs on 2 cores load slowly
    if charts:
        await page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=600_000)
    else:
        await page.wait_for_selector("h1", timeout=600_000)
    seconds = time.perf_counter() - started
    # Let the run finish, so every byte of the page is counted: no "running" sign and
    # nothing received for a second (the sign shows only once a run has lasted a while,
    # so its absence alone let a slow page be cut short).
    quiet_since, seen = time.perf_counter(), received[0]
    for _ in range(600):
        await asyncio.sleep(0.1)
        if received[0] != seen or await page.locator('[data-testid="stStatusWidget"]').count():
            quiet_since, seen = time.perf_counter(), received[0]
        elif time.perf_counter() - quiet_since >= 1.0:
            break
    await page.close()
    return seconds, received[0]


async def open_tab(browser, base: str):
    """A viewer's browser with a tab open on the server's address (its health check),
    before the viewer opens a page: chromium starts the tab's processes here, not in a
    burst (twenty tabs starting at once stalled this whole machine for up to 1 s)."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.goto(f"{base}/_stcore/health", timeout=600_000)
    return context, page


async def each_page(browser, base: str) -> dict:
    """Each page opened in a fresh context, one after another: its time to first chart and
    the bytes the server sent for it."""
    pages = {}
    for name in PAGES:
        context = await browser.new_context(viewport={"width": 1280, "height": 900})
        path = "" if name == "overview" else name
        seconds, sent = await first_chart(context, f"{base}/{path}", CHARTS[name])
        pages[name] = {"first_chart": seconds, "bytes": sent}
        await context.close()
    return pages


async def browsers(server: Server, viewers: int, every_page: bool = True, bursts: int = 1) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results: dict = {"pages": await each_page(browser, server.base) if every_page else {},
                         "ready_seconds": server.ready_seconds}
        if not viewers:
            await browser.close()
            return results

        async def one_viewer(tab=None) -> float:
            context, page = tab or await open_tab(browser, server.base)
            try:
                return (await first_chart(context, f"{server.base}/funding", CHARTS["funding"], page))[0]
            finally:
                await context.close()

        def per_session(runs: list, before: set, column: int) -> list[float]:
            """A column of the run log (2: seconds, 4: wait) summed per session not in `before`."""
            totals: dict[str, float] = {}
            for run in runs:
                if run[0] not in before:
                    totals[run[0]] = totals.get(run[0], 0.0) + run[column]
            return list(totals.values())

        if not every_page:
            await one_viewer()  # the first session after a start fills the caches: not what is measured
        # One viewer at a time, ONE_VIEWER times: the median is the baseline the 20 viewers
        # are held against (one session alone varies by half on this machine).
        # The server's own background (its pollers and timers), with no session open: it
        # counts in every per-session figure below, the more so the longer sessions take.
        cpu, idle_started = server.cpu_seconds(), time.perf_counter()
        await asyncio.sleep(IDLE_SECONDS)
        results["idle_cpu_per_s"] = (server.cpu_seconds() - cpu) / (time.perf_counter() - idle_started)
        known = {run[0] for run in server.runs()}
        cpu, alone_started = server.cpu_seconds(), time.perf_counter()
        singles = [await one_viewer() for _ in range(ONE_VIEWER)]
        results["one_seconds_each"] = (time.perf_counter() - alone_started) / ONE_VIEWER
        runs = server.runs()
        results["one"] = {"first_chart": statistics.median(singles),
                          "server": statistics.median(per_session(runs, known, 2) or [0]),
                          "cpu": (server.cpu_seconds() - cpu) / ONE_VIEWER, "sessions": ONE_VIEWER}
        known = {run[0] for run in runs}

        async def burst(known: set) -> dict:
            """`viewers` tabs opened on the server, then the funding page opened in all of them at once."""
            tabs = [await open_tab(browser, server.base) for _ in range(viewers)]
            await asyncio.sleep(IDLE_SECONDS)  # the tabs' start settles before the viewers open the page
            cpu = server.cpu_seconds()
            times = await asyncio.gather(*(one_viewer(tab) for tab in tabs))
            runs = server.runs()
            server_times, waits = per_session(runs, known, 2), per_session(runs, known, 4)
            first_runs: dict[str, float] = {}
            for session, _, _, started, _ in runs:
                first_runs.setdefault(session, started)
            arrivals = sorted(t for s, t in first_runs.items() if s not in known)
            many = {"viewers": viewers, "arrival_spread": arrivals[-1] - arrivals[0] if arrivals else 0.0,
                    "one_at_a_time": one_at_a_time(arrivals, results["one"]["server"]),
                    "first_chart_median": statistics.median(times),
                    "first_chart_max": max(times), "server_median": statistics.median(server_times or [0]),
                    "waited_median": statistics.median(waits or [0]),
                    "cpu_per_session": (server.cpu_seconds() - cpu) / viewers}
            if server.freezes is not None and arrivals:
                burst_end = max(started + seconds for session, _, seconds, started, _ in runs if session not in known)
                many["frozen"], many["frozen_longest"] = server.freezes.within(arrivals[0], burst_end)
            return many

        # A burst's figure depends on how its arrivals fall (on this machine, twenty first
        # runs within 0.4 s or 6.4 s): the bursts' median is the figure, each burst reported beside it.
        results["bursts"] = []
        for _ in range(bursts):
            results["bursts"].append(await burst(known))
            known = {run[0] for run in server.runs()}
        results["many"] = sorted(results["bursts"], key=lambda many: many["server_median"])[len(results["bursts"]) // 2]
        await browser.close()
    results["peak_memory_mb"] = server.peak_memory_mb()
    return results


def floor(viewers: int, proxy: bool = False) -> float:
    """Server CPU-seconds per fresh browser session of a bare Streamlit page
    (benchmarks/floor_app.py, served as serve.py serves the dashboard), `viewers` at once,
    each in a tab already open as the dashboard's viewers are (`open_tab`): Streamlit's
    own share of a session (with `proxy`, behind nginx, nginx's CPU included)."""
    from playwright.async_api import async_playwright

    server = Server(OUT / "floor.duckdb", OUT / "runs-floor.log", app="benchmarks/floor_serve.py", proxy=proxy)

    async def run() -> float:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

            async def one(tab) -> None:
                context, page = tab
                try:
                    await first_chart(context, server.base, 0, page)
                finally:
                    await context.close()
            await one(await open_tab(browser, server.base))
            tabs = [await open_tab(browser, server.base) for _ in range(viewers)]
            await asyncio.sleep(IDLE_SECONDS)
            cpu = server.cpu_seconds()
            await asyncio.gather(*(one(tab) for tab in tabs))
            per_session = (server.cpu_seconds() - cpu) / viewers
            await browser.close()
            return per_session
    try:
        return as_viewers(lambda: asyncio.run(run()))
    finally:
        server.stop()


def pages_only(db: Path, label: str) -> dict:
    """Each page in a browser, as `served` measures them, without the viewers at once."""
    server = Server(db, OUT / f"runs-{label}.log")
    try:
        return as_viewers(lambda: asyncio.run(browsers(server, 0)))["pages"]
    finally:
        server.stop()


def served(db: Path, viewers: int, label: str, proxy: bool = False, cpu: int | None = None,
           bursts: int = 1) -> dict:
    server = Server(db, OUT / f"runs-{label}.log", proxy=proxy, watch_freezes=True)
    try:
        return as_viewers(lambda: asyncio.run(browsers(server, viewers, every_page=not proxy and cpu is None,
                                                       bursts=bursts)), cpu)
    finally:
        server.stop()


# --- the report ---------------------------------------------------------------------------------

def fmt(value: float, unit: str = "s") -> str:
    return f"{value:.2f} {unit}" if unit == "s" else f"{value:,.0f} {unit}"


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def ratio(run: dict) -> float:
    """The median server time per session of the 20 viewers against one viewer's."""
    return run["many"]["server_median"] / max(run["one"]["server"], 1e-9)


def ideal(run: dict | None) -> str:
    """What one run at a time would have given the same arrivals, against one viewer's."""
    if not run or "one_at_a_time" not in run["many"]:
        return "not measured"
    return f"{run['many']['one_at_a_time'] / max(run['one']['server'], 1e-9):.1f}×"


def frozen(run: dict | None) -> str:
    """How long the machine stood still during the burst, in all and the longest stop."""
    if not run or "frozen" not in run["many"]:
        return "not measured"
    return f"{fmt(run['many']['frozen'])} (longest {fmt(run['many']['frozen_longest'])})"


def burst_rows(runs: list[dict], viewers: int, prefix: str = "") -> list[str]:
    """What bounds a burst's ratio: the ideal for its arrivals, and the machine's freezes
    (`runs`: shipped, then at scale if measured)."""
    def cells(figure) -> str:
        return " | ".join([figure(run) for run in runs] + [""] * (2 - len(runs)))
    return [
        f"| {prefix}{viewers} viewers: what a server running one session's run at a time, each in one viewer's "
        f"time, would have given the same arrivals (median against one viewer's; the best any one-at-a-time "
        f"server could do) | {cells(ideal)} | |",
        f"| {prefix}{viewers} viewers: while their runs went on, this machine stood still for every process "
        f"(a process waking every millisecond saw gaps over {FROZEN * 1000:.0f} ms) | {cells(frozen)} | |",
        f"| {prefix}{viewers} viewers, each burst in the order run (the figures above are the median one's): "
        f"median server time per session against one viewer's (first runs' spread; machine frozen) | "
        f"{cells(each_burst)} | |"]


def each_burst(run: dict) -> str:
    """Every burst of a server's measurement: its ratio, its arrivals' spread and its freezes."""
    one = max(run["one"]["server"], 1e-9)
    return "; ".join(f"{many['server_median'] / one:.1f}× ({many['arrival_spread']:.1f} s; {many.get('frozen', 0):.2f} s)"
                     for many in run["bursts"])


def confined_rows(runs: list[dict | None], viewers: int) -> list[str]:
    """The 20 viewers again, with the browsers on one core and the server alone on the other."""
    if not any(runs):
        return []

    def spread(run: dict | None) -> str:
        return f"{run['many']['arrival_spread']:.1f} s" if run else "not measured"

    def server_time(run: dict | None) -> str:
        if not run:
            return "not measured"
        return f"{fmt(run['many']['server_median'])} ({ratio(run):.1f}×; one at a time: {ideal(run)})"
    return [
        f"| browsers confined to one core and the server alone on the other (as when each viewer's browser "
        f"runs on their own computer), {viewers} viewers: median server time per session, against one "
        f"viewer's (first runs began within {spread(runs[0])} shipped, {spread(runs[1])} at scale) | "
        f"{server_time(runs[0])} | {server_time(runs[1])} | for reference |",
        f"| browsers confined to one core: this machine frozen during the burst | "
        f"{frozen(runs[0])} | {frozen(runs[1])} | |"]


def behind_nginx(proxied: dict | None, at_scale: dict | None, viewers: int, floor_cpu: float | None) -> list[str]:
    """The shared server's set-up (deploy/nginx_conf.py): nginx sends the static files.
    `proxied` on the shipped data, `at_scale` on the scale data set."""
    if proxied is None:
        return ["| behind nginx (deploy/nginx_conf.py) | not measured: nginx is not installed "
                "(`bash scripts/system.sh nginx-light`) | | |"]

    def both(figure) -> str:
        return f"{figure(proxied)} | {figure(at_scale) if at_scale else ''}"
    ratios = [r for r in (proxied, at_scale) if r]
    labels = [" shipped", " at scale"] if at_scale else [""]
    spreads = " s shipped, ".join(f"{r['many']['arrival_spread']:.1f}" for r in ratios) + (
        " s at scale" if at_scale else " s")
    return [
        f"| behind nginx (deploy/nginx_conf.py), one viewer (median of {ONE_VIEWER}): server time; "
        f"server CPU per session, app + nginx | "
        f"{both(lambda r: fmt(r['one']['server']) + '; ' + fmt(r['one']['cpu']))} | |",
        f"| behind nginx, {viewers} viewers: median time to first chart (browsers included) | "
        f"{both(lambda r: fmt(r['many']['first_chart_median']))} | |",
        f"| behind nginx, {viewers} viewers: median server time per session (their first runs began within "
        f"{spreads}; median wait for a turn in brackets) | "
        f"{both(lambda r: fmt(r['many']['server_median']) + ' (' + fmt(r['many'].get('waited_median', 0)) + ')')} "
        f"| within 3× one viewer's: "
        f"{', '.join(f'{verdict(ratio(r) <= 3)} ({ratio(r):.1f}×){label}' for r, label in zip(ratios, labels))} |",
        *burst_rows(ratios, viewers, "behind nginx, "),
        f"| behind nginx, {viewers} viewers: server CPU-seconds per session, app + nginx | "
        f"{both(lambda r: fmt(r['many']['cpu_per_session']))} | ≤ 0.1 s on the shipped data: "
        f"{verdict(proxied['many']['cpu_per_session'] <= 0.1)} |",
        *([f"| for reference, the bare Streamlit page behind nginx, {viewers} viewers: server CPU-seconds per "
           f"session, app + nginx | {fmt(floor_cpu)} | | Streamlit's own share |"] if floor_cpu is not None else []),
    ]


def other_shape(shipped: dict, wide: dict) -> list[str]:
    sizes = wide["sizes"]
    lines = ["## The same pages on a data set of another shape", "",
             f"benchmarks/wide_data.py, loaded in {sizes['seconds']:.1f} s: {sizes['actions']:,} actions, "
             f"{sizes['statuses']:,} statuses, {sizes['indicators']:,} monthly indicator rows and "
             f"{sizes['issues']:,} issues, on top of the shipped data; every optional column, 450 leads and 1 200 "
             "partners, CFA amounts, stated subtotals. Same measurements and targets as above; the ratio is to "
             "the shipped data's warm rerun measured just before these pages (in brackets), not at the start "
             "of the run.", "",
             "| page | first run | warm | ratio to shipped | one country | filter change | bytes sent | target |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    reference = wide.get("reference") or shipped["apptest"]
    for name in PAGES:
        a, b = reference[name], wide["apptest"][name]
        sent = wide["pages"][name]["bytes"]
        ok = b["warm"] <= max(2 * a["warm"], 0.05) and b["warm"] <= 0.5 and b["first"] <= 3 and sent <= 2 * 2**20
        lines.append(f"| {name} | {fmt(b['first'])} | {fmt(b['warm'])} | "
                     f"{b['warm'] / a['warm'] if a['warm'] else float('nan'):.1f}× ({fmt(a['warm'])}) | "
                     f"{fmt(b['one_country'])} | "
                     f"{fmt(b['filter_change'])} | {sent:,} | {verdict(ok)} |")
    return lines + [""]


def report(shipped: dict, scale: dict, sizes: dict, args, seconds: float, wide: dict | None = None) -> str:
    lines = ["# Benchmarks", "",
             f"Written by `{' '.join(['.venv/bin/python', 'benchmarks/bench_pages.py', *sys.argv[1:]])}` on "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, in {seconds / 60:.0f} min.",
             f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
             f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, Python "
             f"{platform.python_version()}, {platform.platform()}.", "",
             "The browsers (headless Debian chromium, driven by Playwright) run under Linux's idle scheduling "
             "policy (`SCHED_IDLE`): "
             "they share this machine with the server, whereas in use each viewer's browser runs on their own "
             "computer; so they do not take the server's CPU while it has work, and their own rendering "
             "still counts in every time to first chart. Even so, twenty browsers starting together stop every "
             "process on this machine now and then, the server included, mostly while chromium starts their "
             "processes: so each viewer's tab is open on the server's address (its health check) before the "
             "viewers open the page together, as a viewer's browser is open before they click a link. Beside "
             "each burst, a row says how long the machine stood still during it, and another what the fastest "
             "one-at-a-time server could have done with the same arrivals; the same burst is also measured with "
             f"the browsers confined to one core. How the arrivals fall varies from burst to burst, so each "
             f"server takes {args.bursts} bursts in a row and its figures are the median burst's (by median "
             "server time per session), every burst's ratio reported beside them.", "",
             f"Scale data set (benchmarks/scale_data.py, loaded through the real loaders in "
             f"{sizes['seconds']:.1f} s): {sizes['actions']:,} actions, {sizes['statuses']:,} statuses, "
             f"{sizes['indicators']:,} indicator rows, on top of the shipped data.", "",
             "## Each page under AppTest (median of "
             f"{args.repeat} warm reruns; first run = the app's first run and the page's, every cached answer "
             "dropped as a load drops them)", "",
             "| page | first run, shipped | first run, scale | warm, shipped | warm, scale | ratio | one country, "
             "scale | filter change, scale | target |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name in PAGES:
        a, b = shipped["apptest"][name], scale["apptest"][name]
        warm_ratio = b["warm"] / a["warm"] if a["warm"] else float("nan")
        ok = b["warm"] <= max(2 * a["warm"], 0.05) and b["warm"] <= 0.5 and b["first"] <= 3
        lines.append(f"| {name} | {fmt(a['first'])} | {fmt(b['first'])} | {fmt(a['warm'])} | {fmt(b['warm'])} | "
                     f"{warm_ratio:.1f}× | {fmt(b['one_country'])} | {fmt(b['filter_change'])} | {verdict(ok)} |")
    lines += ["", "Targets: warm rerun at scale within 2× its shipped time (a floor of 0.05 s, below which "
              "AppTest's own overhead dominates) and never above 0.5 s; first run after a load within 3 s.", ""]
    if wide:
        lines += other_shape(shipped, wide)
    lines += [
              "## In a browser: `streamlit run serve.py` (as scripts/run.sh), headless Debian chromium", "",
              "| page | first chart, shipped | first chart, scale | bytes sent, shipped | bytes sent, scale | "
              "target (≤ 2 MB) |", "| --- | --- | --- | --- | --- | --- |"]
    for name in PAGES:
        a, b = shipped["browser"]["pages"][name], scale["browser"]["pages"][name]
        lines.append(f"| {name} | {fmt(a['first_chart'])} | {fmt(b['first_chart'])} | {a['bytes']:,} | "
                     f"{b['bytes']:,} | {verdict(b['bytes'] <= 2 * 2**20)} |")
    starts = [(run["ready_seconds"], run["pages"]["overview"]["first_chart"])
              for run in (shipped["browser"], scale["browser"])]
    lines += ["", "From `streamlit run` to the first page's first chart (the server's start-up, until it "
              "answers: imports, the database opened and brought up to date with data/; then the overview, "
              "the first page opened, as in the table): " + "; ".join(
                  f"{ready:.2f} s + {first:.2f} s = {ready + first:.2f} s {label}"
                  for (ready, first), label in zip(starts, ("shipped", "at scale"))) + "."]
    lines += ["", "## Many viewers at once (the funding page)", "",
              "| | shipped | scale | target |", "| --- | --- | --- | --- |"]
    alone = f"one viewer (median of {ONE_VIEWER} sessions opened one after another)"
    idle = [run.get("idle_cpu_per_s") for run in (shipped["browser"], scale["browser"])]
    if None not in idle:
        each = [run.get("one_seconds_each", 0) for run in (shipped["browser"], scale["browser"])]
        lines.append(f"| the server with no session open: CPU-seconds per second (its background, counted in "
                     f"every figure below: one viewer's sessions took {each[0]:.1f} s and {each[1]:.1f} s each) | "
                     f"{idle[0]:.4f} | {idle[1]:.4f} | |")
    for label, key, unit in ((f"{alone}: time to first chart", ("one", "first_chart"), "s"),
                             (f"{alone}: server time", ("one", "server"), "s"),
                             ("one viewer: server CPU per session", ("one", "cpu"), "s")):
        lines.append(f"| {label} | {fmt(shipped['browser'][key[0]][key[1]])} | "
                     f"{fmt(scale['browser'][key[0]][key[1]])} | |")
    many_a, many_b = shipped["browser"]["many"], scale["browser"]["many"]
    lines += [
        f"| {args.viewers} viewers: median time to first chart (their browsers rendering on these 2 cores "
        f"included) | "
        f"{fmt(many_a['first_chart_median'])} | {fmt(many_b['first_chart_median'])} | |",
        f"| {args.viewers} viewers: slowest time to first chart | {fmt(many_a['first_chart_max'])} | "
        f"{fmt(many_b['first_chart_max'])} | |",
        f"| {args.viewers} viewers: median server time per session (first runs began within "
        f"{many_a['arrival_spread']:.1f} s shipped, {many_b['arrival_spread']:.1f} s at scale; median wait for a "
        f"turn in brackets) | "
        f"{fmt(many_a['server_median'])} ({fmt(many_a.get('waited_median', 0))}) | "
        f"{fmt(many_b['server_median'])} ({fmt(many_b.get('waited_median', 0))}) | within 3× one viewer's: "
        f"{verdict(ratio(shipped['browser']) <= 3)} ({ratio(shipped['browser']):.1f}×) shipped, "
        f"{verdict(ratio(scale['browser']) <= 3)} ({ratio(scale['browser']):.1f}×) at scale |",
        *burst_rows([shipped["browser"], scale["browser"]], args.viewers),
        f"| {args.viewers} viewers: server CPU-seconds per session | {fmt(many_a['cpu_per_session'])} | "
        f"{fmt(many_b['cpu_per_session'])} | ≤ 0.1 s on the shipped data: "
        f"{verdict(many_a['cpu_per_session'] <= 0.1)} |",
        *confined_rows([shipped.get("confined"), scale.get("confined")], args.viewers),
        f"| for reference, a bare Streamlit page (benchmarks/floor_app.py, served like serve.py), "
        f"{args.viewers} viewers: server CPU-seconds per session | {fmt(shipped['floor_cpu'])} | | "
        f"Streamlit's own share |",
        *behind_nginx(shipped["behind_nginx"], scale.get("behind_nginx"), args.viewers,
                      shipped.get("floor_cpu_nginx")),
        f"| the app's peak memory | {fmt(shipped['browser']['peak_memory_mb'], 'MB')} | "
        f"{fmt(scale['browser']['peak_memory_mb'], 'MB')} | ≤ 1.5 GB at scale: "
        f"{verdict(scale['browser']['peak_memory_mb'] <= 1536)} |", ""]
    ingest = ROOT / "benchmarks" / "out" / "BENCHMARKS_INGEST.json"
    lines += ["## Loading", ""]
    if ingest.exists():
        data = json.loads(ingest.read_text())
        lines += ["| workbook | pandas + openpyxl | our ingest | ratio | target (≥ 5×) |", "| --- | --- | --- | --- | --- |"]
        for row in data:
            lines.append(f"| {row['workbook']} | {fmt(row['pandas'])} | {fmt(row['ingest'])} | "
                         f"{row['ratio']:.1f}× | {verdict(row['ratio'] >= 5)} |")
    else:
        lines.append("benchmarks/bench_ingest.py wrote no figures.")
    lines.append(f"\nThe scale data set loads through the real loaders in {sizes['seconds']:.1f} s.")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--viewers", type=int, default=20)
    parser.add_argument("--bursts", type=int, default=3, help="bursts of --viewers per server (their median counts)")
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    args = parser.parse_args()
    started = time.perf_counter()
    # In the same run as the pages: the targets are ratios in one run on this machine.
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_ingest.py"), "--repeat", "5"], check=True)
    from benchmarks import scale_data, wide_data
    import loaders

    OUT.mkdir(parents=True, exist_ok=True)
    scale_db = OUT / "scale.duckdb"
    sizes = scale_data.build(scale_db)
    shipped_db = OUT / "shipped.duckdb"
    shipped_db.unlink(missing_ok=True)
    con = loaders.connect(shipped_db)
    loaders.ensure_schema(con)
    loaders.sync_shipped(con)
    con.close()
    results = {}
    # The two data sets' pages one after the other, then their browsers: the ratios
    # compare what was measured side by side (this machine's speed drifts over minutes).
    for label, db in (("shipped", shipped_db), ("scale", scale_db)):
        work = OUT / f"{label}-run.duckdb"  # a copy: the measured app never changes the data set
        shutil.copy(db, work)
        print(f"{label}: AppTest", flush=True)
        results[label] = {"apptest": apptest(work, args.repeat)}
    for label, db in (("shipped", shipped_db), ("scale", scale_db)):
        work = OUT / f"{label}-run.duckdb"
        shutil.copy(db, work)
        print(f"{label}: browsers", flush=True)
        results[label]["browser"] = served(work, args.viewers, label, bursts=args.bursts)
    if (os.cpu_count() or 1) >= 2:
        for label, db in (("shipped", shipped_db), ("scale", scale_db)):
            work = OUT / f"{label}-run.duckdb"
            shutil.copy(db, work)
            print(f"{label}: {args.viewers} viewers, browsers on one core", flush=True)
            results[label]["confined"] = served(work, args.viewers, f"{label}-confined", cpu=os.cpu_count() - 1)
    results["shipped"]["behind_nginx"] = None
    if Path(NGINX).exists():
        print("shipped behind nginx: 20 viewers", flush=True)
        work = OUT / "shipped-run.duckdb"
        shutil.copy(shipped_db, work)
        results["shipped"]["behind_nginx"] = served(work, args.viewers, "shipped-nginx", proxy=True,
                                                    bursts=args.bursts)
        print("scale behind nginx: 20 viewers", flush=True)
        work = OUT / "scale-run.duckdb"
        shutil.copy(scale_db, work)
        results["scale"]["behind_nginx"] = served(work, args.viewers, "scale-nginx", proxy=True,
                                                  bursts=args.bursts)
    print("another shape: loading, AppTest, pages", flush=True)
    wide = {"sizes": wide_data.build(OUT / "wide.duckdb")}
    # The shipped data again, just before: this machine's speed drifts by a third over the
    # minutes of a run, and a ratio should compare what was measured side by side.
    work = OUT / "shipped-run.duckdb"
    shutil.copy(shipped_db, work)
    wide["reference"] = apptest(work, args.repeat)
    work = OUT / "wide-run.duckdb"
    shutil.copy(OUT / "wide.duckdb", work)
    wide["apptest"] = apptest(work, args.repeat)
    wide["pages"] = pages_only(work, "wide")
    results["wide"] = wide
    print("floor: a bare Streamlit page", flush=True)
    results["shipped"]["floor_cpu"] = floor(args.viewers)
    if Path(NGINX).exists():
        print("floor behind nginx", flush=True)
        results["shipped"]["floor_cpu_nginx"] = floor(args.viewers, proxy=True)
    (OUT / "bench_pages.json").write_text(json.dumps(results, indent=1))
    Path(args.out).write_text(report(results["shipped"], results["scale"], sizes, args,
                                     time.perf_counter() - started, results["wide"]))
    print(Path(args.out).read_text())


if __name__ == "__main__":
    main()
