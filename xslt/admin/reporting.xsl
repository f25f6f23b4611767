<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/reporting.xsl: who below has reported upward (<reporting-below>,
  下级报送情况; cgi/admin/reporting_below.c).

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="reporting-below" mode="title">下级报送情况</xsl:template>

  <xsl:template match="reporting-below" mode="content">
    <xsl:variable name="o" select="overview"/>
    <h1>下级报送情况</h1>
    <xsl:call-template name="a-page-message"/>
    <p class="hint">
      <xsl:text>各级报送本级数据（区县报市，市报省）；本表列出</xsl:text>
      <xsl:value-of select="$o/@department"/>
      <xsl:text>所辖下一级地区的工业和信息化主管部门，对本年度和上一年度已到截止日期的上报事项及下一个待报事项，显示各部门是否已报送。“已报送”由该部门的上级督办人员在其工作台标记；逾期天数按工作日历计算。本页只读，可用于对地区和部门的考评。另见</xsl:text>
      <a href="{$base}/admin/#reporting-title">本单位上报日历</a>
      <xsl:text>和</xsl:text>
      <a href="{$base}/admin/stats">统计</a>
      <xsl:text>。</xsl:text>
    </p>
    <xsl:choose>
      <xsl:when test="$o/unit">
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="below-caption">
          <table class="data-table reporting-below-table">
            <caption id="below-caption">
              <xsl:value-of select="$o/@department"/>
              <xsl:text>所辖下一级部门上报情况（共 </xsl:text>
              <xsl:value-of select="$o/@units"/>
              <xsl:text> 个部门）</xsl:text>
            </caption>
            <thead>
              <tr>
                <th scope="col">部门</th>
                <xsl:for-each select="$o/column">
                  <th scope="col">
                    <xsl:value-of select="@year"/><xsl:text>年 </xsl:text><xsl:value-of select="."/>
                    <br/>
                    <span class="nowrap"><xsl:text>截止 </xsl:text><xsl:value-of select="@date"/></span>
                  </th>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$o/unit">
                <tr>
                  <th scope="row"><xsl:value-of select="@name"/></th>
                  <xsl:for-each select="cell">
                    <td>
                      <xsl:choose>
                        <xsl:when test="@state = 'filed'">
                          <span class="badge badge-ok">已报送</span>
                          <xsl:text> </xsl:text>
                          <span class="nowrap"><xsl:value-of select="@filed"/></span>
                        </xsl:when>
                        <xsl:when test="@state = 'late'">
                          <span class="badge badge-danger">逾期未报</span>
                          <xsl:text> 逾期 </xsl:text><xsl:value-of select="@late"/><xsl:text> 个工作日</xsl:text>
                        </xsl:when>
                        <xsl:otherwise>
                          <span class="badge badge-plain">待报送</span>
                          <xsl:text> 剩余 </xsl:text><xsl:value-of select="@workdays"/><xsl:text> 个工作日</xsl:text>
                        </xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </xsl:for-each>
                </tr>
              </xsl:for-each>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">合计</th>
                <xsl:for-each select="$o/column">
                  <td>
                    <xsl:text>已报送 </xsl:text><xsl:value-of select="@filed"/>
                    <xsl:choose>
                      <xsl:when test="@state = 'past'">
                        <xsl:text>，逾期未报 </xsl:text><xsl:value-of select="@late"/>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:text>，待报送 </xsl:text><xsl:value-of select="@due"/>
                      </xsl:otherwise>
                    </xsl:choose>
                  </td>
                </xsl:for-each>
              </tr>
            </tfoot>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="hint">
          <xsl:value-of select="$o/@department"/>
          <xsl:text>所辖地区以下没有下一级工业和信息化主管部门，没有需要查看的下级报送情况。</xsl:text>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
