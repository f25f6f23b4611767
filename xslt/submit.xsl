<?xml version="1.0" encoding="UTF-8"?>
<!--
  submit.xsl: the report form (<submit-form>), the form shown again with
  problems (<error> with a <submit-form> child), the receipt (<receipt>)
  and the generic error page (<error>, from common.xsl).

  The form works fully without JavaScript.  jubao.js only enhances it: the
  region <select> becomes three cascading selects, the identity fieldset
  follows the 实名/匿名 choice, the chosen files are counted.  The hooks it
  uses are ids and data-* attributes, listed in jubao.js.

  Field names are the contract's (spec/CONTRACT.md, "Report fields").
  Every field sits in a container with id "f-{name}"; the problem list at
  the top links there.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="portal.xsl"/>
  <xsl:include href="common.xsl"/>

  <!-- What the user typed, by field name (there is one form per document). -->
  <xsl:key name="val" match="submit-form/values/value" use="@name"/>

  <!-- Fields that have a container #f-{name} on the form. -->
  <xsl:variable name="form-fields"
    select="' category standard industry region subject_type subject_name subject_address credit_code description attachment anonymous hazard reporter_name reporter_phone reporter_id_no reporter_email '"/>

  <!-- ============================================================== form -->

  <xsl:template match="submit-form" mode="title">我要举报</xsl:template>

  <xsl:template match="submit-form" mode="content">
    <h1>我要举报</h1>
    <xsl:apply-templates select="." mode="form"/>
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
    <xsl:variable name="max-files">
      <xsl:choose>
        <xsl:when test="number(limits/@max-files) &gt; 0"><xsl:value-of select="number(limits/@max-files)"/></xsl:when>
        <xsl:otherwise>5</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="max-mb">
      <xsl:choose>
        <xsl:when test="number(limits/@max-file-mb) &gt; 0"><xsl:value-of select="number(limits/@max-file-mb)"/></xsl:when>
        <xsl:otherwise>10</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="desc-max">
      <xsl:choose>
        <xsl:when test="number(limits/@description-max) &gt; 0"><xsl:value-of select="number(limits/@description-max)"/></xsl:when>
        <xsl:otherwise>5000</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>

    <form class="report-form" id="report-form" method="post" action="{$base}/submit"
          enctype="multipart/form-data" accept-charset="UTF-8">
      <input type="hidden" name="csrf" value="{csrf}"/>

      <p class="form-intro">请如实、具体地填写举报内容，便于有关部门核查。带 <span class="req" aria-hidden="true">*</span> 的为必填项。</p>

      <!-- 一、举报事项 ================================================ -->
      <section class="form-section" aria-labelledby="sec-matter">
        <h2 id="sec-matter"><span class="sec-no">一</span>举报事项</h2>

        <fieldset id="f-category">
          <xsl:call-template name="field-class"><xsl:with-param name="name" select="'category'"/></xsl:call-template>
          <legend>
            <xsl:text>举报类别</xsl:text>
            <xsl:call-template name="req-mark"/>
          </legend>
          <xsl:call-template name="field-error"><xsl:with-param name="name" select="'category'"/></xsl:call-template>
          <div class="choices choices-stack">
            <xsl:for-each select="categories/option">
              <label class="choice choice-card">
                <input type="radio" name="category" value="{@value}" required="required">
                  <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'category'"/></xsl:call-template>
                  <xsl:if test="key('val', 'category') = @value">
                    <xsl:attribute name="checked">checked</xsl:attribute>
                  </xsl:if>
                </input>
                <span class="choice-text">
                  <span class="choice-label"><xsl:value-of select="."/></span>
                  <xsl:call-template name="category-hint">
                    <xsl:with-param name="category" select="string(@value)"/>
                  </xsl:call-template>
                </span>
              </label>
            </xsl:for-each>
          </div>
        </fieldset>

        <fieldset id="f-standard">
          <xsl:call-template name="field-class"><xsl:with-param name="name" select="'standard'"/></xsl:call-template>
          <legend>
            <xsl:text>涉及的问题</xsl:text>
            <xsl:call-template name="req-mark"/>
            <span class="legend-note">（可多选，至少选一项）</span>
          </legend>
          <xsl:call-template name="field-error"><xsl:with-param name="name" select="'standard'"/></xsl:call-template>
          <div class="choices choices-grid">
            <xsl:for-each select="standards/option">
              <label class="choice">
                <input type="checkbox" name="standard" value="{@value}">
                  <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'standard'"/></xsl:call-template>
                  <xsl:if test="key('val', 'standard') = @value">
                    <xsl:attribute name="checked">checked</xsl:attribute>
                  </xsl:if>
                </input>
                <span class="choice-label"><xsl:value-of select="."/></span>
              </label>
            </xsl:for-each>
          </div>
        </fieldset>

        <div id="f-industry">
          <xsl:call-template name="field-class"><xsl:with-param name="name" select="'industry'"/></xsl:call-template>
          <label for="industry">
            <xsl:text>所属行业</xsl:text>
            <xsl:call-template name="req-mark"/>
          </label>
          <xsl:call-template name="field-error"><xsl:with-param name="name" select="'industry'"/></xsl:call-template>
          <select name="industry" id="industry" required="required">
            <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'industry'"/></xsl:call-template>
            <option value="">请选择行业</option>
            <xsl:for-each select="industries/option">
              <option value="{@value}">
                <xsl:if test="key('val', 'industry') = @value">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </div>
      </section>

      <!-- 二、被举报对象 ============================================== -->
      <section class="form-section" aria-labelledby="sec-subject">
        <h2 id="sec-subject"><span class="sec-no">二</span>被举报对象</h2>

        <fieldset id="f-subject_type">
          <xsl:call-template name="field-class"><xsl:with-param name="name" select="'subject_type'"/></xsl:call-template>
          <legend>
            <xsl:text>被举报对象类型</xsl:text>
            <xsl:call-template name="req-mark"/>
          </legend>
          <xsl:call-template name="field-error"><xsl:with-param name="name" select="'subject_type'"/></xsl:call-template>
          <div class="choices choices-inline">
            <xsl:for-each select="subject-types/option">
              <label class="choice">
                <input type="radio" name="subject_type" value="{@value}" required="required">
                  <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'subject_type'"/></xsl:call-template>
                  <xsl:if test="key('val', 'subject_type') = @value">
                    <xsl:attribute name="checked">checked</xsl:attribute>
                  </xsl:if>
                </input>
                <span class="choice-label"><xsl:value-of select="."/></span>
              </label>
            </xsl:for-each>
          </div>
        </fieldset>

        <xsl:call-template name="text-field">
          <xsl:with-param name="name" select="'subject_name'"/>
          <xsl:with-param name="label" select="'被举报企业或单位名称'"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="minlength" select="'2'"/>
          <xsl:with-param name="maxlength" select="'100'"/>
          <xsl:with-param name="hint" select="'请填写全称，如“某某钢铁有限公司”“某某县发展和改革局”。'"/>
          <xsl:with-param name="autocomplete" select="'off'"/>
        </xsl:call-template>

        <div id="f-region">
          <xsl:call-template name="field-class">
            <xsl:with-param name="name" select="'region'"/>
            <xsl:with-param name="extra" select="'field-region'"/>
          </xsl:call-template>
          <label for="region" id="region-label">
            <xsl:text>所在地区</xsl:text>
            <xsl:call-template name="req-mark"/>
          </label>
          <p class="hint" id="h-region">请选择被举报企业或单位所在的县（市、区）；不清楚具体区县的，可选择市级或省级。</p>
          <xsl:call-template name="field-error"><xsl:with-param name="name" select="'region'"/></xsl:call-template>
          <select name="region" id="region" required="required" data-cascade="region">
            <xsl:call-template name="field-invalid-attrs">
              <xsl:with-param name="name" select="'region'"/>
              <xsl:with-param name="hint" select="'h-region'"/>
            </xsl:call-template>
            <option value="">请选择地区</option>
            <xsl:apply-templates select="regions/province" mode="region-options"/>
          </select>
        </div>

        <xsl:call-template name="text-field">
          <xsl:with-param name="name" select="'subject_address'"/>
          <xsl:with-param name="label" select="'详细地址'"/>
          <xsl:with-param name="required-note" select="'被举报对象为企业时必填'"/>
          <xsl:with-param name="maxlength" select="'200'"/>
          <xsl:with-param name="hint" select="'企业生产经营场所的详细地址，如乡镇（街道）、村、门牌号或厂区位置。'"/>
          <xsl:with-param name="autocomplete" select="'off'"/>
          <xsl:with-param name="wide" select="true()"/>
        </xsl:call-template>

        <xsl:call-template name="text-field">
          <xsl:with-param name="name" select="'credit_code'"/>
          <xsl:with-param name="label" select="'统一社会信用代码'"/>
          <xsl:with-param name="optional" select="true()"/>
          <xsl:with-param name="maxlength" select="'18'"/>
          <xsl:with-param name="hint" select="'统一社会信用代码，18位数字或大写字母；不清楚的可不填。'"/>
          <xsl:with-param name="autocomplete" select="'off'"/>
          <xsl:with-param name="code" select="true()"/>
          <xsl:with-param name="size" select="'short'"/>
        </xsl:call-template>
      </section>

      <!-- 三、举报内容 ================================================ -->
      <section class="form-section" aria-labelledby="sec-content">
        <h2 id="sec-content"><span class="sec-no">三</span>举报内容</h2>

        <div id="f-description">
          <xsl:call-template name="field-class"><xsl:with-param name="name" select="'description'"/></xsl:call-template>
          <label for="description">
            <xsl:text>主要问题和事实</xsl:text>
            <xsl:call-template name="req-mark"/>
          </label>
          <p class="hint" id="h-description">
            <xsl:text>请写明问题发生的地点、时间、涉及的生产线或设备、规模和您了解的具体情况（10至</xsl:text>
            <xsl:value-of select="$desc-max"/>
            <xsl:text>字）。请勿在此填写您本人的姓名、电话等身份信息。</xsl:text>
          </p>
          <xsl:call-template name="field-error"><xsl:with-param name="name" select="'description'"/></xsl:call-template>
          <textarea name="description" id="description" rows="10"
                    minlength="10" maxlength="{$desc-max}" required="required"
                    data-counter="description-count">
            <xsl:call-template name="field-invalid-attrs">
              <xsl:with-param name="name" select="'description'"/>
              <xsl:with-param name="hint" select="'h-description'"/>
            </xsl:call-template>
            <!-- HTML drops one newline right after <textarea>: give it this
                 one, so that a newline the user typed first survives. -->
            <xsl:text>&#10;</xsl:text>
            <xsl:value-of select="key('val', 'description')[1]"/>
          </textarea>
          <p class="counter" id="description-count" aria-live="polite" hidden="hidden"></p>
        </div>

        <div id="f-attachment">
          <xsl:call-template name="field-class"><xsl:with-param name="name" select="'attachment'"/></xsl:call-template>
          <label for="attachment">
            <xsl:text>证据材料</xsl:text>
            <span class="optional">（选填）</span>
          </label>
          <p class="hint" id="h-attachment">
            <xsl:text>最多</xsl:text>
            <xsl:value-of select="$max-files"/>
            <xsl:text>个文件，每个不超过</xsl:text>
            <xsl:value-of select="$max-mb"/>
            <xsl:text>MB，仅限JPG、PNG、PDF</xsl:text>
            <xsl:if test="/error">
              <xsl:text>。如您之前选择过附件，请重新选择</xsl:text>
            </xsl:if>
            <xsl:text>。</xsl:text>
          </p>
          <xsl:call-template name="field-error"><xsl:with-param name="name" select="'attachment'"/></xsl:call-template>
          <input type="file" name="attachment" id="attachment" multiple="multiple"
                 accept="image/jpeg,image/png,application/pdf"
                 data-max-files="{$max-files}" data-max-mb="{$max-mb}"
                 data-status="attachment-status">
            <xsl:call-template name="field-invalid-attrs">
              <xsl:with-param name="name" select="'attachment'"/>
              <xsl:with-param name="hint" select="'h-attachment'"/>
            </xsl:call-template>
          </input>
          <p class="file-status" id="attachment-status" aria-live="polite" hidden="hidden"></p>
        </div>
      </section>

      <!-- 四、举报人 ================================================== -->
      <section class="form-section" aria-labelledby="sec-reporter">
        <h2 id="sec-reporter"><span class="sec-no">四</span>举报人</h2>

        <fieldset id="f-anonymous">
          <xsl:call-template name="field-class"><xsl:with-param name="name" select="'anonymous'"/></xsl:call-template>
          <legend>
            <xsl:text>举报方式</xsl:text>
            <xsl:call-template name="req-mark"/>
          </legend>
          <xsl:call-template name="field-error"><xsl:with-param name="name" select="'anonymous'"/></xsl:call-template>
          <div class="choices choices-inline">
            <xsl:call-template name="anonymous-choice">
              <xsl:with-param name="value" select="'0'"/>
              <xsl:with-param name="label" select="'实名举报'"/>
            </xsl:call-template>
            <xsl:call-template name="anonymous-choice">
              <xsl:with-param name="value" select="'1'"/>
              <xsl:with-param name="label" select="'匿名举报'"/>
            </xsl:call-template>
          </div>
          <div class="notice notice-warning" id="anonymous-notice">
            <p><strong>请注意：</strong>匿名举报一般不予受理；但举报内容涉及较重大污染、较重大安全生产隐患或可能带来后续隐患的违法生产等事项的，受理部门将通报相关责任部门处理。</p>
            <p>实名举报有报必受理、有报必查，举报人身份严格保密。</p>
          </div>
        </fieldset>

        <div id="f-hazard">
          <xsl:call-template name="field-class"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
          <xsl:call-template name="field-error"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
          <label class="choice choice-card">
            <input type="checkbox" name="hazard" value="1">
              <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
              <xsl:if test="key('val', 'hazard') = '1'">
                <xsl:attribute name="checked">checked</xsl:attribute>
              </xsl:if>
            </input>
            <span class="choice-label">本举报涉及较重大污染或较重大安全生产隐患</span>
          </label>
        </div>

        <fieldset class="identity" id="identity">
          <legend>实名举报人信息</legend>
          <div class="secure-note">
            <p>您的身份信息加密保存，只有受理本举报的接报人和核查组指定的一名联系人可以查看，用于向您核实情况和反馈结果。未经您同意，不会向其他任何单位或个人透露。</p>
            <p>选择匿名举报时无需填写本栏。</p>
          </div>

          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'reporter_name'"/>
            <xsl:with-param name="label" select="'姓名'"/>
            <xsl:with-param name="required-note" select="'实名举报必填'"/>
            <xsl:with-param name="minlength" select="'2'"/>
            <xsl:with-param name="maxlength" select="'50'"/>
            <xsl:with-param name="autocomplete" select="'name'"/>
            <xsl:with-param name="size" select="'short'"/>
            <xsl:with-param name="if-named" select="true()"/>
          </xsl:call-template>

          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'reporter_phone'"/>
            <xsl:with-param name="label" select="'联系电话'"/>
            <xsl:with-param name="required-note" select="'实名举报必填'"/>
            <xsl:with-param name="type" select="'tel'"/>
            <xsl:with-param name="maxlength" select="'30'"/>
            <xsl:with-param name="hint" select="'手机号码或固定电话，固定电话请加区号。'"/>
            <xsl:with-param name="autocomplete" select="'tel'"/>
            <xsl:with-param name="size" select="'short'"/>
            <xsl:with-param name="if-named" select="true()"/>
          </xsl:call-template>

          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'reporter_id_no'"/>
            <xsl:with-param name="label" select="'居民身份证号码'"/>
            <xsl:with-param name="optional" select="true()"/>
            <xsl:with-param name="maxlength" select="'18'"/>
            <xsl:with-param name="hint" select="'18位，选填。'"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
            <xsl:with-param name="code" select="true()"/>
            <xsl:with-param name="size" select="'short'"/>
          </xsl:call-template>

          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'reporter_email'"/>
            <xsl:with-param name="label" select="'电子邮箱'"/>
            <xsl:with-param name="optional" select="true()"/>
            <xsl:with-param name="type" select="'email'"/>
            <xsl:with-param name="maxlength" select="'254'"/>
            <xsl:with-param name="autocomplete" select="'email'"/>
            <xsl:with-param name="code" select="true()"/>
          </xsl:call-template>
        </fieldset>
      </section>

      <div class="form-submit">
        <p>提交前请核对以上内容。提交后页面将显示<strong>受理编号</strong>和<strong>查询码</strong>，请务必保存，用于查询办理进度。</p>
        <button type="submit" class="button button-large" id="submit-button">提交举报</button>
      </div>
    </form>
  </xsl:template>

  <!-- ==================================================== form helpers -->

  <xsl:template name="req-mark">
    <span class="req" aria-hidden="true">*</span>
    <span class="visually-hidden">（必填）</span>
  </xsl:template>

  <!-- A one-line input in its container.  Context: <submit-form>. -->
  <xsl:template name="text-field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="required-note" select="''"/>
    <xsl:param name="optional" select="false()"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="minlength" select="''"/>
    <xsl:param name="maxlength" select="''"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="autocomplete" select="''"/>
    <xsl:param name="code" select="false()"/>
    <xsl:param name="size" select="''"/>
    <xsl:param name="wide" select="false()"/>
    <xsl:param name="if-named" select="false()"/>
    <div id="f-{$name}">
      <xsl:call-template name="field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="{$name}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required or $required-note != ''">
          <xsl:call-template name="req-mark"/>
        </xsl:if>
        <xsl:if test="$required-note != ''">
          <span class="req-note">（<xsl:value-of select="$required-note"/>）</span>
        </xsl:if>
        <xsl:if test="$optional">
          <span class="optional">（选填）</span>
        </xsl:if>
      </label>
      <xsl:if test="$hint != ''">
        <p class="hint" id="h-{$name}"><xsl:value-of select="$hint"/></p>
      </xsl:if>
      <xsl:call-template name="field-error"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <input type="{$type}" name="{$name}" id="{$name}" value="{key('val', $name)[1]}">
        <xsl:call-template name="field-invalid-attrs">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="hint">
            <xsl:if test="$hint != ''">h-<xsl:value-of select="$name"/></xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:attribute name="class">
          <xsl:text>input</xsl:text>
          <xsl:if test="$size = 'short'"> input-short</xsl:if>
          <xsl:if test="$wide"> input-wide</xsl:if>
          <xsl:if test="$code"> input-code</xsl:if>
        </xsl:attribute>
        <xsl:if test="$required">
          <xsl:attribute name="required">required</xsl:attribute>
        </xsl:if>
        <xsl:if test="$if-named">
          <xsl:attribute name="data-required-if-named">1</xsl:attribute>
        </xsl:if>
        <xsl:if test="$minlength != ''">
          <xsl:attribute name="minlength"><xsl:value-of select="$minlength"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$maxlength != ''">
          <xsl:attribute name="maxlength"><xsl:value-of select="$maxlength"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$autocomplete != ''">
          <xsl:attribute name="autocomplete"><xsl:value-of select="$autocomplete"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$code">
          <xsl:attribute name="spellcheck">false</xsl:attribute>
          <xsl:attribute name="autocapitalize">off</xsl:attribute>
        </xsl:if>
      </input>
    </div>
  </xsl:template>

  <!-- 实名/匿名: "0" is checked unless the user chose otherwise. -->
  <xsl:template name="anonymous-choice">
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <xsl:variable name="chosen" select="key('val', 'anonymous')"/>
    <label class="choice">
      <input type="radio" name="anonymous" value="{$value}" required="required">
        <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'anonymous'"/></xsl:call-template>
        <xsl:if test="$chosen = $value or (not($chosen) and $value = '0')">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
      </input>
      <span class="choice-label"><xsl:value-of select="$label"/></span>
    </label>
  </xsl:template>

  <!-- A line under each category, from seed 001 §二. -->
  <xsl:template name="category-hint">
    <xsl:param name="category"/>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="$category = 'violation'">未批先建、批建不符、无证生产，水泥、平板玻璃未按规定产能置换新增产能，违规或越权审批等</xsl:when>
        <xsl:when test="$category = 'backward'">应淘汰未淘汰的落后产能，环保、安全、能耗达不到强制性标准，生产不合格产品</xsl:when>
        <xsl:when test="$category = 'false_exit'">应改未改、应退未退、虚假整改退出，已淘汰或已取缔的产能恢复生产</xsl:when>
        <xsl:when test="$category = 'dereliction'">应查未查、验收或审批把关不严、监管不到位、联合惩戒不到位等</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$text != ''">
      <span class="choice-hint"><xsl:value-of select="$text"/></span>
    </xsl:if>
  </xsl:template>

  <!-- The region list: one optgroup per province (the province itself)
       and one per city (the city, then its counties).  The data-* hooks
       let jubao.js build 省 → 市 → 县 selects from these options. -->
  <xsl:template match="province" mode="region-options">
    <optgroup label="{@name}">
      <option value="{@code}" data-level="province" data-name="{@name}">
        <xsl:call-template name="region-selected"/>
        <xsl:value-of select="@name"/>
        <xsl:text>（省级）</xsl:text>
      </option>
    </optgroup>
    <xsl:for-each select="city">
      <optgroup label="{concat(../@name, ' ', @name)}">
        <option value="{@code}" data-level="city" data-parent="{../@code}" data-name="{@name}">
          <xsl:call-template name="region-selected"/>
          <xsl:value-of select="@name"/>
          <xsl:text>（市级）</xsl:text>
        </option>
        <xsl:for-each select="county">
          <option value="{@code}" data-level="county" data-parent="{../@code}" data-name="{@name}">
            <xsl:call-template name="region-selected"/>
            <xsl:value-of select="@name"/>
          </option>
        </xsl:for-each>
      </optgroup>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="region-selected">
    <xsl:if test="string(@code) != '' and key('val', 'region') = @code">
      <xsl:attribute name="selected">selected</xsl:attribute>
    </xsl:if>
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

      <p class="warning-strong" role="alert">查询码只显示这一次，请立即抄写或截图保存。凭受理编号和查询码可查询办理进度；工作人员不会向您索要查询码。</p>

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
        <a class="button" href="{$base}/status">查询办理进度</a>
        <a class="button button-secondary" href="{$base}/">返回首页</a>
      </p>
    </div>
  </xsl:template>

</xsl:stylesheet>
