-- Leads about a licence holder (线索): a media report, a tip, a complaint,
-- something seen on patrol. A lead may start one inspection.
CREATE TABLE licence_lead (
    id              BIGSERIAL PRIMARY KEY,
    licence_id      BIGINT NOT NULL REFERENCES licence(id),
    source          TEXT NOT NULL CHECK (source IN ('media','tip','complaint','patrol')),
    summary         TEXT NOT NULL,
    received_on     DATE NOT NULL,
    recorded_by     BIGINT REFERENCES staff(id),
    inspection_id   BIGINT REFERENCES inspection(id),
    version         BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX licence_lead_licence ON licence_lead(licence_id);
