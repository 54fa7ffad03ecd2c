"""`python -m dashboard.brief --country CC [--plan NAME] [--lang fr|en] -o FILE.pdf|FILE.pptx`

Guarantees: the same brief as the dashboard's button, from the same database (it is
brought up to date with data/ first, as the app does); the format follows the
extension; a wrong country or plan, or a brief that cannot be made, ends with one
sentence on stderr and exit code 2, never a trace.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import streamlit.logger

# Streamlit's caches work outside a server; their "no runtime" notices are not for this user.
streamlit.logger.set_log_level("error")

from ..money import rates  # noqa: E402  (after the log level)
from ..scope import Scope  # noqa: E402
from . import FORMATS, BriefError, make  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.brief", description=__doc__.splitlines()[0])
    parser.add_argument("--country", required=True, action="append", help="ISO code, e.g. CM (repeatable)")
    parser.add_argument("--plan", action="append", default=[], help="a plan's name (repeatable)")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--currency", choices=tuple(rates()), default="USD")
    parser.add_argument("-o", "--output", required=True, type=Path, help="FILE.pdf or FILE.pptx")
    args = parser.parse_args(argv)
    # Streamlit's caches work outside a server; their "no script run" notices are not for this user.
    from .. import db, queries

    try:
        return _run(args, queries)
    finally:
        db.database().close()  # a clean exit: DuckDB's objects released before the interpreter's end


def _run(args, queries) -> int:
    fmt = args.output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        print(f"brief: {args.output} must end in .pdf or .pptx", file=sys.stderr)
        return 2
    known = queries.countries()
    countries = tuple(c.upper() for c in args.country)
    unknown = [c for c in countries if c not in known]
    if unknown:
        print(f"brief: no data for {', '.join(unknown)}; loaded countries: {', '.join(known)}", file=sys.stderr)
        return 2
    plans = queries.plans_of(countries)
    wrong = [p for p in args.plan if p not in plans]
    if wrong:
        print(f"brief: no plan named {'; '.join(wrong)} for {', '.join(countries)}; plans: {'; '.join(plans)}",
              file=sys.stderr)
        return 2

    def progress(step, detail):
        if step == "charts":
            print(f"charts {detail[0]}/{detail[1]}", file=sys.stderr)
        else:
            print(step, file=sys.stderr)

    try:
        data = make(Scope(countries=countries, plans=tuple(args.plan)), args.currency, rates()["USD"].per_eur,
                    args.lang, fmt, progress)
    except BriefError as problem:
        print(f"brief: {problem}", file=sys.stderr)
        return 2
    args.output.write_bytes(data)
    print(f"{args.output}: {len(data):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
