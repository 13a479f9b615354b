-- The on-site violation notice (违约通知单) served on an agreement
-- institution when an inspection finds a failed item: numbered per year,
-- never reused, recorded with the inspection in one transaction.
CREATE TABLE violation_notice (
    id              BIGSERIAL PRIMARY KEY,
    inspection_id   BIGINT NOT NULL UNIQUE REFERENCES inspection(id),
    year            BIGINT NOT NULL,
    seq             BIGINT NOT NULL,
    issued_on       DATE NOT NULL,
    content         TEXT NOT NULL,
    issued_by       BIGINT REFERENCES staff(id),
    version         BIGINT NOT NULL DEFAULT 1,
    UNIQUE (year, seq)
);

-- Who closed an audit task, by recording the institution's inspection.
ALTER TABLE audit_task ADD COLUMN closed_by_inspection BIGINT REFERENCES inspection(id);
