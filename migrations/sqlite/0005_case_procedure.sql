-- The case procedure: what the state machine and the statutory clocks need
-- beyond the nine stages, the case file, suspension periods, declared
-- conflicts of interest, and the section chief's saved views of the queue.
ALTER TABLE inspection_case ADD COLUMN suspended BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE inspection_case ADD COLUMN hearing_required BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE inspection_case ADD COLUMN hearing_requested BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE inspection_case ADD COLUMN hearing_host_id BIGINT REFERENCES staff(id);
ALTER TABLE inspection_case ADD COLUMN legal_reviewer_id BIGINT REFERENCES staff(id);
ALTER TABLE inspection_case ADD COLUMN mass_incident BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE inspection_case ADD COLUMN notice_served_on DATE;
ALTER TABLE inspection_case ADD COLUMN decided_on DATE;
ALTER TABLE inspection_case ADD COLUMN served_on DATE;
ALTER TABLE inspection_case ADD COLUMN article TEXT NOT NULL DEFAULT '';
-- The next deadline's rule (due_on is the next deadline), and the queue's
-- order: mass incidents first ('A'), then by that deadline. Kept by every
-- move and by the daily recomputation of deadlines.
ALTER TABLE inspection_case ADD COLUMN due_rule TEXT NOT NULL DEFAULT '';
ALTER TABLE inspection_case ADD COLUMN queue_key TEXT NOT NULL DEFAULT '';
UPDATE inspection_case SET queue_key =
    CASE WHEN mass_incident THEN 'A' ELSE 'B' END || COALESCE(due_on, '9999-12-31');
CREATE INDEX case_queue ON inspection_case(queue_key, id);

-- A complaint from a mass incident makes a case that sorts first.
ALTER TABLE complaint ADD COLUMN mass_incident BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE complaint ADD COLUMN decision_note TEXT NOT NULL DEFAULT '';

-- Documents of the procedure and evidence, as they are gathered.
CREATE TABLE case_file (
    id          INTEGER PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES inspection_case(id),
    kind        TEXT NOT NULL,
    on_date     DATE NOT NULL,
    recorded_by BIGINT REFERENCES staff(id),
    kept_at     TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    version     BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX case_file_case ON case_file(case_id, on_date);

-- 中止: the investigation clock stops from the first day to the last.
CREATE TABLE case_suspension (
    case_id     BIGINT NOT NULL REFERENCES inspection_case(id),
    from_on     DATE NOT NULL,
    to_on       DATE,
    reason      TEXT NOT NULL DEFAULT '',
    version     BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (case_id, from_on)
);

-- An inspector's declared interest in an employer: never assigned its cases.
CREATE TABLE staff_conflict (
    staff_id    BIGINT NOT NULL REFERENCES staff(id),
    employer_id BIGINT NOT NULL REFERENCES employer(id),
    reason      TEXT NOT NULL DEFAULT '',
    declared_on DATE NOT NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (staff_id, employer_id)
);

-- A staff member's named view of the case queue.
CREATE TABLE saved_view (
    staff_id    BIGINT NOT NULL REFERENCES staff(id),
    name        TEXT NOT NULL,
    definition  TEXT NOT NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (staff_id, name)
);

INSERT INTO setting (key, value, source, effective_from)
SELECT 'case.hearing_threshold_fen', '1000000',
       '石家庄市政府令第112号（2000）：对经营单位罚款1万元以上为较大数额（待核实现行有效性）', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'case.hearing_threshold_fen');
INSERT INTO setting (key, value, source, effective_from)
SELECT 'case.number_prefix', '鹿人社监案', '本局案件编号字头', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'case.number_prefix');
INSERT INTO setting (key, value, source, effective_from)
SELECT 'case.statement_days', '5', '陈述申辩期限：无全国统一规定，默认5个工作日', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'case.statement_days');
