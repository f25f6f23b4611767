<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/routing.xsl: the routing rules (<routing>, 移交规则).

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- =========================================================== routing -->

  <xsl:template match="routing" mode="title">移交规则</xsl:template>

  <xsl:template match="routing" mode="content">
    <h1>移交规则</h1>
    <xsl:call-template name="a-page-message"/>
    <p class="lead">受理后，系统按移交规则向接报人建议牵头部门和配合部门。规则按举报类别、涉及问题、行业、地区和对象类型匹配，留空表示不限；多条规则匹配时，条件最具体的规则优先。部门按举报所在地区和规则的层级（县级、市级、省级）确定。</p>

    <xsl:if test="problems/problem">
      <div class="notice notice-error" role="alert">
        <h2>规则检查发现以下问题</h2>
        <ul>
          <xsl:for-each select="problems/problem">
            <li><xsl:value-of select="."/></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>

    <section aria-labelledby="rules-title">
      <h2 id="rules-title">
        <xsl:text>现有规则</xsl:text>
        <span class="h-count"><xsl:value-of select="count(rules/rule)"/></span>
      </h2>
      <xsl:choose>
        <xsl:when test="rules/rule">
          <div class="table-wrap">
            <table class="data-table rules-table">
              <thead>
                <tr>
                  <th scope="col">编号</th>
                  <th scope="col">类别</th>
                  <th scope="col">问题</th>
                  <th scope="col">行业</th>
                  <th scope="col">地区</th>
                  <th scope="col">对象</th>
                  <th scope="col">牵头部门</th>
                  <th scope="col">配合部门</th>
                  <th scope="col">层级</th>
                  <th scope="col">备注</th>
                  <th scope="col">状态</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="rules/rule">
                  <tr>
                    <xsl:if test="@enabled = '0'">
                      <xsl:attribute name="class">row-disabled</xsl:attribute>
                    </xsl:if>
                    <td class="num"><xsl:value-of select="@id"/></td>
                    <td>
                      <xsl:call-template name="a-lookup">
                        <xsl:with-param name="value" select="string(@category)"/>
                        <xsl:with-param name="options" select="/routing/categories/option"/>
                      </xsl:call-template>
                    </td>
                    <td>
                      <xsl:call-template name="a-lookup">
                        <xsl:with-param name="value" select="string(@standard)"/>
                        <xsl:with-param name="options" select="/routing/standards/option"/>
                      </xsl:call-template>
                    </td>
                    <td>
                      <xsl:call-template name="a-lookup">
                        <xsl:with-param name="value" select="string(@industry)"/>
                        <xsl:with-param name="options" select="/routing/industries/option"/>
                      </xsl:call-template>
                    </td>
                    <td class="code">
                      <xsl:call-template name="a-any"><xsl:with-param name="v" select="string(@region-prefix)"/></xsl:call-template>
                    </td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="normalize-space(@subject-type) = ''"><span class="any">不限</span></xsl:when>
                        <xsl:otherwise>
                          <xsl:call-template name="a-subject-type"><xsl:with-param name="value" select="string(@subject-type)"/></xsl:call-template>
                        </xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td><strong><xsl:value-of select="@lead-label"/></strong></td>
                    <td><xsl:call-template name="a-or-dash"><xsl:with-param name="v" select="@coop-labels"/></xsl:call-template></td>
                    <td class="nowrap"><xsl:call-template name="a-level"><xsl:with-param name="value" select="string(@level)"/></xsl:call-template></td>
                    <td class="cell-note"><xsl:value-of select="@note"/></td>
                    <td class="nowrap">
                      <xsl:choose>
                        <xsl:when test="@enabled = '0'"><span class="badge badge-muted">已停用</span></xsl:when>
                        <xsl:otherwise><span class="badge badge-ok">启用</span></xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td class="cell-actions">
                      <form class="inline-form" method="post" action="{$base}/admin/routing">
                        <xsl:call-template name="a-csrf"/>
                        <input type="hidden" name="action" value="toggle"/>
                        <input type="hidden" name="rule" value="{@id}"/>
                        <button type="submit" class="button button-secondary button-small">
                          <xsl:choose>
                            <xsl:when test="@enabled = '0'">启用</xsl:when>
                            <xsl:otherwise>停用</xsl:otherwise>
                          </xsl:choose>
                        </button>
                      </form>
                      <details class="confirm">
                        <summary>删除</summary>
                        <form class="inline-form" method="post" action="{$base}/admin/routing">
                          <xsl:call-template name="a-csrf"/>
                          <input type="hidden" name="action" value="delete"/>
                          <input type="hidden" name="rule" value="{@id}"/>
                          <button type="submit" class="button button-danger button-small">确认删除</button>
                        </form>
                      </details>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="empty">还没有移交规则。</p></xsl:otherwise>
      </xsl:choose>
    </section>

    <div class="admin-cols">
      <section class="panel-box" aria-labelledby="preview-title">
        <h2 id="preview-title">试算</h2>
        <p class="hint">输入一件举报的情况，查看按现有规则会建议移交哪些部门。</p>
        <form class="admin-form compact-form" method="get" action="{$base}/admin/routing">
          <input type="hidden" name="preview" value="1"/>
          <xsl:variable name="in" select="preview/input"/>
          <xsl:call-template name="a-rule-selects">
            <xsl:with-param name="prefix" select="'pv'"/>
            <xsl:with-param name="category" select="string($in/@category)"/>
            <xsl:with-param name="standard" select="string($in/@standard)"/>
            <xsl:with-param name="industry" select="string($in/@industry)"/>
            <xsl:with-param name="subject-type" select="string($in/@subject-type)"/>
            <xsl:with-param name="empty" select="'请选择'"/>
          </xsl:call-template>
          <div class="field">
            <label for="pv-region">地区代码</label>
            <input type="text" name="region" id="pv-region" class="input input-code input-short"
                   inputmode="numeric" pattern="[0-9]{{6}}" value="{$in/@region}"
                   aria-describedby="pv-region-h">
              <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'region'"/></xsl:call-template>
            </input>
            <p class="hint" id="pv-region-h">6位行政区划代码，如 220102（长春市南关区）。</p>
          </div>
          <div class="form-submit">
            <button type="submit" class="button button-small">试算</button>
          </div>
        </form>
        <xsl:if test="preview">
          <div class="preview-result" role="status">
            <h3>试算结果</h3>
            <xsl:choose>
              <xsl:when test="preview/department">
                <ul class="dept-list">
                  <xsl:for-each select="preview/department">
                    <xsl:sort select="number(@role = 'lead')" data-type="number" order="descending"/>
                    <li>
                      <xsl:choose>
                        <xsl:when test="@role = 'lead'"><span class="badge badge-lead">牵头</span></xsl:when>
                        <xsl:otherwise><span class="badge badge-plain">配合</span></xsl:otherwise>
                      </xsl:choose>
                      <xsl:text> </xsl:text>
                      <xsl:value-of select="@name"/>
                    </li>
                  </xsl:for-each>
                </ul>
              </xsl:when>
              <xsl:when test="normalize-space(preview/message) != ''">
                <p class="notice notice-warning"><xsl:value-of select="preview/message"/></p>
              </xsl:when>
              <xsl:otherwise>
                <p class="notice notice-warning">没有匹配的规则。</p>
              </xsl:otherwise>
            </xsl:choose>
          </div>
        </xsl:if>
      </section>

      <!-- After a failed add (400), the form keeps what was typed and
           shows the errors beside the fields ($on). -->
      <xsl:variable name="on" select="$posted-action = 'add'"/>
      <xsl:variable name="level">
        <xsl:choose>
          <xsl:when test="$on"><xsl:value-of select="$posted[@name = 'level'][1]"/></xsl:when>
          <xsl:otherwise>county</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <section class="panel-box" aria-labelledby="add-title">
        <h2 id="add-title">新增规则</h2>
        <form class="admin-form compact-form" method="post" action="{$base}/admin/routing" accept-charset="UTF-8">
          <xsl:call-template name="a-csrf"/>
          <input type="hidden" name="action" value="add"/>
          <xsl:call-template name="a-rule-selects">
            <xsl:with-param name="prefix" select="'nr'"/>
            <xsl:with-param name="category" select="string($posted[@name = 'category'][$on][1])"/>
            <xsl:with-param name="standard" select="string($posted[@name = 'standard'][$on][1])"/>
            <xsl:with-param name="industry" select="string($posted[@name = 'industry'][$on][1])"/>
            <xsl:with-param name="subject-type" select="string($posted[@name = 'subject_type'][$on][1])"/>
            <xsl:with-param name="empty" select="'不限'"/>
            <xsl:with-param name="on" select="$on"/>
          </xsl:call-template>
          <div>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'region_prefix'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <label for="nr-region_prefix">地区代码前缀<span class="optional">（选填）</span></label>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'region_prefix'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <input type="text" name="region_prefix" id="nr-region_prefix" class="input input-code input-short"
                   inputmode="numeric" pattern="[0-9]{{2,6}}" aria-describedby="nr-region_prefix-h">
              <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'region_prefix'"/></xsl:call-template>
              <xsl:call-template name="a-value-attr">
                <xsl:with-param name="name" select="'region_prefix'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
              <xsl:call-template name="a-field-attrs">
                <xsl:with-param name="name" select="'region_prefix'"/>
                <xsl:with-param name="on" select="$on"/>
                <xsl:with-param name="hint" select="'nr-region_prefix-h'"/>
              </xsl:call-template>
            </input>
            <p class="hint" id="nr-region_prefix-h">如 22 为吉林省全省，2201 为长春市；留空为不限。</p>
          </div>
          <div>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'lead_kind'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <label for="nr-lead_kind">牵头部门<span class="req" aria-hidden="true">*</span></label>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'lead_kind'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <select name="lead_kind" id="nr-lead_kind" required="required">
              <xsl:call-template name="a-field-attrs">
                <xsl:with-param name="name" select="'lead_kind'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
              <xsl:call-template name="a-options">
                <xsl:with-param name="options" select="kinds/option"/>
                <xsl:with-param name="current" select="string($posted[@name = 'lead_kind'][$on][1])"/>
                <xsl:with-param name="empty" select="'请选择'"/>
              </xsl:call-template>
            </select>
          </div>
          <fieldset>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'coop_kinds'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <legend>配合部门<span class="optional">（选填，可多选）</span></legend>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'coop_kinds'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <div class="choices choices-grid3">
              <xsl:for-each select="kinds/option">
                <label class="choice">
                  <input type="checkbox" name="coop_kinds" value="{@value}">
                    <xsl:if test="$on and $posted[@name = 'coop_kinds'] = string(current()/@value)">
                      <xsl:attribute name="checked">checked</xsl:attribute>
                    </xsl:if>
                    <xsl:call-template name="a-field-attrs">
                      <xsl:with-param name="name" select="'coop_kinds'"/>
                      <xsl:with-param name="on" select="$on"/>
                    </xsl:call-template>
                  </input>
                  <span class="choice-label"><xsl:call-template name="a-opt-text"/></span>
                </label>
              </xsl:for-each>
            </div>
          </fieldset>
          <fieldset>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'level'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <legend>部门层级<span class="req" aria-hidden="true">*</span></legend>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'level'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <div class="choices choices-inline">
              <xsl:call-template name="a-radio">
                <xsl:with-param name="name" select="'level'"/>
                <xsl:with-param name="value" select="'county'"/>
                <xsl:with-param name="label" select="'县级'"/>
                <xsl:with-param name="checked" select="$level = 'county'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
              <xsl:call-template name="a-radio">
                <xsl:with-param name="name" select="'level'"/>
                <xsl:with-param name="value" select="'city'"/>
                <xsl:with-param name="label" select="'市级'"/>
                <xsl:with-param name="checked" select="$level = 'city'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
              <xsl:call-template name="a-radio">
                <xsl:with-param name="name" select="'level'"/>
                <xsl:with-param name="value" select="'province'"/>
                <xsl:with-param name="label" select="'省级'"/>
                <xsl:with-param name="checked" select="$level = 'province'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
            </div>
            <p class="hint">举报企业的，由县级部门核查；举报下级政府及其部门的，由上一级核查。</p>
          </fieldset>
          <div>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'note'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <label for="nr-note">备注<span class="optional">（选填）</span></label>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'note'"/>
              <xsl:with-param name="on" select="$on"/>
            </xsl:call-template>
            <input type="text" name="note" id="nr-note" class="input">
              <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'note'"/></xsl:call-template>
              <xsl:call-template name="a-value-attr">
                <xsl:with-param name="name" select="'note'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
              <xsl:call-template name="a-field-attrs">
                <xsl:with-param name="name" select="'note'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
            </input>
          </div>
          <div class="form-submit">
            <button type="submit" class="button button-small">新增规则</button>
          </div>
        </form>
      </section>
    </div>
  </xsl:template>

  <!-- category, standard, industry and subject_type selects of the
       routing forms.  Context: <routing>.  $on: the form was posted (its
       errors are shown). -->
  <xsl:template name="a-rule-selects">
    <xsl:param name="prefix"/>
    <xsl:param name="category" select="''"/>
    <xsl:param name="standard" select="''"/>
    <xsl:param name="industry" select="''"/>
    <xsl:param name="subject-type" select="''"/>
    <xsl:param name="empty"/>
    <xsl:param name="on" select="false()"/>
    <div class="field-row">
      <xsl:call-template name="a-rule-select">
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="name" select="'category'"/>
        <xsl:with-param name="label" select="'举报类别'"/>
        <xsl:with-param name="options" select="categories/option"/>
        <xsl:with-param name="current" select="$category"/>
        <xsl:with-param name="empty" select="$empty"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <xsl:call-template name="a-rule-select">
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="name" select="'standard'"/>
        <xsl:with-param name="label" select="'涉及问题'"/>
        <xsl:with-param name="options" select="standards/option"/>
        <xsl:with-param name="current" select="$standard"/>
        <xsl:with-param name="empty" select="$empty"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
    </div>
    <div class="field-row">
      <xsl:call-template name="a-rule-select">
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="name" select="'industry'"/>
        <xsl:with-param name="label" select="'行业'"/>
        <xsl:with-param name="options" select="industries/option"/>
        <xsl:with-param name="current" select="$industry"/>
        <xsl:with-param name="empty" select="$empty"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <xsl:call-template name="a-rule-select">
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="name" select="'subject_type'"/>
        <xsl:with-param name="label" select="'对象类型'"/>
        <xsl:with-param name="current" select="$subject-type"/>
        <xsl:with-param name="empty" select="$empty"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- One of them: subject_type has its two choices here, the others
       their $options. -->
  <xsl:template name="a-rule-select">
    <xsl:param name="prefix"/>
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="options" select="/.."/>
    <xsl:param name="current"/>
    <xsl:param name="empty"/>
    <xsl:param name="on"/>
    <div>
      <xsl:call-template name="a-field-class">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <label for="{$prefix}-{$name}"><xsl:value-of select="$label"/></label>
      <xsl:call-template name="a-field-error">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="on" select="$on"/>
      </xsl:call-template>
      <select name="{$name}" id="{$prefix}-{$name}">
        <xsl:call-template name="a-field-attrs">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="on" select="$on"/>
        </xsl:call-template>
        <xsl:choose>
          <xsl:when test="$name = 'subject_type'">
            <option value=""><xsl:value-of select="$empty"/></option>
            <option value="enterprise">
              <xsl:if test="$current = 'enterprise'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:text>企业</xsl:text>
            </option>
            <option value="government">
              <xsl:if test="$current = 'government'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:text>政府或部门</xsl:text>
            </option>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="a-options">
              <xsl:with-param name="options" select="$options"/>
              <xsl:with-param name="current" select="$current"/>
              <xsl:with-param name="empty" select="$empty"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </select>
    </div>
  </xsl:template>

  <!-- The label of $value in $options; 不限 when empty. -->
  <xsl:template name="a-lookup">
    <xsl:param name="value"/>
    <xsl:param name="options"/>
    <xsl:variable name="o" select="$options[@value = $value][1]"/>
    <xsl:choose>
      <xsl:when test="normalize-space($value) = ''"><span class="any">不限</span></xsl:when>
      <xsl:when test="$o">
        <xsl:for-each select="$o"><xsl:call-template name="a-opt-text"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="a-any">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) = ''"><span class="any">不限</span></xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
