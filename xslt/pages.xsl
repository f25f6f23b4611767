<?xml version="1.0" encoding="UTF-8"?>
<!--
  pages.xsl: the landing page (<landing/>), the directory of report
  channels (<channels>; the host province's authority comes first and
  carries host="1"), the help page (<help/>) and the generic error page (<error>, from
  common.xsl).  Layout comes from portal.xsl; this file only provides the
  modes "title" and "content".
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="portal.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="charts.xsl"/>

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
      <xsl:if test="@host = '1'">
        <xsl:attribute name="class">channel-host</xsl:attribute>
      </xsl:if>
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

  <!-- =============================================================== help -->

  <xsl:template match="help" mode="title">举报须知</xsl:template>

  <xsl:template match="help" mode="content">
    <h1>举报须知</h1>
    <p class="lead">本页说明如何举报、举报后如何办理、办理时限、匿名举报的含义，以及您的身份信息由谁可以查看。</p>

    <section class="panel help-section" id="how">
      <h2>如何举报</h2>
      <ol class="help-steps">
        <li>打开<a href="{$base}/submit">我要举报</a>，选择举报类别、涉及的问题、行业和问题所在地区。</li>
        <li>填写被举报企业或单位的名称、地址，尽量具体地描述问题：时间、地点、设备或项目、具体情况；可以上传照片或文件作为线索。</li>
        <li>选择实名或匿名举报。实名举报请留下姓名和联系电话，便于核实情况和反馈结果。</li>
        <li>提交后页面显示<strong>受理编号</strong>和<strong>查询码</strong>。查询码只显示一次，请抄写、打印或截图保存；回执上的二维码只包含受理编号，不包含查询码。</li>
        <li>凭受理编号和查询码，可以随时在<a href="{$base}/status">查询办理进度</a>页面查看办理情况，并在需要时补充材料。</li>
      </ol>
      <p>不便在线举报的，也可以通过<a href="{$base}/channels">各地举报渠道</a>（电话、传真、邮箱等）举报。</p>
    </section>

    <section class="panel help-section" id="next">
      <h2>举报后如何办理</h2>
      <dl class="help-deadlines">
        <div>
          <dt>2个工作日内</dt>
          <dd>工信部门决定是否受理，并将举报移交有关责任部门核查处理。</dd>
        </div>
        <div>
          <dt>5个工作日内</dt>
          <dd>责任部门收到移交后组织现场检查。</dd>
        </div>
        <div>
          <dt>10个工作日内</dt>
          <dd>核查完成后，责任部门将核实情况和处置意见报工信部门，由工信部门向实名举报人反馈。</dd>
        </div>
      </dl>
      <p>工作日按国家法定节假日和调休安排计算。核查中需要您补充材料的，查询页面会提示，您可以在该页面直接补充。</p>
    </section>

    <section class="panel help-section" id="anonymous">
      <h2>匿名举报是什么意思</h2>
      <p>匿名举报不填写姓名和联系方式，平台不保存您的身份。匿名举报一般不予受理；但举报内容涉及较重大污染、较重大安全生产隐患或可能带来后续隐患的违法生产等事项的，受理部门将通报相关责任部门，由相关责任部门决定是否办理。匿名举报同样可以凭受理编号和查询码查询办理情况，但工作人员无法与您联系核实或反馈。</p>
    </section>

    <section class="panel help-section" id="privacy">
      <h2>隐私保护：谁能看到您的身份</h2>
      <ul class="rules">
        <li>实名举报人的姓名、电话、身份证号码和邮箱在提交时即加密保存，数据库中不存明文。</li>
        <li>只有接报人和核查组指定的一名联系人可以查看举报人身份；每次查看都有记录，可以审计。</li>
        <li>被举报企业、核查组其他成员和公示公告中都不会出现举报人的任何信息；办理进度查询页面也不显示身份信息。</li>
        <li>未经举报人同意，任何单位和个人不得泄露举报人身份信息，不得以任何方式询问举报人身份。</li>
        <li>工作人员不会向您索要查询码。请勿将查询码告诉他人。</li>
      </ul>
      <p>请如实举报。捏造事实、诬告陷害他人的，依法承担相应责任。</p>
    </section>

    <xsl:if test="normalize-space($hotline) != ''">
      <section class="panel help-section" id="hotline">
        <h2>举报电话</h2>
        <p>
          <xsl:text>如有疑问或情况紧急，请拨打举报电话：</xsl:text>
          <strong class="hotline"><xsl:value-of select="$hotline"/></strong>
        </p>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================= statistics (/stats) -->

  <xsl:template match="public-stats" mode="title">举报统计</xsl:template>

  <xsl:template match="public-stats" mode="content">
    <h1>举报统计（<xsl:value-of select="@month"/>）</h1>
    <p>本页按月公布收到、受理和办结的举报件数，以及经核查属实的比例。为保护举报人，少于<xsl:value-of select="@min-cell"/>件的数字不单独公布（显示为“少于<xsl:value-of select="@min-cell"/>”），可据以推算的数字一并不公布。</p>
    <form method="get" action="{$base}/stats" class="filter-form">
      <label for="ps-month">月份</label>
      <input type="month" id="ps-month" name="month" value="{@month}" class="input"/>
      <button type="submit" class="button button-small">查看</button>
    </form>
    <xsl:call-template name="ps-table">
      <xsl:with-param name="rows" select="total/row"/>
      <xsl:with-param name="title" select="'本月合计'"/>
      <xsl:with-param name="id" select="'ps-total'"/>
    </xsl:call-template>
    <xsl:call-template name="ps-table">
      <xsl:with-param name="rows" select="cities/row"/>
      <xsl:with-param name="title" select="'按地市'"/>
      <xsl:with-param name="id" select="'ps-cities'"/>
    </xsl:call-template>
    <xsl:call-template name="ps-table">
      <xsl:with-param name="rows" select="industries/row"/>
      <xsl:with-param name="title" select="'按行业'"/>
      <xsl:with-param name="id" select="'ps-industries'"/>
    </xsl:call-template>
    <section aria-labelledby="ps-trend">
      <h2 id="ps-trend">趋势</h2>
      <xsl:apply-templates select="chart"/>
    </section>
  </xsl:template>

  <xsl:template name="ps-table">
    <xsl:param name="rows"/>
    <xsl:param name="title"/>
    <xsl:param name="id"/>
    <section aria-labelledby="{$id}">
      <h2 id="{$id}"><xsl:value-of select="$title"/></h2>
      <xsl:choose>
        <xsl:when test="$rows">
          <table class="data-table" id="{$id}-table">
            <thead><tr>
              <th scope="col">项目</th><th scope="col">收到</th><th scope="col">受理</th>
              <th scope="col">办结</th><th scope="col">核查属实</th><th scope="col">属实比例</th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="$rows">
                <tr>
                  <th scope="row"><xsl:value-of select="@name"/></th>
                  <xsl:for-each select="cell">
                    <td>
                      <xsl:choose>
                        <xsl:when test="@small">少于<xsl:value-of select="/public-stats/@min-cell"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="@value"/></xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </xsl:for-each>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@true-permille"><xsl:value-of select="format-number(@true-permille div 10, '0.0')"/>%</xsl:when>
                      <xsl:otherwise>—</xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p>本月没有数据。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

</xsl:stylesheet>
