"""The dashboard as Streamlit serves it: app.py, with Streamlit's static files sent from
memory, compressed (deploy/static_files.py), and the process's long-lived objects set
aside from the garbage collector once it has started (deploy/heap.py).

Guarantees: `streamlit run serve.py` runs the same dashboard as `streamlit run app.py`,
with the same options (address, port, secrets), and answers each new browser's ~130
requests for Streamlit's JavaScript and fonts without Streamlit's per-file work; every
other request (the pages, the WebSocket, sign-in, uploads) is Streamlit's own.
"""

import contextlib

from starlette.middleware import Middleware

import streamlit as st
from streamlit.logger import get_logger
from deploy.heap import freeze_long_lived
from deploy.static_files import StaticFromMemory


@contextlib.asynccontextmanager
async def started(_app):
    # Streamlit's runtime has started here, so the pages' caches, made on import, are its own.
    get_logger("dashboard").info("%d long-lived objects set aside from the garbage collector",
                                 freeze_long_lived())
    yield


app = st.App("app.py", middleware=[Middleware(StaticFromMemory)], lifespan=started)
