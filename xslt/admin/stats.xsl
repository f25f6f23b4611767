<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/stats.xsl: the statistics page (<stats>, 统计): the filter, the drill-down chain, the
  handling quality, the charts and the tables behind them, the assessment (考评).

  The charts are SVG drawn here from the <chart> elements cgi/admin/stats.c makes (no
  JavaScript, no chart library). Each is readable without colour: every bar carries its value
  as text beside it, the two series of the trend differ by pattern (solid and hatched) and are
  named in a legend, and each chart is followed by a table of the same numbers.

  Included by admin.xsl, with every other file of this directory: all share one import
  precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="stats" mode="title">统计</xsl:template>

  <xsl:template match="stats" mode="content">
    <h1>统计</h1>
    <xsl:call-template name="a-page-message"/>
    <xsl:apply-templates select="view" mode="stats-form"/>
    <xsl:if test="/*/session/role[@name = 'supervisor' or @name = 'sysadmin' or @name = 'secadmin' or @name = 'auditor']">
      <p class="hint">各地区、部门向上级报送台账和总结的情况（用于考评），见 <a href="{$base}/admin/reporting">下级报送情况</a>。</p>
    </xsl:if>
    <xsl:if test="total">
      <xsl:apply-templates select="." mode="stats-body"/>
    </xsl:if>
  </xsl:template>

  <!-- The period and filters. -->
  <xsl:template match="view" mode="stats-form">
    <xsl:variable name="s" select=".."/>
    <form class="filter-form" method="get" action="{$base}/admin/stats" role="search" aria-label="统计条件">
      <input type="hidden" name="region" value="{@region}"/>
      <input type="hidden" name="by" value="{@by}"/>
      <div class="filter-field">
        <label for="st-period">统计周期</label>
        <select name="period" id="st-period">
          <xsl:call-template name="a-options">
            <xsl:with-param name="options" select="$s/periods/option"/>
            <xsl:with-param name="current" select="string(@period)"/>
          </xsl:call-template>
        </select>
      </div>
      <div class="filter-field">
        <label for="st-year">年</label>
        <input type="number" name="year" id="st-year" class="input input-short" min="2000" max="2100" value="{@year}"/>
      </div>
      <div class="filter-field">
        <label for="st-quarter">季度</label>
        <input type="number" name="quarter" id="st-quarter" class="input input-short" min="1" max="4" value="{$s/values/value[@name='quarter']}"/>
      </div>
      <div class="filter-field">
        <label for="st-month">月</label>
        <input type="number" name="month" id="st-month" class="input input-short" min="1" max="12" value="{$s/values/value[@name='month']}"/>
      </div>
      <div class="filter-field">
        <label for="st-from">自定义：从</label>
        <input type="date" name="from" id="st-from" class="input input-date" value="{$s/values/value[@name='from']}"/>
      </div>
      <div class="filter-field">
        <label for="st-to">到</label>
        <input type="date" name="to" id="st-to" class="input input-date" value="{$s/values/value[@name='to']}"/>
      </div>
      <div class="filter-field">
        <label for="st-category">类别</label>
        <select name="category" id="st-category">
          <xsl:call-template name="a-options">
            <xsl:with-param name="options" select="$s/categories-options/option"/>
            <xsl:with-param name="current" select="string(@category)"/>
            <xsl:with-param name="empty" select="'全部类别'"/>
          </xsl:call-template>
        </select>
      </div>
      <div class="filter-field">
        <label for="st-industry">行业</label>
        <select name="industry" id="st-industry">
          <xsl:call-template name="a-options">
            <xsl:with-param name="options" select="$s/options/industries/option"/>
            <xsl:with-param name="current" select="string(@industry)"/>
            <xsl:with-param name="empty" select="'全部行业'"/>
          </xsl:call-template>
        </select>
      </div>
      <div class="filter-field">
        <label for="st-channel">来源渠道</label>
        <select name="channel" id="st-channel">
          <xsl:call-template name="a-options">
            <xsl:with-param name="options" select="$s/channels-options/option"/>
            <xsl:with-param name="current" select="string(@channel)"/>
            <xsl:with-param name="empty" select="'全部渠道'"/>
          </xsl:call-template>
        </select>
      </div>
      <div class="filter-field">
        <label for="st-standard">违反的标准</label>
        <select name="standard" id="st-standard">
          <xsl:call-template name="a-options">
            <xsl:with-param name="options" select="$s/standards-options/option"/>
            <xsl:with-param name="current" select="string(@standard)"/>
            <xsl:with-param name="empty" select="'全部标准'"/>
          </xsl:call-template>
        </select>
      </div>
      <p class="hint">类别、行业、来源渠道和标准一次选择一项；下方各分布表按地区和期间统计，不受这项筛选影响。</p>
      <div class="filter-buttons">
        <button type="submit" class="button button-small">查询</button>
        <a class="button button-secondary button-small" href="{$base}/admin/stats">清除</a>
      </div>
    </form>
  </xsl:template>

  <!-- The query string of the current view, without region (for the drill-down links). -->
  <xsl:template name="st-query">
    <xsl:param name="v" select="/stats/view"/>
    <xsl:text>period=</xsl:text><xsl:value-of select="$v/@period"/>
    <xsl:text>&amp;year=</xsl:text><xsl:value-of select="$v/@year"/>
    <xsl:for-each select="/stats/values/value[@name='quarter' or @name='month' or @name='from' or @name='to']">
      <xsl:text>&amp;</xsl:text><xsl:value-of select="@name"/><xsl:text>=</xsl:text><xsl:value-of select="."/>
    </xsl:for-each>
    <xsl:if test="$v/@category != ''">&amp;category=<xsl:value-of select="$v/@category"/></xsl:if>
    <xsl:if test="$v/@industry != ''">&amp;industry=<xsl:value-of select="$v/@industry"/></xsl:if>
    <xsl:if test="$v/@channel != ''">&amp;channel=<xsl:value-of select="$v/@channel"/></xsl:if>
    <xsl:if test="$v/@standard != ''">&amp;standard=<xsl:value-of select="$v/@standard"/></xsl:if>
  </xsl:template>

  <xsl:template match="stats" mode="stats-body">
    <xsl:variable name="q"><xsl:call-template name="st-query"/></xsl:variable>
    <nav class="crumbs" aria-label="地区">
      <xsl:for-each select="crumbs/crumb">
        <xsl:if test="position() > 1"><xsl:text> › </xsl:text></xsl:if>
        <xsl:choose>
          <xsl:when test="position() = last()"><strong><xsl:value-of select="."/></strong></xsl:when>
          <xsl:otherwise><a href="{$base}/admin/stats?region={@code}&amp;{$q}"><xsl:value-of select="."/></a></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:text>　</xsl:text>
      <span class="hint">统计期间：<xsl:value-of select="substring(view/@from, 1, 7)"/> 至 <xsl:value-of select="substring(view/@to, 1, 7)"/>（按月统计，自定义日期按所在月份计）</span>
    </nav>

    <section aria-labelledby="st-total">
      <h2 id="st-total">概况</h2>
      <div class="table-wrap">
        <table class="data-table stats-total">
          <thead><tr>
            <th scope="col">收到</th><th scope="col">受理</th><th scope="col">不予受理</th>
            <th scope="col">要求补充</th><th scope="col">移交</th><th scope="col">完成核查</th>
            <th scope="col">作出处置</th><th scope="col">办结反馈</th><th scope="col">督办</th>
            <th scope="col">历次超期（次）</th><th scope="col">当前超期（件）</th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="total/row">
              <tr>
                <td><xsl:value-of select="@received"/></td><td><xsl:value-of select="@accepted"/></td>
                <td><xsl:value-of select="@refused"/></td><td><xsl:value-of select="@needs_info"/></td>
                <td><xsl:value-of select="@transferred"/></td><td><xsl:value-of select="@inspected"/></td>
                <td><xsl:value-of select="@disposed"/></td><td><xsl:value-of select="@closed"/></td>
                <td><xsl:value-of select="@pressed"/></td><td><xsl:value-of select="@overdue"/></td>
                <td><xsl:value-of select="/stats/overdue-now/@count"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <p class="hint">历次超期：本期内各办理环节被标记超期的次数（一件举报可在多个环节超期）。当前超期：截至 <xsl:value-of select="overdue-now/@today"/>，尚未办结且已过当前环节办理期限的举报件数，不受统计期间影响。</p>
    </section>

    <section aria-labelledby="st-quality">
      <h2 id="st-quality">办理质量</h2>
      <div class="table-wrap">
        <table class="data-table stats-quality">
          <thead><tr><th scope="col">指标</th><th scope="col">比例</th><th scope="col">按期 / 应办</th></tr></thead>
          <tbody>
            <xsl:variable name="t" select="total/row"/>
            <xsl:for-each select="quality/measure">
              <tr>
                <th scope="row"><xsl:value-of select="@label"/></th>
                <td><xsl:call-template name="st-permille"/></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@name = 'accepted_ontime'"><xsl:value-of select="$t/@accepted_ontime"/> / <xsl:value-of select="$t/@accepted"/></xsl:when>
                    <xsl:when test="@name = 'transferred_ontime'"><xsl:value-of select="$t/@transferred_ontime"/> / <xsl:value-of select="$t/@transferred"/></xsl:when>
                    <xsl:when test="@name = 'inspected_ontime'"><xsl:value-of select="$t/@inspected_ontime"/> / <xsl:value-of select="$t/@inspected"/></xsl:when>
                    <xsl:when test="@name = 'closed_ontime'"><xsl:value-of select="$t/@closed_ontime"/> / <xsl:value-of select="$t/@closed - $t/@dup_closed"/></xsl:when>
                    <xsl:otherwise>超期 <xsl:value-of select="$t/@overdue"/> 次</xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <p class="hint">按期受理、移交：收到（或举报人补充材料）后2个工作日内；按期核查：移交后5个工作日内完成现场核查；按期反馈：核查后10个工作日内办结反馈；工作日按工作日历（含法定节假日和调休）计算。</p>
    </section>

    <section aria-labelledby="st-charts">
      <h2 id="st-charts">图表</h2>
      <xsl:apply-templates select="chart"/>
    </section>

    <xsl:call-template name="st-table">
      <xsl:with-param name="rows" select="months/row"/>
      <xsl:with-param name="title" select="'按月份'"/>
      <xsl:with-param name="id" select="'st-months'"/>
    </xsl:call-template>
    <xsl:if test="regions/row">
      <xsl:call-template name="st-table">
        <xsl:with-param name="rows" select="regions/row"/>
        <xsl:with-param name="title" select="'按地区（点击地区名称查看下一级）'"/>
        <xsl:with-param name="id" select="'st-regions'"/>
        <xsl:with-param name="drill" select="$q"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="st-table">
      <xsl:with-param name="rows" select="categories/row"/>
      <xsl:with-param name="title" select="'按举报类别'"/>
      <xsl:with-param name="id" select="'st-categories'"/>
    </xsl:call-template>
    <xsl:call-template name="st-table">
      <xsl:with-param name="rows" select="standards/row"/>
      <xsl:with-param name="title" select="'按违反的标准（一件举报可涉及多项）'"/>
      <xsl:with-param name="id" select="'st-standards'"/>
    </xsl:call-template>
    <xsl:call-template name="st-table">
      <xsl:with-param name="rows" select="industries/row"/>
      <xsl:with-param name="title" select="'按行业'"/>
      <xsl:with-param name="id" select="'st-industries'"/>
    </xsl:call-template>
    <xsl:call-template name="st-table">
      <xsl:with-param name="rows" select="channels/row"/>
      <xsl:with-param name="title" select="'按来源渠道'"/>
      <xsl:with-param name="id" select="'st-channels'"/>
    </xsl:call-template>
    <xsl:call-template name="st-table">
      <xsl:with-param name="rows" select="depts/row"/>
      <xsl:with-param name="title" select="'按牵头办理部门（移交之后的办理）'"/>
      <xsl:with-param name="id" select="'st-depts'"/>
    </xsl:call-template>
    <section aria-labelledby="st-exits">
      <h2 id="st-exits">退出产能（按行业）</h2>
      <xsl:choose>
        <xsl:when test="exits/exit">
          <div class="table-wrap">
            <table class="data-table stats-exits">
              <thead><tr>
                <th scope="col">行业</th><th scope="col">企业（家）</th><th scope="col">设备（台/套）</th>
                <th scope="col">产能</th><th scope="col">单位</th>
              </tr></thead>
              <tbody>
                <xsl:for-each select="exits/exit">
                  <tr>
                    <th scope="row"><xsl:value-of select="@name"/></th>
                    <td><xsl:value-of select="@enterprises"/></td><td><xsl:value-of select="@quantity"/></td>
                    <td><xsl:value-of select="@capacity"/></td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="@unit != ''"><xsl:value-of select="@unit"/></xsl:when>
                        <xsl:otherwise>（未填产能）</xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="hint">本期没有公告完成退出的企业。</p></xsl:otherwise>
      </xsl:choose>
      <p class="hint">按本期内公告完成退出（违法信息、淘汰信息、不达标强制退出名单）的企业统计；不同单位的产能分行列出，不相加。</p>
    </section>
    <xsl:apply-templates select="assessment"/>
  </xsl:template>

  <!-- A share in permille as a percentage with one decimal, or "—" when nothing was due. -->
  <xsl:template name="st-permille">
    <xsl:param name="p" select="@permille"/>
    <xsl:choose>
      <xsl:when test="string($p) != ''"><xsl:value-of select="format-number($p div 10, '0.0')"/>%</xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A breakdown table: one row per key with the main counters. -->
  <xsl:template name="st-table">
    <xsl:param name="rows"/>
    <xsl:param name="title"/>
    <xsl:param name="id"/>
    <xsl:param name="drill" select="''"/>
    <section aria-labelledby="{$id}">
      <h2 id="{$id}"><xsl:value-of select="$title"/></h2>
      <xsl:choose>
        <xsl:when test="$rows">
          <div class="table-wrap">
            <table class="data-table stats-table" id="{$id}-table">
              <thead><tr>
                <th scope="col">项目</th><th scope="col">收到</th><th scope="col">受理</th>
                <th scope="col">不予受理</th><th scope="col">移交</th><th scope="col">完成核查</th>
                <th scope="col">属实</th><th scope="col">部分属实</th><th scope="col">不属实</th>
                <th scope="col">办结</th><th scope="col">按期受理</th><th scope="col">按期核查</th>
                <th scope="col">督办</th><th scope="col">超期</th>
              </tr></thead>
              <tbody>
                <xsl:for-each select="$rows">
                  <tr>
                    <th scope="row">
                      <xsl:choose>
                        <xsl:when test="$drill != '' and string-length(@key) &lt; 6">
                          <a href="{$base}/admin/stats?region={@key}&amp;{$drill}"><xsl:value-of select="@name"/></a>
                        </xsl:when>
                        <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
                      </xsl:choose>
                    </th>
                    <td><xsl:value-of select="@received"/></td><td><xsl:value-of select="@accepted"/></td>
                    <td><xsl:value-of select="@refused"/></td><td><xsl:value-of select="@transferred"/></td>
                    <td><xsl:value-of select="@inspected"/></td><td><xsl:value-of select="@v_true"/></td>
                    <td><xsl:value-of select="@v_partly"/></td><td><xsl:value-of select="@v_false"/></td>
                    <td><xsl:value-of select="@closed"/></td><td><xsl:value-of select="@accepted_ontime"/></td>
                    <td><xsl:value-of select="@inspected_ontime"/></td><td><xsl:value-of select="@pressed"/></td>
                    <td><xsl:value-of select="@overdue"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="hint">本期没有数据。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ========================================================= charts -->

  <!-- The chart templates are in ../charts.xsl (shared with the public summary). -->

  <!-- ========================================================= assessment -->

  <xsl:template match="assessment">
    <xsl:variable name="q"><xsl:call-template name="st-query"/></xsl:variable>
    <xsl:variable name="base-q" select="concat($base, '/admin/stats?region=', /stats/view/@region, '&amp;', $q)"/>
    <section aria-labelledby="st-assess" id="assessment">
      <h2 id="st-assess">考评</h2>
      <p>
        <xsl:text>考评对象：</xsl:text>
        <a href="{$base-q}&amp;by=region#assessment">
          <xsl:if test="@by = 'region'"><xsl:attribute name="aria-current">true</xsl:attribute></xsl:if>地区</a>
        <xsl:text>　</xsl:text>
        <a href="{$base-q}&amp;by=dept#assessment">
          <xsl:if test="@by = 'dept'"><xsl:attribute name="aria-current">true</xsl:attribute></xsl:if>部门</a>
      </p>
      <p class="hint">
        <xsl:text>得分 = 100 × Σ（权重 × 比例）÷ Σ 权重，只计本期有应办事项的指标。权重：</xsl:text>
        <xsl:for-each select="../weights/weight">
          <xsl:if test="position() > 1">，</xsl:if>
          <xsl:value-of select="@label"/><xsl:text> </xsl:text><xsl:value-of select="@weight"/>
        </xsl:for-each>
        <xsl:text>。上期：</xsl:text>
        <xsl:value-of select="substring(/stats/view/@prev-from, 1, 7)"/> 至 <xsl:value-of select="substring(/stats/view/@prev-to, 1, 7)"/>
      </p>
      <xsl:choose>
        <xsl:when test="unit">
          <div class="table-wrap">
            <table class="data-table assess-table">
              <thead><tr>
                <th scope="col"><a href="{$base-q}&amp;by={@by}&amp;sort=name#assessment">名称</a></th>
                <th scope="col"><a href="{$base-q}&amp;by={@by}&amp;sort=received#assessment">收到</a></th>
                <xsl:for-each select="../weights/weight"><th scope="col"><xsl:value-of select="@label"/></th></xsl:for-each>
                <th scope="col"><a href="{$base-q}&amp;by={@by}&amp;sort=score#assessment">得分</a></th>
                <th scope="col">上期得分</th>
              </tr></thead>
              <tbody>
                <xsl:for-each select="unit">
                  <tr>
                    <th scope="row"><xsl:value-of select="@name"/></th>
                    <td><xsl:value-of select="@received"/></td>
                    <xsl:for-each select="share"><td><xsl:call-template name="st-permille"/></td></xsl:for-each>
                    <td><xsl:call-template name="st-tenths"><xsl:with-param name="v" select="@score"/></xsl:call-template></td>
                    <td><xsl:call-template name="st-tenths"><xsl:with-param name="v" select="@prev"/></xsl:call-template></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="hint">本期没有数据。</p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="/stats/session/role[@name = 'sysadmin']">
        <form method="post" action="{$base}/admin/stats/weights" class="weights-form" id="weights">
          <xsl:call-template name="a-csrf"/>
          <fieldset>
            <legend>考评权重（0至100，修改记入审计日志）</legend>
            <xsl:for-each select="../weights/weight">
              <div class="filter-field">
                <label for="w-{@measure}"><xsl:value-of select="@label"/></label>
                <input type="number" name="{@measure}" id="w-{@measure}" class="input input-short" min="0" max="100" required="required" value="{@weight}"/>
              </div>
            </xsl:for-each>
            <button type="submit" class="button button-small">保存权重</button>
          </fieldset>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="st-tenths">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="string($v) != ''"><xsl:value-of select="format-number($v div 10, '0.0')"/></xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
