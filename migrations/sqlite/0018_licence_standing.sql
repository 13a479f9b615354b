-- A licence's standing follows the decisions that take effect on it (issue
-- 18): revoked for good, suspended (enrolment stopped, an agreement
-- suspended) until a day or until lifted, from the day the decision took
-- effect. `status` is the standing from `standing_since`; before that day
-- the licence stood as `prior_status`; a suspension with `standing_until`
-- ends by itself after that day.
ALTER TABLE licence ADD COLUMN prior_status TEXT NOT NULL DEFAULT 'valid';
ALTER TABLE licence ADD COLUMN standing_since DATE;
ALTER TABLE licence ADD COLUMN standing_until DATE;
-- The ladder step that set it, the case whose decision did, and why.
ALTER TABLE licence ADD COLUMN standing_step TEXT NOT NULL DEFAULT '';
ALTER TABLE licence ADD COLUMN standing_case_id BIGINT REFERENCES inspection_case(id);
ALTER TABLE licence ADD COLUMN standing_reason TEXT NOT NULL DEFAULT '';

-- A penalty on a licence holder runs as a case (行政处罚法 arts 44–45, 63):
-- the licence it is about and the ladder step it was opened for.
ALTER TABLE inspection_case ADD COLUMN licence_id BIGINT REFERENCES licence(id);
ALTER TABLE inspection_case ADD COLUMN sanction TEXT NOT NULL DEFAULT '';
CREATE INDEX case_licence ON inspection_case(licence_id) WHERE licence_id IS NOT NULL;

-- A ladder step taken by a served decision names its case.
ALTER TABLE sanction_step ADD COLUMN case_id BIGINT REFERENCES inspection_case(id);
ALTER TABLE sanction_step ADD COLUMN until_on DATE;
