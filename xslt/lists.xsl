<?xml version="1.0" encoding="UTF-8"?>
<!--
  lists.xsl: the published lists (cgi/lists.c, and the static pages
  lib/publish.c writes through this same sheet):
    <lists>        the lists with their counts
    <list>         a page of one list, with the filter form and paging
    <list-entry>   one entry (its permalink)
    <annual-exit>  the year's exited enterprises, equipment and capacity:
                   SVG bar charts (no script; every bar labelled with its
                   name and value in text, filled with a hatch pattern, so
                   nothing depends on colour) and the same numbers in tables.
  Links are built from $base and the documents' codes and ids; the one
  query taken from a document is report-link/@query, which the C side
  percent-encodes and which only ever follows the fixed path {$base}/submit?.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="portal.xsl"/>
  <xsl:include href="common.xsl"/>

  <!-- ============================================================ index -->

  <xsl:template match="lists" mode="title">公示公告</xsl:template>

  <xsl:template match="lists" mode="content">
    <h1>公示公告</h1>
    <p class="lead">依法公开违法违规、落后产能淘汰、限期整改和强制退出等信息，接受社会监督。对名单中的企业，您可以直接举报。</p>
    <ul class="list-index">
      <xsl:for-each select="list">
        <li>
          <h2>
            <a href="{$base}/lists/{@code}"><xsl:value-of select="@label"/></a>
            <xsl:if test="@card"><span class="card">（<xsl:value-of select="@card"/>）</span></xsl:if>
          </h2>
          <p><xsl:value-of select="."/></p>
          <p class="count">共 <xsl:value-of select="@count"/> 条
            · <a href="{$base}/lists/{@code}.csv">下载CSV</a>
            · <a href="{$base}/lists/{@code}.atom">订阅（Atom）</a></p>
        </li>
      </xsl:for-each>
      <li>
        <h2><a href="{$base}/lists/annual_exit">年度退出情况</a></h2>
        <p>当年退出的企业、设备和产能，按地市和行业统计。</p>
      </li>
    </ul>
  </xsl:template>

  <!-- ============================================================= list -->

  <xsl:template match="list" mode="title">
    <xsl:value-of select="@label"/>
  </xsl:template>

  <xsl:template match="list" mode="content">
    <p class="breadcrumb"><a href="{$base}/lists">公示公告</a> › <xsl:value-of select="@label"/></p>
    <h1><xsl:value-of select="@label"/>
      <xsl:if test="@card">（<xsl:value-of select="@card"/>）</xsl:if></h1>
    <xsl:apply-templates select="options" mode="filter-form"/>
    <p class="count">共 <xsl:value-of select="@total"/> 条，第 <xsl:value-of select="@page"/> / <xsl:value-of select="@pages"/> 页
      · <a href="{$base}/lists/{@code}.csv">下载CSV</a>
      · <a href="{$base}/lists/{@code}.atom">订阅（Atom）</a></p>
    <xsl:choose>
      <xsl:when test="entries/entry">
        <ol class="entries">
          <xsl:for-each select="entries/entry">
            <li><xsl:apply-templates select="." mode="summary"/></li>
          </xsl:for-each>
        </ol>
      </xsl:when>
      <xsl:otherwise><p class="empty">暂无内容。</p></xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="paging"/>
  </xsl:template>

  <xsl:template match="options" mode="filter-form">
    <xsl:variable name="f" select="../filter"/>
    <form class="filters" method="get" action="{$base}/lists/{../@code}">
      <label>年度
        <select name="year">
          <option value="">全部</option>
          <xsl:for-each select="years/year">
            <option value="{@value}">
              <xsl:if test="string(@value) = string($f/@year)"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="@value"/>
            </option>
          </xsl:for-each>
        </select>
      </label>
      <label>地区
        <select name="region">
          <option value="">全部</option>
          <xsl:for-each select="regions/region">
            <option value="{@code}">
              <xsl:if test="@code = $f/@region"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:if test="@level = 2">　</xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
          <xsl:if test="$f/@region and not(regions/region[@code = $f/@region])">
            <option value="{$f/@region}" selected="selected"><xsl:value-of select="$f/@region-name"/></option>
          </xsl:if>
        </select>
      </label>
      <label>行业
        <select name="industry">
          <option value="">全部</option>
          <xsl:for-each select="industries/option">
            <option value="{@value}">
              <xsl:if test="@value = $f/@industry"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </label>
      <label>状态
        <select name="state">
          <option value="">全部</option>
          <xsl:for-each select="states/option">
            <option value="{@value}">
              <xsl:if test="@value = $f/@state"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </label>
      <button type="submit">筛选</button>
    </form>
  </xsl:template>

  <!-- Unfiltered pages have plain paths (published as static files);
       filtered ones carry the filters in the query. -->
  <xsl:template name="page-href">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="filter/@query">
        <xsl:value-of select="concat($base, '/lists/', @code, '?', filter/@query, 'page=', $n)"/>
      </xsl:when>
      <xsl:when test="$n = 1"><xsl:value-of select="concat($base, '/lists/', @code)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($base, '/lists/', @code, '/page/', $n)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="paging">
    <xsl:if test="@pages &gt; 1">
      <nav class="paging" aria-label="分页">
        <xsl:if test="@page &gt; 1">
          <a rel="prev">
            <xsl:attribute name="href"><xsl:call-template name="page-href"><xsl:with-param name="n" select="@page - 1"/></xsl:call-template></xsl:attribute>
            上一页</a>
        </xsl:if>
        <span> 第 <xsl:value-of select="@page"/> 页 </span>
        <xsl:if test="@page &lt; @pages">
          <a rel="next">
            <xsl:attribute name="href"><xsl:call-template name="page-href"><xsl:with-param name="n" select="@page + 1"/></xsl:call-template></xsl:attribute>
            下一页</a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="entry" mode="summary">
    <article class="entry">
      <h2><a href="{$base}/lists/{@type}/{@id}"><xsl:value-of select="field[@name = 'enterprise']"/></a>
        <span class="state"><xsl:value-of select="@state-label"/></span></h2>
      <xsl:apply-templates select="." mode="body"/>
    </article>
  </xsl:template>

  <xsl:template match="entry" mode="body">
    <xsl:apply-templates select="withdrawn"/>
    <dl class="fields">
      <xsl:for-each select="field[@name != 'enterprise']">
        <dt><xsl:value-of select="@label"/></dt>
        <dd><xsl:value-of select="."/><xsl:if test="@unit"><xsl:text> </xsl:text><xsl:value-of select="@unit"/></xsl:if></dd>
      </xsl:for-each>
      <dt>责任部门</dt><dd><xsl:value-of select="department"/></dd>
      <xsl:if test="@noticed"><dt>公示日期</dt><dd><xsl:value-of select="@noticed"/></dd></xsl:if>
      <xsl:if test="@announced"><dt>公告日期</dt><dd><xsl:value-of select="@announced"/></dd></xsl:if>
    </dl>
    <xsl:apply-templates select="items"/>
    <p class="entry-links">
      <a class="report-this" href="{$base}/submit?{report-link/@query}">举报此企业</a>
      · <a href="{$base}/lists/{@type}/{@id}">固定链接</a>
    </p>
  </xsl:template>

  <xsl:template match="withdrawn">
    <p class="withdrawn">已于 <xsl:value-of select="@on"/> 撤回。撤回原因：<xsl:value-of select="."/></p>
  </xsl:template>

  <xsl:template match="items">
    <xsl:if test="item">
      <table class="items">
        <caption><xsl:value-of select="@label"/></caption>
        <thead><tr><th scope="col">项目</th><th scope="col">实测值</th><th scope="col">标准限值</th><th scope="col">标准号</th></tr></thead>
        <tbody>
          <xsl:for-each select="item">
            <tr><th scope="row"><xsl:value-of select="."/></th><td><xsl:value-of select="@measured"/></td>
              <td><xsl:value-of select="@limit"/></td><td><xsl:value-of select="@standard"/></td></tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ entry -->

  <xsl:template match="list-entry" mode="title">
    <xsl:value-of select="entry/field[@name = 'enterprise']"/> - <xsl:value-of select="@label"/>
  </xsl:template>

  <xsl:template match="list-entry" mode="content">
    <p class="breadcrumb"><a href="{$base}/lists">公示公告</a> › <a href="{$base}/lists/{@code}"><xsl:value-of select="@label"/></a></p>
    <article class="entry">
      <h1><xsl:value-of select="entry/field[@name = 'enterprise']"/></h1>
      <p class="state"><xsl:value-of select="entry/@state-label"/></p>
      <xsl:apply-templates select="entry" mode="body"/>
    </article>
  </xsl:template>

  <!-- ====================================================== annual exit -->

  <xsl:template match="annual-exit" mode="title"><xsl:value-of select="@year"/>年度退出情况</xsl:template>

  <xsl:template match="annual-exit" mode="content">
    <p class="breadcrumb"><a href="{$base}/lists">公示公告</a> › 年度退出情况</p>
    <h1><xsl:value-of select="@year"/>年度淘汰退出情况</h1>
    <p class="lead">根据当年发布公告（或归档）的违法、淘汰和强制退出信息统计。产能按计量单位分别合计，不同单位不相加。</p>
    <xsl:if test="years/year">
      <p class="years">其他年度：
        <xsl:for-each select="years/year">
          <a href="{$base}/lists/annual_exit?year={@value}"><xsl:value-of select="@value"/></a>
          <xsl:text> </xsl:text>
        </xsl:for-each>
      </p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="by-city/group">
        <xsl:apply-templates select="by-city"/>
        <xsl:apply-templates select="by-industry"/>
      </xsl:when>
      <xsl:otherwise><p class="empty">该年度暂无退出信息。</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="by-city | by-industry">
    <xsl:variable name="what">
      <xsl:choose><xsl:when test="self::by-city">地市</xsl:when><xsl:otherwise>行业</xsl:otherwise></xsl:choose>
    </xsl:variable>
    <xsl:variable name="units" select="../totals/total/capacity"/>
    <xsl:variable name="groups" select="group"/>
    <section class="annual">
      <h2>按<xsl:value-of select="$what"/>统计</h2>
      <xsl:call-template name="chart">
        <xsl:with-param name="title" select="concat('退出企业数（按', $what, '）')"/>
        <xsl:with-param name="groups" select="group"/>
        <xsl:with-param name="unit" select="''"/>
      </xsl:call-template>
      <xsl:for-each select="$units">
        <xsl:call-template name="chart">
          <xsl:with-param name="title" select="concat('退出产能（', @unit, '，按', $what, '）')"/>
          <xsl:with-param name="groups" select="$groups"/>
          <xsl:with-param name="unit" select="@unit"/>
        </xsl:call-template>
      </xsl:for-each>
      <table class="annual-table">
        <caption>按<xsl:value-of select="$what"/>统计表</caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="$what"/></th>
            <th scope="col">退出企业数</th>
            <th scope="col">退出设备数量</th>
            <xsl:for-each select="$units"><th scope="col">退出产能（<xsl:value-of select="@unit"/>）</th></xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="group">
            <xsl:variable name="g" select="."/>
            <tr>
              <th scope="row"><xsl:value-of select="@name"/></th>
              <td><xsl:value-of select="@enterprises"/></td>
              <td><xsl:value-of select="@equipment"/></td>
              <xsl:for-each select="$units">
                <td><xsl:value-of select="$g/capacity[@unit = current()/@unit]"/></td>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            <td><xsl:value-of select="../totals/total/@enterprises"/></td>
            <td><xsl:value-of select="../totals/total/@equipment"/></td>
            <xsl:for-each select="$units"><td><xsl:value-of select="."/></td></xsl:for-each>
          </tr>
        </tfoot>
      </table>
    </section>
  </xsl:template>

  <!-- A horizontal bar chart: one bar per group, its name left of it and
       its value right of it in text, hatched (not told apart by colour). -->
  <xsl:template name="chart">
    <xsl:param name="title"/>
    <xsl:param name="groups"/>
    <xsl:param name="unit"/>
    <xsl:variable name="max">
      <xsl:for-each select="$groups">
        <xsl:sort select="number(concat(substring(@enterprises, 1 div ($unit = '')), substring(capacity[@unit = $unit], 1 div ($unit != ''))))" data-type="number" order="descending"/>
        <xsl:if test="position() = 1">
          <xsl:choose>
            <xsl:when test="$unit = ''"><xsl:value-of select="@enterprises"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="capacity[@unit = $unit]"/></xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="n" select="count($groups)"/>
    <xsl:variable name="pid" select="concat('hatch-', generate-id())"/>
    <figure class="chart">
      <figcaption><xsl:value-of select="$title"/></figcaption>
      <svg role="img" viewBox="0 0 640 {$n * 30 + 10}" width="640" height="{$n * 30 + 10}">
        <title><xsl:value-of select="$title"/></title>
        <defs>
          <pattern id="{$pid}" patternUnits="userSpaceOnUse" width="6" height="6">
            <path d="M0,6 L6,0" stroke="#1f3f6b" stroke-width="1.5"/>
          </pattern>
        </defs>
        <xsl:for-each select="$groups">
          <xsl:variable name="v">
            <xsl:choose>
              <xsl:when test="$unit = ''"><xsl:value-of select="@enterprises"/></xsl:when>
              <xsl:when test="capacity[@unit = $unit]"><xsl:value-of select="capacity[@unit = $unit]"/></xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="y" select="(position() - 1) * 30 + 5"/>
          <xsl:variable name="w">
            <xsl:choose>
              <xsl:when test="number($max) &gt; 0"><xsl:value-of select="round(number($v) div number($max) * 340)"/></xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <g class="bar">
            <text x="170" y="{$y + 16}" text-anchor="end"><xsl:value-of select="@name"/></text>
            <rect x="180" y="{$y}" width="{$w}" height="22" fill="url(#{$pid})" stroke="#1f3f6b"/>
            <text x="{180 + $w + 6}" y="{$y + 16}"><xsl:value-of select="$v"/><xsl:if test="$unit != ''"><xsl:text> </xsl:text><xsl:value-of select="$unit"/></xsl:if></text>
          </g>
        </xsl:for-each>
      </svg>
    </figure>
  </xsl:template>

</xsl:stylesheet>
