"""The data set at the Alliance's target size, built through the real loaders.

Guarantees: `build(db)` writes, into benchmarks/out/scale/, one workbook per country
(3 plans × 300 actions with semester marks 2021-S1..2030-S2, costs, leads, partners,
priorities; a `Suivi` sheet with statuses for half of the actions at 3 reporting dates)
and one CSV per country of indicator rows (40 quarters × 14 indicators × 9 sex/age cells
× 7 sources, whose parts add up to their totals), then loads them with
`loaders.ingest` into `db` on top of the shipped data. 30 countries: 27 000 actions,
40 500 statuses, 1 058 400 indicator rows. Deterministic: the same files every time.

Run: .venv/bin/python benchmarks/scale_data.py [--db benchmarks/out/scale.duckdb]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out" / "scale"
sys.path.insert(0, str(ROOT))

COUNTRIES = ["CM", "CI", "SN", "ML", "BF", "NE", "TG", "BJ", "GH", "NG", "TD", "CF", "GA", "CG", "CD", "MG", "MW",
             "UG", "TZ", "KE", "ET", "MA", "TN", "NP", "BD", "PK", "LK", "PH", "VN", "PE"]
SEMESTERS = [f"{y}-S{h}" for y in range(2021, 2031) for h in (1, 2)]
LEADS = ["Ministère du Travail", "Ministère de la Justice", "Ministère des Affaires sociales", "Police nationale",
         "Ministère de l'Éducation", "Comité national"]
PARTNERS = ["BIT", "UNICEF", "OIM", "ONUDC", "Société civile", "Union européenne", "USDOL"]
INDICATORS = ["victims_identified", "victims_assisted", "victims_rescued", "victims_returned", "victims_reintegrated",
              "children_withdrawn", "persons_sensitized", "actors_trained", "campaigns_held", "cases_investigated",
              "persons_arrested", "persons_prosecuted", "persons_convicted", "police_operations"]
SOURCES = [f"Rapport annuel, section {n}" for n in range(1, 8)]
STATUSES = ["Non exécutée", "Planifiée", "En cours", "Achevée"]
PLAN_HEADER = ["Pays", "Plan", "Code axe", "Axe", "Code effet", "Effet", "Code action", "Action", "Priorité",
               "Responsable principal", "Partenaires", "Coût estimé", "Fonds disponibles", "Devise", *SEMESTERS]


def plan_workbook(path: Path, country: str, index: int) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Plan")
    sheet.write_row(0, 0, PLAN_HEADER)
    row = 1
    statuses = []
    for plan in range(1, 4):
        plan_name = f"Plan {plan} {country}"
        for n in range(300):
            axis, effect = n // 100 + 1, n // 20 % 5 + 1
            code = f"{axis}.{effect}.{n % 20 + 1}"
            start = (n * 7 + plan * 3 + index) % 14
            marks = ["X" if start <= k < start + 2 + n % 6 else "" for k in range(len(SEMESTERS))]
            cost = "A définir" if n % 13 == 0 else 5000 + (n * 997 + index * 31) % 95000
            funds = "" if isinstance(cost, str) else (cost * ((n + index) % 5)) // 4
            sheet.write_row(row, 0, [
                country, plan_name, str(axis), f"Axe {axis} : priorité stratégique {axis}", f"{axis}.{effect}",
                f"Effet {axis}.{effect} : résultat attendu {axis}.{effect}", code,
                f"Action {code} du plan {plan} : renforcer la lutte, volet {n}", ("élevée", "moyenne", "faible")[n % 3],
                LEADS[(n + index) % len(LEADS)], "; ".join(PARTNERS[(n + k) % len(PARTNERS)] for k in range(n % 3 + 1)),
                cost, funds, "USD", *marks])
            row += 1
            if n % 2 == 0:
                for k, year in enumerate((2022, 2023, 2024)):
                    statuses.append([country, plan_name, code, dt.date(year, 12, 31).isoformat(),
                                     STATUSES[min(3, (n // 2 + k + index) % 5)], f"Point {year}"])
    status_sheet(book, "Suivi", statuses)
    book.close()


def status_sheet(book, name: str, statuses: list[list]) -> None:
    """A status sheet of `book` (xlsxwriter): its header, then `statuses` (country, plan,
    code, date, status, comment)."""
    sheet = book.add_worksheet(name)
    sheet.write_row(0, 0, ["Pays", "Plan", "Code action", "Date", "Statut", "Commentaire"])
    for r, values in enumerate(statuses, start=1):
        sheet.write_row(r, 0, values)


def indicator_csv(path: Path, country: str, index: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Pays", "Début période", "Fin période", "Indicateur", "Sexe", "Âge", "Valeur", "Source"])
        for quarter in range(40):
            year, q = 2021 + quarter // 4, quarter % 4
            start = dt.date(year, 3 * q + 1, 1)
            end = (dt.date(year + (q == 3), (3 * q + 3) % 12 + 1, 1) - dt.timedelta(days=1))
            for i, indicator in enumerate(INDICATORS):
                for s, source in enumerate(SOURCES):
                    total = 100 + (quarter * 37 + i * 11 + s * 5 + index * 3) % 900
                    women, children = total // 2, total // 3
                    girls = children // 2
                    cells = [("total", "all", total), ("F", "all", women), ("M", "all", total - women),
                             ("total", "children", children), ("total", "adults", total - children),
                             ("F", "children", girls), ("M", "children", children - girls),
                             ("F", "adults", women - girls), ("M", "adults", total - women - children + girls)]
                    for sex, age, value in cells:
                        out.writerow([country, start.isoformat(), end.isoformat(), indicator, sex, age, value, source])


def build(db: Path) -> dict:
    return load(db, written(COUNTRIES, lambda index, country: (OUT / f"plans_{country}.xlsx",
                                                                OUT / f"indicateurs_{country}.csv"),
                            plan_workbook, indicator_csv))


def written(countries: list[str], paths, plan_workbook, indicator_csv) -> list[Path]:
    """Each country's plan workbook and counts file, at `paths(index, country)`, written
    by the two writers unless there already (they are deterministic)."""
    files = []
    for index, country in enumerate(countries):
        plan, counts = paths(index, country)
        plan.parent.mkdir(parents=True, exist_ok=True)
        if not plan.exists():
            plan_workbook(plan, country, index)
        if not counts.exists():
            indicator_csv(counts, country, index)
        files += [plan, counts]
    return files


def load(db: Path, files: list[Path]) -> dict:
    """A fresh database at `db`: the shipped data, then `files` through `loaders.ingest`
    (stopping at the first refused), and what it holds."""
    import loaders
    from loaders.audit import Actor

    db.unlink(missing_ok=True)
    started = time.perf_counter()
    con = loaders.connect(db)
    loaders.ensure_schema(con)
    loaders.sync_shipped(con)
    actor = Actor("benchmark", "cli")
    for path in files:
        report = loaders.ingest(con, path.name, path.read_bytes(), actor=actor)
        if report.status != "loaded":
            raise SystemExit(f"{path.name}: {[i.message_en for i in report.errors][:3]}")
    seconds = time.perf_counter() - started
    sizes = dict(zip(("actions", "statuses", "indicators", "issues"), con.execute(
        "SELECT (SELECT count(*) FROM actions), (SELECT count(*) FROM action_status), "
        "(SELECT count(*) FROM indicator_values), (SELECT count(*) FROM data_issues)").fetchone()))
    con.close()
    return {"seconds": seconds, **sizes}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(ROOT / "benchmarks" / "out" / "scale.duckdb"))
    print(build(Path(parser.parse_args().db)))
