<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/intake.xsl: the console intake form (<intake-form>, 登记举报; <error> with an
  <intake-form> child: the form again with the problems) and its receipt
  (<intake-receipt>).  The report fields come from reportform.xsl.

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Fields that have a container #f-{name} on the intake form. -->
  <xsl:variable name="intake-fields"
    select="' channel category standard industry region subject_type subject_name subject_address credit_code description attachment anonymous hazard reporter_name reporter_phone reporter_id_no reporter_email '"/>

  <!-- ============================================================ intake -->

  <xsl:template match="intake-form" mode="title">登记举报</xsl:template>

  <xsl:template match="intake-form" mode="content">
    <h1>登记举报</h1>
    <xsl:call-template name="a-page-message"/>
    <xsl:apply-templates select="." mode="intake"/>
  </xsl:template>

  <xsl:template match="error[intake-form]" mode="title">
    <xsl:text>请修改后重新提交 - 登记举报</xsl:text>
  </xsl:template>

  <xsl:template match="error[intake-form]" mode="content">
    <h1>登记举报</h1>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="known" select="$intake-fields"/>
      <xsl:with-param name="heading">
        <xsl:choose>
          <xsl:when test="@status = '503'">系统繁忙，举报尚未保存</xsl:when>
          <xsl:when test="field or @status = '400' or @status = '422'">登记未成功，请修改以下内容</xsl:when>
          <xsl:otherwise><xsl:call-template name="a-error-heading"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="extra">
        <p>附件需要重新选择。</p>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="intake-form" mode="intake"/>
  </xsl:template>

  <xsl:template match="intake-form" mode="intake">
    <xsl:variable name="channels" select=".//channels/option"/>
    <xsl:for-each select="submit-form">
      <p class="lead">登记通过电话、传真、电子邮件、信函或来访收到的举报。登记后系统生成受理编号和查询码，请告知举报人。被举报对象和问题事实应当清楚、可查；不清楚的，请向举报人问明。</p>

      <form class="report-form intake-form" id="report-form" method="post" action="{$base}/admin/intake"
            enctype="multipart/form-data" accept-charset="UTF-8">
        <xsl:call-template name="a-csrf"/>
        <!-- this form's own nonce: sending it twice records one report -->
        <input type="hidden" name="form_id" value="{csrf}"/>

        <section class="form-section" aria-labelledby="sec-source">
          <h2 id="sec-source"><span class="sec-no">一</span>来源</h2>
          <div id="f-channel">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'channel'"/></xsl:call-template>
            <label for="channel">收到举报的渠道<xsl:call-template name="req-mark"/></label>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'channel'"/></xsl:call-template>
            <select name="channel" id="channel" required="required">
              <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'channel'"/></xsl:call-template>
              <xsl:call-template name="a-options">
                <xsl:with-param name="options" select="$channels"/>
                <xsl:with-param name="current" select="string(key('val', 'channel')[1])"/>
                <xsl:with-param name="empty" select="'请选择'"/>
              </xsl:call-template>
            </select>
          </div>
        </section>

        <!-- 二 to 五: the report's fields, from reportform.xsl -->
        <xsl:call-template name="rf-fields">
          <xsl:with-param name="staff" select="true()"/>
          <xsl:with-param name="first" select="2"/>
        </xsl:call-template>

        <div class="form-submit">
          <button type="submit" class="button" id="submit-button">登记并生成受理编号</button>
        </div>
      </form>
    </xsl:for-each>
  </xsl:template>

  <!-- ==================================================== intake receipt -->

  <xsl:template match="intake-receipt" mode="title">登记完成</xsl:template>

  <xsl:template match="intake-receipt" mode="content">
    <div class="receipt">
      <div class="receipt-head">
        <span class="receipt-icon" aria-hidden="true">✓</span>
        <h1>登记完成</h1>
      </div>
      <p class="lead">请将受理编号和查询码告知举报人。电话中请逐位读出，并请举报人复述核对。</p>
      <dl class="credentials">
        <div class="credential">
          <dt>受理编号</dt>
          <dd class="ticket-number">
            <xsl:call-template name="ticket"><xsl:with-param name="value" select="ticket"/></xsl:call-template>
          </dd>
        </div>
        <div class="credential">
          <dt>查询码</dt>
          <dd class="query-code"><xsl:value-of select="code"/></dd>
        </div>
      </dl>
      <p class="warning-strong" role="alert">查询码只显示这一次，系统不保存原文，离开本页后无法再查看。请勿把查询码记入案件备注。</p>
      <p class="hint">举报人凭受理编号和查询码可在本平台“查询办理进度”中查看办理情况。</p>
      <p class="receipt-actions">
        <xsl:if test="normalize-space(case-id) != ''">
          <a class="button" href="{$base}/admin/case?id={normalize-space(case-id)}">查看案件</a>
        </xsl:if>
        <a class="button button-secondary" href="{$base}/admin/intake">继续登记</a>
      </p>
    </div>
  </xsl:template>

</xsl:stylesheet>
