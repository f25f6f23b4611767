-- bench/gen-stats.sql: N synthetic cases with their histories for bench/stats.sh (seq_1_to_N is
-- replaced by the script). Spread over the counties of Jilin (22) and the 24 months before now,
-- every category, five industries, every channel; each case goes as far along the workflow as
-- its number says (submitted … closed), one public event per step a day or two apart, and the
-- transferred ones are led by their county's 工信 department. Never run on a real database.

SET @base = UNIX_TIMESTAMP(NOW()) - 730 * 86400;
SET @step = 730 * 86400 DIV @n;

INSERT INTO report (ticket, code_mac, channel, state, category, standards, industry, region,
    subject_type, subject_name, subject_address, description, hazard, anonymous, submitted_at,
    due_date, overdue, verdict, disposal, feedback_state, lead_department_id)
SELECT
  CAST(9000000000000000 + s.seq * 7919 AS CHAR),
  UNHEX(SHA2(CONCAT('bench', s.seq), 256)),
  ELT(1 + s.seq % 11, 'web','web','web','web','web','phone','phone','letter','email','fax','visit'),
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
  FROM_UNIXTIME(@base + s.seq * @step),
  NULL, 0,
  IF(s.seq % 9 >= 6, ELT(1 + s.seq % 3, 'true', 'partly', 'false'), NULL),
  IF(s.seq % 9 >= 7, '责令停产停业；限期整改', ''),
  IF(s.seq % 9 = 8, 'approved', 'none'),
  IF(s.seq % 9 >= 4, r.gongxin, NULL)
FROM seq_1_to_N s
JOIN (SELECT g.code, ROW_NUMBER() OVER (ORDER BY g.code) - 1 AS n, COUNT(*) OVER () AS total,
      (SELECT d.id FROM department d WHERE d.region_code = g.code AND d.kind = 'gongxin') AS gongxin
      FROM region g WHERE g.code LIKE '22%' AND g.level = 3) r
  ON r.n = s.seq % r.total;

-- (set in the INSERT: an UPDATE over a million rows needs a temporary file in /tmp, which
-- this shared machine's other users' clean-ups have removed under MariaDB's feet)
INSERT INTO report_department (report_id, department_id, role)
SELECT id, lead_department_id, 'lead' FROM report WHERE lead_department_id IS NOT NULL;

-- The history: step k of the path submitted, accepted, transferred, inspecting, verified,
-- disposing, closed (or rejected / needs_info right after the submission), k days apart.
INSERT INTO report_event (report_id, at, state, text)
SELECT rp.id, rp.submitted_at + INTERVAL p.k DAY, p.state, '基准'
FROM report rp JOIN (SELECT 0 AS k, 'submitted' AS state, 0 AS rank_ UNION ALL
    SELECT 1, 'accepted', 1 UNION ALL SELECT 2, 'transferred', 4 UNION ALL
    SELECT 4, 'inspecting', 5 UNION ALL SELECT 7, 'verified', 6 UNION ALL
    SELECT 9, 'disposing', 7 UNION ALL SELECT 12, 'closed', 8) p
  ON p.rank_ <= FIELD(rp.state, 'submitted','accepted','rejected','needs_info','transferred',
     'inspecting','verified','disposing','closed') - 1
 AND rp.state NOT IN ('rejected', 'needs_info')
 AND NOT (rp.state = 'accepted' AND p.rank_ > 1);
INSERT INTO report_event (report_id, at, state, text)
SELECT id, submitted_at, 'submitted', '基准' FROM report WHERE state IN ('rejected', 'needs_info');
INSERT INTO report_event (report_id, at, state, text)
SELECT id, submitted_at + INTERVAL 1 DAY, state, '基准' FROM report
WHERE state IN ('rejected', 'needs_info');
