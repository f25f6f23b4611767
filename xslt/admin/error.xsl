<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/error.xsl: the console version of the generic error page (<error console="1">).

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ============================================================ errors -->

  <xsl:template name="a-error-heading">
    <xsl:choose>
      <xsl:when test="/error/@status = '403'">操作未完成</xsl:when>
      <xsl:when test="/error/@status = '409'">案件状态已变化</xsl:when>
      <xsl:otherwise><xsl:call-template name="error-heading"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="error[@console = '1']" mode="title">
    <xsl:call-template name="a-error-heading"/>
  </xsl:template>

  <xsl:template match="error[@console = '1']" mode="content">
    <xsl:variable name="status" select="string(@status)"/>
    <div class="page-error">
      <h1>
        <xsl:call-template name="a-error-heading"/>
        <xsl:if test="$status != '' and $status != '400' and $status != '422'">
          <span class="error-code">
            <xsl:text>（错误代码 </xsl:text>
            <xsl:value-of select="$status"/>
            <xsl:text>）</xsl:text>
          </span>
        </xsl:if>
      </h1>
      <xsl:if test="normalize-space(message) != ''">
        <p class="error-message"><xsl:value-of select="message"/></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$status = '403'">
          <p>您没有执行此操作的权限，或页面已过期（登录超时、在其他窗口退出）。请返回后刷新页面重试；如仍不能操作，请联系管理员。</p>
        </xsl:when>
        <xsl:when test="$status = '404'">
          <p>您访问的页面或案件不存在，或您无权查看。</p>
        </xsl:when>
        <xsl:when test="$status = '409'">
          <p>在您打开页面之后，案件已被其他工作人员办理，本次操作未执行。请返回案件页面，查看最新状态后再操作。</p>
        </xsl:when>
        <xsl:when test="$status = '429' or $status = '503' or $status = '500'">
          <xsl:call-template name="error-status-advice"/>
        </xsl:when>
      </xsl:choose>
      <xsl:if test="field">
        <ul class="error-fields">
          <xsl:for-each select="field">
            <li><xsl:value-of select="."/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <p class="error-links">
        <xsl:choose>
          <xsl:when test="session and normalize-space(case-id) != ''">
            <a class="button" href="{$base}/admin/case?id={normalize-space(case-id)}">返回案件</a>
            <a class="button button-secondary" href="{$base}/admin/">返回工作台</a>
          </xsl:when>
          <xsl:when test="session">
            <a class="button" href="{$base}/admin/">返回工作台</a>
          </xsl:when>
          <xsl:otherwise>
            <a class="button" href="{$base}/admin/login">工作人员登录</a>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </div>
  </xsl:template>

</xsl:stylesheet>
