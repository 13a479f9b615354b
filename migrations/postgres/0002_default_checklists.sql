-- Default material checklists per filing kind. An administrator changes these
-- rows; nothing in the code lists materials.
INSERT INTO material_requirement (kind, material, name_zh, name_en, required) VALUES
 ('enroll', 'id-card', '居民身份证', 'Resident identity card', TRUE),
 ('enroll', 'enrollment-form', '社会保险参保登记表', 'Enrollment form', TRUE),
 ('enroll', 'labour-contract', '劳动合同', 'Labour contract', TRUE),
 ('suspend', 'suspend-form', '中断参保申请表', 'Suspension form', TRUE),
 ('suspend', 'termination-proof', '解除或终止劳动关系证明', 'Proof of termination', TRUE),
 ('cancel', 'cancel-form', '注销登记申请表', 'Cancellation form', TRUE),
 ('cancel', 'cancel-proof', '注销原因证明（死亡证明、出国定居证明等）', 'Proof of the reason for cancellation', TRUE),
 ('transfer', 'id-card', '居民身份证', 'Resident identity card', TRUE),
 ('transfer', 'transfer-form', '转移接续申请表', 'Transfer application', TRUE),
 ('transfer', 'transfer-certificate', '参保缴费凭证', 'Certificate of contributions', TRUE),
 ('change-details', 'change-form', '信息变更申请表', 'Change form', TRUE),
 ('change-details', 'change-proof', '变更证明材料', 'Supporting document for the change', TRUE),
 ('change-details', 'id-card', '居民身份证', 'Resident identity card', TRUE),
 ('contribution-base', 'base-form', '缴费基数申报表', 'Contribution base declaration form', TRUE),
 ('contribution-base', 'payroll', '上年度工资发放明细', 'Prior-year payroll', TRUE),
 ('contribution-base', 'financial-statement', '年度财务报表', 'Annual financial statement', FALSE);
