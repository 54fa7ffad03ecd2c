"""The workbooks in `data/`: the seeds' figures, as printed, with their inconsistencies."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from loaders.shipped import shipped_files


def one(con, sql, *params):
    return con.execute(sql, list(params)).fetchone()


CM_PLAN = "Plan d'action Alliance 8.7 2021-2025"


def test_every_shipped_workbook_loads(shipped_con):
    assert len(shipped_files()) == 3
    assert one(shipped_con, "SELECT count(*) FROM versions") == (3,)


def test_cameroon_plan_totals(shipped_con):
    assert one(shipped_con, "SELECT count(*), sum(estimated_cost), sum(funds_available) FROM actions "
                            "WHERE country = 'CM'") == (30, Decimal("560000.00"), Decimal("25000.00"))
    assert one(shipped_con, "SELECT sum(estimated_cost) FROM actions WHERE country = 'CM' AND axis_code = '3'") \
        == (Decimal("226000.00"),)


def test_cameroon_printed_total_leaves_out_effect_3_1(shipped_con):
    assert one(shipped_con, "SELECT stated, computed FROM stated_totals WHERE country = 'CM' AND level = 'plan'") \
        == (Decimal("542000.00"), Decimal("560000.00"))
    (message,) = one(shipped_con, "SELECT message_en FROM data_issues WHERE code = 'stated_total_mismatch'")
    assert "542\u202f000" in message and "560\u202f000" in message


def test_cameroon_seven_printed_effect_subtotals_agree(shipped_con):
    rows = shipped_con.execute("SELECT code, stated, computed FROM stated_totals "
                               "WHERE country = 'CM' AND level = 'effect' ORDER BY code").fetchall()
    assert [r[0] for r in rows] == ["1.1", "1.2", "1.3", "2.1", "3.2", "3.3", "3.4"]
    assert all(stated == computed for _, stated, computed in rows)


def test_cameroon_keeps_duplicated_code_and_spelling_variants(shipped_con):
    assert one(shipped_con, "SELECT count(*) FROM actions WHERE country = 'CM' AND action_code = '3.2.2'") == (2,)
    aliases = {r[0] for r in shipped_con.execute("SELECT original FROM organisation_aliases_applied").fetchall()}
    assert {"MINTESS", "MINJUSTUCE", "CNDHL", "Parte-naires sociaux", "CNLPT"} <= aliases


def test_cameroon_pooled_and_priorities(shipped_con):
    pooled = shipped_con.execute("SELECT action_code, pooled_with FROM actions WHERE cost_status = 'pooled' "
                                 "ORDER BY 1").fetchall()
    assert pooled == [("2.1.2", ["1.3.5"]), ("3.1.2", ["1.3.5", "2.1.2"])]
    assert one(shipped_con, "SELECT count(*) FILTER (priority = 'high'), count(*) FILTER (priority = 'medium') "
                            "FROM actions WHERE country = 'CM'") == (22, 8)


def test_cameroon_schedule(shipped_con):
    marks = [r[0] for r in shipped_con.execute(
        "SELECT semester FROM action_semesters WHERE country = 'CM' AND action_code = '1.3.3' ORDER BY 1").fetchall()]
    assert marks == ["2021-S2", "2022-S2", "2023-S2", "2025-S1"]


def test_cote_divoire_roadmap_is_not_yet_costed(shipped_con):
    assert one(shipped_con, "SELECT count(*), count(*) FILTER (cost_status = 'to_be_defined'), "
                            "count(estimated_cost) FROM actions WHERE plan LIKE 'Feuille de route%'") == (23, 23, 0)
    assert one(shipped_con, "SELECT count(DISTINCT axis) FROM actions WHERE plan LIKE 'Feuille de route%'") == (4,)


def test_cpc_partnership_unallocated_funds(shipped_con):
    row = one(shipped_con, "SELECT unallocated_funds, currency FROM plans WHERE plan LIKE 'Partenariat CPC%'")
    assert row == (Decimal("10000000.00"), "USD")
    assert one(shipped_con, "SELECT count(*), count(DISTINCT axis), min(cost_status) FROM actions "
                            "WHERE plan LIKE 'Partenariat CPC%'") == (54, 4, "to_be_defined")


def test_cote_divoire_2023_enforcement(shipped_con):
    got = dict(shipped_con.execute(
        "SELECT indicator, value FROM indicator_values WHERE country = 'CI' AND sex = 'total' "
        "AND indicator IN ('cases_investigated', 'persons_prosecuted', 'persons_convicted', 'victims_assisted')"
    ).fetchall())
    assert got == {"cases_investigated": 98, "persons_prosecuted": 109, "persons_convicted": 46,
                   "victims_assisted": 2292}


def test_135_actors_trained_is_a_warning(shipped_con):
    (message,) = one(shipped_con, "SELECT message_en FROM data_issues WHERE code = 'parts_total_mismatch'")
    assert "65 men" in message and "31 women" in message and "135" in message


def test_every_shipped_row_cites_its_source(shipped_con):
    assert one(shipped_con, "SELECT count(*) FROM actions WHERE source IS NULL") == (0,)
    assert one(shipped_con, "SELECT count(*) FROM indicator_values WHERE source IS NULL") == (0,)
    assert one(shipped_con, "SELECT count(*) FROM action_status WHERE source IS NULL") == (0,)


def test_statuses_as_reported(shipped_con):
    rows = dict(shipped_con.execute(
        "SELECT action_code, status FROM current_action_status WHERE country = 'CM'").fetchall())
    assert rows["1.1.2"] == "in_progress" and rows["3.2.1"] == "completed"


def test_data_is_exactly_what_the_transcription_script_writes(tmp_path):
    from tools.build_shipped_workbooks import DATA, WORKBOOKS, save

    for name, build in WORKBOOKS.items():
        assert save(build(), name, tmp_path).read_bytes() == (DATA / name).read_bytes(), name


SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
# The roadmap prints this action's last words on a row of their own (a page break); the
# workbook joins them to the action they complete.
JOINED = "Engager un processus permettant un alignement"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds live in ../shared/seeds beside the repository")
def test_every_action_text_stands_verbatim_in_its_seed(shipped_con):
    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", text.replace("’", "'").replace("\u00a0", " ")).strip()

    seeds = {path.name[:3]: norm(path.read_text(encoding="utf-8")) for path in SEEDS.glob("00*.txt")}
    seed_of = {"Plan d'action": "000", "Feuille de route": "002", "Partenariat CPC": "004"}
    missing = []
    for plan, action in shipped_con.execute("SELECT plan, action FROM actions").fetchall():
        seed = next(code for prefix, code in seed_of.items() if plan.startswith(prefix))
        if norm(action) not in seeds[seed] and not action.startswith(JOINED):
            missing.append((seed, action))
    assert missing == []
