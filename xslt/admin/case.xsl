<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/case.xsl: the case detail page (<case-detail>, 案件详情): the report, the
  reporter's identity, attachments, history.  The action forms on it are in
  case-actions.xsl.

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ======================================================= case detail -->

  <xsl:template match="case-detail" mode="title">
    <xsl:text>案件 </xsl:text>
    <xsl:call-template name="ticket"><xsl:with-param name="value" select="report/@ticket"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="case-detail" mode="content">
    <xsl:variable name="r" select="report"/>

    <div class="case-head">
      <p class="crumbs"><a href="{$base}/admin/cases">案件</a> › 案件详情</p>
      <h1>
        <xsl:text>受理编号 </xsl:text>
        <span class="ticket-inline">
          <xsl:call-template name="ticket"><xsl:with-param name="value" select="$r/@ticket"/></xsl:call-template>
        </span>
      </h1>
      <div class="case-flags">
        <xsl:for-each select="$r">
          <xsl:call-template name="a-state"/>
        </xsl:for-each>
        <xsl:choose>
          <xsl:when test="normalize-space($r/@due) = ''"></xsl:when>
          <xsl:when test="$r/@overdue = '1'">
            <span class="badge badge-danger">
              <xsl:text>已超期 · 时限 </xsl:text>
              <xsl:call-template name="format-date"><xsl:with-param name="value" select="$r/@due"/></xsl:call-template>
            </span>
          </xsl:when>
          <xsl:otherwise>
            <span class="badge badge-plain">
              <xsl:text>本环节时限 </xsl:text>
              <xsl:call-template name="format-date"><xsl:with-param name="value" select="$r/@due"/></xsl:call-template>
            </span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$r/@hazard = '1'">
          <span class="badge badge-danger">重大隐患</span>
        </xsl:if>
        <xsl:if test="$r/@anonymous = '1'">
          <span class="badge badge-warn">匿名举报</span>
        </xsl:if>
        <xsl:if test="$r/@pressed = '1' or notes/note[@kind = 'press']">
          <span class="badge badge-warn">已督办</span>
        </xsl:if>
        <xsl:if test="normalize-space($r/@duplicate-of) != ''">
          <span class="badge badge-muted">重复举报</span>
        </xsl:if>
        <xsl:if test="actions/action">
          <a class="case-jump" href="#actions">办理操作 ↓</a>
        </xsl:if>
      </div>
    </div>

    <xsl:call-template name="a-page-message"/>

    <xsl:if test="$r/@hazard = '1' and $r/@anonymous = '1' and not($r/@hazard-notified = '1')">
      <div class="notice notice-warning">
        <p><strong>匿名举报涉及较重大污染或较重大安全生产隐患：</strong>按规定应通报相关责任部门，由其决定是否办理。通报后请在下方“记录已通报相关责任部门”中登记。</p>
      </div>
    </xsl:if>

    <!-- Facts -->
    <section class="case-section" aria-labelledby="facts-title">
      <h2 id="facts-title">基本情况</h2>
      <dl class="facts">
        <div>
          <dt>举报类别</dt>
          <dd>
            <xsl:choose>
              <xsl:when test="normalize-space($r/@category-label) != ''"><xsl:value-of select="$r/@category-label"/></xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="category-label"><xsl:with-param name="category" select="string($r/@category)"/></xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </dd>
        </div>
        <div>
          <dt>涉及问题</dt>
          <dd>
            <xsl:for-each select="$r/standard">
              <xsl:if test="position() &gt; 1">、</xsl:if>
              <xsl:call-template name="a-opt-text"/>
            </xsl:for-each>
          </dd>
        </div>
        <div>
          <dt>所属行业</dt>
          <dd><xsl:value-of select="$r/@industry"/></dd>
        </div>
        <div>
          <dt>所在地区</dt>
          <dd>
            <xsl:value-of select="$r/@region"/>
            <xsl:if test="normalize-space($r/@region-code) != ''">
              <span class="muted code"><xsl:text> </xsl:text><xsl:value-of select="$r/@region-code"/></span>
            </xsl:if>
          </dd>
        </div>
        <div class="facts-wide">
          <dt>被举报对象</dt>
          <dd>
            <strong><xsl:value-of select="$r/@subject-name"/></strong>
            <xsl:if test="normalize-space($r/@subject-type) != ''">
              <span class="muted">
                <xsl:text>（</xsl:text>
                <xsl:call-template name="a-subject-type"><xsl:with-param name="value" select="string($r/@subject-type)"/></xsl:call-template>
                <xsl:text>）</xsl:text>
              </span>
            </xsl:if>
          </dd>
        </div>
        <div>
          <dt>详细地址</dt>
          <dd><xsl:call-template name="a-or-dash"><xsl:with-param name="v" select="$r/@subject-address"/></xsl:call-template></dd>
        </div>
        <div>
          <dt>统一社会信用代码</dt>
          <dd class="code"><xsl:call-template name="a-or-dash"><xsl:with-param name="v" select="$r/@credit-code"/></xsl:call-template></dd>
        </div>
        <div>
          <dt>来源渠道</dt>
          <dd><xsl:call-template name="a-or-dash"><xsl:with-param name="v" select="$r/@channel-label"/></xsl:call-template></dd>
        </div>
        <div>
          <dt>提交时间</dt>
          <dd><xsl:call-template name="format-datetime"><xsl:with-param name="value" select="$r/@submitted"/></xsl:call-template></dd>
        </div>
        <div>
          <dt>本环节办理时限</dt>
          <dd>
            <xsl:choose>
              <xsl:when test="normalize-space($r/@due) = ''"><span class="muted">—</span></xsl:when>
              <xsl:otherwise>
                <span>
                  <xsl:if test="$r/@overdue = '1'"><xsl:attribute name="class">due-over</xsl:attribute></xsl:if>
                  <xsl:call-template name="format-date"><xsl:with-param name="value" select="$r/@due"/></xsl:call-template>
                  <xsl:if test="$r/@overdue = '1'">（已超期）</xsl:if>
                </span>
              </xsl:otherwise>
            </xsl:choose>
          </dd>
        </div>
        <div>
          <dt>重大隐患</dt>
          <dd>
            <xsl:choose>
              <xsl:when test="$r/@hazard = '1'">
                <span class="due-over">是</span>
                <xsl:choose>
                  <xsl:when test="$r/@hazard-notified = '1'">，已通报相关责任部门</xsl:when>
                  <xsl:when test="$r/@anonymous = '1'">，尚未记录通报</xsl:when>
                </xsl:choose>
              </xsl:when>
              <xsl:otherwise>否</xsl:otherwise>
            </xsl:choose>
          </dd>
        </div>
        <div>
          <dt>核查结论</dt>
          <dd>
            <xsl:call-template name="a-verdict">
              <xsl:with-param name="value" select="string($r/@verdict)"/>
              <xsl:with-param name="label" select="string($r/@verdict-label)"/>
            </xsl:call-template>
          </dd>
        </div>
        <div>
          <dt>处置决定</dt>
          <dd><xsl:call-template name="a-or-dash"><xsl:with-param name="v" select="$r/@disposal"/></xsl:call-template></dd>
        </div>
        <div>
          <dt>反馈举报人</dt>
          <dd>
            <xsl:choose>
              <xsl:when test="$r/@feedback-state = 'none' or normalize-space($r/@feedback-state) = ''">未起草</xsl:when>
              <xsl:when test="$r/@feedback-state = 'draft'">已起草，待审核</xsl:when>
              <xsl:when test="$r/@feedback-state = 'approved'">已反馈</xsl:when>
              <xsl:otherwise><xsl:value-of select="$r/@feedback-state"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </div>
        <xsl:if test="normalize-space($r/@duplicate-of) != ''">
          <div>
            <dt>重复举报</dt>
            <dd>
              <xsl:text>与 </xsl:text>
              <a class="ticket-inline" href="{$base}/admin/case?id={$r/@duplicate-of}">
                <xsl:call-template name="ticket"><xsl:with-param name="value" select="$r/@duplicate-ticket"/></xsl:call-template>
              </a>
              <xsl:text> 重复</xsl:text>
            </dd>
          </div>
        </xsl:if>
      </dl>
    </section>

    <!-- Description and attachments -->
    <section class="case-section" aria-labelledby="desc-title">
      <h2 id="desc-title">举报内容</h2>
      <div class="case-text"><xsl:value-of select="$r/description"/></div>
      <xsl:if test="attachments/attachment">
        <h3 class="sub-title">
          <xsl:text>证据材料（</xsl:text>
          <xsl:value-of select="count(attachments/attachment)"/>
          <xsl:text>）</xsl:text>
        </h3>
        <ul class="attachment-list">
          <xsl:for-each select="attachments/attachment">
            <li>
              <a href="{$base}/admin/attachment?id={@id}">
                <xsl:text>附件</xsl:text>
                <xsl:value-of select="position()"/>
              </a>
              <span class="muted">
                <xsl:text> </xsl:text>
                <xsl:call-template name="a-mime"><xsl:with-param name="mime" select="string(@mime)"/></xsl:call-template>
                <xsl:text>，</xsl:text>
                <xsl:call-template name="a-size"><xsl:with-param name="bytes" select="@size"/></xsl:call-template>
              </span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>

    <div class="case-cols">
      <!-- Reporter -->
      <section class="case-section" aria-labelledby="identity-title">
        <h2 id="identity-title">举报人</h2>
        <xsl:apply-templates select="identity"/>
        <xsl:if test="not(identity)">
          <p class="muted">—</p>
        </xsl:if>
      </section>

      <!-- Departments -->
      <section class="case-section" aria-labelledby="dept-title">
        <h2 id="dept-title">责任部门</h2>
        <xsl:choose>
          <xsl:when test="departments/department">
            <ul class="dept-list">
              <xsl:for-each select="departments/department">
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
          <xsl:otherwise><p class="empty">尚未移交。</p></xsl:otherwise>
        </xsl:choose>
        <p class="contact-line">
          <xsl:text>核查组联系人：</xsl:text>
          <xsl:choose>
            <xsl:when test="normalize-space(contact/@name) != ''">
              <strong><xsl:value-of select="contact/@name"/></strong>
            </xsl:when>
            <xsl:otherwise><span class="muted">未指定</span></xsl:otherwise>
          </xsl:choose>
        </p>
      </section>
    </div>

    <div class="case-cols">
      <!-- Public events -->
      <section class="case-section" aria-labelledby="events-title">
        <h2 id="events-title">办理记录 <span class="vis vis-public">举报人可见</span></h2>
        <p class="hint">以下记录及其文字会显示在举报人的进度查询页面上。</p>
        <xsl:choose>
          <xsl:when test="events/event">
            <ol class="log log-public">
              <xsl:for-each select="events/event">
                <li>
                  <p class="log-meta">
                    <span class="log-time">
                      <xsl:call-template name="a-short-datetime"><xsl:with-param name="value" select="@at"/></xsl:call-template>
                    </span>
                    <xsl:call-template name="a-state"><xsl:with-param name="label" select="string(@label)"/></xsl:call-template>
                  </p>
                  <xsl:if test="normalize-space(.) != ''">
                    <p class="log-text"><xsl:value-of select="."/></p>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ol>
          </xsl:when>
          <xsl:otherwise><p class="empty">暂无。</p></xsl:otherwise>
        </xsl:choose>
      </section>

      <!-- Staff notes -->
      <section class="case-section staff-only" aria-labelledby="notes-title">
        <h2 id="notes-title">内部记录 <span class="vis vis-staff">仅内部可见</span></h2>
        <p class="hint">现场检查、核查意见、处置进展、督办和备注，不向举报人公开。</p>
        <xsl:choose>
          <xsl:when test="notes/note">
            <ol class="log log-staff">
              <xsl:for-each select="notes/note">
                <li>
                  <p class="log-meta">
                    <span class="log-time">
                      <xsl:call-template name="a-short-datetime"><xsl:with-param name="value" select="@at"/></xsl:call-template>
                    </span>
                    <span class="badge badge-note note-{@kind}"><xsl:value-of select="@kind-label"/></span>
                    <span class="log-who"><xsl:value-of select="@who"/></span>
                  </p>
                  <xsl:if test="normalize-space(.) != ''">
                    <p class="log-text"><xsl:value-of select="."/></p>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ol>
          </xsl:when>
          <xsl:otherwise><p class="empty">暂无。</p></xsl:otherwise>
        </xsl:choose>
      </section>
    </div>

    <xsl:if test="duplicates/case">
      <section class="case-section" aria-labelledby="dup-title">
        <h2 id="dup-title">重复举报</h2>
        <ul class="dup-list">
          <xsl:for-each select="duplicates/case">
            <li>
              <xsl:call-template name="a-case-link"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="@subject"/>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>

    <section class="case-section" id="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">办理操作</h2>
      <xsl:choose>
        <xsl:when test="actions/action[@name != 'reveal']">
          <p class="hint">点击操作名称展开填写。标注“举报人可见”的文字会显示在举报人查询页面上，请使用规范用语，不得透露举报人身份。</p>
          <div class="action-list">
            <xsl:apply-templates select="actions/action[@name != 'reveal']" mode="box"/>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">本案件当前没有您可以办理的操作。</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="a-or-dash">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) = ''"><span class="muted">—</span></xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="a-verdict">
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="$label != ''"><xsl:value-of select="$label"/></xsl:when>
        <xsl:when test="$value = 'true'">属实</xsl:when>
        <xsl:when test="$value = 'partly'">部分属实</xsl:when>
        <xsl:when test="$value = 'false'">不属实</xsl:when>
        <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$text = ''"><span class="muted">尚未核查</span></xsl:when>
      <xsl:otherwise><span class="verdict verdict-{$value}"><xsl:value-of select="$text"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The reporter box: never more than the document gives. -->
  <xsl:template match="identity">
    <xsl:choose>
      <xsl:when test="@state = 'anonymous'">
        <div class="identity-box identity-anonymous">
          <p><strong>匿名举报</strong>，无举报人身份信息。</p>
        </div>
      </xsl:when>
      <xsl:when test="@state = 'shown'">
        <div class="identity-box identity-shown" role="region" aria-label="举报人身份信息">
          <p class="identity-warning">举报人身份信息属保密内容。您的本次查看已记录审计；不得向无关单位和人员透露，不得记入内部记录和反馈意见。</p>
          <dl class="identity-fields">
            <div><dt>姓名</dt><dd><xsl:call-template name="a-or-dash"><xsl:with-param name="v" select="name"/></xsl:call-template></dd></div>
            <div><dt>联系电话</dt><dd class="code"><xsl:call-template name="a-or-dash"><xsl:with-param name="v" select="phone"/></xsl:call-template></dd></div>
            <div><dt>身份证号码</dt><dd class="code"><xsl:call-template name="a-or-dash"><xsl:with-param name="v" select="id-no"/></xsl:call-template></dd></div>
            <div><dt>电子邮箱</dt><dd class="code"><xsl:call-template name="a-or-dash"><xsl:with-param name="v" select="email"/></xsl:call-template></dd></div>
          </dl>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <div class="identity-box identity-hidden">
          <p><strong>实名举报</strong>（身份信息仅限接报人和指定联系人查看）</p>
          <xsl:if test="normalize-space(.) != '' and normalize-space(.) != '实名举报'">
            <p class="field-error"><xsl:value-of select="."/></p>
          </xsl:if>
          <xsl:for-each select="../actions/action[@name = 'reveal']">
            <form class="reveal-form" method="post" action="{$base}/admin/case/action" accept-charset="UTF-8">
              <xsl:call-template name="a-action-hidden"/>
              <p class="hint">您有权查看本案举报人身份。查看操作将记入审计日志，仅在需要联系举报人时查看。</p>
              <button type="submit" class="button button-secondary button-small">
                <xsl:call-template name="a-opt-text"/>
              </button>
            </form>
          </xsl:for-each>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
