-- A complaint that is not this bureau's to handle (issue 22): 关于实施
-- 《劳动保障监察条例》若干规定 (劳社部令第25号) art 18 — one within
-- labour-inspection competence but another bureau's jurisdiction is
-- answered by telling the complainant which bureau to complain to
-- (告知投诉人向有关劳动保障行政部门提出); one outside that competence is
-- told so. The decision is its own, 'elsewhere', and the place named to the
-- complainant is kept with it (referred_to; '' for every other decision).
-- 'referred' stays what it was: a labour dispute sent to arbitration.
--
-- SQLite cannot change a CHECK constraint in place: the complaint table is
-- rebuilt with the new decision allowed, as 0016 rebuilt filing. The rows go
-- out to a copy and come back with the same ids; the foreign key from
-- inspection_case.complaint_id is checked at commit, when every row is back.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE complaint_copy AS SELECT * FROM complaint;
DROP TABLE complaint;
CREATE TABLE complaint (
    id                      INTEGER PRIMARY KEY,
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
    decision                TEXT NOT NULL CHECK (decision IN ('pending','accepted','refused','correction','referred','elsewhere')),
    decision_due            DATE NOT NULL,
    decided_on              DATE,
    version                 BIGINT NOT NULL DEFAULT 1,
    mass_incident           BOOLEAN NOT NULL DEFAULT 0,
    decision_note           TEXT NOT NULL DEFAULT '',
    referred_to             TEXT NOT NULL DEFAULT ''
);
INSERT INTO complaint (id, complainant_name, complainant_id_number, complainant_phone,
    respondent_employer_id, respondent_name, matters, facts, channel, received_on,
    violation_on, decision, decision_due, decided_on, version, mass_incident, decision_note)
SELECT id, complainant_name, complainant_id_number, complainant_phone,
    respondent_employer_id, respondent_name, matters, facts, channel, received_on,
    violation_on, decision, decision_due, decided_on, version, mass_incident, decision_note
FROM temp.complaint_copy ORDER BY id;
DROP TABLE temp.complaint_copy;
