<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/audit.xsl: the audit log (<audit-log>, 审计日志).

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ========================================================= audit log -->

  <xsl:template match="audit-log" mode="title">审计日志</xsl:template>

  <xsl:template match="audit-log" mode="content">
    <h1>审计日志</h1>
    <xsl:call-template name="a-page-message"/>
    <p class="hint">记录登录、案件办理、查看举报人身份和系统设置等操作。日志只可查询，不能修改或删除。</p>

    <form class="filter-form" method="get" action="{$base}/admin/audit" role="search" aria-label="筛选日志">
      <div class="filter-field">
        <label for="au-action">操作</label>
        <xsl:choose>
          <xsl:when test="actions/option">
            <select name="action" id="au-action">
              <xsl:call-template name="a-options">
                <xsl:with-param name="options" select="actions/option"/>
                <xsl:with-param name="current" select="string(filter/@action)"/>
                <xsl:with-param name="empty" select="'全部操作'"/>
              </xsl:call-template>
            </select>
          </xsl:when>
          <xsl:otherwise>
            <input type="text" name="action" id="au-action" class="input" value="{filter/@action}"/>
          </xsl:otherwise>
        </xsl:choose>
      </div>
      <div class="filter-field">
        <label for="au-login">用户名</label>
        <input type="text" name="login" id="au-login" class="input" value="{filter/@login}"
               autocomplete="off" spellcheck="false">
          <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'login'"/></xsl:call-template>
        </input>
      </div>
      <div class="filter-field">
        <label for="au-ticket">受理编号</label>
        <input type="text" name="ticket" id="au-ticket" class="input input-code" value="{filter/@ticket}"
               inputmode="numeric" maxlength="32" autocomplete="off"/>
      </div>
      <div class="filter-field">
        <label for="au-from">从</label>
        <input type="date" name="from" id="au-from" class="input input-date" value="{filter/@from}"/>
      </div>
      <div class="filter-field">
        <label for="au-to">到</label>
        <input type="date" name="to" id="au-to" class="input input-date" value="{filter/@to}"/>
      </div>
      <div class="filter-buttons">
        <button type="submit" class="button button-small">查询</button>
        <a class="button button-secondary button-small" href="{$base}/admin/audit">清除</a>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="entry | entries/entry">
        <div class="table-wrap">
          <table class="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">用户</th>
                <th scope="col">操作</th>
                <th scope="col">案件</th>
                <th scope="col">详情</th>
                <th scope="col">来源地址</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="entry | entries/entry">
                <tr>
                  <xsl:if test="@action = 'reveal' or @action = 'reveal_identity'">
                    <xsl:attribute name="class">row-sensitive</xsl:attribute>
                  </xsl:if>
                  <td class="nowrap">
                    <xsl:call-template name="a-short-datetime"><xsl:with-param name="value" select="@at"/></xsl:call-template>
                  </td>
                  <td class="nowrap code"><xsl:value-of select="@login"/></td>
                  <td class="nowrap">
                    <xsl:choose>
                      <xsl:when test="normalize-space(@action-label) != ''"><xsl:value-of select="@action-label"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@action"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="nowrap">
                    <xsl:choose>
                      <xsl:when test="normalize-space(@report-id) != ''">
                        <a class="ticket-inline" href="{$base}/admin/case?id={@report-id}">
                          <xsl:call-template name="ticket"><xsl:with-param name="value" select="@ticket"/></xsl:call-template>
                        </a>
                      </xsl:when>
                      <xsl:otherwise><span class="muted">—</span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="cell-note"><xsl:value-of select="@detail"/></td>
                  <td class="nowrap code"><xsl:value-of select="@client"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="empty">没有符合条件的记录。</p></xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="a-paging">
      <xsl:with-param name="path" select="'/admin/audit'"/>
      <xsl:with-param name="query">
        <xsl:for-each select="filter/@action | filter/@login | filter/@ticket | filter/@from | filter/@to">
          <xsl:if test="normalize-space(.) != ''">
            <xsl:text>&amp;</xsl:text>
            <xsl:value-of select="name()"/>
            <xsl:text>=</xsl:text>
            <xsl:call-template name="a-url-escape"><xsl:with-param name="s" select="string(.)"/></xsl:call-template>
          </xsl:if>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
