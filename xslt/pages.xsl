<?xml version="1.0" encoding="UTF-8"?>
<!--
  pages.xsl: the landing page (<landing/>), the directory of report
  channels (<channels>) and the generic error page (<error>, from
  common.xsl).  Layout comes from portal.xsl; this file only provides the
  modes "title" and "content".
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="portal.xsl"/>
  <xsl:include href="common.xsl"/>

  <!-- ============================================================ landing -->

  <xsl:template match="landing" mode="title">首页</xsl:template>

  <xsl:template match="landing" mode="content">
    <section class="intro">
      <h1>淘汰落后产能和产能违规置换举报</h1>
      <p class="lead">对企业违法违规建设生产、存在应予淘汰的落后产能、虚假整改退出，以及政府部门失职失责等问题，您可以在本平台向工业和信息化部门举报。工信部门统一受理，按职责移交有关部门核查处理，并向举报人反馈核实和处理情况。</p>
    </section>

    <nav class="actions" aria-label="办理事项">
      <a class="action action-primary" href="{$base}/submit">
        <span class="action-title">我要举报</span>
        <span class="action-text">在线填写举报内容，可上传照片或文件</span>
      </a>
      <a class="action" href="{$base}/status">
        <span class="action-title">查询办理进度</span>
        <span class="action-text">凭受理编号和查询码查询</span>
      </a>
      <a class="action" href="{$base}/lists">
        <span class="action-title">公示公告</span>
        <span class="action-text">违法、淘汰、整改、强制退出等信息</span>
      </a>
      <a class="action" href="{$base}/channels">
        <span class="action-title">举报渠道</span>
        <span class="action-text">各地电话、传真、邮箱等举报方式</span>
      </a>
    </nav>

    <section class="panel">
      <h2>可以举报哪些问题</h2>
      <ol class="scope-list">
        <li>
          <h3>违法违规行为</h3>
          <p>企业未批先建、批建不符、无证生产；水泥、平板玻璃行业未按规定实施产能置换而新增产能；地方政府违规或越权审批等。</p>
        </li>
        <li>
          <h3>落后产能</h3>
          <p>企业存在产业政策规定应淘汰而未淘汰的落后产能，或环保、安全、能耗达不到强制性标准，或生产不合格产品。</p>
        </li>
        <li>
          <h3>虚假整改退出、死灰复燃</h3>
          <p>已被责令整改或退出，但应改未改、应退未退、虚假整改退出，或已淘汰的落后产能（装备）、已取缔的违法产能死灰复燃。</p>
        </li>
        <li>
          <h3>政府部门失职失责</h3>
          <p>地方政府部门应查未查，整改退出验收把关不严，审批许可把关不严或事中事后监管不到位，联合惩戒不到位等。</p>
        </li>
      </ol>
    </section>

    <section class="panel">
      <h2>受理和办理规则</h2>
      <ul class="rules">
        <li><strong>实名举报</strong>：有报必受理、有报必查。</li>
        <li><strong>匿名举报</strong>：一般不予受理；但举报内容涉及较重大污染、较重大安全生产隐患或可能带来后续隐患的违法生产等事项的，受理部门将通报相关责任部门处理。</li>
        <li><strong>办理时限</strong>：工信部门一般在接报后2个工作日内移交有关责任部门，责任部门在5个工作日内组织现场检查；核查完成后10个工作日内将核实情况和处置意见报工信部门，由工信部门向举报人反馈。</li>
        <li><strong>严格保密</strong>：举报人身份信息仅限接报人一人掌握；核查组确需联系举报人的，只由指定的一名联系人联系。未经举报人同意，任何人不得泄露或询问举报人身份。</li>
      </ul>
    </section>
  </xsl:template>

  <!-- =========================================================== channels -->

  <xsl:template match="channels" mode="title">举报渠道</xsl:template>

  <xsl:template match="channels" mode="content">
    <h1>落后产能和产能违规置换举报渠道</h1>
    <p class="lead">除本平台外，您也可以通过以下渠道向各地工业和信息化主管部门举报。</p>
    <p class="source-note">信息来源：《工业和信息化部办公厅关于畅通举报渠道强化落后产能和产能违规置换查处的通知》（工信厅产业〔2018〕55号）附件。以上信息公布于2018年，部分电话、网址可能已经变化，请以各地主管部门最新公布为准。</p>

    <xsl:choose>
      <xsl:when test="authority">
        <div class="table-wrap">
          <table class="channels">
            <caption class="visually-hidden">各地举报渠道</caption>
            <thead>
              <tr>
                <th scope="col">地区</th>
                <th scope="col">举报渠道</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="authority"/>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">暂无举报渠道信息。</p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="authority">
    <tr>
      <th scope="row"><xsl:value-of select="@name"/></th>
      <td>
        <xsl:if test="channel">
          <ul class="channel-list">
            <xsl:apply-templates select="channel"/>
          </ul>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="channel">
    <li>
      <span class="channel-label">
        <xsl:choose>
          <xsl:when test="normalize-space(@label) != ''">
            <xsl:value-of select="@label"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="channel-kind-label"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>：</xsl:text>
      </span>
      <xsl:variable name="v" select="normalize-space(.)"/>
      <span class="channel-value">
        <xsl:choose>
          <!-- One plain address: a mailto: link.  The scheme is fixed; a
               value with several addresses or odd characters stays text. -->
          <xsl:when test="@kind = 'email'
                          and contains($v, '@')
                          and not(contains(substring-after($v, '@'), '@'))
                          and translate($v, ' 、,;:/?#&amp;&lt;&gt;&quot;', '') = $v">
            <a href="{concat('mailto:', $v)}"><xsl:value-of select="$v"/></a>
          </xsl:when>
          <!-- One plain number of digits and hyphens: a tel: link for phones. -->
          <xsl:when test="(@kind = 'phone' or @kind = 'hotline')
                          and $v != ''
                          and translate($v, '0123456789-', '') = ''">
            <a href="{concat('tel:', $v)}"><xsl:value-of select="$v"/></a>
          </xsl:when>
          <!-- Web addresses from 2018 may be stale: text only, never a link. -->
          <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:if test="normalize-space(@note) != ''">
        <span class="channel-note">（<xsl:value-of select="@note"/>）</span>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template name="channel-kind-label">
    <xsl:choose>
      <xsl:when test="@kind = 'email'">举报邮箱</xsl:when>
      <xsl:when test="@kind = 'fax'">传真</xsl:when>
      <xsl:when test="@kind = 'phone'">电话</xsl:when>
      <xsl:when test="@kind = 'hotline'">热线</xsl:when>
      <xsl:when test="@kind = 'web'">网络平台</xsl:when>
      <xsl:when test="@kind = 'wechat'">微信</xsl:when>
      <xsl:otherwise>其他</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
