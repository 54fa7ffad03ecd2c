"""Text folding shared by header matching, synonyms and aliases.

Guarantees: pure functions, memoised because workbooks repeat the same few values
(lead, country, priority) on thousands of rows; `fold` maps strings that a person would read as the same word to the same
key (case, accents, apostrophes, hyphens, spaces and punctuation ignored), and `clean`
keeps what a person wrote, only tidying whitespace.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 16, typed=True)
def clean(value: object) -> str:
    """A cell as display text: whitespace (incl. no-break) collapsed, ends stripped."""
    if value is None:
        return ""
    # str.split() splits on exactly the characters `\s` matches (no-break and thin
    # spaces included): four times faster than replacing them and a regex, and most
    # cells of a plan (action titles, codes) are new to the cache.
    return " ".join(str(value).split())


@lru_cache(maxsize=1 << 16, typed=True)
def clean_multiline(value: object) -> str:
    """Like `clean` but keeps line breaks (means, comments), each line tidied."""
    if value is None:
        return ""
    lines = [clean(line) for line in str(value).splitlines()]
    return "\n".join(line for line in lines if line)


def strip_accents(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


@lru_cache(maxsize=1 << 16, typed=True)
def fold(value: object) -> str:
    """Comparison key: lower case, no accents, words joined by single spaces."""
    text = strip_accents(clean(value)).lower()
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=1 << 16, typed=True)
def fold_compact(value: object) -> str:
    """Comparison key with no spaces at all: `Respon-sable principal` == `responsable principal`."""
    return fold(value).replace(" ", "")


def code_text(value: object) -> str:
    """An axis, effect or action code as written: a code typed as a number comes back
    from the spreadsheet as a float (`1.0`), which is the code `1`."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = clean(value)
    if text[:1].isalpha():  # `Action 1.1.1` (as pasted from the plan's Word table) is `1.1.1`
        text = _CODE_LABEL.sub("", text)
    return text.rstrip(".")


_CODE_LABEL = re.compile(r"^(?:action|activit[ée]|effet|effect|axe|axis)\s*(?:n\s*[°o]\.?)?\s*(?=\d)", re.I)
