"""Streamlit's static files sent from memory (deploy/static_files.py, serve.py): the
compressed bytes and Streamlit's headers for a file in the copy, and everything else
handed to Streamlit unchanged, including every path that tries to leave the copy."""

from __future__ import annotations

import asyncio
import gzip
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deploy.static_files import StaticFromMemory, static_copy
from tests.browser import streamlit_server

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def copy(tmp_path):
    """A copy laid out as static_copy lays it out: a script gzipped beside itself, a font as is."""
    root = tmp_path / "streamlit-x"
    (root / "js").mkdir(parents=True)
    (root / "media").mkdir()
    script = b"console.log('dashboard');" * 40
    (root / "js" / "index.abc.js").write_bytes(script)
    (root / "js" / "index.abc.js.gz").write_bytes(gzip.compress(script))
    (root / "media" / "font.woff2").write_bytes(b"wOF2 font bytes")
    (tmp_path / "secret.txt").write_text("not for browsers")
    (root / ".complete").touch()
    return root


def _call(middleware, path: str, method: str = "GET", gzip_ok: bool = True):
    """The middleware's answer to one request: (status, headers, body, reached Streamlit)."""
    sent, reached = [], []
    scope = {"type": "http", "method": method, "path": path,
             "headers": [(b"accept-encoding", b"gzip, deflate, br")] if gzip_ok else []}

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)
    middleware.app = _streamlit(reached)
    asyncio.run(middleware(scope, receive, send))
    if reached:
        return None, {}, b"", True
    start, body = sent
    return start["status"], dict(start["headers"]), body["body"], False


def _streamlit(reached: list):
    async def app(scope, receive, send):
        reached.append(scope["path"])
    return app


def test_a_script_is_sent_compressed_with_streamlit_headers(copy):
    middleware = StaticFromMemory(None, copy, base_url="")
    status, headers, body, passed_on = _call(middleware, "/static/js/index.abc.js")
    assert not passed_on and status == 200
    assert gzip.decompress(body) == (copy / "js" / "index.abc.js").read_bytes()
    assert headers[b"content-encoding"] == b"gzip"
    assert headers[b"content-type"].startswith(b"application/javascript") or \
        headers[b"content-type"].startswith(b"text/javascript")
    assert headers[b"cache-control"] == b"public, immutable, max-age=31536000"
    assert int(headers[b"content-length"]) == len(body)


def test_head_sends_the_headers_without_the_body(copy):
    middleware = StaticFromMemory(None, copy, base_url="")
    status, headers, body, _ = _call(middleware, "/static/js/index.abc.js", method="HEAD")
    assert status == 200 and body == b"" and int(headers[b"content-length"]) > 0


def test_a_font_is_sent_as_it_is(copy):
    middleware = StaticFromMemory(None, copy, base_url="")
    status, headers, body, _ = _call(middleware, "/static/media/font.woff2")
    assert status == 200 and body == b"wOF2 font bytes" and b"content-encoding" not in headers


def test_each_file_is_read_once(copy):
    middleware = StaticFromMemory(None, copy, base_url="")
    first = _call(middleware, "/static/js/index.abc.js")[2]
    (copy / "js" / "index.abc.js.gz").write_bytes(b"changed on disk")
    assert _call(middleware, "/static/js/index.abc.js")[2] is first


@pytest.mark.parametrize("path", [
    "/static/../secret.txt", "/static/js/../../secret.txt", "/static//secret.txt", "/static/%2e%2e/secret.txt",
    "/static/js/index.abc.js.gz", "/static/.complete", "/static/js/missing.js", "/static/js", "/secret.txt",
    "/funding", "/_stcore/health",
])
def test_anything_not_a_file_of_the_copy_goes_to_streamlit(copy, path):
    middleware = StaticFromMemory(None, copy, base_url="")
    assert _call(middleware, path)[3], f"{path} was answered from the copy"


def test_a_browser_without_gzip_and_other_methods_go_to_streamlit(copy):
    middleware = StaticFromMemory(None, copy, base_url="")
    assert _call(middleware, "/static/js/index.abc.js", gzip_ok=False)[3]
    assert _call(middleware, "/static/js/index.abc.js", method="POST")[3]


def test_a_base_url_moves_the_static_files_with_it(copy):
    middleware = StaticFromMemory(None, copy, base_url="/dashboard/")
    assert not _call(middleware, "/dashboard/static/js/index.abc.js")[3]
    assert _call(middleware, "/static/js/index.abc.js")[3]


def test_the_copy_is_made_once_with_each_script_compressed_beside_it(tmp_path):
    target = static_copy(tmp_path)
    scripts = list(target.rglob("*.js"))
    assert scripts and all(path.with_name(path.name + ".gz").exists() for path in scripts)
    sample = scripts[0]
    assert gzip.decompress(sample.with_name(sample.name + ".gz").read_bytes()) == sample.read_bytes()
    marker = (target / ".complete").stat().st_mtime_ns
    assert static_copy(tmp_path) == target and (target / ".complete").stat().st_mtime_ns == marker
    assert [path.name for path in tmp_path.iterdir()] == [target.name], "a partial copy was left behind"


def test_serve_py_sends_streamlit_own_files_compressed(tmp_path):
    """`streamlit run serve.py`, as scripts/run.sh starts it: the page's own script comes
    compressed from memory and is byte for byte Streamlit's; the page itself, its health
    check and a file outside the copy are still Streamlit's answers; the server runs on
    uvloop, with its long-lived objects set aside from the garbage collector."""
    import re

    import streamlit

    with streamlit_server(tmp_path / "app.duckdb", tmp_path) as (base, server):
        page = urllib.request.urlopen(f"{base}/funding", timeout=30).read().decode()
        script = re.search(r'static/js/index\.[\w-]+\.js', page).group(0)
        request = urllib.request.Request(f"{base}/{script}", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            served = gzip.decompress(response.read())
        original = Path(streamlit.__file__).resolve().parent / "static" / script
        assert served == original.read_bytes()
        assert urllib.request.urlopen(f"{base}/_stcore/health", timeout=30).read() == b"ok"
        try:
            outside = urllib.request.urlopen(f"{base}/static/../app.py", timeout=30).read()
        except urllib.error.HTTPError as refused:  # Streamlit refuses the path itself
            outside = refused.read()
        assert b"import streamlit" not in outside
        # uvicorn takes uvloop's event loop when it can import it (requirements.txt): the
        # loop that answers every request and WebSocket message, at about two thirds of
        # asyncio's CPU (BENCHMARKS.md).
        assert "/uvloop/loop." in Path(f"/proc/{server.pid}/maps").read_text()
    log = (tmp_path / f"streamlit-{base.rsplit(':', 1)[1]}.log").read_text()
    # Its long-lived objects were set aside once Streamlit had started (deploy/heap.py): no
    # page cache was made before Streamlit's runtime, and nothing was left unfinalized at exit.
    assert "long-lived objects set aside from the garbage collector" in log
    assert "No runtime found" not in log and "leaked" not in log
