<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/cases.xsl: the case list with its filters and paging (<case-list>, 案件).

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ========================================================= case list -->

  <xsl:template match="case-list" mode="title">案件</xsl:template>

  <xsl:template match="case-list" mode="content">
    <h1>案件</h1>
    <xsl:call-template name="a-page-message"/>

    <form class="filter-form" method="get" action="{$base}/admin/cases" role="search" aria-label="筛选案件">
      <div class="filter-field">
        <label for="flt-state">状态</label>
        <select name="state" id="flt-state">
          <option value="">全部状态</option>
          <xsl:call-template name="a-state-options">
            <xsl:with-param name="current" select="string(filter/@state)"/>
          </xsl:call-template>
        </select>
      </div>
      <div class="filter-field filter-wide">
        <label for="flt-q">受理编号或被举报对象</label>
        <input type="search" name="q" id="flt-q" class="input" value="{filter/@q}">
          <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
      </div>
      <label class="choice filter-check">
        <input type="checkbox" name="overdue" value="1">
          <xsl:if test="filter/@overdue = '1'">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
        </input>
        <span class="choice-label">只看已超期</span>
      </label>
      <div class="filter-buttons">
        <button type="submit" class="button button-small">筛选</button>
        <a class="button button-secondary button-small" href="{$base}/admin/cases">清除</a>
      </div>
    </form>
    <p class="export-links">导出筛选结果（不含举报人信息和举报内容）：
      <xsl:variable name="qs">
        <xsl:text>?state=</xsl:text>
        <xsl:call-template name="a-url-escape"><xsl:with-param name="s" select="string(filter/@state)"/></xsl:call-template>
        <xsl:text>&amp;q=</xsl:text>
        <xsl:call-template name="a-url-escape"><xsl:with-param name="s" select="string(filter/@q)"/></xsl:call-template>
        <xsl:if test="filter/@overdue = '1'">&amp;overdue=1</xsl:if>
      </xsl:variable>
      <a href="{$base}/admin/cases.xlsx{$qs}">Excel</a>
      <xsl:text> · </xsl:text>
      <a href="{$base}/admin/cases.csv{$qs}">CSV</a>
    </p>

    <xsl:choose>
      <xsl:when test="case | cases/case">
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">受理编号</th>
                <th scope="col">状态</th>
                <th scope="col">类别</th>
                <th scope="col">被举报对象</th>
                <th scope="col">地区</th>
                <th scope="col">提交时间</th>
                <th scope="col">办理时限</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="case | cases/case">
                <tr>
                  <xsl:if test="@overdue = '1'">
                    <xsl:attribute name="class">row-overdue</xsl:attribute>
                  </xsl:if>
                  <td class="nowrap"><xsl:call-template name="a-case-link"/></td>
                  <td class="nowrap"><xsl:call-template name="a-state"/></td>
                  <td><xsl:value-of select="@category-label"/></td>
                  <td><xsl:value-of select="@subject"/></td>
                  <td><xsl:value-of select="@region"/></td>
                  <td class="nowrap">
                    <xsl:call-template name="a-short-datetime"><xsl:with-param name="value" select="@submitted"/></xsl:call-template>
                  </td>
                  <td class="nowrap"><xsl:call-template name="a-due"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">没有符合条件的案件。</p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="a-paging">
      <xsl:with-param name="path" select="'/admin/cases'"/>
      <xsl:with-param name="query">
        <xsl:if test="normalize-space(filter/@state) != ''">
          <xsl:text>&amp;state=</xsl:text>
          <xsl:call-template name="a-url-escape"><xsl:with-param name="s" select="string(filter/@state)"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="normalize-space(filter/@q) != ''">
          <xsl:text>&amp;q=</xsl:text>
          <xsl:call-template name="a-url-escape"><xsl:with-param name="s" select="string(filter/@q)"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="filter/@overdue = '1'">&amp;overdue=1</xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
