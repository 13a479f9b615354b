-- A filing being reviewed is marked for the others: who holds it, until when.
-- The lease ends by itself; a decision clears it. Not a change of the record:
-- it moves no version and writes no audit entry.
ALTER TABLE filing ADD COLUMN lease_by BIGINT REFERENCES staff(id);
ALTER TABLE filing ADD COLUMN lease_until TIMESTAMPTZ;
INSERT INTO setting (key, value, source, effective_from)
SELECT 'review.lease_minutes', '15', 'hrss-desk default', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'review.lease_minutes');
