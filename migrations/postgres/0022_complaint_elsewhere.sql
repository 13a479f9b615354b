-- A complaint that is not this bureau's to handle (issue 22): 关于实施
-- 《劳动保障监察条例》若干规定 (劳社部令第25号) art 18 — one within
-- labour-inspection competence but another bureau's jurisdiction is
-- answered by telling the complainant which bureau to complain to
-- (告知投诉人向有关劳动保障行政部门提出); one outside that competence is
-- told so. The decision is its own, 'elsewhere', and the place named to the
-- complainant is kept with it (referred_to; '' for every other decision).
-- 'referred' stays what it was: a labour dispute sent to arbitration.
ALTER TABLE complaint DROP CONSTRAINT complaint_decision_check;
ALTER TABLE complaint ADD CONSTRAINT complaint_decision_check CHECK (decision IN ('pending','accepted','refused','correction','referred','elsewhere'));
ALTER TABLE complaint ADD COLUMN referred_to TEXT NOT NULL DEFAULT '';
