-- 013: a department's 统一社会信用代码 (issue 9, the credit push to 信用中国: the 处罚机关 and the
-- 数据来源单位 are named with their credit code). NULL until an administrator fills it in
-- (UPDATE department SET credit_code = '…' WHERE id = …); the export says when it is missing.
-- The index serves the credit export's "past its deadline" walk.
ALTER TABLE department ADD COLUMN credit_code CHAR(18) NULL AFTER name;
ALTER TABLE list_entry ADD KEY entry_deadline (state, deadline);

INSERT INTO schema_version (version, name) VALUES (13, '013_dept_credit');
