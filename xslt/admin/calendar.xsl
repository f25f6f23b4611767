<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/calendar.xsl: the working-day calendar (<calendar>, 工作日历).

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ========================================================== calendar -->

  <xsl:template match="calendar" mode="title">
    <xsl:text>工作日历 </xsl:text>
    <xsl:value-of select="year/@value"/>
    <xsl:text>年</xsl:text>
  </xsl:template>

  <xsl:template match="calendar" mode="content">
    <div class="page-head">
      <h1>
        <xsl:text>工作日历 </xsl:text>
        <xsl:value-of select="year/@value"/>
        <xsl:text>年</xsl:text>
      </h1>
      <nav class="year-nav" aria-label="选择年份">
        <xsl:if test="normalize-space(year/@prev) != ''">
          <a class="button button-secondary button-small" href="{$base}/admin/calendar?year={number(year/@prev)}">
            <xsl:text>‹ </xsl:text><xsl:value-of select="year/@prev"/><xsl:text>年</xsl:text>
          </a>
        </xsl:if>
        <xsl:if test="normalize-space(year/@next) != ''">
          <a class="button button-secondary button-small" href="{$base}/admin/calendar?year={number(year/@next)}">
            <xsl:value-of select="year/@next"/><xsl:text>年 ›</xsl:text>
          </a>
        </xsl:if>
      </nav>
    </div>
    <xsl:call-template name="a-page-message"/>

    <div class="notice">
      <p>办理时限按<strong>工作日</strong>计算。周一至周五为工作日，周六、周日休息；下表只列出例外：法定节假日（休息）和国务院办公厅通知的调休上班日（周末上班）。每年年底国务院公布下一年放假安排后，请及时导入或录入。</p>
    </div>

    <!-- After a failed post (400), the form that was posted keeps what was
         typed and shows its errors beside the fields. -->
    <xsl:variable name="on" select="$posted-action = 'set'"/>
    <xsl:variable name="off-value">
      <xsl:choose>
        <xsl:when test="$on"><xsl:value-of select="$posted[@name = 'off'][1]"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="off" select="count(day[@off = '1'])"/>
    <xsl:variable name="work" select="count(day[@off = '0'])"/>
    <div class="admin-cols admin-cols-wide">
      <section aria-labelledby="days-title">
        <h2 id="days-title">
          <xsl:value-of select="year/@value"/>
          <xsl:text>年例外日期</xsl:text>
          <span class="h-note">
            <xsl:text>（节假日 </xsl:text><xsl:value-of select="$off"/>
            <xsl:text> 天，调休上班 </xsl:text><xsl:value-of select="$work"/>
            <xsl:text> 天）</xsl:text>
          </span>
        </h2>
        <xsl:choose>
          <xsl:when test="day">
            <div class="table-wrap">
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">日期</th>
                    <th scope="col">星期</th>
                    <th scope="col">类型</th>
                    <th scope="col">名称</th>
                    <th scope="col">操作</th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="day">
                    <xsl:sort select="@date"/>
                    <xsl:variable name="wd">
                      <xsl:call-template name="a-weekday"><xsl:with-param name="date" select="string(@date)"/></xsl:call-template>
                    </xsl:variable>
                    <tr>
                      <xsl:if test="@off = '0'">
                        <xsl:attribute name="class">row-workday</xsl:attribute>
                      </xsl:if>
                      <td class="nowrap code"><xsl:value-of select="@date"/></td>
                      <td class="nowrap">
                        <xsl:if test="$wd = '六' or $wd = '日'">
                          <xsl:attribute name="class">nowrap weekend</xsl:attribute>
                        </xsl:if>
                        <xsl:if test="$wd != ''">星期<xsl:value-of select="$wd"/></xsl:if>
                      </td>
                      <td class="nowrap">
                        <xsl:choose>
                          <xsl:when test="@off = '1'"><span class="badge badge-holiday">休息</span></xsl:when>
                          <xsl:otherwise><span class="badge badge-workday">调休上班</span></xsl:otherwise>
                        </xsl:choose>
                      </td>
                      <td><xsl:value-of select="@name"/></td>
                      <td class="cell-actions">
                        <form class="inline-form" method="post" action="{$base}/admin/calendar">
                          <xsl:call-template name="a-csrf"/>
                          <input type="hidden" name="action" value="delete"/>
                          <input type="hidden" name="date" value="{@date}"/>
                          <button type="submit" class="button button-secondary button-small"
                                  aria-label="{concat('删除 ', @date)}">删除</button>
                        </form>
                        <xsl:call-template name="a-field-error">
                          <xsl:with-param name="name" select="'date'"/>
                          <xsl:with-param name="on" select="$posted-action = 'delete' and
                                          string(@date) = string($posted[@name = 'date'][1])"/>
                        </xsl:call-template>
                      </td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <div class="notice notice-warning">
              <p>本年度还没有录入节假日和调休安排：除周末外的每一天都按工作日计算。</p>
            </div>
          </xsl:otherwise>
        </xsl:choose>
      </section>

      <div>
        <section class="panel-box" aria-labelledby="set-title">
          <h2 id="set-title">录入或修改一天</h2>
          <form class="admin-form compact-form" method="post" action="{$base}/admin/calendar" accept-charset="UTF-8">
            <xsl:call-template name="a-csrf"/>
            <input type="hidden" name="action" value="set"/>
            <div>
              <xsl:call-template name="a-field-class">
                <xsl:with-param name="name" select="'date'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
              <label for="cal-date">日期<span class="req" aria-hidden="true">*</span></label>
              <xsl:call-template name="a-field-error">
                <xsl:with-param name="name" select="'date'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
              <input type="date" name="date" id="cal-date" class="input input-date" required="required">
                <xsl:call-template name="a-value-attr">
                  <xsl:with-param name="name" select="'date'"/>
                  <xsl:with-param name="on" select="$on"/>
                </xsl:call-template>
                <xsl:call-template name="a-field-attrs">
                  <xsl:with-param name="name" select="'date'"/>
                  <xsl:with-param name="on" select="$on"/>
                </xsl:call-template>
              </input>
            </div>
            <fieldset>
              <xsl:call-template name="a-field-class">
                <xsl:with-param name="name" select="'off'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
              <legend>类型<span class="req" aria-hidden="true">*</span></legend>
              <xsl:call-template name="a-field-error">
                <xsl:with-param name="name" select="'off'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
              <div class="choices choices-stack">
                <xsl:call-template name="a-radio">
                  <xsl:with-param name="name" select="'off'"/>
                  <xsl:with-param name="value" select="'1'"/>
                  <xsl:with-param name="label" select="'休息（法定节假日）'"/>
                  <xsl:with-param name="checked" select="$off-value = '1'"/>
                  <xsl:with-param name="on" select="$on"/>
                </xsl:call-template>
                <xsl:call-template name="a-radio">
                  <xsl:with-param name="name" select="'off'"/>
                  <xsl:with-param name="value" select="'0'"/>
                  <xsl:with-param name="label" select="'上班（周末调休）'"/>
                  <xsl:with-param name="checked" select="$off-value = '0'"/>
                  <xsl:with-param name="on" select="$on"/>
                </xsl:call-template>
              </div>
            </fieldset>
            <div>
              <xsl:call-template name="a-field-class">
                <xsl:with-param name="name" select="'name'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
              <label for="cal-name">名称</label>
              <xsl:call-template name="a-field-error">
                <xsl:with-param name="name" select="'name'"/>
                <xsl:with-param name="on" select="$on"/>
              </xsl:call-template>
              <input type="text" name="name" id="cal-name" class="input input-short" aria-describedby="cal-name-h">
                <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'name'"/></xsl:call-template>
                <xsl:call-template name="a-value-attr">
                  <xsl:with-param name="name" select="'name'"/>
                  <xsl:with-param name="on" select="$on"/>
                </xsl:call-template>
                <xsl:call-template name="a-field-attrs">
                  <xsl:with-param name="name" select="'name'"/>
                  <xsl:with-param name="on" select="$on"/>
                  <xsl:with-param name="hint" select="'cal-name-h'"/>
                </xsl:call-template>
              </input>
              <p class="hint" id="cal-name-h">如“春节”“国庆节”。已有的日期将被替换。</p>
            </div>
            <div class="form-submit">
              <button type="submit" class="button button-small">保存</button>
            </div>
          </form>
        </section>

        <section class="panel-box" aria-labelledby="import-title">
          <h2 id="import-title">导入全年安排</h2>
          <form class="admin-form compact-form" method="post" action="{$base}/admin/calendar"
                enctype="multipart/form-data" accept-charset="UTF-8">
            <xsl:call-template name="a-csrf"/>
            <input type="hidden" name="action" value="import"/>
            <!-- The file is not returned; what was wrong with it is the
                 page's message, repeated here. -->
            <xsl:variable name="bad-file" select="$posted-action = 'import' and not(field) and
                                                  normalize-space(message) != ''"/>
            <div>
              <xsl:attribute name="class">
                <xsl:text>field</xsl:text>
                <xsl:if test="$bad-file"> has-error</xsl:if>
              </xsl:attribute>
              <label for="cal-file">文件<span class="req" aria-hidden="true">*</span></label>
              <xsl:if test="$bad-file">
                <p class="field-error" id="e-file">
                  <span class="field-error-mark" aria-hidden="true">!</span>
                  <xsl:value-of select="message"/>
                </p>
              </xsl:if>
              <input type="file" name="file" id="cal-file" required="required"
                     accept=".json,.csv,application/json,text/csv" aria-describedby="cal-file-h">
                <xsl:if test="$bad-file">
                  <xsl:attribute name="aria-invalid">true</xsl:attribute>
                  <xsl:attribute name="aria-describedby">e-file cal-file-h</xsl:attribute>
                </xsl:if>
              </input>
              <div class="hint" id="cal-file-h">
                <p>支持两种格式：</p>
                <ul>
                  <li>holiday-cn 的 JSON 文件，如 <code>{"year":2026,"days":[{"name":"元旦","date":"2026-01-01","isOffDay":true}]}</code></li>
                  <li>CSV，每行“日期,是否休息,名称”，如 <code>2026-01-01,1,元旦</code>、<code>2026-01-04,0,元旦</code></li>
                </ul>
                <p>文件中的日期覆盖已有的同一天。</p>
              </div>
            </div>
            <div class="form-submit">
              <button type="submit" class="button button-small">导入</button>
            </div>
          </form>
        </section>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
