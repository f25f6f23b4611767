<?xml version="1.0" encoding="UTF-8"?>
<!--
  status.xsl: the lookup form (<lookup-form>), the form again with a
  message (<error> with a <lookup-form> child), the status answer
  (<case>) and the generic error page (<error>, from common.xsl).

  The case page never shows anything about the reporter: the document has
  no such data, and nothing here asks for it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="portal.xsl"/>
  <xsl:include href="common.xsl"/>

  <xsl:variable name="lookup-fields" select="' ticket code '"/>

  <!-- ======================================================= lookup form -->

  <xsl:template match="lookup-form" mode="title">查询办理进度</xsl:template>

  <xsl:template match="lookup-form" mode="content">
    <h1>查询办理进度</h1>
    <xsl:if test="replied">
      <div class="notice notice-success" role="status">
        <p><strong>补充材料已收到。</strong>举报将重新进入办理，可以随时用受理编号和查询码查看进度。</p>
      </div>
    </xsl:if>
    <xsl:apply-templates select="." mode="form"/>
  </xsl:template>

  <xsl:template match="error[lookup-form]" mode="title">
    <xsl:call-template name="lookup-error-heading"/>
    <xsl:text> - 查询办理进度</xsl:text>
  </xsl:template>

  <xsl:template match="error[lookup-form]" mode="content">
    <h1>查询办理进度</h1>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="known" select="$lookup-fields"/>
      <xsl:with-param name="heading">
        <xsl:call-template name="lookup-error-heading"/>
      </xsl:with-param>
      <xsl:with-param name="extra">
        <xsl:if test="@status = '429' or @status = '503' or @status = '500'">
          <xsl:call-template name="error-status-advice"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="lookup-form" mode="form"/>
  </xsl:template>

  <xsl:template name="lookup-error-heading">
    <xsl:choose>
      <xsl:when test="/error/@status = '404'">未查询到举报</xsl:when>
      <xsl:when test="/error/@status = '400' or /error/@status = '422'">请检查输入的内容</xsl:when>
      <xsl:otherwise><xsl:call-template name="error-heading"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="lookup-form" mode="form">
    <p class="lead">请输入提交举报时页面上显示的受理编号和查询码。</p>
    <form class="lookup-form" method="post" action="{$base}/status" accept-charset="UTF-8">
      <xsl:if test="csrf">
        <input type="hidden" name="csrf" value="{csrf}"/>
      </xsl:if>

      <div id="f-ticket">
        <xsl:call-template name="field-class"><xsl:with-param name="name" select="'ticket'"/></xsl:call-template>
        <label for="ticket">
          <xsl:text>受理编号</xsl:text>
          <span class="req" aria-hidden="true">*</span>
          <span class="visually-hidden">（必填）</span>
        </label>
        <p class="hint" id="h-ticket">16位数字，可以带空格，如“1234 5678 9012 3456”。</p>
        <xsl:call-template name="field-error"><xsl:with-param name="name" select="'ticket'"/></xsl:call-template>
        <input type="text" name="ticket" id="ticket" class="input input-code input-ticket"
               inputmode="numeric" autocomplete="off" spellcheck="false"
               maxlength="32" required="required" value="{ticket}">
          <xsl:call-template name="field-invalid-attrs">
            <xsl:with-param name="name" select="'ticket'"/>
            <xsl:with-param name="hint" select="'h-ticket'"/>
          </xsl:call-template>
        </input>
      </div>

      <div id="f-code">
        <xsl:call-template name="field-class"><xsl:with-param name="name" select="'code'"/></xsl:call-template>
        <label for="code">
          <xsl:text>查询码</xsl:text>
          <span class="req" aria-hidden="true">*</span>
          <span class="visually-hidden">（必填）</span>
        </label>
        <p class="hint" id="h-code">8位字母和数字，提交举报时只显示一次。</p>
        <xsl:call-template name="field-error"><xsl:with-param name="name" select="'code'"/></xsl:call-template>
        <input type="text" name="code" id="code" class="input input-code input-short"
               autocomplete="off" autocapitalize="characters" spellcheck="false"
               maxlength="16" required="required">
          <xsl:call-template name="field-invalid-attrs">
            <xsl:with-param name="name" select="'code'"/>
            <xsl:with-param name="hint" select="'h-code'"/>
          </xsl:call-template>
        </input>
      </div>

      <div class="form-submit">
        <button type="submit" class="button">查询</button>
      </div>
    </form>

    <div class="notice">
      <p>工作人员不会向您索要查询码，请勿告诉他人。查询码遗失的，无法在线查询；如需了解办理情况，请通过<a href="{$base}/channels">举报渠道</a>联系工信部门。</p>
    </div>
  </xsl:template>

  <!-- ============================================================== case -->

  <xsl:template match="case" mode="title">办理进度</xsl:template>

  <xsl:template match="case" mode="content">
    <xsl:variable name="state" select="string(state)"/>
    <h1>办理进度</h1>

    <dl class="case-summary">
      <div>
        <dt>受理编号</dt>
        <dd class="ticket-inline">
          <xsl:call-template name="ticket"><xsl:with-param name="value" select="ticket"/></xsl:call-template>
        </dd>
      </div>
      <div>
        <dt>当前状态</dt>
        <dd>
          <span class="state state-{$state}">
            <xsl:call-template name="case-state-label"/>
          </span>
        </dd>
      </div>
      <xsl:if test="normalize-space(category) != ''">
        <div>
          <dt>举报类别</dt>
          <dd><xsl:call-template name="category-label"><xsl:with-param name="category" select="string(category)"/></xsl:call-template></dd>
        </div>
      </xsl:if>
      <xsl:if test="normalize-space(submitted) != ''">
        <div>
          <dt>提交时间</dt>
          <dd><xsl:call-template name="format-datetime"><xsl:with-param name="value" select="submitted"/></xsl:call-template></dd>
        </div>
      </xsl:if>
      <xsl:if test="normalize-space(due) != ''">
        <div>
          <dt>当前环节办理时限</dt>
          <dd>
            <xsl:call-template name="format-date"><xsl:with-param name="value" select="due"/></xsl:call-template>
            <xsl:text>前</xsl:text>
          </dd>
        </div>
      </xsl:if>
    </dl>

    <xsl:call-template name="stages"/>

    <xsl:choose>
      <xsl:when test="$state = 'spooled'">
        <div class="notice notice-success" role="status">
          <h2>已收到，正在登记</h2>
          <p>您的举报已安全保存，系统正在登记，登记后即可在此查看办理进度。受理编号和查询码不变，请妥善保管。</p>
        </div>
      </xsl:when>
      <xsl:when test="$state = 'rejected'">
        <div class="notice notice-error" role="status">
          <h2>不予受理</h2>
          <xsl:variable name="ev" select="events/event[@state = 'rejected'][last()]"/>
          <xsl:choose>
            <xsl:when test="normalize-space($ev) != ''">
              <p class="event-text"><xsl:value-of select="$ev"/></p>
            </xsl:when>
            <xsl:otherwise><p>本举报不予受理。</p></xsl:otherwise>
          </xsl:choose>
          <p>如有疑问，可通过<a href="{$base}/channels">举报渠道</a>联系工信部门。</p>
        </div>
      </xsl:when>
      <xsl:when test="$state = 'needs_info'">
        <div class="notice notice-warning" role="status">
          <h2>需要您补充材料</h2>
          <xsl:variable name="ev" select="events/event[@state = 'needs_info'][last()]"/>
          <xsl:if test="normalize-space($ev) != ''">
            <p class="event-text"><xsl:value-of select="$ev"/></p>
          </xsl:if>
          <p>请按上述说明补充材料。如有疑问，可通过<a href="{$base}/channels">举报渠道</a>联系工信部门。</p>
          <xsl:if test="reply-form">
            <form class="reply-form" method="post" action="{$base}/status" enctype="multipart/form-data" accept-charset="UTF-8">
              <input type="hidden" name="ticket" value="{ticket}"/>
              <input type="hidden" name="action" value="reply"/>
              <div class="field" id="f-reply">
                <label for="reply">补充说明 <span class="req">*</span></label>
                <textarea id="reply" name="reply" rows="6" maxlength="5000" required="required"></textarea>
              </div>
              <div class="field" id="f-attachment">
                <label for="attachment">补充材料（可选）</label>
                <input type="file" id="attachment" name="attachment" multiple="multiple" accept="image/jpeg,image/png,application/pdf"/>
                <p class="hint">最多5个文件，每个不超过10MB，仅限JPG、PNG、PDF。照片中的拍摄信息（如位置、设备）会被自动清除；PDF文件的属性（如作者）不会清除，请在上传前自行删除。</p>
              </div>
              <div class="field" id="f-code">
                <label for="reply-code">请再次输入查询码 <span class="req">*</span></label>
                <input type="password" id="reply-code" name="code" maxlength="20" autocomplete="off" required="required"/>
              </div>
              <div class="actions"><button type="submit" class="btn btn-primary">提交补充材料</button></div>
            </form>
          </xsl:if>
        </div>
      </xsl:when>
      <xsl:when test="$state = 'closed'">
        <div class="notice notice-success" role="status">
          <h2>已办结</h2>
          <xsl:variable name="ev" select="events/event[@state = 'closed'][last()]"/>
          <xsl:if test="normalize-space($ev) != ''">
            <p class="event-text"><xsl:value-of select="$ev"/></p>
          </xsl:if>
        </div>
      </xsl:when>
    </xsl:choose>

    <section class="timeline-section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">办理记录 <span class="h-note">（最新的在最前）</span></h2>
      <xsl:choose>
        <xsl:when test="events/event">
          <ol class="timeline">
            <!-- Newest first: by time, then by document order for equal times.
                 The C side writes every time in the same form (+08:00). -->
            <xsl:for-each select="events/event">
              <xsl:sort select="@at" data-type="text" order="descending"/>
              <xsl:sort select="position()" data-type="number" order="descending"/>
              <li class="timeline-item">
                <div class="timeline-meta">
                  <time>
                    <xsl:call-template name="format-datetime"><xsl:with-param name="value" select="@at"/></xsl:call-template>
                  </time>
                  <xsl:if test="normalize-space(@state) != ''">
                    <span class="state state-{@state}">
                      <xsl:call-template name="state-label"><xsl:with-param name="state" select="string(@state)"/></xsl:call-template>
                    </span>
                  </xsl:if>
                </div>
                <p class="timeline-text"><xsl:value-of select="."/></p>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:when>
        <xsl:otherwise><p class="empty">暂无办理记录。</p></xsl:otherwise>
      </xsl:choose>
    </section>

    <p class="case-actions">
      <a class="button button-secondary" href="{$base}/status">查询其他举报</a>
    </p>
  </xsl:template>

  <xsl:template name="case-state-label">
    <xsl:choose>
      <xsl:when test="normalize-space(state-label) != ''">
        <xsl:value-of select="normalize-space(state-label)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="state-label"><xsl:with-param name="state" select="string(state)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The stage indicator 提交 → 受理 → 移交 → 核查 → 处置 → 办结.  Context:
       <case>.  States map to stages: submitted 1; accepted, needs_info,
       rejected 2; transferred 3; inspecting, verified 4; disposing 5;
       closed 6.  A rejected case stops at stage 2. -->
  <xsl:template name="stages">
    <xsl:variable name="state" select="string(state)"/>
    <xsl:variable name="cur" select="number(concat('0', substring-before(substring-after(' submitted:1 accepted:2 needs_info:2 rejected:2 transferred:3 inspecting:4 verified:4 disposing:5 closed:6 ', concat(' ', $state, ':')), ' ')))"/>
    <xsl:if test="$cur &gt; 0">
      <xsl:variable name="label"><xsl:call-template name="case-state-label"/></xsl:variable>
      <ol class="stages" aria-label="办理环节">
        <xsl:call-template name="stage"><xsl:with-param name="n" select="1"/><xsl:with-param name="cur" select="$cur"/><xsl:with-param name="state" select="$state"/><xsl:with-param name="label" select="$label"/><xsl:with-param name="name" select="'提交'"/></xsl:call-template>
        <xsl:call-template name="stage"><xsl:with-param name="n" select="2"/><xsl:with-param name="cur" select="$cur"/><xsl:with-param name="state" select="$state"/><xsl:with-param name="label" select="$label"/><xsl:with-param name="name" select="'受理'"/></xsl:call-template>
        <xsl:call-template name="stage"><xsl:with-param name="n" select="3"/><xsl:with-param name="cur" select="$cur"/><xsl:with-param name="state" select="$state"/><xsl:with-param name="label" select="$label"/><xsl:with-param name="name" select="'移交'"/></xsl:call-template>
        <xsl:call-template name="stage"><xsl:with-param name="n" select="4"/><xsl:with-param name="cur" select="$cur"/><xsl:with-param name="state" select="$state"/><xsl:with-param name="label" select="$label"/><xsl:with-param name="name" select="'核查'"/></xsl:call-template>
        <xsl:call-template name="stage"><xsl:with-param name="n" select="5"/><xsl:with-param name="cur" select="$cur"/><xsl:with-param name="state" select="$state"/><xsl:with-param name="label" select="$label"/><xsl:with-param name="name" select="'处置'"/></xsl:call-template>
        <xsl:call-template name="stage"><xsl:with-param name="n" select="6"/><xsl:with-param name="cur" select="$cur"/><xsl:with-param name="state" select="$state"/><xsl:with-param name="label" select="$label"/><xsl:with-param name="name" select="'办结'"/></xsl:call-template>
      </ol>
    </xsl:if>
  </xsl:template>

  <xsl:template name="stage">
    <xsl:param name="n"/>
    <xsl:param name="cur"/>
    <xsl:param name="state"/>
    <xsl:param name="label"/>
    <xsl:param name="name"/>
    <xsl:choose>
      <xsl:when test="$n = $cur">
        <li aria-current="step">
          <xsl:choose>
            <xsl:when test="$state = 'rejected'">
              <xsl:attribute name="class">stage stage-stopped</xsl:attribute>
              <span class="stage-no" aria-hidden="true">✕</span>
            </xsl:when>
            <xsl:when test="$state = 'closed'">
              <xsl:attribute name="class">stage stage-done current</xsl:attribute>
              <span class="stage-no" aria-hidden="true">✓</span>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="class">stage stage-current</xsl:attribute>
              <span class="stage-no" aria-hidden="true"><xsl:value-of select="$n"/></span>
            </xsl:otherwise>
          </xsl:choose>
          <span class="stage-name"><xsl:value-of select="$name"/></span>
          <span class="stage-state"><xsl:value-of select="$label"/></span>
        </li>
      </xsl:when>
      <xsl:when test="$n &lt; $cur">
        <li class="stage stage-done">
          <span class="stage-no" aria-hidden="true">✓</span>
          <span class="stage-name"><xsl:value-of select="$name"/></span>
          <span class="visually-hidden">（已完成）</span>
        </li>
      </xsl:when>
      <xsl:otherwise>
        <li class="stage stage-{substring('skipped', 1, 7 * ($state = 'rejected'))}{substring('todo', 1, 4 * ($state != 'rejected'))}">
          <span class="stage-no" aria-hidden="true"><xsl:value-of select="$n"/></span>
          <span class="stage-name"><xsl:value-of select="$name"/></span>
        </li>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
