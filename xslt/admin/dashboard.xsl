<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/dashboard.xsl: the dashboard (<dashboard>, 工作台).

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ========================================================= dashboard -->

  <xsl:template match="dashboard" mode="title">工作台</xsl:template>

  <xsl:template match="dashboard" mode="content">
    <div class="page-head">
      <h1>工作台</h1>
      <p class="page-head-note">
        <xsl:value-of select="session/@name"/>
        <xsl:for-each select="session/role">
          <span class="role-tag">
            <xsl:value-of select="@label"/>
            <xsl:if test="normalize-space(@department) != ''">
              <xsl:text> · </xsl:text>
              <xsl:value-of select="@department"/>
            </xsl:if>
          </span>
        </xsl:for-each>
      </p>
    </div>
    <xsl:call-template name="a-page-message"/>
    <xsl:if test="spool">
      <section class="notice-box" role="status" aria-labelledby="spool-title">
        <h2 id="spool-title">待登记的举报</h2>
        <p>
          <xsl:text>数据库中断期间收到的举报共 </xsl:text>
          <xsl:value-of select="spool/@n"/>
          <xsl:text> 件尚待登记，最早一件收到于 </xsl:text>
          <span class="nowrap"><xsl:value-of select="spool/@since"/></span>
          <xsl:text>。登记程序（jubaoctl spool-import）每分钟运行一次，登记后即出现在案件列表中。</xsl:text>
        </p>
      </section>
    </xsl:if>
    <xsl:if test="notices/notice">
      <section class="notice-box" role="status" aria-labelledby="notices-title">
        <h2 id="notices-title">您的账户自上次登录以来的变更</h2>
        <ul>
          <xsl:for-each select="notices/notice">
            <li><span class="nowrap"><xsl:value-of select="@at"/></span><xsl:text> </xsl:text><xsl:value-of select="."/></li>
          </xsl:for-each>
        </ul>
        <p class="hint">如有您不知道的变更，请立即报告本单位安全管理员和审计管理员。</p>
      </section>
    </xsl:if>
    <xsl:if test="counts">
      <xsl:apply-templates select="." mode="dashboard-body"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="dashboard" mode="dashboard-body">
    <xsl:if test="reporting/item">
      <section aria-labelledby="reporting-title">
        <h2 id="reporting-title">
          <xsl:text>上报日历</xsl:text>
          <xsl:if test="normalize-space(reporting/@department) != ''">
            <span class="h-count"><xsl:value-of select="reporting/@department"/></span>
          </xsl:if>
        </h2>
        <table class="data-table reporting-table">
          <thead>
            <tr>
              <th scope="col">截止日期</th><th scope="col">上报内容</th><th scope="col">年度</th>
              <th scope="col">状态</th>
              <xsl:if test="reporting/@may-mark = '1'"><th scope="col">操作</th></xsl:if>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="reporting/item">
              <tr>
                <td class="nowrap"><xsl:value-of select="@date"/></td>
                <td><xsl:value-of select="."/></td>
                <td class="nowrap"><xsl:value-of select="@year"/><xsl:text>年</xsl:text></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@state = 'filed'">
                      <span class="badge badge-ok">已报送</span>
                      <xsl:text> </xsl:text>
                      <span class="nowrap"><xsl:value-of select="@filed"/></span>
                      <xsl:text> </xsl:text>
                      <xsl:value-of select="@by"/>
                      <xsl:if test="@note">
                        <xsl:text>（</xsl:text><xsl:value-of select="@note"/><xsl:text>）</xsl:text>
                      </xsl:if>
                    </xsl:when>
                    <xsl:when test="@state = 'late'">
                      <span class="badge badge-danger">逾期未报</span>
                      <xsl:text> 已逾期 </xsl:text><xsl:value-of select="@late"/><xsl:text> 个工作日</xsl:text>
                    </xsl:when>
                    <xsl:otherwise>
                      <span class="badge badge-plain">待报送</span>
                      <xsl:text> 剩余 </xsl:text><xsl:value-of select="@workdays"/><xsl:text> 个工作日</xsl:text>
                      <xsl:if test="@workdays &lt;= 10">（即将到期）</xsl:if>
                    </xsl:otherwise>
                  </xsl:choose>
                </td>
                <xsl:if test="../@may-mark = '1'">
                  <td class="cell-actions">
                    <form class="inline-form" method="post" action="{$base}/admin/reporting">
                      <xsl:call-template name="a-csrf"/>
                      <input type="hidden" name="item" value="{@code}"/>
                      <input type="hidden" name="year" value="{@year}"/>
                      <xsl:choose>
                        <xsl:when test="@state = 'filed'">
                          <input type="hidden" name="action" value="undo"/>
                          <button type="submit" class="button button-secondary button-small"
                                  aria-label="{concat('撤销已报送：', @year, '年 ', .)}">撤销已报送</button>
                        </xsl:when>
                        <xsl:otherwise>
                          <input type="hidden" name="action" value="file"/>
                          <button type="submit" class="button button-small"
                                  aria-label="{concat('标记已报送：', @year, '年 ', .)}">标记已报送</button>
                        </xsl:otherwise>
                      </xsl:choose>
                    </form>
                  </td>
                </xsl:if>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <p class="hint">
          <xsl:text>按工作日历计算，截止日不是工作日的顺延至下一个工作日。各级报送本级数据（区县报市，市报省，省报工业和信息化部），本表为本单位的报送情况；报送后由本单位上级督办人员标记“已报送”。上报数据见</xsl:text>
          <a href="{$base}/admin/stats">统计</a>
          <xsl:text>和</xsl:text>
          <a href="{$base}/admin/ledgers">台账</a>
          <xsl:text>。</xsl:text>
          <xsl:if test="/*/session/role[@name = 'supervisor']">
            <xsl:text>所辖下一级部门是否已报送，见</xsl:text>
            <a href="{$base}/admin/reporting">下级报送情况</a>
            <xsl:text>。</xsl:text>
          </xsl:if>
        </p>
      </section>
    </xsl:if>
    <section aria-labelledby="counts-title">
      <h2 id="counts-title" class="visually-hidden">各状态案件数</h2>
      <ul class="count-cards">
        <xsl:for-each select="counts/count">
          <li>
            <a class="count-card count-{@state}" href="{$base}/admin/cases?state={@state}">
              <span class="count-n"><xsl:value-of select="@n"/></span>
              <span class="count-label">
                <xsl:choose>
                  <xsl:when test="normalize-space(@label) != ''"><xsl:value-of select="@label"/></xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="state-label"><xsl:with-param name="state" select="string(@state)"/></xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </span>
            </a>
          </li>
        </xsl:for-each>
        <li>
          <a class="count-card count-overdue" href="{$base}/admin/cases?overdue=1">
            <xsl:if test="overdue/case">
              <xsl:attribute name="class">count-card count-overdue is-alert</xsl:attribute>
            </xsl:if>
            <span class="count-n"><xsl:apply-templates select="overdue" mode="list-count"/></span>
            <span class="count-label">已超期</span>
          </a>
        </li>
      </ul>
      <xsl:if test="counts/@age &gt; 0">
        <p class="hint counts-age">
          <xsl:text>各状态案件数每分钟统计一次，以上为 </xsl:text>
          <xsl:value-of select="counts/@age"/>
          <xsl:text> 秒前的数字；下列清单为实时数据。</xsl:text>
        </p>
      </xsl:if>
    </section>

    <section class="dash-section" aria-labelledby="overdue-title">
      <xsl:if test="overdue/case">
        <xsl:attribute name="class">dash-section dash-overdue</xsl:attribute>
      </xsl:if>
      <h2 id="overdue-title">
        <xsl:text>已超期</xsl:text>
        <span class="h-count"><xsl:apply-templates select="overdue" mode="list-count"/></span>
      </h2>
      <xsl:call-template name="a-case-table">
        <xsl:with-param name="cases" select="overdue/case"/>
        <xsl:with-param name="empty" select="'没有超期案件。'"/>
      </xsl:call-template>
      <xsl:if test="overdue/@more = '1'">
        <p class="list-more">
          <xsl:text>这里只列出最早到期的 </xsl:text><xsl:value-of select="count(overdue/case)"/>
          <xsl:text> 件。</xsl:text>
          <a href="{$base}/admin/cases?overdue=1">查看全部超期案件</a>
        </p>
      </xsl:if>
    </section>

    <section class="dash-section" aria-labelledby="today-title">
      <h2 id="today-title">
        <xsl:text>今日到期</xsl:text>
        <span class="h-count"><xsl:apply-templates select="due-today" mode="list-count"/></span>
      </h2>
      <xsl:call-template name="a-case-table">
        <xsl:with-param name="cases" select="due-today/case"/>
        <xsl:with-param name="empty" select="'今日没有到期的案件。'"/>
      </xsl:call-template>
      <xsl:if test="due-today/@more = '1'">
        <p class="list-more">
          <xsl:text>这里只列出前 </xsl:text><xsl:value-of select="count(due-today/case)"/>
          <xsl:text> 件，其余请在</xsl:text>
          <a href="{$base}/admin/cases">案件列表</a>
          <xsl:text>中查看。</xsl:text>
        </p>
      </xsl:if>
    </section>

    <section class="dash-section" aria-labelledby="pressed-title">
      <h2 id="pressed-title">
        <xsl:text>督办案件</xsl:text>
        <span class="h-count"><xsl:apply-templates select="pressed" mode="list-count"/></span>
      </h2>
      <xsl:call-template name="a-case-table">
        <xsl:with-param name="cases" select="pressed/case"/>
        <xsl:with-param name="empty" select="'没有被督办的案件。'"/>
      </xsl:call-template>
      <xsl:if test="pressed/@more = '1'">
        <p class="list-more">
          <xsl:text>这里只列出最近的 </xsl:text><xsl:value-of select="count(pressed/case)"/>
          <xsl:text> 件，其余请在</xsl:text>
          <a href="{$base}/admin/cases">案件列表</a>
          <xsl:text>中查看。</xsl:text>
        </p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The number of cases in a dashboard list: "20+" when the list was cut (it shows the most urgent 20). -->
  <xsl:template match="*" mode="list-count">
    <xsl:value-of select="count(case)"/>
    <xsl:if test="@more = '1'">+</xsl:if>
  </xsl:template>

</xsl:stylesheet>
