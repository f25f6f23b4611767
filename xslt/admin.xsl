<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin.xsl: the staff console (工作人员办公平台).

  Document elements and the pages they make:
    <login>            工作人员登录 (no session)
    <password-form>    修改密码
    <totp-setup>       动态验证码
    <dashboard>        工作台
    <case-list>        案件
    <case-detail>      案件详情 and every action form on it
    <intake-form>      登记举报 (and <error> with an <intake-form> child:
                       the form again with the problems)
    <intake-receipt>   登记完成: ticket and query code for the reporter
    <routing>          移交规则
    <calendar>         工作日历
    <audit-log>        审计日志
    <reporting-below>  下级报送情况 (admin/reporting.xsl)
    <users>            用户
    <lists-dashboard>, <lists-entries>, <list-entry>, <list-entry-form>
                       公示公告: the publisher's pages (admin/lists.xsl)
    <error>            the generic error page; with console="1" a console
                       version (its own advice, a link back to 工作台)

  Every console document has console="1" on its document element and a
  <session> child (login, name, csrf, <role name label department-id
  department/>...); portal.xsl shows the console navigation for it.
  Every POST form carries the hidden field csrf = /*/session/@csrf.
  The pages whose forms post to a key table carry its length limits,
  <limits><limit name min max/>...</limits>, written by the C program;
  maxlength comes from there (a-length-attrs), never a literal here.

  Links and form actions are $base + a fixed path; the only document
  values in them are ids, state codes and the filter values of the list
  pages, which go through a-url-escape (libxml2 %-escapes the rest of an
  href, but leaves % & # + ; as they are).

  The intake form's report fields are reportform.xsl's (rf-fields, the
  same templates as the public form in submit.xsl, with staff = true()),
  and so are the hooks jubao.js enhances (#region, #identity, ...).

  This file holds no templates.  It imports portal.xsl (the layout) and
  includes common.xsl, reportform.xsl and the pages in admin/, one
  stylesheet per page or group of pages (admin/helpers.xsl: the shared
  a-* templates and the $session and $csrf variables).  Included, they
  all share admin.xsl's import precedence: above portal.xsl, which they
  may override, and equal to each other, so that a template name is
  defined in one file only.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="portal.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="charts.xsl"/>
  <xsl:include href="reportform.xsl"/>

  <xsl:include href="admin/helpers.xsl"/>
  <xsl:include href="admin/error.xsl"/>
  <xsl:include href="admin/login.xsl"/>
  <xsl:include href="admin/dashboard.xsl"/>
  <xsl:include href="admin/reporting.xsl"/>
  <xsl:include href="admin/cases.xsl"/>
  <xsl:include href="admin/case.xsl"/>
  <xsl:include href="admin/case-actions.xsl"/>
  <xsl:include href="admin/intake.xsl"/>
  <xsl:include href="admin/routing.xsl"/>
  <xsl:include href="admin/calendar.xsl"/>
  <xsl:include href="admin/reasons.xsl"/>
  <xsl:include href="admin/audit.xsl"/>
  <xsl:include href="admin/users.xsl"/>
  <xsl:include href="admin/lists.xsl"/>
  <xsl:include href="admin/stats.xsl"/>
  <xsl:include href="admin/ledgers.xsl"/>

</xsl:stylesheet>
