-- An inspection's record: how it came about and was done, each check item's
-- outcome; and the steps of a licence's sanction ladder with their deadlines.
ALTER TABLE inspection ADD COLUMN origin TEXT NOT NULL DEFAULT 'routine';
ALTER TABLE inspection ADD COLUMN approach TEXT NOT NULL DEFAULT 'open';

-- Written once with the inspection's record, never edited.
CREATE TABLE inspection_item (
    inspection_id   BIGINT NOT NULL REFERENCES inspection(id),
    item            TEXT NOT NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('passed','failed','na')),
    finding         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (inspection_id, item)
);

CREATE TABLE sanction_step (
    id              BIGSERIAL PRIMARY KEY,
    licence_id      BIGINT NOT NULL REFERENCES licence(id),
    step            TEXT NOT NULL,
    decided_on      DATE NOT NULL,
    deadline        DATE,
    decided_by      BIGINT REFERENCES staff(id),
    reason          TEXT NOT NULL DEFAULT '',
    inspection_id   BIGINT REFERENCES inspection(id),
    version         BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX sanction_step_licence ON sanction_step(licence_id, decided_on);
