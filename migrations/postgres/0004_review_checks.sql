-- The published pension base (计发基数) by year: a retiree's base must be the
-- figure of their retirement year. Entered by an administrator, with its source.
CREATE TABLE pension_figure (
    year            BIGINT NOT NULL,
    region          TEXT NOT NULL,
    monthly         BIGINT NOT NULL,        -- fen
    source          TEXT NOT NULL,
    effective_from  DATE NOT NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (year, region)
);

-- What the checks last found in each pending filing, so the queue can be
-- narrowed to one problem. Derived data: rewritten whole each time a filing
-- is checked (never edited), so it carries no version and no audit entry.
CREATE TABLE filing_problem (
    filing_id   BIGINT NOT NULL REFERENCES filing(id),
    code        TEXT NOT NULL,
    count       BIGINT NOT NULL,
    PRIMARY KEY (filing_id, code)
);
CREATE INDEX filing_problem_code ON filing_problem(code, filing_id);
