-- 013: a department's 统一社会信用代码 (issue 9, the credit push to 信用中国: the 处罚机关 and the
-- 数据来源单位 are named with their credit code). NULL until an administrator fills it in
-- (UPDATE department SET credit_code = '…' WHERE id = …); the export says when it is missing.
ALTER TABLE department ADD COLUMN credit_code CHAR(18) NULL AFTER name;

-- The published lists' filters from the index alone: the count of a filtered page and the
-- years of the filter form read entry_list without the rows (the industry filter was the one
-- column missing from it), and the credit export walks the entries in notice by deadline.
ALTER TABLE list_entry DROP KEY entry_list,
  ADD KEY entry_list (list_type, state, year, region, industry),
  ADD KEY entry_deadline (state, deadline);

INSERT INTO schema_version (version, name) VALUES (13, '013_dept_credit');
