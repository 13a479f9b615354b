-- Receiving at the counter (收件登记): how a filing came in, who received it
-- and when it was keyed in (received_at stays the day it came).
ALTER TABLE filing ADD COLUMN channel TEXT NOT NULL DEFAULT 'window' CHECK (channel IN ('window','post','online'));
ALTER TABLE filing ADD COLUMN received_by BIGINT REFERENCES staff(id);
ALTER TABLE filing ADD COLUMN recorded_at TIMESTAMPTZ;
