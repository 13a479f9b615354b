-- An employer registering for the first time (参保单位登记) is a filing too,
-- and filings come in batches from the upstream declaration system (网上申报),
-- each under that system's declaration number, taken once.
--
-- SQLite cannot change a CHECK constraint in place: the filing table is
-- rebuilt with the new kind allowed. The rows go out to a copy and come back
-- with the same ids; foreign keys from filing_material, filing_problem and
-- filing.resubmits are checked at commit, when every row is back.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE filing_copy AS SELECT * FROM filing;
DROP TABLE filing;
CREATE TABLE filing (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('enroll','suspend','cancel','transfer','change-details','contribution-base','register-employer')),
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
    version         BIGINT NOT NULL DEFAULT 1,
    lease_by        BIGINT REFERENCES staff(id),
    lease_until     TIMESTAMPTZ,
    channel         TEXT NOT NULL DEFAULT 'window' CHECK (channel IN ('window','post','online')),
    received_by     BIGINT REFERENCES staff(id),
    recorded_at     TIMESTAMPTZ,
    resubmits       BIGINT REFERENCES filing(id),
    upstream_no     TEXT UNIQUE
);
INSERT INTO filing (id, kind, status, employer_id, person_id, received_at, declared,
    assigned_to, decision, reason, decided_by, decided_at, version, lease_by, lease_until,
    channel, received_by, recorded_at, resubmits)
SELECT id, kind, status, employer_id, person_id, received_at, declared,
    assigned_to, decision, reason, decided_by, decided_at, version, lease_by, lease_until,
    channel, received_by, recorded_at, resubmits
FROM temp.filing_copy ORDER BY id;
DROP TABLE temp.filing_copy;
CREATE INDEX filing_queue ON filing(status, received_at, id);
-- A returned filing is answered by one resubmission: two desks receiving
-- the same corrected papers at once cannot both write theirs.
CREATE UNIQUE INDEX filing_resubmits ON filing(resubmits) WHERE resubmits IS NOT NULL;

INSERT INTO material_requirement (kind, material, name_zh, name_en, required) VALUES
 ('register-employer', 'registration-form', '社会保险参保单位登记表', 'Employer registration form', 1),
 ('register-employer', 'business-licence', '营业执照或登记证书', 'Business licence or registration certificate', 1),
 ('register-employer', 'legal-rep-id', '法定代表人身份证', 'Legal representative''s identity card', 1);
