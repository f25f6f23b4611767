<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/case-actions.xsl: the action forms of the case detail page: one <action> element each,
  in modes "box" and "fields".

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ======================================================= case actions -->

  <xsl:template name="a-action-hidden">
    <xsl:call-template name="a-csrf"/>
    <input type="hidden" name="id" value="{/case-detail/report/@id}"/>
    <input type="hidden" name="action" value="{@name}"/>
  </xsl:template>

  <!-- On the 400 page after a failed action, the box of the action that
       was posted ($posted-action) is open, its fields keep what was typed
       and its errors stand beside them; the other boxes stay as they were.
       In the "fields" templates, $on: this is the posted action. -->
  <xsl:template match="action" mode="box">
    <details class="action-box action-{@name}" id="act-{@name}">
      <xsl:if test="@name = $posted-action">
        <xsl:attribute name="open">open</xsl:attribute>
      </xsl:if>
      <summary><xsl:call-template name="a-opt-text"/></summary>
      <form class="action-form" method="post" action="{$base}/admin/case/action" accept-charset="UTF-8">
        <xsl:call-template name="a-action-hidden"/>
        <xsl:apply-templates select="." mode="fields"/>
        <div class="action-submit">
          <button type="submit">
            <xsl:attribute name="class">
              <xsl:text>button button-small</xsl:text>
              <xsl:if test="@name = 'reject'"> button-danger</xsl:if>
            </xsl:attribute>
            <xsl:call-template name="a-action-button"/>
          </button>
        </div>
      </form>
    </details>
  </xsl:template>

  <xsl:template name="a-action-button">
    <xsl:choose>
      <xsl:when test="@name = 'accept'">确认受理</xsl:when>
      <xsl:when test="@name = 'reject'">确认不予受理</xsl:when>
      <xsl:when test="@name = 'needs_info'">通知举报人补充</xsl:when>
      <xsl:when test="@name = 'transfer'">确认移交</xsl:when>
      <xsl:when test="@name = 'start_inspection'">确认接收</xsl:when>
      <xsl:when test="@name = 'inspect'">保存核查结果</xsl:when>
      <xsl:when test="@name = 'dispose'">保存处置决定</xsl:when>
      <xsl:when test="@name = 'progress'">保存处置进展</xsl:when>
      <xsl:when test="@name = 'feedback'">保存反馈意见</xsl:when>
      <xsl:when test="@name = 'release'">审核通过，反馈举报人</xsl:when>
      <xsl:when test="@name = 'note'">添加备注</xsl:when>
      <xsl:when test="@name = 'press'">发出督办</xsl:when>
      <xsl:when test="@name = 'set_contact'">确认指定</xsl:when>
      <xsl:when test="@name = 'notify_hazard'">记录通报</xsl:when>
      <xsl:when test="@name = 'link_duplicate'">确认关联</xsl:when>
      <xsl:otherwise><xsl:call-template name="a-opt-text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A textarea in a field.  $vis: 'public', 'staff' or ''. -->
  <xsl:template name="a-textarea">
    <xsl:param name="name" select="'text'"/>
    <xsl:param name="label"/>
    <xsl:param name="vis" select="''"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="rows" select="'4'"/>
    <xsl:param name="value" select="''"/>
    <xsl:variable name="id" select="concat('a-', @name, '-', $name)"/>
    <xsl:variable name="on" select="@name = $posted-action"/>
    <div>
      <xsl:call-template name="a-field-class">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <label for="{$id}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required"><span class="req" aria-hidden="true">*</span></xsl:if>
        <xsl:if test="not($required)"><span class="optional">（选填）</span></xsl:if>
        <xsl:choose>
          <xsl:when test="$vis = 'public'"><xsl:text> </xsl:text><xsl:call-template name="a-vis-public"/></xsl:when>
          <xsl:when test="$vis = 'staff'"><xsl:text> </xsl:text><xsl:call-template name="a-vis-staff"/></xsl:when>
        </xsl:choose>
      </label>
      <xsl:if test="$hint != ''">
        <p class="hint" id="{$id}-h"><xsl:value-of select="$hint"/></p>
      </xsl:if>
      <xsl:call-template name="a-field-error">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <textarea name="{$name}" id="{$id}" rows="{$rows}">
        <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="$name"/></xsl:call-template>
        <xsl:if test="$required">
          <xsl:attribute name="required">required</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="a-field-attrs">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="on" select="$on"/>
          <xsl:with-param name="hint"><xsl:if test="$hint != ''"><xsl:value-of select="$id"/>-h</xsl:if></xsl:with-param>
        </xsl:call-template>
        <xsl:text>&#10;</xsl:text>
        <xsl:choose>
          <xsl:when test="$on"><xsl:value-of select="$posted[@name = $name][1]"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
        </xsl:choose>
      </textarea>
    </div>
  </xsl:template>

  <!-- A one-line input in a field.  $box: the class of its field. -->
  <xsl:template name="a-input">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="class" select="'input'"/>
    <xsl:param name="box" select="'field'"/>
    <xsl:param name="required" select="false()"/>
    <xsl:variable name="id" select="concat('a-', @name, '-', $name)"/>
    <xsl:variable name="on" select="@name = $posted-action"/>
    <div>
      <xsl:call-template name="a-field-class">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="class" select="$box"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <label for="{$id}">
        <xsl:value-of select="$label"/>
        <xsl:choose>
          <xsl:when test="$required"><span class="req" aria-hidden="true">*</span></xsl:when>
          <xsl:otherwise><span class="optional">（选填）</span></xsl:otherwise>
        </xsl:choose>
      </label>
      <xsl:call-template name="a-field-error">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <input type="{$type}" name="{$name}" id="{$id}" class="{$class}">
        <xsl:if test="$required">
          <xsl:attribute name="required">required</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="$name"/></xsl:call-template>
        <xsl:call-template name="a-value-attr">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <xsl:call-template name="a-field-attrs">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
      </input>
    </div>
  </xsl:template>

  <!-- Per-action fields.  Context: <action>. -->

  <xsl:template match="action" mode="fields"/>

  <xsl:template match="action[@name = 'accept']" mode="fields">
    <p class="hint">受理后应在2个工作日内移交责任部门。</p>
  </xsl:template>

  <xsl:template match="action[@name = 'reject']" mode="fields">
    <xsl:variable name="on" select="@name = $posted-action"/>
    <div>
      <xsl:call-template name="a-field-class">
        <xsl:with-param name="name" select="'reason'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <label for="a-reject-reason">不予受理理由<span class="req" aria-hidden="true">*</span></label>
      <xsl:call-template name="a-field-error">
        <xsl:with-param name="name" select="'reason'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <select name="reason" id="a-reject-reason" required="required">
        <xsl:call-template name="a-field-attrs">
          <xsl:with-param name="name" select="'reason'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <xsl:call-template name="a-options">
          <xsl:with-param name="options" select="option"/>
          <xsl:with-param name="current" select="string($posted[@name = 'reason'][$on][1])"/>
          <xsl:with-param name="empty" select="'请选择'"/>
        </xsl:call-template>
      </select>
    </div>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'告知举报人的说明'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="hint" select="'说明不予受理的理由；不属于本部门受理范围的，告知举报人向哪个部门反映。实名举报有报必受理，请慎重。'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'needs_info']" mode="fields">
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'请举报人补充的内容'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="hint" select="'写明需要补充的事实或材料，如企业具体位置、生产线或设备情况。举报人将在查询页面看到这段文字。'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'transfer']" mode="fields">
    <xsl:variable name="on" select="@name = $posted-action"/>
    <fieldset>
      <xsl:attribute name="class">
        <xsl:text>field</xsl:text>
        <xsl:if test="$on and /*/field[@name = 'department' or @name = 'lead']"> has-error</xsl:if>
      </xsl:attribute>
      <legend>移交部门<span class="req" aria-hidden="true">*</span></legend>
      <p class="hint">勾选要移交的部门，并指定一个牵头部门（直接负责的部门）。已按移交规则预选建议的部门。应在受理后2个工作日内移交。</p>
      <xsl:if test="normalize-space(message) != ''">
        <p class="notice notice-warning"><xsl:value-of select="message"/></p>
      </xsl:if>
      <xsl:call-template name="a-field-error">
        <xsl:with-param name="name" select="'department'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <xsl:call-template name="a-field-error">
        <xsl:with-param name="name" select="'lead'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="department">
          <table class="data-table transfer-table">
            <thead>
              <tr>
                <th scope="col">移交</th>
                <th scope="col">牵头</th>
                <th scope="col">部门</th>
                <th scope="col">规则建议</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="department">
                <tr>
                  <td>
                    <input type="checkbox" name="department" value="{@id}" id="a-transfer-d{@id}">
                      <xsl:if test="($on and $posted[@name = 'department'] = string(@id)) or
                                    (not($on) and (@suggested = 'lead' or @suggested = 'coop'))">
                        <xsl:attribute name="checked">checked</xsl:attribute>
                      </xsl:if>
                      <xsl:call-template name="a-field-attrs">
                        <xsl:with-param name="name" select="'department'"/>
                        <xsl:with-param name="on" select="$on"/>
                      </xsl:call-template>
                    </input>
                  </td>
                  <td>
                    <input type="radio" name="lead" value="{@id}" aria-label="{concat('牵头：', @name)}">
                      <xsl:if test="($on and $posted[@name = 'lead'] = string(@id)) or
                                    (not($on) and @suggested = 'lead')">
                        <xsl:attribute name="checked">checked</xsl:attribute>
                      </xsl:if>
                      <xsl:call-template name="a-field-attrs">
                        <xsl:with-param name="name" select="'lead'"/>
                        <xsl:with-param name="on" select="$on"/>
                      </xsl:call-template>
                    </input>
                  </td>
                  <td><label for="a-transfer-d{@id}"><xsl:value-of select="@name"/></label></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@suggested = 'lead'"><span class="badge badge-lead">建议牵头</span></xsl:when>
                      <xsl:when test="@suggested = 'coop'"><span class="badge badge-plain">建议配合</span></xsl:when>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="notice notice-warning">没有可移交的部门，请管理员检查移交规则和部门设置。</p>
        </xsl:otherwise>
      </xsl:choose>
    </fieldset>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'移交说明'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="hint" select="'不填写则显示“已移交有关责任部门核查处理”。'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'start_inspection']" mode="fields">
    <p class="hint">确认本部门接收本案件，并在5个工作日内组织现场核查。</p>
  </xsl:template>

  <xsl:template match="action[@name = 'inspect']" mode="fields">
    <xsl:variable name="on" select="@name = $posted-action"/>
    <div class="field-row">
      <xsl:call-template name="a-input">
        <xsl:with-param name="name" select="'inspected_on'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="label" select="'现场检查日期'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="class" select="'input input-date'"/>
      </xsl:call-template>
      <xsl:call-template name="a-input">
        <xsl:with-param name="name" select="'team'"/>
        <xsl:with-param name="label" select="'核查组成员'"/>
        <xsl:with-param name="box" select="'field field-grow'"/>
      </xsl:call-template>
    </div>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="name" select="'findings'"/>
      <xsl:with-param name="label" select="'现场检查情况和核查意见'"/>
      <xsl:with-param name="vis" select="'staff'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="rows" select="'6'"/>
    </xsl:call-template>
    <xsl:variable name="verdict" select="string($posted[@name = 'verdict'][$on][1])"/>
    <fieldset>
      <xsl:call-template name="a-field-class">
        <xsl:with-param name="name" select="'verdict'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <legend>核查结论<span class="req" aria-hidden="true">*</span></legend>
      <xsl:call-template name="a-field-error">
        <xsl:with-param name="name" select="'verdict'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <div class="choices choices-inline">
        <xsl:call-template name="a-radio">
          <xsl:with-param name="name" select="'verdict'"/>
          <xsl:with-param name="value" select="'true'"/>
          <xsl:with-param name="label" select="'属实'"/>
          <xsl:with-param name="checked" select="$verdict = 'true'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <xsl:call-template name="a-radio">
          <xsl:with-param name="name" select="'verdict'"/>
          <xsl:with-param name="value" select="'partly'"/>
          <xsl:with-param name="label" select="'部分属实'"/>
          <xsl:with-param name="checked" select="$verdict = 'partly'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <xsl:call-template name="a-radio">
          <xsl:with-param name="name" select="'verdict'"/>
          <xsl:with-param name="value" select="'false'"/>
          <xsl:with-param name="label" select="'不属实'"/>
          <xsl:with-param name="checked" select="$verdict = 'false'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
      </div>
    </fieldset>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'核查情况摘要'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="hint" select="'简要说明核查的事实和结论，不写检查人员和举报人信息。'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A required radio button.  $on: mark it when its field is in error
       (the form was posted). -->
  <xsl:template name="a-radio">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <xsl:param name="checked" select="false()"/>
    <xsl:param name="on" select="false()"/>
    <label class="choice">
      <input type="radio" name="{$name}" value="{$value}" required="required">
        <xsl:if test="$checked">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="a-field-attrs">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
      </input>
      <span class="choice-label"><xsl:value-of select="$label"/></span>
    </label>
  </xsl:template>

  <xsl:template match="action[@name = 'dispose']" mode="fields">
    <xsl:variable name="on" select="@name = $posted-action"/>
    <fieldset>
      <xsl:call-template name="a-field-class">
        <xsl:with-param name="name" select="'measure'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <legend>处置措施<span class="req" aria-hidden="true">*</span><span class="legend-note">（可多选）</span></legend>
      <xsl:call-template name="a-field-error">
        <xsl:with-param name="name" select="'measure'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <div class="choices choices-stack">
        <xsl:for-each select="option">
          <label class="choice">
            <input type="checkbox" name="measure" value="{@value}">
              <xsl:if test="$on and $posted[@name = 'measure'] = string(current()/@value)">
                <xsl:attribute name="checked">checked</xsl:attribute>
              </xsl:if>
              <xsl:call-template name="a-field-attrs">
                <xsl:with-param name="name" select="'measure'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
            </input>
            <span class="choice-label"><xsl:call-template name="a-opt-text"/></span>
          </label>
        </xsl:for-each>
      </div>
    </fieldset>
    <xsl:call-template name="a-input">
      <xsl:with-param name="name" select="'deadline'"/>
      <xsl:with-param name="type" select="'date'"/>
      <xsl:with-param name="label" select="'整改期限'"/>
      <xsl:with-param name="class" select="'input input-date'"/>
    </xsl:call-template>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'处置决定说明'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'progress']" mode="fields">
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'处置进展'"/>
      <xsl:with-param name="vis" select="'staff'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
    <xsl:variable name="on" select="@name = $posted-action"/>
    <div>
      <xsl:call-template name="a-field-class">
        <xsl:with-param name="name" select="'complete'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <xsl:call-template name="a-field-error">
        <xsl:with-param name="name" select="'complete'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <label class="choice">
        <input type="checkbox" name="complete" value="1">
          <xsl:if test="$on and $posted[@name = 'complete'] = '1'">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
          <xsl:call-template name="a-field-attrs">
            <xsl:with-param name="name" select="'complete'"/>
            <xsl:with-param name="on" select="$on"/>
          </xsl:call-template>
        </input>
        <span class="choice-label">处置完成（整改、退出已到位）</span>
      </label>
    </div>
  </xsl:template>

  <xsl:template match="action[@name = 'feedback']" mode="fields">
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'反馈意见'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="rows" select="'8'"/>
      <xsl:with-param name="value" select="/case-detail/report/feedback-text"/>
      <xsl:with-param name="hint" select="'核实情况和处理结果，经审核后反馈举报人。应在核查完成后10个工作日内反馈。'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'release']" mode="fields">
    <xsl:variable name="fb" select="/case-detail/report/feedback-text"/>
    <xsl:choose>
      <xsl:when test="normalize-space($fb) != ''">
        <p class="hint">以下反馈意见将原样显示在举报人的查询页面上：</p>
        <blockquote class="feedback-preview"><xsl:value-of select="$fb"/></blockquote>
      </xsl:when>
      <xsl:otherwise>
        <p class="notice notice-warning">尚未起草反馈意见。</p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="action[@name = 'note']" mode="fields">
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'备注'"/>
      <xsl:with-param name="vis" select="'staff'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="hint" select="'请勿在备注中记录举报人身份信息。'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'press']" mode="fields">
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'督办意见'"/>
      <xsl:with-param name="vis" select="'staff'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'set_contact']" mode="fields">
    <xsl:if test="not(staff)">
      <p class="notice notice-warning">牵头部门还没有“核查组联系人”角色的工作人员，请联系管理员分配后再指定。</p>
    </xsl:if>
    <xsl:variable name="on" select="@name = $posted-action"/>
    <xsl:variable name="current">
      <xsl:choose>
        <xsl:when test="$on"><xsl:value-of select="$posted[@name = 'staff'][1]"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="/case-detail/contact/@id"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div>
      <xsl:call-template name="a-field-class">
        <xsl:with-param name="name" select="'staff'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <label for="a-set_contact-staff">核查组联系人<span class="req" aria-hidden="true">*</span></label>
      <p class="hint" id="a-set_contact-h">核查组中唯一可以查看举报人身份、联系举报人的人员。</p>
      <xsl:call-template name="a-field-error">
        <xsl:with-param name="name" select="'staff'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <select name="staff" id="a-set_contact-staff" required="required">
        <xsl:call-template name="a-field-attrs">
          <xsl:with-param name="name" select="'staff'"/>
          <xsl:with-param name="on" select="$on"/>
          <xsl:with-param name="hint" select="'a-set_contact-h'"/>
        </xsl:call-template>
        <option value="">请选择</option>
        <xsl:for-each select="staff">
          <option value="{@id}">
            <xsl:if test="string(@id) = string($current)">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="@name"/>
          </option>
        </xsl:for-each>
      </select>
    </div>
  </xsl:template>

  <xsl:template match="action[@name = 'notify_hazard']" mode="fields">
    <p class="hint">匿名举报涉及较重大污染、较重大安全生产隐患或可能带来后续隐患的违法生产的，应通报相关责任部门，由其决定是否办理。</p>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'通报的部门、方式和时间'"/>
      <xsl:with-param name="vis" select="'staff'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'link_duplicate']" mode="fields">
    <xsl:variable name="on" select="@name = $posted-action"/>
    <div>
      <xsl:call-template name="a-field-class">
        <xsl:with-param name="name" select="'ticket'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <label for="a-link_duplicate-ticket">在先举报的受理编号<span class="req" aria-hidden="true">*</span></label>
      <p class="hint" id="a-link_duplicate-h">本举报将作为该举报的重复举报关联办理。</p>
      <xsl:call-template name="a-field-error">
        <xsl:with-param name="name" select="'ticket'"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <input type="text" name="ticket" id="a-link_duplicate-ticket" class="input input-code input-short"
             inputmode="numeric" maxlength="32" autocomplete="off" spellcheck="false"
             required="required">
        <xsl:call-template name="a-value-attr">
          <xsl:with-param name="name" select="'ticket'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <xsl:call-template name="a-field-attrs">
          <xsl:with-param name="name" select="'ticket'"/>
          <xsl:with-param name="on" select="$on"/>
          <xsl:with-param name="hint" select="'a-link_duplicate-h'"/>
        </xsl:call-template>
      </input>
    </div>
  </xsl:template>

</xsl:stylesheet>
