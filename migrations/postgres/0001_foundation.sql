-- hrss-desk schema, version 1 (Postgres dialect).
-- The SQLite dialect in migrations/sqlite/ has the same tables, columns and
-- meaning. Money is in fen (integer); dates are DATE here, ISO text there.

CREATE TABLE staff (
    id          BIGSERIAL PRIMARY KEY,
    login       TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    roles       TEXT NOT NULL,              -- comma list: clerk,inspector,chief,admin
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    version     BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE zone (
    code        TEXT PRIMARY KEY,           -- supervision zone, e.g. LQ-01
    name        TEXT NOT NULL,
    towns       TEXT NOT NULL DEFAULT '',
    version     BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE employer (
    id              BIGSERIAL PRIMARY KEY,
    uscc            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    legal_rep       TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    town            TEXT NOT NULL DEFAULT '',
    zone            TEXT REFERENCES zone(code),
    status          TEXT NOT NULL CHECK (status IN ('active','suspended','cancelled')),
    established_on  DATE,
    arrears         BIGINT NOT NULL DEFAULT 0,
    version         BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE person (
    id                  BIGSERIAL PRIMARY KEY,
    id_number           TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    phone               TEXT NOT NULL DEFAULT '',
    bank_account        TEXT NOT NULL DEFAULT '',
    employer_id         BIGINT REFERENCES employer(id),
    status              TEXT NOT NULL CHECK (status IN ('active','suspended','cancelled','retired')),
    hired_on            DATE,
    last_paid_month     DATE,
    contribution_base   BIGINT NOT NULL DEFAULT 0,
    pension_base        BIGINT NOT NULL DEFAULT 0,
    version             BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX person_employer ON person(employer_id);

CREATE TABLE material_requirement (
    kind        TEXT NOT NULL,
    material    TEXT NOT NULL,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    required    BOOLEAN NOT NULL DEFAULT TRUE,
    version     BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (kind, material)
);

CREATE TABLE filing (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('enroll','suspend','cancel','transfer','change-details','contribution-base')),
    status          TEXT NOT NULL CHECK (status IN ('pending','approved','returned')),
    employer_id     BIGINT REFERENCES employer(id),
    person_id       BIGINT REFERENCES person(id),
    received_at     TIMESTAMPTZ NOT NULL,
    declared        TEXT NOT NULL DEFAULT '{}', -- what was declared, JSON
    assigned_to     BIGINT REFERENCES staff(id),
    decision        TEXT CHECK (decision IN ('approve','return')),
    reason          TEXT NOT NULL DEFAULT '',
    decided_by      BIGINT REFERENCES staff(id),
    decided_at      TIMESTAMPTZ,
    version         BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX filing_queue ON filing(status, received_at, id);

CREATE TABLE filing_material (
    filing_id   BIGINT NOT NULL REFERENCES filing(id),
    material    TEXT NOT NULL,
    present     BOOLEAN NOT NULL,
    valid       BOOLEAN NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    version     BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (filing_id, material)
);

CREATE TABLE licence (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('hr-service','training-school','designated-clinic','designated-pharmacy','work-injury-agreement')),
    number          TEXT NOT NULL UNIQUE,
    holder          TEXT NOT NULL,
    uscc            TEXT NOT NULL,
    legal_rep       TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    district        TEXT NOT NULL DEFAULT '',
    zone            TEXT REFERENCES zone(code),
    issued_on       DATE NOT NULL,
    expires_on      DATE,
    status          TEXT NOT NULL CHECK (status IN ('valid','suspended','revoked','cancelled')),
    version         BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX licence_uscc ON licence(uscc);

CREATE TABLE inspection (
    id              BIGSERIAL PRIMARY KEY,
    licence_id      BIGINT NOT NULL REFERENCES licence(id),
    method          TEXT NOT NULL CHECK (method IN ('on-site','written')),
    planned_on      DATE NOT NULL,
    done_on         DATE,
    result          TEXT NOT NULL CHECK (result IN ('pending','passed','failed')),
    findings        TEXT NOT NULL DEFAULT '',
    version         BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX inspection_licence ON inspection(licence_id);

CREATE TABLE inspection_inspector (
    inspection_id   BIGINT NOT NULL REFERENCES inspection(id),
    staff_id        BIGINT NOT NULL REFERENCES staff(id),
    PRIMARY KEY (inspection_id, staff_id)
);

CREATE TABLE annual_review (
    id              BIGSERIAL PRIMARY KEY,
    licence_id      BIGINT NOT NULL REFERENCES licence(id),
    year            BIGINT NOT NULL,
    due_on          DATE NOT NULL,
    submitted_on    DATE,
    result          TEXT NOT NULL CHECK (result IN ('pending','passed','failed')),
    note            TEXT NOT NULL DEFAULT '',
    version         BIGINT NOT NULL DEFAULT 1,
    UNIQUE (licence_id, year)
);

CREATE TABLE sanction (
    id              BIGSERIAL PRIMARY KEY,
    licence_id      BIGINT NOT NULL REFERENCES licence(id),
    kind            TEXT NOT NULL CHECK (kind IN ('warning','rectify','fine','suspend','revoke')),
    decided_on      DATE NOT NULL,
    deadline        DATE,
    amount          BIGINT NOT NULL DEFAULT 0,
    reason          TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('open','rectified','closed')),
    version         BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX sanction_licence ON sanction(licence_id);

CREATE TABLE complaint (
    id                      BIGSERIAL PRIMARY KEY,
    complainant_name        TEXT NOT NULL,
    complainant_id_number   TEXT NOT NULL DEFAULT '',
    complainant_phone       TEXT NOT NULL DEFAULT '',
    respondent_employer_id  BIGINT REFERENCES employer(id),
    respondent_name         TEXT NOT NULL,
    matters                 TEXT NOT NULL,  -- comma list of inspection matters
    facts                   TEXT NOT NULL DEFAULT '',
    channel                 TEXT NOT NULL CHECK (channel IN ('window','hotline','online','letter','referred')),
    received_on             DATE NOT NULL,
    violation_on            DATE,
    decision                TEXT NOT NULL CHECK (decision IN ('pending','accepted','refused','correction','referred')),
    decision_due            DATE NOT NULL,
    decided_on              DATE,
    version                 BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE inspection_case (
    id                      BIGSERIAL PRIMARY KEY,
    number                  TEXT NOT NULL UNIQUE,
    complaint_id            BIGINT REFERENCES complaint(id),
    respondent_employer_id  BIGINT REFERENCES employer(id),
    respondent_name         TEXT NOT NULL,
    stage                   TEXT NOT NULL CHECK (stage IN ('registered','preliminary','opened','investigating','prior-notice','defence','decided','enforcing','closed')),
    registered_on           DATE NOT NULL,
    opened_on               DATE,
    due_on                  DATE,
    extended                BOOLEAN NOT NULL DEFAULT FALSE,
    case_officer_id         BIGINT REFERENCES staff(id),
    fine                    BIGINT NOT NULL DEFAULT 0,
    outcome                 TEXT NOT NULL DEFAULT '',
    version                 BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX case_stage ON inspection_case(stage, due_on);

CREATE TABLE case_inspector (
    case_id     BIGINT NOT NULL REFERENCES inspection_case(id),
    staff_id    BIGINT NOT NULL REFERENCES staff(id),
    PRIMARY KEY (case_id, staff_id)
);

CREATE TABLE case_event (
    id          BIGSERIAL PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES inspection_case(id),
    at          TIMESTAMPTZ NOT NULL,
    staff_id    BIGINT REFERENCES staff(id),
    stage_from  TEXT,
    stage_to    TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_event_case ON case_event(case_id, at);

CREATE TABLE notice (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT NOT NULL,
    year        BIGINT NOT NULL,
    seq         BIGINT NOT NULL,
    number      TEXT NOT NULL UNIQUE,
    entity      TEXT NOT NULL,
    entity_id   BIGINT NOT NULL,
    issued_on   DATE NOT NULL,
    file_hash   TEXT NOT NULL DEFAULT '',
    issued_by   BIGINT REFERENCES staff(id),
    version     BIGINT NOT NULL DEFAULT 1,
    UNIQUE (kind, year, seq)
);

CREATE TABLE average_wage (
    year            BIGINT NOT NULL,
    region          TEXT NOT NULL,
    monthly         BIGINT NOT NULL,        -- fen
    source          TEXT NOT NULL,
    effective_from  DATE NOT NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (year, region)
);

CREATE TABLE setting (
    key             TEXT PRIMARY KEY,
    value           TEXT NOT NULL,
    source          TEXT NOT NULL DEFAULT '',
    effective_from  DATE,
    version         BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE calendar_year (
    year        BIGINT PRIMARY KEY,
    published   BOOLEAN NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    version     BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE calendar_day (
    day         DATE PRIMARY KEY,
    year        BIGINT NOT NULL REFERENCES calendar_year(year),
    kind        TEXT NOT NULL CHECK (kind IN ('holiday','workday')),
    name        TEXT NOT NULL DEFAULT ''
);

-- Append-only; each entry carries the hash of the one before it.
CREATE TABLE audit_log (
    seq         BIGINT PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    detail      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);

-- The last entry's sequence number and hash: catches entries cut from the end.
CREATE TABLE audit_head (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    seq         BIGINT NOT NULL,
    hash        TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
