-- Receiving at the counter (收件登记): how a filing came in, who received it
-- and when it was keyed in (received_at stays the day it came), and the
-- returned filing it corrects when it is a resubmission after a one-time
-- notice (补正后重新提交).
ALTER TABLE filing ADD COLUMN channel TEXT NOT NULL DEFAULT 'window' CHECK (channel IN ('window','post','online'));
ALTER TABLE filing ADD COLUMN received_by BIGINT REFERENCES staff(id);
ALTER TABLE filing ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE filing ADD COLUMN resubmits BIGINT REFERENCES filing(id);
CREATE INDEX filing_resubmits ON filing(resubmits);
