"""Every table and view of the DuckDB file, in one place.

Guarantees: storage tables only ever grow. Each accepted file is kept whole in
`source_files` and each load is a numbered row of `versions`; the rows parsed from it
are stored tagged with that version. One table is derived, not storage:
`current_indicator_rows` holds the current row of each count key, rewritten by each
load inside its own transaction (loaders/store.py) and built from `indicator_rows`
when a database is created or upgraded. The contract's views (`actions`,
`action_semesters`, `stated_totals`, `indicator_values`, `action_status`,
`data_issues`) select the *current* data from them:
- a plan (country + plan name) is the one of its latest version;
- an indicator row is the latest for its country, period, indicator, sex, age group
  and source;
- statuses are a history (identical rows counted once); the latest `as_of` is current.
Restoring re-applies an old version's file as a new version, so nothing is ever lost.
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 6  # 2: the actions view shows semesters; 3: plan kinds, data_issues of current rows only;
                    # 4: the audit trail; 5: data_issues and aliases check only the cells they name;
                    # 6: current_indicator_rows

# Changes to storage tables of an existing database: only ever additions. A column added
# to indicator_rows goes to current_indicator_rows too (a load copies its rows BY NAME).
MIGRATIONS = """
ALTER TABLE plan_loads ADD COLUMN IF NOT EXISTS kind VARCHAR;
"""

TABLES = """
CREATE TABLE IF NOT EXISTS schema_info (schema_version INTEGER);

