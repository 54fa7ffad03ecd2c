"""Limits on what one uploaded file may cost to read.

Guarantees: a file past any of these is refused before it is parsed, with a sentence,
in bounded time and memory. The upload page's own size cap is `server.maxUploadSize`
in `.streamlit/config.toml`; these apply to the command line too.
"""

MAX_FILE_BYTES = 50 * 1024 * 1024  # a real plan workbook is well under 1 MB
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024  # all parts of an .xlsx, decompressed
MAX_ZIP_ENTRIES = 5_000
MAX_COMPRESSION_RATIO = 200  # deflate of real sheet XML stays far below this
MAX_SHEET_CELLS = 12_000_000  # rows x columns of one sheet's used area
MAX_ROWS = 250_000
HEADER_SEARCH_ROWS = 30  # title rows above the header
