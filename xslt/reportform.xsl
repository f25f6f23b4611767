<?xml version="1.0" encoding="UTF-8"?>
<!--
  reportform.xsl: the fields of the report form, for the public form
  (submit.xsl) and the console's intake form (admin/intake.xsl).  Each of
  them writes its own <form> element, hidden fields and submit button and
  calls rf-fields for the four sections of fields in between.

  Context: a <submit-form> element (lib/reportform.c reportform_fill):
  option lists, <values> (what was typed), and <limits> with
    @max-files, @max-file-mb      the attachment limits of the configuration
    <limit name min max>          the length limits of the form's key table
  Lengths (maxlength, minlength) come from the <limit> of the field's
  name, never from a number written here.

  The fields are the contract's (spec/CONTRACT.md, "Report fields").
  Every field sits in a container with id "f-{name}", which the problem
  list at the top of a refused form links to.  The hooks jubao.js enhances
  (#region, #identity, #attachment, data-* attributes) are here.

  With staff = true() (the console), the hints speak to the member of
  staff who registers a report received by telephone, letter or visit,
  the browser never autocompletes (it would fill in the staff member's
  own details), and the identity fields sit two to a row.

  Included (not imported) by its users, which also include common.xsl
  (field-class, field-error, field-invalid-attrs) and import portal.xsl
  ($base).  It does not include common.xsl itself: included twice at one
  precedence, its templates would be defined twice.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- What the user typed, by field name (there is one form per document). -->
  <xsl:key name="val" match="submit-form/values/value" use="@name"/>

  <!-- ============================================================ fields -->

  <!-- The four sections of fields: 举报事项, 被举报对象, 举报内容, 举报人,
       numbered from $first (the console puts 来源 before them). -->
  <xsl:template name="rf-fields">
    <xsl:param name="staff" select="false()"/>
    <xsl:param name="first" select="1"/>
    <xsl:variable name="no" select="'一二三四五六七八'"/>
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
    <xsl:variable name="desc" select="limits/limit[@name = 'description']"/>

    <!-- 举报事项 ====================================================== -->
    <section class="form-section" aria-labelledby="sec-matter">
      <h2 id="sec-matter"><span class="sec-no"><xsl:value-of select="substring($no, $first, 1)"/></span>举报事项</h2>

      <fieldset id="f-category">
        <xsl:call-template name="field-class"><xsl:with-param name="name" select="'category'"/></xsl:call-template>
        <legend>
          <xsl:text>举报类别</xsl:text>
          <xsl:call-template name="req-mark"/>
        </legend>
        <xsl:call-template name="field-error"><xsl:with-param name="name" select="'category'"/></xsl:call-template>
        <div>
          <xsl:attribute name="class">
            <xsl:choose>
              <xsl:when test="$staff">choices choices-grid2</xsl:when>
              <xsl:otherwise>choices choices-stack</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
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

    <!-- 被举报对象 ==================================================== -->
    <section class="form-section" aria-labelledby="sec-subject">
      <h2 id="sec-subject"><span class="sec-no"><xsl:value-of select="substring($no, $first + 1, 1)"/></span>被举报对象</h2>

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
        <xsl:with-param name="staff" select="$staff"/>
        <xsl:with-param name="name" select="'subject_name'"/>
        <xsl:with-param name="label" select="'被举报企业或单位名称'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="with-min" select="true()"/>
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
        <xsl:if test="not($staff)">
          <p class="hint" id="h-region">请选择被举报企业或单位所在的县（市、区）；不清楚具体区县的，可选择市级或省级。</p>
        </xsl:if>
        <xsl:call-template name="field-error"><xsl:with-param name="name" select="'region'"/></xsl:call-template>
        <select name="region" id="region" required="required" data-cascade="region">
          <xsl:call-template name="field-invalid-attrs">
            <xsl:with-param name="name" select="'region'"/>
            <xsl:with-param name="hint" select="substring('h-region', 1, 8 * not($staff))"/>
          </xsl:call-template>
          <option value="">请选择地区</option>
          <xsl:apply-templates select="regions/province" mode="region-options"/>
        </select>
      </div>

      <xsl:call-template name="text-field">
        <xsl:with-param name="staff" select="$staff"/>
        <xsl:with-param name="name" select="'subject_address'"/>
        <xsl:with-param name="label" select="'详细地址'"/>
        <xsl:with-param name="required-note" select="'被举报对象为企业时必填'"/>
        <xsl:with-param name="hint" select="'企业生产经营场所的详细地址，如乡镇（街道）、村、门牌号或厂区位置。'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
        <xsl:with-param name="wide" select="true()"/>
      </xsl:call-template>

      <xsl:call-template name="text-field">
        <xsl:with-param name="staff" select="$staff"/>
        <xsl:with-param name="name" select="'credit_code'"/>
        <xsl:with-param name="label" select="'统一社会信用代码'"/>
        <xsl:with-param name="optional" select="true()"/>
        <xsl:with-param name="hint" select="'统一社会信用代码，18位数字或大写字母；不清楚的可不填。'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
        <xsl:with-param name="code" select="true()"/>
        <xsl:with-param name="size" select="'short'"/>
      </xsl:call-template>
    </section>

    <!-- 举报内容 ====================================================== -->
    <section class="form-section" aria-labelledby="sec-content">
      <h2 id="sec-content"><span class="sec-no"><xsl:value-of select="substring($no, $first + 2, 1)"/></span>举报内容</h2>

      <div id="f-description">
        <xsl:call-template name="field-class"><xsl:with-param name="name" select="'description'"/></xsl:call-template>
        <label for="description">
          <xsl:text>主要问题和事实</xsl:text>
          <xsl:call-template name="req-mark"/>
        </label>
        <p class="hint" id="h-description">
          <xsl:choose>
            <xsl:when test="$staff">记录举报人反映的地点、时间、涉及的生产线或设备、规模等具体情况</xsl:when>
            <xsl:otherwise>请写明问题发生的地点、时间、涉及的生产线或设备、规模和您了解的具体情况</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$desc/@max">
            <xsl:text>（</xsl:text>
            <xsl:value-of select="$desc/@min"/>
            <xsl:text>至</xsl:text>
            <xsl:value-of select="$desc/@max"/>
            <xsl:text>字）</xsl:text>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$staff">。不要在此记录举报人的姓名、电话等身份信息。</xsl:when>
            <xsl:otherwise>。请勿在此填写您本人的姓名、电话等身份信息。</xsl:otherwise>
          </xsl:choose>
        </p>
        <xsl:call-template name="field-error"><xsl:with-param name="name" select="'description'"/></xsl:call-template>
        <textarea name="description" id="description">
          <xsl:attribute name="rows">
            <xsl:choose>
              <xsl:when test="$staff">8</xsl:when>
              <xsl:otherwise>10</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:call-template name="rf-length-attrs">
            <xsl:with-param name="limit" select="$desc"/>
            <xsl:with-param name="with-min" select="true()"/>
          </xsl:call-template>
          <xsl:attribute name="required">required</xsl:attribute>
          <xsl:attribute name="data-counter">description-count</xsl:attribute>
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
          <xsl:if test="$staff">举报人提供的照片或文件（传真、信函可扫描后上传），</xsl:if>
          <xsl:text>最多</xsl:text>
          <xsl:value-of select="$max-files"/>
          <xsl:text>个文件，每个不超过</xsl:text>
          <xsl:value-of select="$max-mb"/>
          <xsl:text>MB，仅限JPG、PNG、PDF</xsl:text>
          <xsl:if test="/error and not($staff)">
            <xsl:text>。如您之前选择过附件，请重新选择</xsl:text>
          </xsl:if>
          <xsl:text>。</xsl:text>
          <xsl:text>照片中的拍摄信息（如位置、设备）会被自动清除；PDF文件的属性（如作者）不会清除，请在上传前自行删除。</xsl:text>
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

    <!-- 举报人 ======================================================== -->
    <section class="form-section" aria-labelledby="sec-reporter">
      <h2 id="sec-reporter"><span class="sec-no"><xsl:value-of select="substring($no, $first + 3, 1)"/></span>举报人</h2>

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
        <xsl:if test="not($staff)">
          <div class="notice notice-warning" id="anonymous-notice">
            <p><strong>请注意：</strong>匿名举报一般不予受理；但举报内容涉及较重大污染、较重大安全生产隐患或可能带来后续隐患的违法生产等事项的，受理部门将通报相关责任部门处理。</p>
            <p>实名举报有报必受理、有报必查，举报人身份严格保密。</p>
          </div>
        </xsl:if>
      </fieldset>

      <div id="f-hazard">
        <xsl:call-template name="field-class"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
        <xsl:call-template name="field-error"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
        <label>
          <xsl:attribute name="class">
            <xsl:choose>
              <xsl:when test="$staff">choice</xsl:when>
              <xsl:otherwise>choice choice-card</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <input type="checkbox" name="hazard" value="1">
            <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
            <xsl:if test="key('val', 'hazard') = '1'">
              <xsl:attribute name="checked">checked</xsl:attribute>
            </xsl:if>
          </input>
          <span class="choice-label">
            <xsl:choose>
              <xsl:when test="$staff">涉及较重大污染或较重大安全生产隐患（匿名举报也须通报相关责任部门）</xsl:when>
              <xsl:otherwise>本举报涉及较重大污染或较重大安全生产隐患</xsl:otherwise>
            </xsl:choose>
          </span>
        </label>
      </div>

      <fieldset class="identity" id="identity">
        <legend>实名举报人信息</legend>
        <div class="secure-note">
          <xsl:choose>
            <xsl:when test="$staff">
              <p>举报人身份信息加密保存，只有接报人和核查组指定的一名联系人可以查看。请向举报人说明保密规定；不要把身份信息写入举报内容或备注。</p>
            </xsl:when>
            <xsl:otherwise>
              <p>您的身份信息加密保存，只有受理本举报的接报人和核查组指定的一名联系人可以查看，用于向您核实情况和反馈结果。未经您同意，不会向其他任何单位或个人透露。</p>
              <p>选择匿名举报时无需填写本栏。</p>
            </xsl:otherwise>
          </xsl:choose>
        </div>
        <xsl:choose>
          <xsl:when test="$staff">
            <div class="field-row">
              <xsl:call-template name="rf-identity-field">
                <xsl:with-param name="name" select="'reporter_name'"/>
                <xsl:with-param name="staff" select="$staff"/>
              </xsl:call-template>
              <xsl:call-template name="rf-identity-field">
                <xsl:with-param name="name" select="'reporter_phone'"/>
                <xsl:with-param name="staff" select="$staff"/>
              </xsl:call-template>
            </div>
            <div class="field-row">
              <xsl:call-template name="rf-identity-field">
                <xsl:with-param name="name" select="'reporter_id_no'"/>
                <xsl:with-param name="staff" select="$staff"/>
              </xsl:call-template>
              <xsl:call-template name="rf-identity-field">
                <xsl:with-param name="name" select="'reporter_email'"/>
                <xsl:with-param name="staff" select="$staff"/>
              </xsl:call-template>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="rf-identity-field">
              <xsl:with-param name="name" select="'reporter_name'"/>
            </xsl:call-template>
            <xsl:call-template name="rf-identity-field">
              <xsl:with-param name="name" select="'reporter_phone'"/>
            </xsl:call-template>
            <xsl:call-template name="rf-identity-field">
              <xsl:with-param name="name" select="'reporter_id_no'"/>
            </xsl:call-template>
            <xsl:call-template name="rf-identity-field">
              <xsl:with-param name="name" select="'reporter_email'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </fieldset>
    </section>
  </xsl:template>

  <!-- One of the reporter's identity fields, by name. -->
  <xsl:template name="rf-identity-field">
    <xsl:param name="name"/>
    <xsl:param name="staff" select="false()"/>
    <xsl:choose>
      <xsl:when test="$name = 'reporter_name'">
        <xsl:call-template name="text-field">
          <xsl:with-param name="staff" select="$staff"/>
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="label" select="'姓名'"/>
          <xsl:with-param name="required-note" select="'实名举报必填'"/>
          <xsl:with-param name="with-min" select="true()"/>
          <xsl:with-param name="autocomplete" select="'name'"/>
          <xsl:with-param name="size" select="'short'"/>
          <xsl:with-param name="if-named" select="true()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$name = 'reporter_phone'">
        <xsl:call-template name="text-field">
          <xsl:with-param name="staff" select="$staff"/>
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="label" select="'联系电话'"/>
          <xsl:with-param name="required-note" select="'实名举报必填'"/>
          <xsl:with-param name="type" select="'tel'"/>
          <xsl:with-param name="hint" select="'手机号码或固定电话，固定电话请加区号。'"/>
          <xsl:with-param name="autocomplete" select="'tel'"/>
          <xsl:with-param name="size" select="'short'"/>
          <xsl:with-param name="if-named" select="true()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$name = 'reporter_id_no'">
        <xsl:call-template name="text-field">
          <xsl:with-param name="staff" select="$staff"/>
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="label" select="'居民身份证号码'"/>
          <xsl:with-param name="optional" select="true()"/>
          <xsl:with-param name="hint" select="'18位，选填。'"/>
          <xsl:with-param name="autocomplete" select="'off'"/>
          <xsl:with-param name="code" select="true()"/>
          <xsl:with-param name="size" select="'short'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$name = 'reporter_email'">
        <xsl:call-template name="text-field">
          <xsl:with-param name="staff" select="$staff"/>
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="label" select="'电子邮箱'"/>
          <xsl:with-param name="optional" select="true()"/>
          <xsl:with-param name="type" select="'email'"/>
          <xsl:with-param name="autocomplete" select="'email'"/>
          <xsl:with-param name="code" select="true()"/>
          <xsl:with-param name="size" select="substring('short', 1, 5 * $staff)"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ==================================================== field helpers -->

  <xsl:template name="req-mark">
    <span class="req" aria-hidden="true">*</span>
    <span class="visually-hidden">（必填）</span>
  </xsl:template>

  <!-- minlength (with $with-min, when the key has a minimum) and maxlength
       of an input or textarea, from its <limit>.  Call before any child. -->
  <xsl:template name="rf-length-attrs">
    <xsl:param name="limit"/>
    <xsl:param name="with-min" select="false()"/>
    <xsl:if test="$with-min and number($limit/@min) &gt; 0">
      <xsl:attribute name="minlength"><xsl:value-of select="number($limit/@min)"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="number($limit/@max) &gt; 0">
      <xsl:attribute name="maxlength"><xsl:value-of select="number($limit/@max)"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- A one-line input in its container.  Context: <submit-form>.
       $hint is for the public form only; the console (staff) shows none
       and never autocompletes.  With $with-min the input gets the minlength
       of the field's <limit> (the fields whose minimum is more than
       "not empty" and less than a fixed length). -->
  <xsl:template name="text-field">
    <xsl:param name="staff" select="false()"/>
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="required-note" select="''"/>
    <xsl:param name="optional" select="false()"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="with-min" select="false()"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="autocomplete" select="''"/>
    <xsl:param name="code" select="false()"/>
    <xsl:param name="size" select="''"/>
    <xsl:param name="wide" select="false()"/>
    <xsl:param name="if-named" select="false()"/>
    <xsl:variable name="h">
      <xsl:if test="not($staff)"><xsl:value-of select="$hint"/></xsl:if>
    </xsl:variable>
    <xsl:variable name="ac">
      <xsl:choose>
        <xsl:when test="$staff and $autocomplete != ''">off</xsl:when>
        <xsl:otherwise><xsl:value-of select="$autocomplete"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
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
      <xsl:if test="$h != ''">
        <p class="hint" id="h-{$name}"><xsl:value-of select="$h"/></p>
      </xsl:if>
      <xsl:call-template name="field-error"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <input type="{$type}" name="{$name}" id="{$name}" value="{key('val', $name)[1]}">
        <xsl:call-template name="field-invalid-attrs">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="hint">
            <xsl:if test="$h != ''">h-<xsl:value-of select="$name"/></xsl:if>
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
        <xsl:call-template name="rf-length-attrs">
          <xsl:with-param name="limit" select="limits/limit[@name = $name]"/>
          <xsl:with-param name="with-min" select="$with-min"/>
        </xsl:call-template>
        <xsl:if test="$ac != ''">
          <xsl:attribute name="autocomplete"><xsl:value-of select="$ac"/></xsl:attribute>
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

</xsl:stylesheet>
