<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/reasons.xsl: the refusal reasons (<reasons>, 不予受理理由).

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ================================================== refusal reasons -->

  <xsl:template match="reasons" mode="title">不予受理理由</xsl:template>

  <xsl:template match="reasons" mode="content">
    <div class="page-head">
      <h1>不予受理理由</h1>
    </div>
    <xsl:call-template name="a-page-message"/>
    <div class="notice">
      <p>受理人员决定不予受理时，从下列理由中选择一项；“告知举报人的说明”是默认写给举报人的文字，受理人员可以修改。已经使用过的理由不能删除，不再使用时取消“启用”即可。</p>
    </div>
    <xsl:for-each select="reason">
      <section class="panel-box reason-box" aria-labelledby="{concat('reason-', @code)}">
        <h2 id="{concat('reason-', @code)}">
          <xsl:value-of select="@label"/>
          <span class="h-note">
            <xsl:text>（代码 </xsl:text><xsl:value-of select="@code"/>
            <xsl:if test="@enabled != '1'">，已停用</xsl:if>
            <xsl:text>）</xsl:text>
          </span>
        </h2>
        <xsl:call-template name="a-reason-form">
          <xsl:with-param name="r" select="."/>
        </xsl:call-template>
      </section>
    </xsl:for-each>
    <section class="panel-box" aria-labelledby="reason-new">
      <h2 id="reason-new">新增理由</h2>
      <xsl:call-template name="a-reason-form"/>
    </section>
  </xsl:template>

  <!-- The form for one reason; without $r, a new one (the code is then typed).
       After a failed save (400), the form that was posted keeps what was
       typed and shows the errors beside the fields ($on): the form of the
       reason whose code was posted, else the new one. -->
  <xsl:template name="a-reason-form">
    <xsl:param name="r" select="/.."/>
    <xsl:variable name="id" select="concat('r-', string($r/@code), substring('new', 1, 3 * not($r)))"/>
    <xsl:variable name="code" select="$posted[@name = 'code'][1]"/>
    <xsl:variable name="on" select="boolean($posted) and
                                    (($r and string($r/@code) = string($code)) or
                                     (not($r) and not(/*/reason[string(@code) = string($code)])))"/>
    <form class="admin-form compact-form" method="post" action="{$base}/admin/reasons" accept-charset="UTF-8">
      <xsl:call-template name="a-csrf"/>
      <xsl:choose>
        <xsl:when test="$r">
          <input type="hidden" name="code" value="{$r/@code}"/>
        </xsl:when>
        <xsl:otherwise>
          <div>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'code'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <label for="{$id}-code">代码<span class="req" aria-hidden="true">*</span></label>
            <p class="hint">小写字母、数字或下划线，保存后不能修改，如 out_of_scope。</p>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'code'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <input type="text" name="code" id="{$id}-code" class="input input-short"
                   pattern="[a-z0-9_]{{1,32}}" required="required" spellcheck="false">
              <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'code'"/></xsl:call-template>
              <xsl:call-template name="a-reason-attrs">
                <xsl:with-param name="name" select="'code'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
            </input>
          </div>
        </xsl:otherwise>
      </xsl:choose>
      <div>
        <xsl:call-template name="a-field-class">
          <xsl:with-param name="name" select="'label'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <label for="{$id}-label">理由名称<span class="req" aria-hidden="true">*</span></label>
        <xsl:call-template name="a-field-error">
          <xsl:with-param name="name" select="'label'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <input type="text" name="label" id="{$id}-label" class="input"
               required="required" value="{$r/@label}">
          <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'label'"/></xsl:call-template>
          <xsl:call-template name="a-reason-attrs">
            <xsl:with-param name="name" select="'label'"/>
            <xsl:with-param name="on" select="$on"/>
          </xsl:call-template>
        </input>
      </div>
      <div>
        <xsl:call-template name="a-field-class">
          <xsl:with-param name="name" select="'text'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <label for="{$id}-text">告知举报人的说明</label>
        <xsl:call-template name="a-field-error">
          <xsl:with-param name="name" select="'text'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <textarea name="text" id="{$id}-text" class="input" rows="3">
          <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'text'"/></xsl:call-template>
          <xsl:call-template name="a-field-attrs">
            <xsl:with-param name="name" select="'text'"/>
            <xsl:with-param name="on" select="$on"/>
          </xsl:call-template>
          <xsl:choose>
            <xsl:when test="$on"><xsl:value-of select="$posted[@name = 'text'][1]"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$r"/></xsl:otherwise>
          </xsl:choose>
        </textarea>
      </div>
      <div>
        <xsl:call-template name="a-field-class">
          <xsl:with-param name="name" select="'sort'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <label for="{$id}-sort">排序</label>
        <xsl:call-template name="a-field-error">
          <xsl:with-param name="name" select="'sort'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <input type="number" name="sort" id="{$id}-sort" class="input input-short" min="0" max="9999"
               value="{$r/@sort}">
          <xsl:call-template name="a-reason-attrs">
            <xsl:with-param name="name" select="'sort'"/>
            <xsl:with-param name="on" select="$on"/>
          </xsl:call-template>
        </input>
      </div>
      <div>
        <xsl:call-template name="a-field-class">
          <xsl:with-param name="name" select="'enabled'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <xsl:call-template name="a-field-error">
          <xsl:with-param name="name" select="'enabled'"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <label class="choice">
          <input type="checkbox" name="enabled" value="1">
            <xsl:if test="($on and $posted[@name = 'enabled'] = '1') or
                          (not($on) and (not($r) or $r/@enabled = '1'))">
              <xsl:attribute name="checked">checked</xsl:attribute>
            </xsl:if>
            <xsl:call-template name="a-field-attrs">
              <xsl:with-param name="name" select="'enabled'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
          </input>
          <xsl:text> 启用</xsl:text>
        </label>
      </div>
      <div class="form-submit">
        <button type="submit" class="button">保存</button>
      </div>
    </form>
  </xsl:template>

  <!-- The posted value and the error marks of an input of a-reason-form:
       the value replaces the reason's own, even when it was left empty. -->
  <xsl:template name="a-reason-attrs">
    <xsl:param name="name"/>
    <xsl:param name="on"/>
    <xsl:if test="$on">
      <xsl:attribute name="value"><xsl:value-of select="$posted[@name = $name][1]"/></xsl:attribute>
    </xsl:if>
    <xsl:call-template name="a-field-attrs">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="on" select="$on"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
