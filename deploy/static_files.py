"""Streamlit's static files (its JavaScript, styles and fonts), compressed once and sent
from memory by the dashboard itself, or from disk by nginx.

Guarantees:
- `static_copy` copies the static files of the Streamlit installed for this Python once
  per Streamlit version, each JavaScript, CSS, SVG, JSON and text file gzipped beside
  itself; a copy interrupted half-way is made again. nginx (deploy/nginx_conf.py) sends
  these files; so does `StaticFromMemory`;
- `StaticFromMemory`, an ASGI middleware (serve.py puts it in front of Streamlit), answers
  a GET or HEAD for a file under `/static/` that is in the copy, from a browser that
  accepts gzip, with the compressed bytes, the file's type and the cache headers
  Streamlit itself sends (its names carry a hash of their content: cached for good).
  Each file is read once, when first asked for. Only names found in the copy are
  answered (a request's path is looked up, never joined to a directory), so no path
  reaches outside it; anything else goes to Streamlit unchanged.

Why: a new browser asks for about 130 static files, 9 MB. Streamlit's own handler opens,
reads and streams each one through its middleware stack, uncompressed: about 1 ms of
the server's one Python core per file, 0.1-0.15 CPU-second per new session, more than
a page's run. From memory, compressed, each answer is a dictionary lookup and two
sends (BENCHMARKS.md).
"""

from __future__ import annotations

import gzip
import mimetypes
import os
import shutil
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_COPY = ROOT / "var" / "static"
COMPRESSED = (".js", ".css", ".svg", ".json", ".txt")
CACHE_FOREVER = b"public, immutable, max-age=31536000"


def static_copy(destination: Path = DEFAULT_COPY) -> Path:
    """Streamlit's static files under `destination`, compressed beside themselves; made
    once per Streamlit version (a copy interrupted half-way is made again)."""
    import streamlit

    target = destination / f"streamlit-{streamlit.__version__}"
    if (target / ".complete").exists():
        return target
    partial = destination / f"streamlit-{streamlit.__version__}.partial-{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(Path(streamlit.__file__).resolve().parent / "static" / "static", partial)
    for path in list(partial.rglob("*")):
        if path.suffix in COMPRESSED:
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))
    (partial / ".complete").touch()
    if not (target / ".complete").exists():  # another process may have finished first
        shutil.rmtree(target, ignore_errors=True)
        try:
            os.replace(partial, target)
        except OSError:  # it did, in between: its copy is as good as ours
            pass
    shutil.rmtree(partial, ignore_errors=True)
    return target


def _accepts_gzip(headers: list[tuple[bytes, bytes]]) -> bool:
    for name, value in headers:
        if name == b"accept-encoding":
            return b"gzip" in value.lower()
    return False


class StaticFromMemory:
    """ASGI middleware: Streamlit's static files, gzipped, from memory (see the module)."""

    def __init__(self, app, copy: Path | None = None, base_url: str | None = None):
        self.app = app
        self.copy = copy or static_copy()
        if base_url is None:
            from streamlit import config

            base_url = config.get_option("server.baseUrlPath") or ""
        base = base_url.strip("/")
        self.prefix = f"/{base}/static/" if base else "/static/"
        self.names = {path.relative_to(self.copy).as_posix() for path in self.copy.rglob("*")
                      if path.is_file() and path.suffix != ".gz" and path.name != ".complete"}
        self._answers: dict[str, tuple[list[tuple[bytes, bytes]], bytes]] = {}
        self._lock = threading.Lock()

    def answer(self, name: str) -> tuple[list[tuple[bytes, bytes]], bytes]:
        """The headers and body sent for `name` (one of `self.names`), read once."""
        answer = self._answers.get(name)
        if answer is None:
            with self._lock:
                answer = self._answers.get(name)
                if answer is None:
                    answer = self._answers[name] = self._read(name)
        return answer

    def _read(self, name: str) -> tuple[list[tuple[bytes, bytes]], bytes]:
        path = self.copy / name
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        headers = [(b"content-type", kind.encode("latin-1")), (b"cache-control", CACHE_FOREVER)]
        compressed = path.with_name(path.name + ".gz")
        if compressed.exists():
            body = compressed.read_bytes()
            headers += [(b"content-encoding", b"gzip"), (b"vary", b"Accept-Encoding")]
        else:
            body = path.read_bytes()  # fonts and images are compressed already
        headers.append((b"content-length", str(len(body)).encode("latin-1")))
        return headers, body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            path = scope["path"]
            if path.startswith(self.prefix):
                name = path[len(self.prefix):]
                if name in self.names and _accepts_gzip(scope["headers"]):
                    headers, body = self.answer(name)
                    await send({"type": "http.response.start", "status": 200, "headers": headers})
                    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
                    return
        await self.app(scope, receive, send)
