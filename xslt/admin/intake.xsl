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

        <section class="form-section" aria-labelledby="sec-matter">
          <h2 id="sec-matter"><span class="sec-no">二</span>举报事项</h2>
          <fieldset id="f-category">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'category'"/></xsl:call-template>
            <legend>举报类别<xsl:call-template name="req-mark"/></legend>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'category'"/></xsl:call-template>
            <div class="choices choices-grid2">
              <xsl:for-each select="categories/option">
                <label class="choice choice-card">
                  <input type="radio" name="category" value="{@value}" required="required">
                    <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'category'"/></xsl:call-template>
                    <xsl:if test="key('val', 'category') = @value">
                      <xsl:attribute name="checked">checked</xsl:attribute>
                    </xsl:if>
                  </input>
                  <span class="choice-text">
                    <span class="choice-label"><xsl:call-template name="a-opt-text"/></span>
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
            <legend>涉及的问题<xsl:call-template name="req-mark"/><span class="legend-note">（可多选，至少选一项）</span></legend>
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
                  <span class="choice-label"><xsl:call-template name="a-opt-text"/></span>
                </label>
              </xsl:for-each>
            </div>
          </fieldset>

          <div id="f-industry">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'industry'"/></xsl:call-template>
            <label for="industry">所属行业<xsl:call-template name="req-mark"/></label>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'industry'"/></xsl:call-template>
            <select name="industry" id="industry" required="required">
              <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'industry'"/></xsl:call-template>
              <xsl:call-template name="a-options">
                <xsl:with-param name="options" select="industries/option"/>
                <xsl:with-param name="current" select="string(key('val', 'industry')[1])"/>
                <xsl:with-param name="empty" select="'请选择行业'"/>
              </xsl:call-template>
            </select>
          </div>
        </section>

        <section class="form-section" aria-labelledby="sec-subject">
          <h2 id="sec-subject"><span class="sec-no">三</span>被举报对象</h2>
          <fieldset id="f-subject_type">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'subject_type'"/></xsl:call-template>
            <legend>被举报对象类型<xsl:call-template name="req-mark"/></legend>
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
                  <span class="choice-label"><xsl:call-template name="a-opt-text"/></span>
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
            <xsl:with-param name="autocomplete" select="'off'"/>
          </xsl:call-template>

          <div id="f-region">
            <xsl:call-template name="field-class">
              <xsl:with-param name="name" select="'region'"/>
              <xsl:with-param name="extra" select="'field-region'"/>
            </xsl:call-template>
            <label for="region" id="region-label">所在地区<xsl:call-template name="req-mark"/></label>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'region'"/></xsl:call-template>
            <select name="region" id="region" required="required" data-cascade="region">
              <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'region'"/></xsl:call-template>
              <option value="">请选择地区</option>
              <xsl:apply-templates select="regions/province" mode="region-options"/>
            </select>
          </div>

          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'subject_address'"/>
            <xsl:with-param name="label" select="'详细地址'"/>
            <xsl:with-param name="required-note" select="'被举报对象为企业时必填'"/>
            <xsl:with-param name="maxlength" select="'200'"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
            <xsl:with-param name="wide" select="true()"/>
          </xsl:call-template>

          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'credit_code'"/>
            <xsl:with-param name="label" select="'统一社会信用代码'"/>
            <xsl:with-param name="optional" select="true()"/>
            <xsl:with-param name="maxlength" select="'18'"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
            <xsl:with-param name="code" select="true()"/>
            <xsl:with-param name="size" select="'short'"/>
          </xsl:call-template>
        </section>

        <section class="form-section" aria-labelledby="sec-content">
          <h2 id="sec-content"><span class="sec-no">四</span>举报内容</h2>
          <div id="f-description">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'description'"/></xsl:call-template>
            <label for="description">主要问题和事实<xsl:call-template name="req-mark"/></label>
            <p class="hint" id="h-description">
              <xsl:text>记录举报人反映的地点、时间、涉及的生产线或设备、规模等具体情况（10至</xsl:text>
              <xsl:value-of select="$desc-max"/>
              <xsl:text>字）。不要在此记录举报人的姓名、电话等身份信息。</xsl:text>
            </p>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'description'"/></xsl:call-template>
            <textarea name="description" id="description" rows="8"
                      minlength="10" maxlength="{$desc-max}" required="required"
                      data-counter="description-count">
              <xsl:call-template name="field-invalid-attrs">
                <xsl:with-param name="name" select="'description'"/>
                <xsl:with-param name="hint" select="'h-description'"/>
              </xsl:call-template>
              <xsl:text>&#10;</xsl:text>
              <xsl:value-of select="key('val', 'description')[1]"/>
            </textarea>
            <p class="counter" id="description-count" aria-live="polite" hidden="hidden"></p>
          </div>

          <div id="f-attachment">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'attachment'"/></xsl:call-template>
            <label for="attachment">证据材料<span class="optional">（选填）</span></label>
            <p class="hint" id="h-attachment">
              <xsl:text>举报人提供的照片或文件（传真、信函可扫描后上传），最多</xsl:text>
              <xsl:value-of select="$max-files"/>
              <xsl:text>个文件，每个不超过</xsl:text>
              <xsl:value-of select="$max-mb"/>
              <xsl:text>MB，仅限JPG、PNG、PDF。</xsl:text>
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

        <section class="form-section" aria-labelledby="sec-reporter">
          <h2 id="sec-reporter"><span class="sec-no">五</span>举报人</h2>
          <fieldset id="f-anonymous">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'anonymous'"/></xsl:call-template>
            <legend>举报方式<xsl:call-template name="req-mark"/></legend>
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
          </fieldset>

          <div id="f-hazard">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
            <label class="choice">
              <input type="checkbox" name="hazard" value="1">
                <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
                <xsl:if test="key('val', 'hazard') = '1'">
                  <xsl:attribute name="checked">checked</xsl:attribute>
                </xsl:if>
              </input>
              <span class="choice-label">涉及较重大污染或较重大安全生产隐患（匿名举报也须通报相关责任部门）</span>
            </label>
          </div>

          <fieldset class="identity" id="identity">
            <legend>实名举报人信息</legend>
            <div class="secure-note">
              <p>举报人身份信息加密保存，只有接报人和核查组指定的一名联系人可以查看。请向举报人说明保密规定；不要把身份信息写入举报内容或备注。</p>
            </div>
            <div class="field-row">
              <xsl:call-template name="text-field">
                <xsl:with-param name="name" select="'reporter_name'"/>
                <xsl:with-param name="label" select="'姓名'"/>
                <xsl:with-param name="required-note" select="'实名举报必填'"/>
                <xsl:with-param name="minlength" select="'2'"/>
                <xsl:with-param name="maxlength" select="'50'"/>
                <xsl:with-param name="autocomplete" select="'off'"/>
                <xsl:with-param name="size" select="'short'"/>
                <xsl:with-param name="if-named" select="true()"/>
              </xsl:call-template>
              <xsl:call-template name="text-field">
                <xsl:with-param name="name" select="'reporter_phone'"/>
                <xsl:with-param name="label" select="'联系电话'"/>
                <xsl:with-param name="required-note" select="'实名举报必填'"/>
                <xsl:with-param name="type" select="'tel'"/>
                <xsl:with-param name="maxlength" select="'30'"/>
                <xsl:with-param name="autocomplete" select="'off'"/>
                <xsl:with-param name="size" select="'short'"/>
                <xsl:with-param name="if-named" select="true()"/>
              </xsl:call-template>
            </div>
            <div class="field-row">
              <xsl:call-template name="text-field">
                <xsl:with-param name="name" select="'reporter_id_no'"/>
                <xsl:with-param name="label" select="'居民身份证号码'"/>
                <xsl:with-param name="optional" select="true()"/>
                <xsl:with-param name="maxlength" select="'18'"/>
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
                <xsl:with-param name="autocomplete" select="'off'"/>
                <xsl:with-param name="code" select="true()"/>
                <xsl:with-param name="size" select="'short'"/>
              </xsl:call-template>
            </div>
          </fieldset>
        </section>

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
