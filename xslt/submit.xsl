<?xml version="1.0" encoding="UTF-8"?>
<!--
  submit.xsl: the report form (<submit-form>), the form shown again with
  problems (<error> with a <submit-form> child), the receipt (<receipt>)
  and the generic error page (<error>, from common.xsl).

  The form works fully without JavaScript.  jubao.js only enhances it: the
  region <select> becomes three cascading selects, the identity fieldset
  follows the 实名/匿名 choice, the chosen files are counted.  The hooks it
  uses are ids and data-* attributes, listed in jubao.js.

  The fields themselves are in reportform.xsl, shared with the console's
  intake form.  Field names are the contract's (spec/CONTRACT.md, "Report
  fields").  Every field sits in a container with id "f-{name}"; the
  problem list at the top links there.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="portal.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="reportform.xsl"/>

  <!-- Fields that have a container #f-{name} on the form. -->
  <xsl:variable name="form-fields"
    select="' category standard industry region subject_type subject_name subject_address credit_code description attachment anonymous hazard reporter_name reporter_phone reporter_id_no reporter_email '"/>

  <!-- ============================================================== form -->

  <xsl:template match="submit-form" mode="title">我要举报</xsl:template>

  <xsl:template match="submit-form" mode="content">
    <h1>我要举报</h1>
    <xsl:apply-templates select="region-switch"/>
    <xsl:apply-templates select="." mode="form"/>
  </xsl:template>

  <!-- The form lists one province's regions (the whole country would weigh
       ~400 KB); plain links reach the others, no JavaScript needed.  A link
       is built from a province code only when it is two digits. -->
  <xsl:template match="region-switch">
    <xsl:variable name="shown" select="province[substring(@code, 1, 2) = current()/@shown][1]"/>
    <xsl:variable name="host" select="province[substring(@code, 1, 2) = current()/@host][1]"/>
    <div class="region-switch" id="region-switch">
      <p>
        <xsl:choose>
          <xsl:when test="$shown">
            <xsl:text>“问题所在地区”列出</xsl:text>
            <strong><xsl:value-of select="$shown/@name"/></strong>
            <xsl:text>的市、县（区）。</xsl:text>
          </xsl:when>
          <xsl:otherwise>“问题所在地区”列出全国所有地区。</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$host and @shown != @host">
          <a href="{$base}/submit">
            <xsl:text>只列出</xsl:text>
            <xsl:value-of select="$host/@name"/>
            <xsl:text>的地区</xsl:text>
          </a>
        </xsl:if>
      </p>
      <details class="province-choice">
        <summary>问题在其他省份？选择省份（请在填写前选择）</summary>
        <ul class="province-links">
          <xsl:for-each select="province[string-length(@code) = 6 and translate(@code, '0123456789', '') = '']">
            <li>
              <a href="{$base}/submit?province={substring(@code, 1, 2)}">
                <xsl:if test="substring(@code, 1, 2) = ../@shown">
                  <xsl:attribute name="aria-current">page</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="@name"/>
              </a>
            </li>
          </xsl:for-each>
          <li><a href="{$base}/submit?regions=all">全国所有地区</a></li>
        </ul>
      </details>
    </div>
  </xsl:template>

  <!-- The form again, after a refused submission. -->
  <xsl:template match="error[submit-form]" mode="title">
    <xsl:choose>
      <xsl:when test="@status = '503'">系统繁忙，请稍后再提交</xsl:when>
      <xsl:when test="field or @status = '400' or @status = '422'">请修改后重新提交</xsl:when>
      <xsl:otherwise><xsl:call-template name="error-heading"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text> - 我要举报</xsl:text>
  </xsl:template>

  <xsl:template match="error[submit-form]" mode="content">
    <h1>我要举报</h1>
    <xsl:choose>
      <xsl:when test="@status = '503'">
        <div class="error-summary" id="error-summary" role="alert" tabindex="-1"
             aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">系统繁忙，您的举报尚未保存</h2>
          <xsl:if test="normalize-space(message) != ''">
            <p><xsl:value-of select="message"/></p>
          </xsl:if>
          <p>请稍后再次点击“提交举报”；如选择过附件，需要重新选择。如情况紧急，也可通过<a href="{$base}/channels">其他举报渠道</a>反映。</p>
        </div>
      </xsl:when>
      <xsl:when test="field or @status = '400' or @status = '422'">
        <xsl:call-template name="error-summary">
          <xsl:with-param name="known" select="$form-fields"/>
          <xsl:with-param name="heading" select="'提交未成功'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="error-summary">
          <xsl:with-param name="known" select="$form-fields"/>
          <xsl:with-param name="heading">
            <xsl:call-template name="error-heading"/>
          </xsl:with-param>
          <xsl:with-param name="extra">
            <xsl:choose>
              <!-- The form below keeps what the user typed, so the generic
                   advice ("your text was not saved") does not apply. -->
              <xsl:when test="@status = '403'">
                <p>表单已过期，或者浏览器禁用了 Cookie。请确认浏览器允许本网站使用 Cookie，核对下方内容后重新提交。</p>
              </xsl:when>
              <xsl:when test="@status = '413'">
                <p>提交的内容过大。请减少或压缩附件后重新选择，再提交。</p>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="error-status-advice"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="submit-form" mode="form"/>
  </xsl:template>

  <xsl:template match="submit-form" mode="form">
    <form class="report-form" id="report-form" method="post" action="{$base}/submit"
          enctype="multipart/form-data" accept-charset="UTF-8">
      <input type="hidden" name="csrf" value="{csrf}"/>

      <p class="form-intro">请如实、具体地填写举报内容，便于有关部门核查。带 <span class="req" aria-hidden="true">*</span> 的为必填项。</p>

      <!-- 一 to 四: the fields, from reportform.xsl -->
      <xsl:call-template name="rf-fields"/>

      <div class="form-submit">
        <p>提交前请核对以上内容。提交后页面将显示<strong>受理编号</strong>和<strong>查询码</strong>，请务必保存，用于查询办理进度。</p>
        <button type="submit" class="button button-large" id="submit-button">提交举报</button>
      </div>
    </form>
  </xsl:template>

  <!-- =========================================================== receipt -->

  <xsl:template match="receipt" mode="title">举报已提交</xsl:template>

  <xsl:template match="receipt" mode="content">
    <div class="receipt">
      <div class="receipt-head">
        <span class="receipt-icon" aria-hidden="true">✓</span>
        <h1>举报已提交</h1>
        <xsl:if test="submitted">
          <p class="receipt-time">
            <xsl:text>提交时间：</xsl:text>
            <xsl:call-template name="format-datetime">
              <xsl:with-param name="value" select="submitted"/>
            </xsl:call-template>
          </p>
        </xsl:if>
      </div>

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

      <xsl:if test="spooled = '1'">
        <p class="hint receipt-spooled">您的举报已安全保存。系统正在登记，期间查询将显示“已收到，正在登记”。</p>
      </xsl:if>
      <p class="warning-strong" role="alert">查询码只显示这一次，请立即抄写、打印或截图保存。凭受理编号和查询码可查询办理进度；工作人员不会向您索要查询码。</p>

      <xsl:variable name="t" select="translate(normalize-space(ticket), ' ', '')"/>
      <div class="receipt-lookup">
        <xsl:if test="status-qr[number(@size) &gt; 0]/path">
          <!-- The status page with the ticket filled in; never the code. -->
          <svg class="receipt-qr" role="img" aria-labelledby="qr-title"
               viewBox="0 0 {number(status-qr/@size)} {number(status-qr/@size)}">
            <title id="qr-title">二维码：打开查询页面（已填入受理编号，不含查询码）</title>
            <rect width="100%" height="100%" fill="#fff"/>
            <path fill="#000" d="{status-qr/path/@d}"/>
          </svg>
        </xsl:if>
        <div class="receipt-lookup-text">
          <p><strong>查询网址：</strong><span class="lookup-address"><xsl:value-of select="status-qr/@text"/></span></p>
          <xsl:if test="not(status-qr/@text)">
            <p class="lookup-address"><xsl:value-of select="concat($base, '/status')"/></p>
          </xsl:if>
          <p class="hint">用手机扫描二维码可打开查询页面并自动填入受理编号；查询码需要您自己输入，二维码中不含查询码。</p>
        </div>
      </div>

      <p class="receipt-print">
        <button type="button" class="button button-secondary" id="print-button" hidden="hidden">打印回执</button>
        <span class="print-hint">可使用浏览器的“打印”功能（Ctrl+P）打印或保存本回执。</span>
      </p>

      <h2>接下来</h2>
      <ul class="next-steps">
        <li>
          <xsl:text>工信部门将在2个工作日内</xsl:text>
          <xsl:if test="normalize-space(due) != ''">
            <xsl:text>（</xsl:text>
            <strong>
              <xsl:call-template name="format-date"><xsl:with-param name="value" select="due"/></xsl:call-template>
              <xsl:text>前</xsl:text>
            </strong>
            <xsl:text>）</xsl:text>
          </xsl:if>
          <xsl:text>决定是否受理，并移交有关责任部门核查处理。</xsl:text>
        </li>
        <li>核查完成后，工信部门将向举报人反馈核实和处理情况；您也可以随时凭受理编号和查询码查询办理进度。</li>
        <xsl:if test="number(attachments/@count) &gt; 0">
          <li>
            <xsl:text>已收到附件 </xsl:text>
            <xsl:value-of select="number(attachments/@count)"/>
            <xsl:text> 个。</xsl:text>
          </li>
        </xsl:if>
      </ul>

      <xsl:choose>
        <xsl:when test="string(anonymous) = '1'">
          <div class="notice notice-warning">
            <p><strong>您选择了匿名举报。</strong>匿名举报一般不予受理；但举报内容涉及较重大污染、较重大安全生产隐患或可能带来后续隐患的违法生产等事项的，受理部门将通报相关责任部门，由相关责任部门决定是否办理。办理情况请凭受理编号和查询码查询。</p>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <div class="notice">
            <p>您的身份信息已加密保存，只有接报人和核查组指定的一名联系人可以查看。如需向您核实情况，工作人员将通过您留下的联系方式与您联系。</p>
          </div>
        </xsl:otherwise>
      </xsl:choose>

      <p class="receipt-actions">
        <a class="button" href="{$base}/status">
          <xsl:if test="string-length($t) = 16 and translate($t, '0123456789', '') = ''">
            <xsl:attribute name="href"><xsl:value-of select="concat($base, '/status#t=', $t)"/></xsl:attribute>
          </xsl:if>
          <xsl:text>查询办理进度</xsl:text>
        </a>
        <a class="button button-secondary" href="{$base}/">返回首页</a>
      </p>
    </div>
  </xsl:template>

</xsl:stylesheet>
