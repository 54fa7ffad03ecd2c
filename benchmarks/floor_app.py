"""The least a Streamlit page can be: a title and a line. bench_pages.py serves it to as
many fresh browsers as the dashboard's funding page, so BENCHMARKS.md shows what one
session costs the server before any of the dashboard's own work."""

import streamlit as st

st.title("Streamlit")
st.write("A title and a line: the floor of a session's cost.")
