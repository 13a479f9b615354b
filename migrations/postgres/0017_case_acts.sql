-- Cases as the law runs them (issue 17): each act's real date and how a
-- paper was served, cases from every source (anonymous reports too), the
-- respondent's kind for the hearing threshold, and enforcement to the end.

-- Where the case came from (劳动保障监察条例 arts 14–15) and what it is about.
ALTER TABLE inspection_case ADD COLUMN source TEXT NOT NULL DEFAULT 'complaint';
ALTER TABLE inspection_case ADD COLUMN matters TEXT NOT NULL DEFAULT '';
ALTER TABLE inspection_case ADD COLUMN facts TEXT NOT NULL DEFAULT '';
ALTER TABLE inspection_case ADD COLUMN from_inspection_id BIGINT REFERENCES inspection(id);
ALTER TABLE inspection_case ADD COLUMN from_lead_id BIGINT REFERENCES licence_lead(id);
ALTER TABLE inspection_case ADD COLUMN from_campaign_id BIGINT REFERENCES campaign(id);
-- A report's informant: none when anonymous; kept confidential (条例 art 9).
ALTER TABLE inspection_case ADD COLUMN anonymous BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE inspection_case ADD COLUMN informant_name TEXT NOT NULL DEFAULT '';
ALTER TABLE inspection_case ADD COLUMN informant_phone TEXT NOT NULL DEFAULT '';
-- organisation | individual-business | person: the hearing threshold differs.
ALTER TABLE inspection_case ADD COLUMN respondent_kind TEXT NOT NULL DEFAULT 'organisation';
-- The day of the latest act: the next may not be dated before it.
ALTER TABLE inspection_case ADD COLUMN last_act_on DATE;
-- A case kept before acts had their days: its last act is its latest known day.
UPDATE inspection_case SET last_act_on = GREATEST(registered_on, opened_on, notice_served_on, decided_on, served_on);
-- Enforcement: the 催告's service and the application to the court.
ALTER TABLE inspection_case ADD COLUMN reminder_served_on DATE;
ALTER TABLE inspection_case ADD COLUMN court_applied_on DATE;
-- The party waived the statement and hearing in writing: the windows close.
ALTER TABLE inspection_case ADD COLUMN rights_waived BOOLEAN NOT NULL DEFAULT FALSE;

-- The decision's kind (or the penalty the notice proposed): warning, fine,
-- confiscation, no-penalty, handling; an order to rectify's deadline; who
-- approved the extension (条例 art 17: the bureau's head).
ALTER TABLE inspection_case ADD COLUMN decision TEXT NOT NULL DEFAULT '';
ALTER TABLE inspection_case ADD COLUMN order_deadline DATE;
-- The day the hearing is notified for (听证会通知书).
ALTER TABLE inspection_case ADD COLUMN hearing_on DATE;
ALTER TABLE inspection_case ADD COLUMN extension_approved_by TEXT NOT NULL DEFAULT '';
-- A suspension names its expected end (or its reason says what ends it)
-- and who approved it.
ALTER TABLE case_suspension ADD COLUMN ends_on DATE;
ALTER TABLE case_suspension ADD COLUMN approved_by TEXT NOT NULL DEFAULT '';

-- 简易程序 (行政处罚法 arts 51–52): decided on the spot on a numbered form,
-- each number once.
ALTER TABLE inspection_case ADD COLUMN on_the_spot_number TEXT;
CREATE UNIQUE INDEX case_on_the_spot_number ON inspection_case(on_the_spot_number)
    WHERE on_the_spot_number IS NOT NULL;

-- Each act's own date (at is when it was recorded) and how it was served.
ALTER TABLE case_event ADD COLUMN on_date DATE;
ALTER TABLE case_event ADD COLUMN served_by TEXT NOT NULL DEFAULT '';

-- Payments of a decision, each with its receipt.
CREATE TABLE case_payment (
    id          BIGSERIAL PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES inspection_case(id),
    paid_on     DATE NOT NULL,
    amount      BIGINT NOT NULL CHECK (amount > 0),
    receipt     TEXT NOT NULL DEFAULT '',
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by BIGINT REFERENCES staff(id),
    version     BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX case_payment_case ON case_payment(case_id, paid_on);

INSERT INTO setting (key, value, source, effective_from)
SELECT 'case.hearing_threshold_person_fen', '100000',
       '石家庄市政府令第112号（2000）：对从事经营活动的公民（个体工商户）罚款1000元以上为较大数额（待核实现行有效性）', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'case.hearing_threshold_person_fen');

INSERT INTO setting (key, value, source, effective_from)
SELECT 'case.extension_approver', '局负责人', '劳动保障监察条例第十七条：经劳动保障行政部门负责人批准，可以延长30个工作日', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'case.extension_approver');
INSERT INTO setting (key, value, source, effective_from)
SELECT 'case.suspension_approver', '科室负责人', '本局办案程序：中止调查由科室负责人批准（可改为局负责人）', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'case.suspension_approver');
INSERT INTO setting (key, value, source, effective_from)
SELECT 'case.on_the_spot_filing_days', '2', '行政处罚法第五十二条：当场作出的行政处罚决定应当报所属行政机关备案；备案期限由本局规定（工作日）', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'case.on_the_spot_filing_days');
INSERT INTO setting (key, value, source, effective_from)
SELECT 'office.review_body', '石家庄市鹿泉区人民政府', '行政复议法（2023）第二十四条：对县级以上地方人民政府工作部门的行政行为不服的，向本级人民政府申请行政复议', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'office.review_body');
INSERT INTO setting (key, value, source, effective_from)
SELECT 'office.court', '石家庄市鹿泉区人民法院', '行政诉讼法第十八条：由最初作出行政行为的行政机关所在地人民法院管辖', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'office.court');
INSERT INTO setting (key, value, source, effective_from)
SELECT 'office.pay_at', '本局指定的代收罚款银行', '行政处罚法第六十七条：当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'office.pay_at');
INSERT INTO setting (key, value, source, effective_from)
SELECT 'case.collective_discussion_fen', '5000000', '行政处罚法第五十七条第二款：情节复杂或者重大违法行为，行政机关负责人集体讨论决定；本局以罚没5万元以上及经听证的案件为重大（由本局规定）', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'case.collective_discussion_fen');
INSERT INTO setting (key, value, source, effective_from)
SELECT 'licence.expiring_warn_days', '60', '行政许可法第五十条：延续须在有效期届满30日前申请；本局提前60日提示', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'licence.expiring_warn_days');
