"""A second data set at the target size, in another shape than scale_data.py's.

Guarantees: `build(db)` writes, into benchmarks/out/wide/, one workbook and one CSV per
country, then loads them with `loaders.ingest` into `db` on top of the shipped data,
and returns the sizes. What differs from scale_data.py, so that pages are measured on
more than one shape:
- country names as people write them (`Sénégal`, `République centrafricaine`, `RDC`);
- every optional column: co-leads, funding source, means, horizon, currency by suffix
  (`17 500 000 F CFA`, `5.000 FCFA`) with `Devise` left empty, semesters written `2021 S1`;
- many distinct names: 15 leads and 40 partners per country (450 and 1 200 in all), axis
  and effect labels per plan, action texts up to 400 characters;
- stated subtotals per effect (a quarter of them wrong) and a stated plan total, pooled
  and not-yet-costed actions;
- a `Avancement` sheet with every action's status at 6 dates (162 000 statuses);
- monthly counts over 10 years with theme, organisation and action code (302 400 rows).
30 countries: 27 000 actions. Deterministic: the same files every time.

Run: .venv/bin/python benchmarks/wide_data.py [--db benchmarks/out/wide.duckdb]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out" / "wide"
sys.path.insert(0, str(ROOT))

COUNTRIES = ["Cameroun", "Côte d'Ivoire", "Sénégal", "Mali", "Burkina Faso", "Niger", "Togo", "Bénin", "Ghana",
             "Nigeria", "Tchad", "République centrafricaine", "Gabon", "Congo", "RDC", "Madagascar", "Malawi",
             "Ouganda", "Tanzanie", "Kenya", "Éthiopie", "Maroc", "Tunisie", "Népal", "Bangladesh", "Pakistan",
             "Sri Lanka", "Philippines", "Viêt Nam", "Pérou"]
CFA = {"Cameroun", "Côte d'Ivoire", "Sénégal", "Mali", "Burkina Faso", "Niger", "Togo", "Bénin", "Tchad",
       "République centrafricaine", "Gabon", "Congo"}
SEMESTERS = [f"{y} S{h}" for y in range(2019, 2031) for h in (1, 2)]
INDICATORS = ["Victimes identifiées", "victims_assisted", "victims_rescued", "victims_returned",
              "victims_reintegrated", "children_withdrawn", "persons_sensitized", "actors_trained", "campaigns_held",
              "cases_investigated", "persons_arrested", "persons_prosecuted", "persons_convicted", "police_operations"]
THEMES = ["travail des enfants", "travail forcé", "traite des personnes", "esclavage moderne"]
STATUSES = ["Non exécutée", "Planifiée", "En cours", "Achevée", "Atteinte", "Non atteinte"]
HEADER = ["Pays", "Plan", "Axe", "Code effet", "Effet", "Code action", "Action", "Priorité", "Responsable principal",
          "Co-responsables", "Partenaires", "Coût estimé", "Fonds disponibles", "Source des fonds", "Devise",
          "Moyens", "Horizon", *SEMESTERS]


def _amount(value: int, separator: str, cfa: bool, suffix: str) -> str:
    return f"{value:,}".replace(",", separator) + (suffix if cfa else "")


def plan_workbook(path: Path, country: str, index: int) -> None:
    import xlsxwriter

    from benchmarks.scale_data import status_sheet

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Plan d'action")
    sheet.write_row(0, 0, HEADER)
    leads = [f"Direction régionale n°{k} ({country})" for k in range(15)]
    partners = [f"Partenaire {k} ({country})" for k in range(40)]
    cfa = country in CFA
    row, statuses = 1, []
    for number in range(1, 4):
        plan = f"Plan national {country} {2016 + 3 * number}-{2020 + 3 * number}"
        for a in range(1, 6):
            axis = f"{a} - Axe {a} du plan {number} : prévention, protection et poursuites ({country})"
            for e in range(1, 7):
                effect_code, stated = f"{a}.{e}", 0
                for n in range(1, 11):
                    i = (a * 60 + e * 10 + n) * 7 + index + number
                    code = f"{effect_code}.{n}"
                    value = 1000 * (5 + i % 200)
                    if i % 17 == 0:
                        cost, funds = f"Action à cumuler avec l'action {effect_code}.1", ""
                    elif i % 11 == 0:
                        cost, funds = "TBD", ""
                    else:
                        stated += value
                        cost = _amount(value, " ", cfa, " F CFA")
                        funds = _amount(value * (i % 4) // 3, ".", cfa, " FCFA")
                    start = i % 20
                    marks = ["x" if start <= k < start + 1 + i % 5 else "" for k in range(len(SEMESTERS))]
                    sheet.write_row(row, 0, [
                        country, plan, axis, effect_code, f"Effet {effect_code} : résultat {effect_code} du plan {number}",
                        code, f"Action {code} ({plan}) : " + "former les acteurs judiciaires et sociaux, " * (1 + i % 6),
                        ["élevée", "moyenne", "faible", "High", ""][i % 5], leads[i % 15],
                        "\n".join(leads[(i + k) % 15] for k in range(1, 1 + i % 3)),
                        " / ".join(partners[(i * 3 + k) % 40] for k in range(i % 6)), cost, funds, f"Bailleur {i % 9}",
                        "" if cfa else "EUR", "1 étude, 2 ateliers",
                        ["court terme", "moyen terme", "long terme", "court terme, moyen terme"][i % 4], *marks])
                    row += 1
                    statuses += [[country, plan, code, f"{year}-06-30", STATUSES[(i + year) % 6],
                                  f"Point {year} sur {code}"] for year in range(2020, 2026)]
                wrong = 1000 if (a + e) % 4 == 0 else 0
                sheet.write_row(row, 0, [country, plan, axis, effect_code, f"Sous-total effet {effect_code}", "", "",
                                         "", "", "", "", _amount(stated + wrong, " ", cfa, " F CFA")])
                row += 1
        sheet.write_row(row, 0, [country, plan, "", "", "Total général", "", "", "", "", "", "", "",
                                 _amount(2_000_000, " ", cfa, " F CFA")])
        row += 1
    status_sheet(book, "Avancement", statuses)
    book.close()


def indicator_csv(path: Path, country: str, index: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Pays", "Début période", "Fin période", "Domaine", "Indicateur", "Sexe", "Âge", "Valeur",
                      "Source", "Organisation", "Code action"])
        for month in range(120):
            year, m = 2017 + month // 12, month % 12 + 1
            start = dt.date(year, m, 1)
            end = dt.date(year + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
            for i, indicator in enumerate(INDICATORS):
                total = 50 + (month * 31 + i * 7 + index) % 4000
                women, children = total // 2, total // 4
                source = f"Rapport mensuel {year}-{m:02d} ({country})"
                organisation = f"Organisation {i % 10} ({country})"
                for sex, age, value in (("Total", "", total), ("femmes", "", women), ("hommes", "", total - women),
                                        ("", "enfants", children), ("", "adultes", total - children),
                                        ("filles", "enfants", children // 2)):
                    out.writerow([country, start.strftime("%d/%m/%Y"), end.isoformat(), THEMES[i % 4], indicator,
                                  sex, age, f"{value:,}".replace(",", " "), source, organisation, f"{i % 5 + 1}.1.1"])


def build(db: Path) -> dict:
    from benchmarks.scale_data import load, written

    return load(db, written(COUNTRIES, lambda index, _: (OUT / f"plan_{index:02d}.xlsx",
                                                         OUT / f"indicateurs_{index:02d}.csv"),
                            plan_workbook, indicator_csv))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(ROOT / "benchmarks" / "out" / "wide.duckdb"))
    print(build(Path(parser.parse_args().db)))
