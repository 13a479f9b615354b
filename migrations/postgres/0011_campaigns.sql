-- Special campaigns (专项行动) and market patrols (巡查): a theme and a
-- period under which inspections are grouped.
CREATE TABLE campaign (
    id              BIGSERIAL PRIMARY KEY,
    theme           TEXT NOT NULL,
    patrol          BOOLEAN NOT NULL DEFAULT FALSE,
    starts_on       DATE NOT NULL,
    ends_on         DATE NOT NULL,
    created_by      BIGINT REFERENCES staff(id),
    version         BIGINT NOT NULL DEFAULT 1,
    CHECK (starts_on <= ends_on)
);

ALTER TABLE inspection ADD COLUMN campaign_id BIGINT REFERENCES campaign(id);
