"""Who is using the dashboard, and what they may do: the one place pages ask.

Guarantees:
- *Local mode* (no `[auth]` in the secrets): everyone sees the dashboards; loading and
  restoring are allowed only to a browser on the server itself (`st.context.ip_address`
  is a loopback address; anything else, or no address, is not local).
- *Sign-in mode* (`[auth]` present): Streamlit's own `st.login`/`st.user` say who it is;
  `[access]` gives the roles: admins (everything), focal points (their countries only),
  viewers (everyone else signed in; everyone when `view = "public"`). Emails match
  case-insensitively. With `view = "signed-in"` nothing is shown before sign-in.
- A malformed `[access]` stops the app with one sentence naming the key and its line,
  never a traceback and never a silently open server.
- Writes and downloads of original files go through a `Grant` that only `grant()` makes,
  after the role check; `dashboard.db` refuses to act without one.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from loaders.audit import Actor
from loaders.reference import reference

ACCESS_KEYS = {"view", "admins", "focal_points"}
VIEW_MODES = ("public", "signed-in")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ACTIONS = ("load", "restore", "audit", "download_original")


class AccessConfigError(Exception):
    """A sentence for the administrator: what is wrong in `[access]`, and where."""


@dataclass(frozen=True)
class AccessConfig:
    view: str = "public"
    admins: frozenset[str] = frozenset()
    focal_points: tuple[tuple[str, frozenset[str]], ...] = ()  # (country, emails)

    def countries_of(self, email: str) -> frozenset[str]:
        return frozenset(country for country, emails in self.focal_points if email in emails)


@dataclass(frozen=True)
class User:
    mode: str                          # 'local' | 'signin'
    role: str                          # 'local' | 'admin' | 'focal_point' | 'viewer' | 'anonymous'
    email: str | None = None
    countries: frozenset[str] | None = None  # None: every country
    can_view: bool = True

    @property
    def actor(self) -> Actor:
        if self.role == "local":
            return Actor("local", "local")
        return Actor(self.email or "anonymous", self.role if self.role != "anonymous" else "viewer")


@dataclass(frozen=True)
class Grant:
    """Proof that the role check passed for one action; made only by `grant`."""
    action: str
    actor: Actor
    countries: frozenset[str] | None
    _token: object

    def covers(self, countries) -> bool:
        return self.countries is None or set(countries) <= self.countries


_TOKEN = object()


# --- configuration ----------------------------------------------------------------------

def _secrets_files() -> list[Path]:
    files = st.get_option("secrets.files") or []
    return [Path(f) for f in ([files] if isinstance(files, str) else files) if Path(f).is_file()]


def _where(*needles: str) -> str:
    """`FILE, line N` of the first secrets line holding every needle (for the sentence)."""
    for path in _secrets_files():
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for number, line in enumerate(lines, start=1):
            if all(n in line for n in needles):
                return f" ({path}, ligne/line {number})"
    return ""


def _secrets() -> dict:
    try:
        return {key: st.secrets[key] for key in st.secrets}
    except (FileNotFoundError, KeyError):
        return {}
    except Exception as error:  # a secrets file that is not TOML
        raise AccessConfigError(f"secrets.toml : fichier illisible / unreadable file ({error})") from error


def signin_mode() -> bool:
    return "auth" in _secrets()


def parse_access(raw) -> AccessConfig:
    """Validate `[access]`; a problem is one sentence naming the key and its line."""
    if raw is None:
        return AccessConfig()
    raw = dict(raw)
    for key in raw:
        if key not in ACCESS_KEYS:
            raise AccessConfigError(
                f"[access] : clé inconnue « {key} » ; les clés possibles sont view, admins et focal_points{_where(key)}. "
                f"/ [access]: unknown key '{key}'; the keys are view, admins and focal_points.")
    view = raw.get("view", "public")
    if view not in VIEW_MODES:
        raise AccessConfigError(
            f"[access] view = « {view} » : écrivez \"public\" ou \"signed-in\"{_where('view')}. "
            f"/ [access] view = '{view}': write \"public\" or \"signed-in\".")
    admins = frozenset(_emails(raw.get("admins", []), "admins"))
    focal_raw = raw.get("focal_points", {})
    if not hasattr(focal_raw, "items"):
        raise AccessConfigError(
            f"[access] focal_points doit être une table [access.focal_points]{_where('focal_points')}. "
            "/ [access] focal_points must be a table [access.focal_points].")
    known = set(reference().country_names)
    focal = []
    for country, emails in dict(focal_raw).items():
        if country not in known:
            raise AccessConfigError(
                f"[access.focal_points] « {country} » n'est pas un code pays ISO à deux lettres de "
                f"data/reference/countries.csv{_where(country, '=')}. / [access.focal_points] '{country}' is not a "
                "two-letter ISO country code of data/reference/countries.csv.")
        focal.append((country, frozenset(_emails(emails, f"focal_points.{country}"))))
    return AccessConfig(view, admins, tuple(sorted(focal)))


def _emails(value, key: str) -> list[str]:
    if not isinstance(value, (list, tuple)):
        raise AccessConfigError(
            f"[access] {key} doit être une liste d'adresses, p. ex. [\"nom@exemple.org\"]{_where(key.split('.')[-1])}. "
            f"/ [access] {key} must be a list of addresses, e.g. [\"name@example.org\"].")
    emails = []
    for item in value:
        if not isinstance(item, str) or not EMAIL.match(item.strip()):
            raise AccessConfigError(
                f"[access] {key} : « {item} » n'est pas une adresse électronique{_where(str(item))}. "
                f"/ [access] {key}: '{item}' is not an email address.")
        emails.append(item.strip().lower())
    return emails


def config() -> AccessConfig:
    return parse_access(_secrets().get("access"))


# --- who is it ----------------------------------------------------------------------------

def is_loopback(address: str | None) -> bool:
    """Only a browser on the server itself is local; no address is not local."""
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-Ip", "X-Forwarded-Host")


def _client_address() -> str | None:
    """The address the browser's connection comes from. `st.context.ip_address` reports
    a loopback client as None, the same as no address, so the connection's own address
    is read from Streamlit's client context (streamlit.runtime.context, 1.67; the browser
    tests would catch a change). A request that came through a proxy has no address
    here: behind a reverse proxy on the same machine every visitor would look local."""
    from streamlit.runtime.context import _get_client_context

    client = _get_client_context()
    remote = getattr(client, "remote_ip", None) if client is not None else st.context.ip_address
    return address_of(dict(st.context.headers), remote)


def address_of(headers: dict, remote_ip: str | None) -> str | None:
    """The connection's address, or None when the request came through a proxy."""
    names = {name.lower() for name in headers}
    if any(name.lower() in names for name in PROXY_HEADERS):
        return None
    return remote_ip


