-- Monthly settlement figures of agreement institutions, and the audit tasks
-- the settlement audit's flags become (one per institution, month and rule).
CREATE TABLE settlement_month (
    licence_id      BIGINT NOT NULL REFERENCES licence(id),
    month           BIGINT NOT NULL,            -- YYYYMM
    visits          BIGINT NOT NULL,
    outpatient_cost BIGINT NOT NULL,            -- fen
    persons         BIGINT NOT NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (licence_id, month)
);

CREATE TABLE audit_task (
    id              INTEGER PRIMARY KEY,
    licence_id      BIGINT NOT NULL REFERENCES licence(id),
    month           BIGINT NOT NULL,
    rule            TEXT NOT NULL,
    detail          TEXT NOT NULL,
    created_on      DATE NOT NULL,
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
    version         BIGINT NOT NULL DEFAULT 1,
    UNIQUE (licence_id, month, rule)
);
