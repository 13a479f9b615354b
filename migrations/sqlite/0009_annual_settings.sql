-- The annual reviews' figures, set by the office (with their source).
INSERT INTO setting (key, value, source, effective_from)
SELECT 'annual.report_due', '03-31', '人力资源服务机构年度报告：地方惯例3月31日（部令50号）', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'annual.report_due');
INSERT INTO setting (key, value, source, effective_from)
SELECT 'annual.onsite_share_permille', '300', '民办培训学校年检实地抽查比例不低于30%（地方惯例）', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'annual.onsite_share_permille');
