<?xml version="1.0" encoding="UTF-8"?>
<!--
  charts.xsl: charts drawn as SVG from <chart> elements (cgi/admin/stats.c, cgi/pages.c), no
  JavaScript and no chart library. Each is readable without colour: every bar carries its value
  as text, the two series of a column chart differ by pattern (solid and hatched) and are named
  in a legend, and each chart is followed by a table of the same numbers. A bar with @shown
  writes that text instead of its value (the public summary's suppressed counts).

  Included by admin.xsl and pages.xsl.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="chart-value">
    <xsl:choose>
      <xsl:when test="@shown"><xsl:value-of select="@shown"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Horizontal bars: the label above each bar, the value as text after it; the same
       numbers in the table below. -->
  <xsl:template match="chart[@kind = 'bars']">
    <xsl:variable name="n" select="count(bar)"/>
    <xsl:variable name="max" select="number(@max)"/>
    <figure class="chart" id="chart-{@name}">
      <figcaption id="chart-{@name}-title"><xsl:value-of select="@title"/></figcaption>
      <xsl:choose>
        <xsl:when test="$n = 0"><p class="hint">本期没有数据。</p></xsl:when>
        <xsl:otherwise>
          <svg class="chart-svg" role="img" aria-labelledby="chart-{@name}-title" width="640" height="{$n * 40 + 10}" viewBox="0 0 640 {$n * 40 + 10}">
            <xsl:for-each select="bar">
              <xsl:variable name="y" select="(position() - 1) * 40"/>
              <xsl:variable name="w">
                <xsl:choose>
                  <xsl:when test="$max > 0"><xsl:value-of select="round(@value * 480 div $max)"/></xsl:when>
                  <xsl:otherwise>0</xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <text x="0" y="{$y + 14}" font-size="13" fill="#111"><xsl:value-of select="@label"/></text>
              <rect x="0" y="{$y + 19}" width="{$w}" height="14" fill="#1f4e79" stroke="#000" stroke-width="1"/>
              <text x="{$w + 6}" y="{$y + 31}" font-size="13" fill="#111">
                <xsl:value-of select="@value"/><xsl:value-of select="../@unit"/>
                <xsl:if test="@note"><xsl:text>（</xsl:text><xsl:value-of select="@note"/><xsl:text>）</xsl:text></xsl:if>
              </text>
            </xsl:for-each>
          </svg>
          <xsl:apply-templates select="." mode="chart-table"/>
        </xsl:otherwise>
      </xsl:choose>
    </figure>
  </xsl:template>

  <!-- Columns in groups (the monthly trend): received solid, closed hatched, a legend with
       both patterns and names, each column's value written above it. -->
  <xsl:template match="chart[@kind = 'columns']">
    <xsl:variable name="groups" select="count(group)"/>
    <xsl:variable name="max" select="number(@max)"/>
    <xsl:variable name="gw" select="56"/>
    <xsl:variable name="width">
      <xsl:choose>
        <xsl:when test="$groups * $gw + 60 &lt; 320">320</xsl:when>
        <xsl:otherwise><xsl:value-of select="$groups * $gw + 60"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <figure class="chart" id="chart-{@name}">
      <figcaption id="chart-{@name}-title"><xsl:value-of select="@title"/></figcaption>
      <xsl:choose>
        <xsl:when test="$groups = 0"><p class="hint">本期没有数据。</p></xsl:when>
        <xsl:otherwise>
          <svg class="chart-svg" role="img" aria-labelledby="chart-{@name}-title" width="{$width}" height="260" viewBox="0 0 {$width} 260">
            <defs>
              <pattern id="hatch-{@name}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#fff"/>
                <line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="3"/>
              </pattern>
            </defs>
            <rect x="10" y="4" width="14" height="14" fill="#1f4e79" stroke="#000"/>
            <text x="30" y="16" font-size="13" fill="#111"><xsl:value-of select="series[1]/@label"/>（实心）</text>
            <rect x="130" y="4" width="14" height="14" fill="url(#hatch-{@name})" stroke="#000"/>
            <text x="150" y="16" font-size="13" fill="#111"><xsl:value-of select="series[2]/@label"/>（斜线）</text>
            <line x1="30" y1="220" x2="{$width - 10}" y2="220" stroke="#000"/>
            <xsl:variable name="name" select="@name"/>
            <xsl:for-each select="group">
              <xsl:variable name="x" select="30 + (position() - 1) * $gw"/>
              <xsl:for-each select="bar">
                <xsl:variable name="h">
                  <xsl:choose>
                    <xsl:when test="$max > 0"><xsl:value-of select="round(@value * 170 div $max)"/></xsl:when>
                    <xsl:otherwise>0</xsl:otherwise>
                  </xsl:choose>
                </xsl:variable>
                <xsl:variable name="bx" select="$x + (position() - 1) * 22"/>
                <rect x="{$bx}" y="{220 - $h}" width="20" height="{$h}" stroke="#000">
                  <xsl:attribute name="fill">
                    <xsl:choose>
                      <xsl:when test="position() = 1">#1f4e79</xsl:when>
                      <xsl:otherwise>url(#hatch-<xsl:value-of select="$name"/>)</xsl:otherwise>
                    </xsl:choose>
                  </xsl:attribute>
                </rect>
                <text x="{$bx + 10}" y="{215 - $h}" font-size="11" text-anchor="middle" fill="#111"><xsl:call-template name="chart-value"/></text>
              </xsl:for-each>
              <text x="{$x + 21}" y="238" font-size="11" text-anchor="middle" fill="#111"><xsl:value-of select="@label"/></text>
            </xsl:for-each>
          </svg>
          <xsl:apply-templates select="." mode="chart-table"/>
        </xsl:otherwise>
      </xsl:choose>
    </figure>
  </xsl:template>

  <xsl:template match="chart[@kind = 'bars']" mode="chart-table">
    <table class="data-table chart-table">
      <caption class="visually-hidden"><xsl:value-of select="@title"/>（数据表）</caption>
      <thead><tr><th scope="col">项目</th><th scope="col">数值</th></tr></thead>
      <tbody>
        <xsl:for-each select="bar">
          <tr>
            <th scope="row"><xsl:value-of select="@label"/></th>
            <td><xsl:value-of select="@value"/><xsl:value-of select="../@unit"/>
              <xsl:if test="@note"><xsl:text>（</xsl:text><xsl:value-of select="@note"/><xsl:text>）</xsl:text></xsl:if>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="chart[@kind = 'columns']" mode="chart-table">
    <table class="data-table chart-table">
      <caption class="visually-hidden"><xsl:value-of select="@title"/>（数据表）</caption>
      <thead><tr>
        <th scope="col">月份</th>
        <xsl:for-each select="series"><th scope="col"><xsl:value-of select="@label"/></th></xsl:for-each>
      </tr></thead>
      <tbody>
        <xsl:for-each select="group">
          <tr>
            <th scope="row"><xsl:value-of select="@label"/></th>
            <xsl:for-each select="bar"><td><xsl:call-template name="chart-value"/></td></xsl:for-each>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

</xsl:stylesheet>
