-- The published lists at bench size (bench/run.sh, lists-static and lists-filtered): 50,000
-- public entries over the five lists, Jilin's counties and three years, newest first as the
-- pages show them. Uses MariaDB's sequence engine (seq_1_to_N).
INSERT INTO list_entry (list_type, state, department_id, region, industry, enterprise,
    credit_code, address, facts, legal_basis, requirement, deadline, equipment, quantity,
    capacity, capacity_unit, exit_method, basis_date, due_date, year, created_by, noticed_on,
    announced_on)
SELECT ELT(s.seq % 5 + 1, 'violation', 'elimination', 'rectification', 'forced_exit',
        'compliant'),
    IF(s.seq % 3 = 0, 'announcement', 'notice'),
    (SELECT id FROM department WHERE region_code = '220102' AND kind = 'gongxin'),
    ELT(s.seq % 8 + 1, '220102', '220103', '220104', '220105', '220202', '220203', '220302',
        '220402'),
    ELT(s.seq % 3 + 1, 'steel', 'cement', 'coal'),
    CONCAT('基准测试企业有限责任公司第', s.seq, '号'), NULL,
    CONCAT('吉林省某市某区某某路', s.seq, '号'),
    '未经备案擅自建设，属于应淘汰的落后产能。', '《产业结构调整指导目录》',
    '责令于期限内关停并拆除主体设备。', '2026-12-31', '中频炉', 2, 12.50, '万吨/年', '拆除',
    '2026-01-05', '2026-01-19', 2024 + s.seq % 3, 1, '2026-02-01',
    IF(s.seq % 3 = 0, '2026-06-01', NULL)
FROM seq_1_to_50000 s;
