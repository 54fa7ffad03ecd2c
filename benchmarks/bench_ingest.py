"""Benchmark: rows per second of our ingest vs `pandas.read_excel(engine="openpyxl")`.

Guarantees: generates (once, into benchmarks/out/) a workbook of 50 000 `Plan` rows and
one of 50 000 `Indicateurs` rows that follow the contract; then, each in a fresh
process so peak memory is its own, times (1) pandas reading the sheet with openpyxl,
(2) our `check` (read + parse + validate) and (3) our full `ingest` into an in-memory
DuckDB, in rounds of one run of each (so that a drift in the machine's speed meets every
reader alike); and the time to refuse a few hostile files. Before its clock starts, each
reader has read a 50-row workbook of the same kind, as a running app has read one: what
happens once per process (pandas importing openpyxl, pyarrow's first array, 0.1-0.14 s on
28 November 2026) is not counted against any reader. Prints a table and the ratio
against pandas. It is a measurement, not a test: it asserts nothing.

Run: .venv/bin/python benchmarks/bench_ingest.py [--rows 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
WARM_ROWS = 50
# Each reader reads one of these before its clock starts (see `measure`).
WARM = {"Plan": OUT / f"plan_{WARM_ROWS}.xlsx", "Indicateurs": OUT / f"indicators_{WARM_ROWS}.xlsx"}
sys.path.insert(0, str(ROOT))


def make_plan(path: Path, rows: int) -> None:
    import xlsxwriter

    semesters = [f"{y}-S{h}" for y in range(2021, 2026) for h in (1, 2)]
    header = ["Pays", "Plan", "Code axe", "Axe", "Code effet", "Effet", "Code action", "Action", "Priorité",
              "Responsable principal", "Co-responsables", "Partenaires", "Coût estimé", "Fonds disponibles",
              "Devise", "Moyens", *semesters]
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Plan")
    sheet.write_row(0, 0, ["Plan d'action généré pour le banc d'essai"])
    sheet.write_row(2, 0, header)
    for i in range(rows):
        axis, effect, action = i // 10000 + 1, i // 100 % 100 + 1, i % 100 + 1
        first = i % 100 == 0
        cost = "A définir" if i % 17 == 0 else f"{(i % 50 + 1) * 1000:,}".replace(",", " ")
        sheet.write_row(i + 3, 0, [
            "Cameroun" if first else "", "Plan banc d'essai" if first else "", str(axis) if first else "",
            f"Axe {axis}" if first else "", f"{axis}.{effect}" if first else "", f"Effet {axis}.{effect}" if first else "",
            f"{axis}.{effect}.{action}", f"Action numéro {i}", "élevée" if i % 3 else "moyenne", "MINTSS",
            "MINAS\nMINEFOP", "BIT; UNICEF; Parte-naires sociaux", cost, "0" if i % 5 else "500", "USD",
            "*1 atelier\n*1 étude", *["X" if (i + k) % 4 == 0 else "" for k in range(len(semesters))],
        ])
    book.close()


def make_indicators(path: Path, rows: int) -> None:
    import xlsxwriter

    names = ["Victimes assistées", "Personnes poursuivies", "Personnes condamnées", "Acteurs formés",
             "Personnes sensibilisées", "Affaires ayant fait l'objet d'enquête"]
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Indicateurs")
    sheet.write_row(0, 0, ["Pays", "Début période", "Fin période", "Domaine", "Indicateur", "Sexe", "Âge",
                           "Valeur", "Source", "Organisation"])
    for i in range(rows):
        year, month = 2000 + i // (12 * len(names) * 3) % 30, i // (len(names) * 3) % 12 + 1
        sheet.write_row(i + 1, 0, [
            "Côte d'Ivoire", f"{year}-{month:02d}-01", f"{year}-{month:02d}-28", "traite des personnes",
            names[i % len(names)], ["", "F", "M"][i // len(names) % 3], "", f"{i % 997} ",
            f"Rapport {i // (12 * len(names) * 3 * 30)}", "CNLTP",
        ])
    book.close()


def hostile_files() -> dict[str, bytes]:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            for _ in range(1024):
                part.write(b"\0" * (1 << 20))  # 1 GiB of zeros, about 1 MB compressed
    return {"zip_bomb_1GiB.xlsx": bomb.getvalue(), "truncated.xlsx": bomb.getvalue()[:50_000],
            "not_a_workbook.xlsx": b"Pays;Plan\n" * 1000}


def measure(mode: str, path: str, sheet: str) -> dict:
    """Runs in its own process: one measurement, its time and its peak memory.

    Imports, and one read of a small workbook of the same kind (`WARM`), happen before
    the clock starts, for every reader alike: a running app or a loading session has
    paid for them once.
    """
    import duckdb
    import pandas as pd

    from loaders import check, ensure_schema, ingest

    hostile = hostile_files()[path] if mode == "hostile" else None
    data = Path(path).read_bytes() if mode in ("check", "ingest") else None
    warm = WARM.get(sheet, WARM["Plan"])
    if mode == "pandas_openpyxl":
        pd.read_excel(warm, sheet_name=sheet, engine="openpyxl", header=None)
    elif mode == "ingest":
        scratch = duckdb.connect(":memory:")
        ensure_schema(scratch)
        ingest(scratch, warm.name, warm.read_bytes(), loaded_by="bench")
        scratch.close()
    else:
        check(warm.name, warm.read_bytes(), {})
    con = duckdb.connect(":memory:")
    ensure_schema(con)
    started = time.perf_counter()
    if mode == "pandas_openpyxl":
        rows = len(pd.read_excel(path, sheet_name=sheet, engine="openpyxl", header=None))
    elif mode == "check":
        parsed, issues = check(Path(path).name, data, {})
        assert not issues.errors, issues.errors[:3]
        counts = parsed.counts()
        rows = counts["actions"] + counts["indicator_values"]
    elif mode == "ingest":
        report = ingest(con, Path(path).name, data, loaded_by="bench")
        assert report.status == "loaded", [i.message_en for i in report.errors[:3]]
        rows = report.counts["actions"] + report.counts["indicator_values"]
    elif mode == "hostile":
        _, issues = check(path, hostile, {})
        assert issues.errors
        rows = 0
    else:
        raise SystemExit(f"unknown mode {mode}")
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rows": rows, "seconds": seconds, "peak_mb": peak_mb}


def run_child(mode: str, path: str, sheet: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, path, sheet], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(*args.child)))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    files = {"Plan": OUT / f"plan_{args.rows}.xlsx", "Indicateurs": OUT / f"indicators_{args.rows}.xlsx"}
    for made, rows in ((files, args.rows), (WARM, WARM_ROWS)):
        for sheet, path in made.items():
            if not path.exists():
                (make_plan if sheet == "Plan" else make_indicators)(path, rows)
    print(f"{'workbook':<14} {'reader':<18} {'rows':>7} {'median s':>9} {'rows/s':>9} {'x pandas':>9} {'peak MB':>8}")
    summary = []  # read by benchmarks/bench_pages.py for BENCHMARKS.md
    for sheet, path in files.items():
        baseline = None
        times = {}
        modes = ("pandas_openpyxl", "check", "ingest")
        # Rounds of one run of each reader: on a shared machine whose speed drifts for
        # minutes at a time, every reader meets the same drift.
        rounds = [[run_child(mode, str(path), sheet) for mode in modes] for _ in range(args.repeat)]
        for mode, runs in zip(modes, zip(*rounds)):
            seconds = statistics.median(r["seconds"] for r in runs)
            rows = runs[0]["rows"] if mode != "pandas_openpyxl" else args.rows
            rate = rows / seconds
            baseline = baseline or rate
            times[mode] = seconds
            print(f"{sheet:<14} {mode:<18} {rows:>7} {seconds:>9.2f} {rate:>9.0f} {rate / baseline:>9.1f} "
                  f"{max(r['peak_mb'] for r in runs):>8.0f}")
        summary.append({"workbook": f"{sheet}, {args.rows:,} rows", "pandas": times["pandas_openpyxl"],
                        "ingest": times["ingest"], "ratio": times["pandas_openpyxl"] / times["ingest"]})
    (OUT / "BENCHMARKS_INGEST.json").write_text(json.dumps(summary, indent=1))
    print()
    print(f"{'hostile file':<24} {'refused in s':>12} {'peak MB':>8}")
    for name in hostile_files():
        result = run_child("hostile", name, "-")
        print(f"{name:<24} {result['seconds']:>12.2f} {result['peak_mb']:>8.0f}")


if __name__ == "__main__":
    main()
