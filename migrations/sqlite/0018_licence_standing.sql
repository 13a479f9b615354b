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

-- An HR agency's annual report not filed: ordered corrected by a day
-- (人力资源市场暂行条例 arts 36, 46), the order's step beside the year.
ALTER TABLE annual_review ADD COLUMN ordered_on DATE;
ALTER TABLE annual_review ADD COLUMN order_deadline DATE;

-- Changes a licence holder reports (name, address, legal representative)
-- and their filing's deadline: 15 days for an HR agency (人力资源市场暂行条例
-- art 21), 30 working days for an agreement institution (定点管理暂行办法
-- art 40).
CREATE TABLE licence_change (
    id              INTEGER PRIMARY KEY,
    licence_id      BIGINT NOT NULL REFERENCES licence(id),
    field           TEXT NOT NULL CHECK (field IN ('holder','address','legal_rep')),
    old_value       TEXT NOT NULL,
    new_value       TEXT NOT NULL,
    changed_on      DATE NOT NULL,
    reported_on     DATE NOT NULL,
    due_on          DATE NOT NULL,
    recorded_by     BIGINT REFERENCES staff(id),
    version         BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX licence_change_licence ON licence_change(licence_id, changed_on);

-- The random draw's rotation: an inspector is kept off a target for this
-- many of its newest inspections (rounds).
INSERT INTO setting (key, value, source, effective_from)
SELECT 'draw.rotation_rounds', '1', '分区域监管、定期轮换：检查人员在同一对象最近N轮检查中查过的，本轮不再派往该对象', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'draw.rotation_rounds');

-- Checklists no stricter than the rules (社会保险法, 社会保险经办条例):
-- each row says where it comes from; the office may tighten them.
ALTER TABLE material_requirement ADD COLUMN source TEXT NOT NULL DEFAULT '';
UPDATE material_requirement SET source = '社会保险经办条例第二章：个人以公民身份号码作为社会保障号码办理社会保险登记'
 WHERE material = 'id-card';
UPDATE material_requirement SET source = '社会保险法第五十八条：用人单位自用工之日起三十日内为职工申请办理社会保险登记'
 WHERE kind = 'enroll' AND material = 'enrollment-form';
-- Not asked by the regulation: optional unless the office tightens it.
UPDATE material_requirement SET required = 0, version = version + 1,
    source = '非法定材料：社会保险经办条例未要求提交劳动合同；用工关系存疑时可要求'
 WHERE kind = 'enroll' AND material = 'labour-contract' AND version = 1;
UPDATE material_requirement SET required = 0, version = version + 1,
    source = '仅姓名、公民身份号码变更须提供证明（由审核规则要求）；电话、银行账户等变更无须证明'
 WHERE kind = 'change-details' AND material = 'change-proof' AND version = 1;
UPDATE material_requirement SET source = '社会保险经办条例第二章：变更社会保险登记由本人或用人单位申请'
 WHERE kind = 'change-details' AND material = 'change-form';
UPDATE material_requirement SET source = '社会保险经办条例第二章：中断、注销登记由用人单位申报'
 WHERE material IN ('suspend-form', 'cancel-form');
UPDATE material_requirement SET source = '本局经办规程：核实劳动关系已解除或终止'
 WHERE material = 'termination-proof';
UPDATE material_requirement SET source = '社会保险经办条例第二章：注销登记须有注销原因（死亡、出国定居等）'
 WHERE material = 'cancel-proof';
UPDATE material_requirement SET source = '社会保险法第十九条、社会保险经办条例第二章：转移接续时转移参保缴费记录'
 WHERE kind = 'transfer' AND material IN ('transfer-form', 'transfer-certificate');
UPDATE material_requirement SET source = '社会保险法第六十条：用人单位按月申报缴费基数'
 WHERE kind = 'contribution-base';
UPDATE material_requirement SET source = '社会保险经办条例第二章：用人单位在登记管理机关办理登记时同步办理社会保险登记'
 WHERE kind = 'register-employer';