def _signed_in_email() -> str | None:
    return (st.user.get("email") or "").strip().lower() or None if st.user.is_logged_in else None


def resolve(signin: bool, settings: AccessConfig, address: str | None, email: str | None) -> User:
    """The user of this session, from the mode, the roles and who is there."""
    if not signin:
        if is_loopback(address):
            return User("local", "local")
        return User("local", "viewer")
    if email is None:
        return User("signin", "anonymous", can_view=settings.view == "public")
    if email in settings.admins:
        return User("signin", "admin", email)
    countries = settings.countries_of(email)
    if countries:
        return User("signin", "focal_point", email, countries)
    return User("signin", "viewer", email)


def current_user() -> User:
    signin = signin_mode()
    settings = config()
    return resolve(signin, settings, _client_address(), _signed_in_email() if signin else None)


# --- what may they do ----------------------------------------------------------------------

def may(user: User, action: str) -> bool:
    if action not in ACTIONS:
        raise ValueError(action)
    if user.role in ("local", "admin"):
        return True
    if user.role == "focal_point":
        return action in ("load", "download_original")
    return False


def grant(user: User, action: str) -> Grant | None:
    """The only way to obtain a `Grant`: None when the role does not allow `action`."""
    if not may(user, action):
        return None
    countries = None if user.role in ("local", "admin") else user.countries
    return Grant(action, user.actor, countries, _TOKEN)


def check(grant_: Grant | None, action: str) -> Grant:
    """Raise unless `grant_` is a real grant for `action` (called by every write)."""
    if not isinstance(grant_, Grant) or grant_._token is not _TOKEN or grant_.action != action:
        raise PermissionError(f"{action} needs a grant from dashboard.access.grant")
    return grant_
