"""The dashboard behind nginx, configured by deploy/nginx_conf.py as on a shared server:
nginx (Debian's nginx-light, installed by scripts/test.sh) on 127.0.0.1 in front of
`streamlit run`, and chromium opening the pages through it.

Streamlit's JavaScript comes from nginx, compressed beforehand (Streamlit itself never
compresses its bundles, so a gzip answer proves who sent it); pages, charts and the
WebSocket work through the proxy; and a browser that comes through the proxy is never
taken for one on the server itself, so local mode gives it no upload.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deploy import nginx_conf
from tests.browser import ARTIFACTS, ROOT, background, free_port, open_page, streamlit_app

NGINX = "/usr/sbin/nginx"


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    assert Path(NGINX).exists(), "nginx is needed: scripts/test.sh installs Debian's nginx-light"
    work = tmp_path_factory.mktemp("proxy")
    app_port, proxy_port = free_port(), free_port()
    conf = work / "nginx.conf"
    subprocess.run([sys.executable, "deploy/nginx_conf.py", "--standalone", str(work), "--listen",
                    f"127.0.0.1:{proxy_port}", "--app", f"127.0.0.1:{app_port}", "-o", str(conf)],
                   cwd=ROOT, check=True)
    with streamlit_app(work / "app.duckdb", work, port=app_port), \
            background([NGINX, "-c", str(conf), "-p", str(work), "-g", "daemon off;"], work / "nginx.out",
                       f"http://127.0.0.1:{proxy_port}/_stcore/health"):
        yield f"http://127.0.0.1:{proxy_port}"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 2400})
    yield context.new_page()
    context.close()


def test_pages_work_through_nginx_which_sends_the_static_files(proxied, page):
    answers = []
    page.on("response", lambda r: answers.append((r.url, r.status, r.headers.get("content-encoding"),
                                                  r.headers.get("cache-control"))))
    open_page(page, f"{proxied}/funding", charts=3)
    page.screenshot(path=str(ARTIFACTS / "proxy-funding.png"), full_page=True)
    assert page.locator('[data-testid="stPlotlyChart"] .main-svg').count() >= 3
    assert page.locator('[data-testid="stException"]').count() == 0
    scripts = [a for a in answers if "/static/js/" in a[0] and a[0].endswith(".js")]
    assert len(scripts) > 10, answers[:5]
    assert all(status == 200 for _, status, _, _ in scripts)
    # Sent from nginx's compressed copies (Streamlit sends its bundles uncompressed),
    # and cached for good: their names change with their content.
    assert all(encoding == "gzip" for _, _, encoding, _ in scripts), [a for a in scripts if a[2] != "gzip"][:3]
    assert all("immutable" in (cache or "") for _, _, _, cache in scripts)


def test_a_browser_through_the_proxy_is_not_local(proxied, page):
    open_page(page, f"{proxied}/upload")
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "seul un navigateur ouvert sur le serveur lui-même peut charger des fichiers" in text
    assert page.locator('[data-testid="stFileUploader"]').count() == 0


def test_the_shared_server_file_has_tls_the_upload_limit_and_the_websocket(tmp_path, capsys):
    static = nginx_conf.static_copy(ROOT / "var" / "static")
    site = nginx_conf.site(static, "443", "127.0.0.1:8501", "dashboard.example.org", "/etc/ssl/chain.pem",
                           "/etc/ssl/key.pem")
    assert "listen 443 ssl;" in site and "ssl_certificate /etc/ssl/chain.pem;" in site
    assert "return 301 https://$host$request_uri;" in site
    assert "client_max_body_size 50m;" in site  # maxUploadSize of .streamlit/config.toml
    assert "proxy_set_header Upgrade $http_upgrade;" in site and "X-Forwarded-For" in site
    # Every compressible bundle has its compressed copy, and the copy is the file.
    import gzip

    bundles = list(static.rglob("*.js"))
    assert bundles and all(gzip.decompress(p.with_name(p.name + ".gz").read_bytes()) == p.read_bytes()
                           for p in bundles[:20])
    assert nginx_conf.main(["--cert", "/etc/ssl/chain.pem", "-o", str(tmp_path / "x.conf")]) == 2
    assert "--cert and --key go together" in capsys.readouterr().err
    assert not (tmp_path / "x.conf").exists()
