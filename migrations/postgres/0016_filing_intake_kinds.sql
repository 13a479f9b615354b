-- An employer registering for the first time (参保单位登记) is a filing too,
-- and filings come in batches from the upstream declaration system (网上申报),
-- each under that system's declaration number, taken once.
ALTER TABLE filing DROP CONSTRAINT filing_kind_check;
ALTER TABLE filing ADD CONSTRAINT filing_kind_check CHECK (kind IN ('enroll','suspend','cancel','transfer','change-details','contribution-base','register-employer'));
ALTER TABLE filing ADD COLUMN upstream_no TEXT UNIQUE;
-- A returned filing is answered by one resubmission: two desks receiving
-- the same corrected papers at once cannot both write theirs (READ
-- COMMITTED lets both see it unanswered).
DROP INDEX filing_resubmits;
CREATE UNIQUE INDEX filing_resubmits ON filing(resubmits) WHERE resubmits IS NOT NULL;

INSERT INTO material_requirement (kind, material, name_zh, name_en, required) VALUES
 ('register-employer', 'registration-form', '社会保险参保单位登记表', 'Employer registration form', TRUE),
 ('register-employer', 'business-licence', '营业执照或登记证书', 'Business licence or registration certificate', TRUE),
 ('register-employer', 'legal-rep-id', '法定代表人身份证', 'Legal representative''s identity card', TRUE);
