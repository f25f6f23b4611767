-- 003: the directory of report channels (table channel), shown to the public at /jubao/channels.
-- Source: seed 000, the annex "落后产能和产能违规置换举报渠道" of 工业和信息化部办公厅《关于畅通举报渠道
-- 强化落后产能和产能违规置换查处的通知》(工信厅产业〔2018〕55号, published 2018-08-09; the annex is
-- dated 2018-07-27, 淘汰落后产能工作部际协调小组办公室). Written by hand, one row per channel item in
-- the order of the annex.
--
-- The table dates from 2018. Many addresses may have changed since (most 经济和信息化委员会 became
-- 工业和信息化厅 in the 2018 reorganisation, and their sites and mailboxes moved). The rows are data,
-- not code: administrators correct them in the console.
--
-- Transcription rules:
-- - province_code: the 6-digit code of the province; NULL for the national body 工业和信息化部;
--   新疆生产建设兵团 is filed under 650000 with its own authority name.
-- - value: as printed, trimmed of spaces and full-width spaces. Where one label lists two values (湖南
--   两个举报邮箱, 西藏 两个电话) each is a row; 西藏's "0891-6198989、6198979" is written out as
--   0891-6198989 and 0891-6198979.
-- - note: for a web platform, the navigation path printed around the address (with the address taken
--   out and the spaces of the PDF text removed); NULL where the annex gives only the address.
-- - kind: from the label. 政务热线 is hotline; every label ending in 电话 (also 环保/安全/质量举报电话,
--   12369/12350/12365) is phone; 部长信箱 (a web form) is web. 云南's 电话兼传真 is one row of kind
--   phone keeping the printed label, so the public page shows the number once, as printed.
-- - The source's quirks are kept as printed: 重庆's fax and phone carry area code 028 (Chengdu's;
--   Chongqing's is 023); 广东's address has no scheme (www.gdei.gov.cn); 贵州's mailbox is labelled
--   邮箱 and written in capitals; 甘肃's mailbox reads gstt1hcn. 四川省 has no entry in the annex.
-- - sort: increasing in the annex's order, 10 apart.

INSERT INTO channel (province_code, authority, kind, label, value, note, sort) VALUES
  ('110000', '北京市', 'email', '举报邮箱', 'lshbc@bjeit.gov.cn', NULL, 10),
  ('110000', '北京市', 'fax', '传真', '010-57587582', NULL, 20),
  ('110000', '北京市', 'phone', '电话', '010-57587502', NULL, 30),

  ('120000', '天津市', 'email', '举报邮箱', 'tjgxwcyzcc@163.com', NULL, 40),
  ('120000', '天津市', 'fax', '传真', '022-23124583', NULL, 50),
  ('120000', '天津市', 'phone', '电话', '022-83608047', NULL, 60),

  ('130000', '河北省', 'email', '举报邮箱', 'ycl@ii.gov.cn', NULL, 70),
  ('130000', '河北省', 'fax', '传真', '0311-87801583', NULL, 80),
  ('130000', '河北省', 'phone', '电话', '0311-87908738', NULL, 90),

  ('140000', '山西省', 'email', '举报邮箱', 'sxlhcnjb@126.com', NULL, 100),
  ('140000', '山西省', 'fax', '传真', '0351-2022229', NULL, 110),
  ('140000', '山西省', 'phone', '电话', '0351-2022229', NULL, 120),

  ('150000', '内蒙古自治区', 'email', '举报邮箱', 'nmjwhyc@163.com', NULL, 130),
  ('150000', '内蒙古自治区', 'wechat', '举报微信号', 'nmgdtgjb', NULL, 140),
  ('150000', '内蒙古自治区', 'fax', '传真', '0471-4826469', NULL, 150),
  ('150000', '内蒙古自治区', 'phone', '电话', '0471-4826452', NULL, 160),

  ('210000', '辽宁省', 'email', '举报邮箱', 'gxwcyzcc@126.com', NULL, 170),
  ('210000', '辽宁省', 'fax', '传真', '024-86894192', NULL, 180),
  ('210000', '辽宁省', 'phone', '电话', '024-86892478', NULL, 190),

  ('220000', '吉林省', 'email', '举报邮箱', 'gxtcyzcc@126.com', NULL, 200),
  ('220000', '吉林省', 'fax', '传真', '0431-88916688', NULL, 210),
  ('220000', '吉林省', 'phone', '电话', '0431-88904527', NULL, 220),

  ('230000', '黑龙江省', 'email', '举报邮箱', 'hljcyzcc@126.com', NULL, 230),
  ('230000', '黑龙江省', 'fax', '传真', '0451-82667989', NULL, 240),
  ('230000', '黑龙江省', 'phone', '电话', '0451-82667989', NULL, 250),

  ('310000', '上海市', 'web', '网络平台', 'http://www.sheitc.gov.cn/',
   '上海市经济和信息化委员会官方门户网站-公共服务-在线投诉（在线咨询）窗口', 260),

  ('320000', '江苏省', 'email', '举报邮箱', 'js8163@163.com', NULL, 270),
  ('320000', '江苏省', 'fax', '传真', '025-83302760', NULL, 280),
  ('320000', '江苏省', 'phone', '电话', '025-83669999', NULL, 290),

  ('330000', '浙江省', 'web', '网络平台', 'http://zxts.zjzwfw.gov.cn/wsdt/', NULL, 300),
  ('330000', '浙江省', 'hotline', '政务热线', '12345', NULL, 310),

  ('340000', '安徽省', 'web', '网络平台', 'http://www.aheic.gov.cn/',
   '安徽省经济和信息化委员会官方门户网站-政务服务-投诉举报窗口', 320),
  ('340000', '安徽省', 'email', '举报邮箱', 'cyc@ahjxw.gov.cn', NULL, 330),

  ('350000', '福建省', 'email', '能耗举报邮箱', '791144065@qq.com', NULL, 340),
  ('350000', '福建省', 'fax', '能耗举报传真', '0591-87535765', NULL, 350),
  ('350000', '福建省', 'phone', '能耗举报电话', '0591-87535765', NULL, 360),
  ('350000', '福建省', 'email', '技术举报邮箱', 'jmwcyc@fjetc.gov.cn', NULL, 370),
  ('350000', '福建省', 'fax', '技术举报传真', '0591-87832848', NULL, 380),
  ('350000', '福建省', 'phone', '技术举报电话', '0591-87832848', NULL, 390),
  ('350000', '福建省', 'phone', '环保举报电话', '12369', NULL, 400),
  ('350000', '福建省', 'phone', '安全举报电话', '12350', NULL, 410),
  ('350000', '福建省', 'phone', '质量举报电话', '12365', NULL, 420),

  ('360000', '江西省', 'email', '举报邮箱', 'jxgxwcyzcc@jxciit.gov.cn', NULL, 430),
  ('360000', '江西省', 'fax', '传真', '0791-88916320', NULL, 440),
  ('360000', '江西省', 'phone', '电话', '0791-88916322', NULL, 450),

  ('370000', '山东省', 'email', '举报邮箱', 'cyzcc_sjxw@shandong.cn', NULL, 460),
  ('370000', '山东省', 'fax', '传真', '0531-86120402', NULL, 470),
  ('370000', '山东省', 'phone', '电话', '0531-86915301', NULL, 480),

  ('410000', '河南省', 'email', '举报邮箱', 'hnttlhb@163.com', NULL, 490),
  ('410000', '河南省', 'fax', '传真', '0371-65509987', NULL, 500),
  ('410000', '河南省', 'phone', '电话', '0371-65509863', NULL, 510),

  ('420000', '湖北省', 'email', '举报邮箱', 'hbjxwcyc@126.com', NULL, 520),
  ('420000', '湖北省', 'fax', '传真', '027-87235183', NULL, 530),
  ('420000', '湖北省', 'phone', '电话', '027-87235183', NULL, 540),

  ('430000', '湖南省', 'email', '举报邮箱', '137190329@qq.com', NULL, 550),
  ('430000', '湖南省', 'email', '举报邮箱', '495864145@qq.com', NULL, 560),
  ('430000', '湖南省', 'fax', '传真', '0731-88955379', NULL, 570),
  ('430000', '湖南省', 'phone', '电话', '0731-88955379', NULL, 580),

  ('440000', '广东省', 'web', '网络平台', 'www.gdei.gov.cn',
   '广东省经济和信息化委员会官方门户网站-主任信箱窗口', 590),

  ('450000', '广西壮族自治区', 'email', '举报邮箱', 'gx21308@163.com', NULL, 600),
  ('450000', '广西壮族自治区', 'fax', '传真', '0771-8095256', NULL, 610),
  ('450000', '广西壮族自治区', 'phone', '电话', '0771-8095264', NULL, 620),

  ('460000', '海南省', 'email', '举报邮箱', 'hnsgxtjb@163.com', NULL, 630),
  ('460000', '海南省', 'fax', '传真', '0898-65347221', NULL, 640),
  ('460000', '海南省', 'phone', '电话', '0898-65347221', NULL, 650),

  ('500000', '重庆市', 'web', '网络平台', 'http://wjj.cq.gov.cn/bmfw/jdts', NULL, 660),
  ('500000', '重庆市', 'fax', '传真', '028-86264871', NULL, 670),
  ('500000', '重庆市', 'phone', '电话', '028-86268630', NULL, 680),

  ('520000', '贵州省', 'web', '网络平台', 'http://www.gzjxw.gov.cn/',
   '贵州省经济和信息化委员会官方门户网站-领导信箱窗口', 690),
  ('520000', '贵州省', 'email', '邮箱', 'GZJXWYCL@126.com', NULL, 700),
  ('520000', '贵州省', 'phone', '电话', '0851-86831176', NULL, 710),

  ('530000', '云南省', 'email', '举报邮箱', 'CALL3513084@126.com', NULL, 720),
  ('530000', '云南省', 'phone', '电话兼传真', '0871-63513084', NULL, 730),

  ('540000', '西藏自治区', 'email', '举报邮箱', 'xzgongxin@163.com', NULL, 740),
  ('540000', '西藏自治区', 'fax', '传真', '0891-6198800', NULL, 750),
  ('540000', '西藏自治区', 'phone', '电话', '0891-6198989', NULL, 760),
  ('540000', '西藏自治区', 'phone', '电话', '0891-6198979', NULL, 770),

  ('610000', '陕西省', 'email', '举报邮箱', 'sxcyzcc@sina.com', NULL, 780),
  ('610000', '陕西省', 'fax', '传真', '029-63915533', NULL, 790),
  ('610000', '陕西省', 'phone', '电话', '029-63915535', NULL, 800),

  ('620000', '甘肃省', 'email', '举报邮箱', 'gstt1hcn@sina.com', NULL, 810),
  ('620000', '甘肃省', 'fax', '传真', '0931-4609107', NULL, 820),
  ('620000', '甘肃省', 'phone', '电话', '0931-4609107', NULL, 830),

  ('630000', '青海省', 'email', '举报邮箱', 'yclgyc6305554@163.com', NULL, 840),
  ('630000', '青海省', 'fax', '传真', '0971-6305554', NULL, 850),
  ('630000', '青海省', 'phone', '电话', '0971-6362660', NULL, 860),

  ('640000', '宁夏回族自治区', 'web', '网络平台', 'http://www.nxetc.gov.cn/',
   '宁夏回族自治区经济和信息化委员会官方门户网站-主任信箱窗口', 870),
  ('640000', '宁夏回族自治区', 'fax', '传真', '0951-6038255', NULL, 880),
  ('640000', '宁夏回族自治区', 'phone', '电话', '0951-6038255', NULL, 890),

  ('650000', '新疆维吾尔自治区', 'email', '举报邮箱', 'jxwcyc@xjeic.gov.cn', NULL, 900),
  ('650000', '新疆维吾尔自治区', 'fax', '传真', '0991-4523700', NULL, 910),
  ('650000', '新疆维吾尔自治区', 'phone', '电话', '0991-4593901', NULL, 920),

  ('650000', '新疆生产建设兵团', 'email', '举报邮箱', 'btttlh@xjbt.gov.cn', NULL, 930),
  ('650000', '新疆生产建设兵团', 'fax', '传真', '0991-2890790', NULL, 940),
  ('650000', '新疆生产建设兵团', 'phone', '电话', '0991-2890790', NULL, 950),

  (NULL, '工业和信息化部', 'web', '部长信箱', 'http://12381.miit.gov.cn/bzxx/appellate/notice', NULL, 960),
  (NULL, '工业和信息化部', 'phone', '电话', '12381', NULL, 970);

INSERT INTO schema_version (version, name) VALUES (3, '003_channels');
