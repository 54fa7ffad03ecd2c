"""The dashboard as Streamlit serves it: app.py, with Streamlit's static files sent from
memory, compressed (deploy/static_files.py).

Guarantees: `streamlit run serve.py` runs the same dashboard as `streamlit run app.py`,
with the same options (address, port, secrets), and answers each new browser's ~130
requests for Streamlit's JavaScript and fonts without Streamlit's per-file work; every
other request (the pages, the WebSocket, sign-in, uploads) is Streamlit's own.
"""

from starlette.middleware import Middleware

import streamlit as st
from deploy.static_files import StaticFromMemory

app = st.App("app.py", middleware=[Middleware(StaticFromMemory)])
