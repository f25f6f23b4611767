<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/ledgers.xsl: the 台账导出 page (<ledgers>): which table, the period and the area, and
  two buttons, one per format (formaction: the path names the format, cgi/admin/ledgers.c).
  The files are made by /admin/ledger.csv and /admin/ledger.xlsx; the case list's own export
  is on the case list (admin/cases.xsl).

  Included by admin.xsl, with every other file of this directory: all share one import
  precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="ledgers" mode="title">台账导出</xsl:template>

  <xsl:template match="ledgers" mode="content">
    <h1>台账导出</h1>
    <xsl:call-template name="a-page-message"/>
    <p>按统计周期和地区导出向上级报送的台账和年度汇总表（Excel或CSV文件）。数字与统计页面一致，不含举报人信息和举报内容。年度汇总表请选择“年度”。</p>
    <p>整改及退出台账（企业明细）按企业逐条列出统计期间内在办的整改、强制退出和淘汰名单条目（已发布公示、期间开始前尚未公告或撤回），已撤回的条目标注撤回原因；合计按进展分别计数，已退出产能按单位分别合计。</p>
    <form class="filter-form" method="get" action="{$base}/admin/ledger.xlsx" aria-label="导出条件">
      <div class="filter-field filter-wide">
        <label for="lg-kind">表格</label>
        <select name="kind" id="lg-kind">
          <xsl:call-template name="a-options">
            <xsl:with-param name="options" select="kinds/option"/>
            <xsl:with-param name="current" select="'inspect'"/>
          </xsl:call-template>
        </select>
      </div>
      <div class="filter-field">
        <label for="lg-period">统计周期</label>
        <select name="period" id="lg-period">
          <xsl:call-template name="a-options">
            <xsl:with-param name="options" select="periods/option"/>
            <xsl:with-param name="current" select="'quarter'"/>
          </xsl:call-template>
        </select>
      </div>
      <div class="filter-field">
        <label for="lg-year">年</label>
        <input type="number" name="year" id="lg-year" class="input input-short" min="2000" max="2100" value="{today/@year}"/>
      </div>
      <div class="filter-field">
        <label for="lg-quarter">季度</label>
        <input type="number" name="quarter" id="lg-quarter" class="input input-short" min="1" max="4" value="{today/@quarter}"/>
      </div>
      <div class="filter-field">
        <label for="lg-month">月</label>
        <input type="number" name="month" id="lg-month" class="input input-short" min="1" max="12" value="{today/@month}"/>
      </div>
      <div class="filter-field">
        <label for="lg-from">自定义：从</label>
        <input type="date" name="from" id="lg-from" class="input input-date"/>
      </div>
      <div class="filter-field">
        <label for="lg-to">到</label>
        <input type="date" name="to" id="lg-to" class="input input-date"/>
      </div>
      <div class="filter-field filter-wide">
        <label for="lg-region">地区</label>
        <select name="region" id="lg-region">
          <xsl:for-each select="areas/area">
            <option value="{@code}"><xsl:value-of select="@name"/></option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-buttons">
        <button type="submit" class="button button-small">导出Excel</button>
        <button type="submit" class="button button-secondary button-small" formaction="{$base}/admin/ledger.csv">导出CSV</button>
      </div>
    </form>
  </xsl:template>

</xsl:stylesheet>
