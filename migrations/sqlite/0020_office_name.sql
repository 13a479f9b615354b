-- The office's name, as its documents and reports are headed (issue 21,
-- point 11): a setting, not a constant in the program. The value below is
-- only a placeholder: it must be set at deployment with
-- `hrss-desk config set office.name …` (see docs/deployment.md).
INSERT INTO setting (key, value, source, effective_from)
SELECT 'office.name', '石家庄市鹿泉区人力资源和社会保障局', '本局全称，用于文书和报表的抬头与落款；部署时须用 hrss-desk config set office.name 设为本局名称（默认值仅为示例）', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'office.name');