CREATE TABLE IF NOT EXISTS source_files (
    sha256 VARCHAR PRIMARY KEY,
    file_name VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL,
    content BLOB NOT NULL,
    first_loaded_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS versions (
    version INTEGER PRIMARY KEY,
    action VARCHAR NOT NULL,            -- 'load' | 'restore'
    sha256 VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    loaded_by VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    restored_from INTEGER,
    counts VARCHAR NOT NULL,           -- JSON object, as printed by the command line
    warnings INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS plan_loads (
    version INTEGER NOT NULL,
    country VARCHAR NOT NULL,
    plan VARCHAR NOT NULL,
    currency VARCHAR NOT NULL,
    unallocated_funds DECIMAL(18, 2),
    unallocated_source VARCHAR,
    sheet VARCHAR,
    kind VARCHAR                        -- 'plan' | 'compact' (NULL in databases older than schema 3: plan)
);

CREATE TABLE IF NOT EXISTS action_rows (
    version INTEGER NOT NULL,
    country VARCHAR NOT NULL,
    plan VARCHAR NOT NULL,
    axis_code VARCHAR,
    axis VARCHAR NOT NULL,
    effect_code VARCHAR,
    effect VARCHAR,
    action_code VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    priority VARCHAR,
    lead VARCHAR,
    co_leads VARCHAR[],
    partners VARCHAR[],
    estimated_cost DECIMAL(18, 2),
    funds_available DECIMAL(18, 2),
    currency VARCHAR NOT NULL,
    funding_source VARCHAR,
    means VARCHAR,
    horizon VARCHAR[],
    cost_status VARCHAR NOT NULL,
    pooled_with VARCHAR[],
    source VARCHAR,
    semesters VARCHAR[],               -- '2021-S1', ...: unnested by the action_semesters view
    sheet VARCHAR,
    "row" INTEGER
);

CREATE TABLE IF NOT EXISTS stated_total_rows (
    version INTEGER NOT NULL,
    country VARCHAR NOT NULL,
    plan VARCHAR NOT NULL,
    level VARCHAR NOT NULL,
    code VARCHAR,
    label VARCHAR,
    stated DECIMAL(18, 2),
    computed DECIMAL(18, 2),
    stated_funds DECIMAL(18, 2),
    computed_funds DECIMAL(18, 2),
    currency VARCHAR,
    sheet VARCHAR,
    "row" INTEGER
);

CREATE TABLE IF NOT EXISTS indicator_rows (
    version INTEGER NOT NULL,
    country VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    theme VARCHAR,
    indicator VARCHAR NOT NULL,
    sex VARCHAR NOT NULL,
    age_group VARCHAR NOT NULL,
    value BIGINT NOT NULL,
    source VARCHAR,
    organisation VARCHAR,
    action_code VARCHAR,
    comment VARCHAR,
    sheet VARCHAR,
    "row" INTEGER
);

-- The current row of each count key, as indicator_values defines it. Kept by each load
-- (store.py) because deciding it from every stored row took 0.1-0.3 s per question at
-- a million rows, and the enforcement page asks a dozen. Built from storage when missing.
CREATE TABLE IF NOT EXISTS current_indicator_rows AS
SELECT * FROM indicator_rows
QUALIFY row_number() OVER (
    PARTITION BY country, period_start, period_end, indicator, sex, age_group, source
    ORDER BY version DESC) = 1;

CREATE TABLE IF NOT EXISTS status_rows (
    version INTEGER NOT NULL,
    country VARCHAR NOT NULL,
    plan VARCHAR,
    action_code VARCHAR NOT NULL,
    as_of DATE NOT NULL,
    status VARCHAR NOT NULL,
    comment VARCHAR,
    source VARCHAR,
    sheet VARCHAR,
    "row" INTEGER
);

CREATE TABLE IF NOT EXISTS issue_rows (
    version INTEGER NOT NULL,
    severity VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    sheet VARCHAR,
    "row" INTEGER,
    "column" VARCHAR,
    code VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    message_en VARCHAR NOT NULL
);

-- Who did what, append-only: loaders/audit.py inserts, and no code path updates or deletes.
CREATE SEQUENCE IF NOT EXISTS audit_seq;
CREATE TABLE IF NOT EXISTS audit_log (
    id BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
    occurred_at TIMESTAMP NOT NULL,
    who VARCHAR NOT NULL,               -- signed-in email, 'local', or 'cli:<system user>'
    role VARCHAR NOT NULL,              -- 'admin' | 'focal_point' | 'viewer' | 'local' | 'cli'
    action VARCHAR NOT NULL,            -- 'sign_in' | 'sign_out' | 'dry_run' | 'load' | 'restore' | 'download_original' | ...
    countries VARCHAR[],                -- the countries the file or version touches
    file_name VARCHAR,
    sha256 VARCHAR,
    version INTEGER,
    outcome VARCHAR NOT NULL,           -- 'loaded' | 'unchanged' | 'rejected' | 'checked' | 'refused' | 'done'
    detail VARCHAR
);

CREATE TABLE IF NOT EXISTS alias_rows (
    version INTEGER NOT NULL,
    file VARCHAR NOT NULL,
    sheet VARCHAR,
    "row" INTEGER,
    "column" VARCHAR,
    original VARCHAR NOT NULL,
    canonical VARCHAR NOT NULL
);
"""

VIEWS = """
CREATE OR REPLACE VIEW current_plans AS
SELECT p.* REPLACE (coalesce(p.kind, 'plan') AS kind), v.file_name, v.loaded_at
FROM plan_loads p JOIN versions v USING (version)
QUALIFY row_number() OVER (PARTITION BY p.country, p.plan ORDER BY p.version DESC) = 1;

CREATE OR REPLACE VIEW plans AS
SELECT country, plan, currency, unallocated_funds, unallocated_source, version, file_name, loaded_at, kind
FROM current_plans;

CREATE OR REPLACE VIEW actions AS
SELECT a.country, a.plan, a.axis_code, a.axis, a.effect_code, a.effect, a.action_code, a.action,
       a.priority, a.lead, a.co_leads, a.partners, a.estimated_cost, a.funds_available, a.currency,
       a.funding_source, a.means, a.horizon, a.cost_status, a.pooled_with, a.source, a.semesters,
       a.sheet, a."row", a.version, p.kind AS plan_kind
FROM action_rows a JOIN current_plans p USING (version, country, plan);

CREATE OR REPLACE VIEW action_semesters AS
SELECT country, plan, action_code, unnest(semesters) AS semester, sheet, "row", version FROM actions;

CREATE OR REPLACE VIEW stated_totals AS
SELECT t.country, t.plan, t.level, t.code, t.stated, t.computed, t.stated_funds, t.computed_funds,
       t.label, t.currency, t.sheet, t."row", t.version
FROM stated_total_rows t JOIN current_plans p USING (version, country, plan);

CREATE OR REPLACE VIEW indicator_values AS
SELECT country, period_start, period_end, theme, indicator, sex, age_group, value, source,
       organisation, action_code, comment, sheet, "row", version
FROM current_indicator_rows;

CREATE OR REPLACE VIEW action_status AS
SELECT country, plan, action_code, as_of, status, comment, source, sheet, "row", version
FROM status_rows
QUALIFY row_number() OVER (
    PARTITION BY country, plan, action_code, as_of, status, comment ORDER BY version DESC) = 1;

CREATE OR REPLACE VIEW current_action_status AS
SELECT * FROM action_status
QUALIFY row_number() OVER (PARTITION BY country, plan, action_code ORDER BY as_of DESC, version DESC) = 1;

CREATE OR REPLACE VIEW live_versions AS
SELECT version FROM current_plans
UNION SELECT version FROM indicator_values
UNION SELECT version FROM action_status;

-- The cells behind the current data, and every data cell ever stored. An issue shows
-- while its cell is current (data_issues), so restoring a version shows its issues
-- once, not once per copy.
CREATE OR REPLACE VIEW current_cells AS
SELECT version, sheet, "row" FROM actions
UNION SELECT version, sheet, "row" FROM stated_totals
UNION SELECT version, sheet, "row" FROM indicator_values
UNION SELECT version, sheet, "row" FROM action_status;

CREATE OR REPLACE VIEW stored_cells AS
SELECT version, sheet, "row" FROM action_rows
UNION SELECT version, sheet, "row" FROM stated_total_rows
UNION SELECT version, sheet, "row" FROM indicator_rows
UNION SELECT version, sheet, "row" FROM status_rows;

-- Which of the cells that issues and aliases name are behind current data: the same
-- answer as current_cells, worked out for those cells only (a few hundred, against a
-- million current cells at scale: 10 ms instead of 250 ms for every question the
-- data-quality page and the overview ask).
CREATE OR REPLACE VIEW noted_current_cells AS
WITH noted AS (
    SELECT DISTINCT version, sheet, "row" FROM issue_rows WHERE sheet IS NOT NULL
    UNION SELECT DISTINCT version, sheet, "row" FROM alias_rows WHERE sheet IS NOT NULL),
statuses AS (SELECT r.* FROM status_rows r SEMI JOIN noted USING (version, sheet, "row"))
SELECT version, sheet, "row" FROM actions SEMI JOIN noted USING (version, sheet, "row")
UNION SELECT version, sheet, "row" FROM stated_totals SEMI JOIN noted USING (version, sheet, "row")
UNION SELECT version, sheet, "row" FROM current_indicator_rows SEMI JOIN noted USING (version, sheet, "row")
UNION SELECT version, sheet, "row" FROM statuses r WHERE NOT EXISTS (  -- as action_status counts it once
    SELECT 1 FROM status_rows o WHERE o.version > r.version AND o.country = r.country
    AND o.plan IS NOT DISTINCT FROM r.plan AND o.action_code = r.action_code AND o.as_of = r.as_of
    AND o.status = r.status AND o.comment IS NOT DISTINCT FROM r.comment);

-- An issue is current when it is about a current cell, or about no data cell (a
-- header, a sheet) of a sheet that still holds current data, or about no sheet of a
-- version that still holds current data.
CREATE OR REPLACE VIEW data_issues AS
WITH noted AS (SELECT DISTINCT version, sheet, "row" FROM issue_rows WHERE sheet IS NOT NULL),
stored AS (  -- the noted cells that are data cells of their version
    SELECT version, sheet, "row" FROM action_rows SEMI JOIN noted USING (version, sheet, "row")
    UNION SELECT version, sheet, "row" FROM stated_total_rows SEMI JOIN noted USING (version, sheet, "row")
    UNION SELECT version, sheet, "row" FROM indicator_rows SEMI JOIN noted USING (version, sheet, "row")
    UNION SELECT version, sheet, "row" FROM status_rows SEMI JOIN noted USING (version, sheet, "row")),
asked AS (  -- versions of issues about no sheet, and sheets of issues about no data cell
    SELECT DISTINCT version, NULL AS sheet FROM issue_rows WHERE sheet IS NULL
    UNION SELECT DISTINCT version, sheet FROM issue_rows i WHERE sheet IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM stored s WHERE s.version = i.version AND s.sheet = i.sheet AND s."row" = i."row")),
asked_versions AS (SELECT DISTINCT version FROM asked),
statuses AS (SELECT r.* FROM status_rows r SEMI JOIN asked a
             ON r.version = a.version AND (a.sheet IS NULL OR r.sheet = a.sheet)),
held AS (  -- the sheets of those versions that still hold a current row
    SELECT DISTINCT version, sheet FROM actions SEMI JOIN asked_versions USING (version)
    UNION SELECT DISTINCT version, sheet FROM stated_totals SEMI JOIN asked_versions USING (version)
    UNION SELECT DISTINCT version, sheet FROM current_indicator_rows r SEMI JOIN asked a
        ON r.version = a.version AND (a.sheet IS NULL OR r.sheet = a.sheet)
    UNION SELECT DISTINCT version, sheet FROM statuses r WHERE NOT EXISTS (
        SELECT 1 FROM status_rows o WHERE o.version > r.version AND o.country = r.country
        AND o.plan IS NOT DISTINCT FROM r.plan AND o.action_code = r.action_code AND o.as_of = r.as_of
        AND o.status = r.status AND o.comment IS NOT DISTINCT FROM r.comment))
SELECT i.severity, i.file, i.sheet, i."row", i."column", i.code, i.message, i.message_en, i.version
FROM issue_rows i
WHERE (i.sheet IS NULL AND i.version IN (SELECT version FROM held))
   OR EXISTS (SELECT 1 FROM noted_current_cells c WHERE c.version = i.version AND c.sheet = i.sheet
              AND c."row" = i."row")
   OR (EXISTS (SELECT 1 FROM held h WHERE h.version = i.version AND h.sheet = i.sheet)
       AND NOT EXISTS (SELECT 1 FROM stored s WHERE s.version = i.version AND s.sheet = i.sheet
                       AND s."row" = i."row"));

CREATE OR REPLACE VIEW version_countries AS
SELECT DISTINCT version, country FROM (
    SELECT version, country FROM plan_loads
    UNION ALL SELECT version, country FROM indicator_rows
    UNION ALL SELECT version, country FROM status_rows);

CREATE OR REPLACE VIEW organisation_aliases_applied AS
SELECT a.file, a.sheet, a."row", a."column", a.original, a.canonical, a.version
FROM alias_rows a
WHERE EXISTS (SELECT 1 FROM noted_current_cells c WHERE c.version = a.version AND c.sheet = a.sheet
              AND c."row" = a."row");
"""


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create what is missing. A database already at SCHEMA_VERSION is only read, so
    every load can call this without catalog writes (which concurrent loads would race on)."""
    present = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_info'").fetchone()[0]
    if present and con.execute("SELECT max(schema_version) FROM schema_info").fetchone()[0] == SCHEMA_VERSION:
        return
    con.begin()  # an upgrade stopped half-way would leave views over missing tables
    try:
        con.execute(TABLES)
        con.execute(MIGRATIONS)
        con.execute(VIEWS)
        con.execute("DELETE FROM schema_info")
        con.execute("INSERT INTO schema_info VALUES (?)", [SCHEMA_VERSION])
        con.commit()
    except BaseException:
        con.rollback()
        raise
