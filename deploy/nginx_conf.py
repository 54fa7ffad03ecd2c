"""The nginx configuration of a shared server: nginx sends Streamlit's static files from
disk and passes everything else (the pages, the WebSocket, sign-in) to the dashboard.

Guarantees:
- the static files are those of the Streamlit installed for this Python, copied once per
  Streamlit version into --static-copy (default var/static/) with each JavaScript, CSS
  and SVG file also gzipped beside it (deploy/static_files.py, whose copy the app itself
  sends without nginx): nginx sends the compressed file (gzip_static) and never
  compresses per request. Their names carry a hash per Streamlit version, so
  generate the configuration again after an upgrade;
- the upload limit is `maxUploadSize` of .streamlit/config.toml;
- every request passed on carries X-Forwarded-For, so nobody who comes through the proxy
  counts as local: in local mode, loading stays with a browser on the server itself;
- with --cert and --key, it listens with TLS and sends plain HTTP there (sign-in needs
  HTTPS);
- `--standalone DIR` writes a whole nginx.conf that runs unprivileged from DIR, for the
  tests and the benchmark.

Why: a fresh browser downloads about 9 MB of Streamlit's JavaScript and fonts (2.9 MB
compressed) in about 130 requests. Sent from memory by the dashboard's Python server,
they cost its one core about 0.01 CPU-second per new session (0.075 ms a request on
uvloop, measured on 27 November 2026), taken from the core every session's run shares;
nginx sends them beside it.

Run: .venv/bin/python deploy/nginx_conf.py --server-name dashboard.example.org \
         --cert /etc/letsencrypt/live/.../fullchain.pem --key .../privkey.pem \
         -o /etc/nginx/sites-enabled/dashboard.conf
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

if __package__ in (None, ""):  # run as a script: deploy/ is not a package then
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.static_files import static_copy  # noqa: E402  (nginx sends the same copy)

ROOT = Path(__file__).resolve().parent.parent


def upload_limit_mb() -> int:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return int(config.get("server", {}).get("maxUploadSize", 200))


def server_block(static: Path, listen: str, app: str, server_name: str = "_", cert: str | None = None,
                 key: str | None = None) -> str:
    """One `server` (two with TLS: the HTTPS one and the redirect from HTTP)."""
    tls = f"""
    listen {listen} ssl;
    ssl_certificate {cert};
    ssl_certificate_key {key};""" if cert else f"""
    listen {listen};"""
    block = f"""server {{{tls}
    server_name {server_name};
    client_max_body_size {upload_limit_mb()}m;

    # Streamlit's bundles are named by their content: cached for good by browsers.
    location /static/ {{
        alias {static}/;
        add_header Cache-Control "public, immutable, max-age=31536000";
        gzip_static on;
    }}

    location / {{
        proxy_pass http://{app};
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_read_timeout 1d;   # a meeting keeps its page open all day
        proxy_buffering off;
    }}
}}
"""
    if cert:
        block += f"""
server {{
    listen 80;
    server_name {server_name};
    return 301 https://$host$request_uri;
}}
"""
    return block


UPGRADE_MAP = """map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      close;
}
"""


def site(static: Path, listen: str, app: str, server_name: str = "_", cert: str | None = None,
         key: str | None = None) -> str:
    """A file for /etc/nginx/sites-enabled/ (inside the distribution's `http` block)."""
    return UPGRADE_MAP + "\n" + server_block(static, listen, app, server_name, cert, key)


def standalone(directory: Path, static: Path, listen: str, app: str) -> str:
    """A whole nginx.conf running unprivileged from `directory` (pid, logs, temp files)."""
    temp = directory / "temp"
    return f"""worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{_indent(site(static, listen, app))}}}
"""


def _indent(text: str) -> str:
    return "".join(f"    {line}" if line.strip() else line for line in text.splitlines(keepends=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the nginx configuration of a shared server.")
    parser.add_argument("--app", default="127.0.0.1:8501", help="where `streamlit run` listens")
    parser.add_argument("--listen", help="address:port or port (default 443 with TLS, else 8080)")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--cert", help="TLS certificate chain (PEM)")
    parser.add_argument("--key", help="TLS private key (PEM)")
    parser.add_argument("--standalone", metavar="DIR", help="write a whole nginx.conf that runs from DIR")
    parser.add_argument("--static-copy", default=str(ROOT / "var" / "static"), metavar="DIR",
                        help="where Streamlit's static files are copied and compressed (default var/static)")
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    if bool(args.cert) != bool(args.key):
        print("--cert and --key go together: give both, or neither for plain HTTP.", file=sys.stderr)
        return 2
    listen = args.listen or ("443" if args.cert else "8080")
    static = static_copy(Path(args.static_copy).resolve())
    if args.standalone:
        directory = Path(args.standalone).resolve()
        for part in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (directory / "temp" / part).mkdir(parents=True, exist_ok=True)
        text = standalone(directory, static, listen, args.app)
    else:
        text = site(static, listen, args.app, args.server_name, args.cert, args.key)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
