-- 007: the reasons an intake officer may give for refusing a report (不予受理), as data: a
-- province edits this list without a new release. text is a suggested message to the reporter.
CREATE TABLE reject_reason (
  code    VARCHAR(32)  NOT NULL PRIMARY KEY,
  label   VARCHAR(100) NOT NULL,
  text    VARCHAR(500) NOT NULL DEFAULT '',
  sort    INT          NOT NULL DEFAULT 0,
  enabled TINYINT      NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO reject_reason (code, label, text, sort) VALUES
  ('out_of_scope', '不属于本平台受理范围',
   '您反映的事项不属于落后产能和产能违规置换举报的受理范围，请向有关主管部门反映（可拨打12345政务服务便民热线咨询）。', 10),
  ('anonymous', '匿名举报且不涉及较重大污染或安全隐患',
   '匿名举报一般不予受理。如您愿意实名举报，请重新提交；举报人身份信息将严格保密。', 20),
  ('vague', '举报内容不清、无法核查',
   '您反映的被举报对象或问题事实不够清楚，无法核查。欢迎补充具体企业名称、地址、设备和时间后重新举报。', 30),
  ('duplicate', '与已办结的举报内容相同',
   '您反映的问题已有举报并已办结，办理结果可通过原受理编号查询。', 40);

-- The console with many cases: a covering index for the dashboard's counts, the due-date walk
-- of the dashboard's lists, the subject-name search, and the press notes.
ALTER TABLE report ADD KEY report_region_state (region, state),
  ADD KEY report_due (due_date), ADD KEY report_subject (subject_name);
ALTER TABLE report_note ADD KEY note_kind (kind, report_id);

INSERT INTO schema_version (version, name) VALUES (7, '007_reject_reasons');
