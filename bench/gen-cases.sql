-- bench/gen-cases.sql: 100,000 synthetic cases for the console benchmark (bench/console.sh).
-- Spread over the regions of Jilin (22), every state, a third transferred to a county's 工信
-- department with due dates around today. Uses MariaDB's sequence engine (seq_1_to_N).
-- Never run this on a real database: the reports are fake.

SET @base = UNIX_TIMESTAMP(NOW()) - 200 * 86400;

INSERT INTO report (ticket, code_mac, channel, state, category, standards, industry, region,
    subject_type, subject_name, subject_address, description, hazard, anonymous, submitted_at,
    due_date, overdue)
SELECT
  CAST(9000000000000000 + s.seq * 7919 AS CHAR),
  UNHEX(SHA2(CONCAT('bench', s.seq), 256)),
  'web',
  ELT(1 + s.seq % 9, 'submitted','accepted','rejected','needs_info','transferred','inspecting',
      'verified','disposing','closed'),
  ELT(1 + s.seq % 4, 'violation','backward','false_exit','dereliction'),
  ELT(1 + s.seq % 5, 'energy','environment','quality','safety','technology'),
  ELT(1 + s.seq % 5, 'steel','cement','coal','flat_glass','chemical'),
  r.code,
  'enterprise',
  CONCAT('基准测试企业', s.seq),
  CONCAT('测试地址', s.seq, '号'),
  '基准测试用的举报内容，描述某企业仍在使用淘汰类设备生产。',
  s.seq % 17 = 0,
  s.seq % 5 = 0,
  FROM_UNIXTIME(@base + s.seq * 170),
  DATE(NOW()) + INTERVAL (CAST(s.seq % 30 AS SIGNED) - 15) DAY,
  s.seq % 30 < 15
FROM seq_1_to_100000 s
JOIN (SELECT code, ROW_NUMBER() OVER (ORDER BY code) - 1 AS n, COUNT(*) OVER () AS total
      FROM region WHERE code LIKE '22%' AND level = 3) r
  ON r.n = s.seq % r.total;

-- Transferred and later states: the county's 工信 department leads.
INSERT INTO report_department (report_id, department_id, role)
SELECT rp.id, d.id, 'lead' FROM report rp JOIN department d
  ON d.region_code = rp.region AND d.kind = 'gongxin'
WHERE rp.ticket LIKE '9%' AND rp.state IN ('transferred','inspecting','verified','disposing','closed');

UPDATE report rp JOIN report_department rd ON rd.report_id = rp.id AND rd.role = 'lead'
SET rp.lead_department_id = rd.department_id WHERE rp.ticket LIKE '9%';

INSERT INTO report_event (report_id, at, state, text)
SELECT id, submitted_at, 'submitted', '举报已提交，等待工信部门受理。' FROM report WHERE ticket LIKE '9%';
