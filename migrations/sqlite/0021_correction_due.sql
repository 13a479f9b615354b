-- The day a returned filing must be corrected and resubmitted by, as its
-- one-time notice states it (issue 21, point 1): kept with the return, so a
-- reprint months later gives the applicant the same date, whatever the
-- office's setting has become since. Filings returned before have none.
ALTER TABLE filing ADD COLUMN correction_due DATE;
-- How long to correct is the office's choice: no statute fixes it.
INSERT INTO setting (key, value, source, effective_from)
SELECT 'filing.correction_days', '15', '无法定期限，由本局规定：退回更正的申报自退回之日起15个工作日内补正后重新提交（0即按15个工作日）', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'filing.correction_days');
