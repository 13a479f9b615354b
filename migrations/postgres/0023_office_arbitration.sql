-- The labour dispute arbitration committee a complaint that is a dispute is
-- told to turn to (条例 art 21 para 2), named in the 投诉告知书: the office's
-- own, as the review body and the court are (0017).
INSERT INTO setting (key, value, source, effective_from)
SELECT 'office.arbitration', '石家庄市鹿泉区劳动人事争议仲裁委员会', '劳动争议调解仲裁法第二十一条：劳动争议由劳动合同履行地或者用人单位所在地的劳动争议仲裁委员会管辖', NULL
WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'office.arbitration');
