<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin.xsl: the staff console (工作人员办公平台).

  Document elements and the pages they make:
    <login>            工作人员登录 (no session)
    <password-form>    修改密码
    <totp-setup>       动态验证码
    <dashboard>        工作台
    <case-list>        案件
    <case-detail>      案件详情 and every action form on it
    <intake-form>      登记举报 (and <error> with an <intake-form> child:
                       the form again with the problems)
    <intake-receipt>   登记完成: ticket and query code for the reporter
    <routing>          移交规则
    <calendar>         工作日历
    <audit-log>        审计日志
    <users>            用户
    <error>            the generic error page; with console="1" a console
                       version (its own advice, a link back to 工作台)

  Every console document has console="1" on its document element and a
  <session> child (login, name, csrf, <role name label department-id
  department/>...); portal.xsl shows the console navigation for it.
  Every POST form carries the hidden field csrf = /*/session/@csrf.

  Links and form actions are $base + a fixed path; the only document
  values in them are ids, state codes and the filter values of the list
  pages, which go through a-url-escape (libxml2 %-escapes the rest of an
  href, but leaves % & # + ; as they are).

  The intake form reuses the field templates of submit.xsl (text-field,
  req-mark, anonymous-choice, category-hint, the region options) and so
  the hooks jubao.js enhances (#region, #identity, #attachment, ...).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="portal.xsl"/>
  <xsl:import href="submit.xsl"/>
  <xsl:include href="common.xsl"/>

  <!-- Fields that have a container #f-{name} on the intake form. -->
  <xsl:variable name="intake-fields"
    select="' channel category standard industry region subject_type subject_name subject_address credit_code description attachment anonymous hazard reporter_name reporter_phone reporter_id_no reporter_email '"/>

  <xsl:variable name="session" select="/*/session"/>
  <xsl:variable name="csrf" select="string(/*/session/@csrf)"/>

  <!-- ============================================================ helpers -->

  <xsl:template name="a-csrf">
    <input type="hidden" name="csrf" value="{$csrf}"/>
  </xsl:template>

  <!-- An <option>'s text: its label attribute, else its content. -->
  <xsl:template name="a-opt-text">
    <xsl:choose>
      <xsl:when test="@label"><xsl:value-of select="@label"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Escape the characters libxml2 leaves alone in an href but that
       mean something in a query string: % & # + ;  -->
  <xsl:template name="a-url-escape">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="translate($s, '%&amp;#+;', '') = $s">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="c" select="substring($s, 1, 1)"/>
        <xsl:choose>
          <xsl:when test="$c = '%'">%25</xsl:when>
          <xsl:when test="$c = '&amp;'">%26</xsl:when>
          <xsl:when test="$c = '#'">%23</xsl:when>
          <xsl:when test="$c = '+'">%2B</xsl:when>
          <xsl:when test="$c = ';'">%3B</xsl:when>
          <xsl:otherwise><xsl:value-of select="$c"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="a-url-escape">
          <xsl:with-param name="s" select="substring($s, 2)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A state badge; $label wins over the built-in label. -->
  <xsl:template name="a-state">
    <xsl:param name="state" select="string(@state)"/>
    <xsl:param name="label" select="string(@state-label)"/>
    <span class="state state-{$state}">
      <xsl:choose>
        <xsl:when test="$label != ''"><xsl:value-of select="$label"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="state-label"><xsl:with-param name="state" select="$state"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- "2026-11-22T09:30:00+08:00" -> "2026-11-22 09:30" (tables). -->
  <xsl:template name="a-short-datetime">
    <xsl:param name="value" select="."/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:choose>
      <xsl:when test="string-length($v) &gt;= 16 and substring($v, 14, 1) = ':'">
        <xsl:value-of select="substring($v, 1, 10)"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring($v, 12, 5)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A deadline cell: the date, red with 已超期 when overdue. -->
  <xsl:template name="a-due">
    <xsl:param name="due" select="string(@due)"/>
    <xsl:param name="overdue" select="string(@overdue)"/>
    <xsl:choose>
      <xsl:when test="normalize-space($due) = ''"><span class="muted">—</span></xsl:when>
      <xsl:when test="$overdue = '1'">
        <span class="due due-over">
          <xsl:value-of select="$due"/>
          <span class="badge badge-danger">已超期</span>
        </span>
      </xsl:when>
      <xsl:otherwise><span class="due"><xsl:value-of select="$due"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link to a case by id, showing its ticket.  Context: an element
       with @id and @ticket. -->
  <xsl:template name="a-case-link">
    <a class="ticket-inline" href="{$base}/admin/case?id={@id}">
      <xsl:call-template name="ticket"><xsl:with-param name="value" select="@ticket"/></xsl:call-template>
    </a>
  </xsl:template>

  <!-- Field errors of console forms: /*/field[@name], for pages that
       carry their own <field> children (password-form) and for <error>. -->
  <xsl:template name="a-field-error">
    <xsl:param name="name"/>
    <xsl:variable name="f" select="/*/field[@name = $name]"/>
    <xsl:if test="$f">
      <p class="field-error" id="e-{$name}">
        <span class="field-error-mark" aria-hidden="true">!</span>
        <xsl:for-each select="$f">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="a-field-attrs">
    <xsl:param name="name"/>
    <xsl:param name="hint" select="''"/>
    <xsl:variable name="bad" select="boolean(/*/field[@name = $name])"/>
    <xsl:if test="$bad">
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
    </xsl:if>
    <xsl:if test="$bad or $hint != ''">
      <xsl:attribute name="aria-describedby">
        <xsl:if test="$bad">e-<xsl:value-of select="$name"/></xsl:if>
        <xsl:if test="$bad and $hint != ''"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="$hint"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="a-field-class">
    <xsl:param name="name"/>
    <xsl:attribute name="class">
      <xsl:text>field</xsl:text>
      <xsl:if test="/*/field[@name = $name]"> has-error</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <!-- The page's own <message> (after an action), if any. -->
  <xsl:template name="a-page-message">
    <xsl:param name="kind" select="''"/>
    <xsl:if test="normalize-space(message) != ''">
      <div role="status">
        <xsl:attribute name="class">
          <xsl:text>notice</xsl:text>
          <xsl:if test="$kind != ''"> notice-<xsl:value-of select="$kind"/></xsl:if>
        </xsl:attribute>
        <p><xsl:value-of select="message"/></p>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- Who may see a text: the reporter (public) or staff only. -->
  <xsl:template name="a-vis-public">
    <span class="vis vis-public">举报人可见</span>
  </xsl:template>
  <xsl:template name="a-vis-staff">
    <span class="vis vis-staff">仅内部可见</span>
  </xsl:template>

  <xsl:template name="a-subject-type">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="$value = 'enterprise'">企业</xsl:when>
      <xsl:when test="$value = 'government'">政府或部门</xsl:when>
      <xsl:when test="$value = ''"></xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="a-level">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="$value = 'county'">县级</xsl:when>
      <xsl:when test="$value = 'city'">市级</xsl:when>
      <xsl:when test="$value = 'province'">省级</xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Day of the week of "YYYY-MM-DD" (Sakamoto), as 一 … 日. -->
  <xsl:template name="a-weekday">
    <xsl:param name="date"/>
    <xsl:variable name="y0" select="number(substring($date, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($date, 9, 2))"/>
    <xsl:if test="$y0 = $y0 and $m &gt;= 1 and $m &lt;= 12 and $d = $d">
      <xsl:variable name="y" select="$y0 - number($m &lt; 3)"/>
      <xsl:variable name="t" select="number(substring('032503514624', $m, 1))"/>
      <xsl:variable name="w"
        select="($y + floor($y div 4) - floor($y div 100) + floor($y div 400) + $t + $d) mod 7"/>
      <xsl:value-of select="substring('日一二三四五六', $w + 1, 1)"/>
    </xsl:if>
  </xsl:template>

  <!-- A file size in KB or MB. -->
  <xsl:template name="a-size">
    <xsl:param name="bytes"/>
    <xsl:variable name="n" select="number($bytes)"/>
    <xsl:choose>
      <xsl:when test="$n != $n"></xsl:when>
      <xsl:when test="$n &lt; 1048576">
        <xsl:value-of select="ceiling($n div 1024)"/>
        <xsl:text> KB</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="format-number($n div 1048576, '0.0')"/>
        <xsl:text> MB</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="a-mime">
    <xsl:param name="mime"/>
    <xsl:choose>
      <xsl:when test="$mime = 'image/png'">PNG 图片</xsl:when>
      <xsl:when test="$mime = 'image/jpeg'">JPG 图片</xsl:when>
      <xsl:when test="$mime = 'application/pdf'">PDF 文件</xsl:when>
      <xsl:otherwise><xsl:value-of select="$mime"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The 9 report states, as <option>s, $current selected. -->
  <xsl:template name="a-state-options">
    <xsl:param name="current"/>
    <xsl:param name="list" select="'submitted accepted rejected needs_info transferred inspecting verified disposing closed '"/>
    <xsl:if test="$list != ''">
      <xsl:variable name="s" select="substring-before($list, ' ')"/>
      <option value="{$s}">
        <xsl:if test="$s = $current">
          <xsl:attribute name="selected">selected</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="state-label"><xsl:with-param name="state" select="$s"/></xsl:call-template>
      </option>
      <xsl:call-template name="a-state-options">
        <xsl:with-param name="current" select="$current"/>
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Options from <option> elements, with an optional first empty one. -->
  <xsl:template name="a-options">
    <xsl:param name="options"/>
    <xsl:param name="current" select="''"/>
    <xsl:param name="empty" select="''"/>
    <xsl:if test="$empty != ''">
      <option value=""><xsl:value-of select="$empty"/></option>
    </xsl:if>
    <xsl:for-each select="$options">
      <option value="{@value}">
        <xsl:if test="string(@value) = $current and $current != ''">
          <xsl:attribute name="selected">selected</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="a-opt-text"/>
      </option>
    </xsl:for-each>
  </xsl:template>

  <!-- A compact table of cases (dashboard). -->
  <xsl:template name="a-case-table">
    <xsl:param name="cases"/>
    <xsl:param name="empty" select="'暂无。'"/>
    <xsl:choose>
      <xsl:when test="$cases">
        <div class="table-wrap">
          <table class="data-table case-table">
            <thead>
              <tr>
                <th scope="col">受理编号</th>
                <th scope="col">被举报对象</th>
                <th scope="col">地区</th>
                <th scope="col">状态</th>
                <th scope="col">办理时限</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$cases">
                <tr>
                  <xsl:if test="@overdue = '1'">
                    <xsl:attribute name="class">row-overdue</xsl:attribute>
                  </xsl:if>
                  <td class="nowrap"><xsl:call-template name="a-case-link"/></td>
                  <td>
                    <xsl:value-of select="@subject"/>
                    <xsl:if test="@pressed = '1'">
                      <xsl:text> </xsl:text>
                      <span class="badge badge-warn">督办</span>
                    </xsl:if>
                  </td>
                  <td><xsl:value-of select="@region"/></td>
                  <td class="nowrap"><xsl:call-template name="a-state"/></td>
                  <td class="nowrap"><xsl:call-template name="a-due"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="empty"><xsl:value-of select="$empty"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Previous / next links.  $query: "&state=..." etc., already escaped. -->
  <xsl:template name="a-paging">
    <xsl:param name="path"/>
    <xsl:param name="query" select="''"/>
    <xsl:variable name="page">
      <xsl:choose>
        <xsl:when test="number(paging/@page) &gt;= 1"><xsl:value-of select="floor(number(paging/@page))"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$page &gt; 1 or paging/@more = '1'">
      <nav class="pager" aria-label="分页">
        <xsl:if test="$page &gt; 1">
          <a class="button button-secondary button-small" rel="prev"
             href="{$base}{$path}?page={$page - 1}{$query}">‹ 上一页</a>
        </xsl:if>
        <span class="pager-page">第 <xsl:value-of select="$page"/> 页</span>
        <xsl:if test="paging/@more = '1'">
          <a class="button button-secondary button-small" rel="next"
             href="{$base}{$path}?page={$page + 1}{$query}">下一页 ›</a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ errors -->

  <xsl:template name="a-error-heading">
    <xsl:choose>
      <xsl:when test="/error/@status = '403'">操作未完成</xsl:when>
      <xsl:when test="/error/@status = '409'">案件状态已变化</xsl:when>
      <xsl:otherwise><xsl:call-template name="error-heading"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="error[@console = '1']" mode="title">
    <xsl:call-template name="a-error-heading"/>
  </xsl:template>

  <xsl:template match="error[@console = '1']" mode="content">
    <xsl:variable name="status" select="string(@status)"/>
    <div class="page-error">
      <h1>
        <xsl:call-template name="a-error-heading"/>
        <xsl:if test="$status != '' and $status != '400' and $status != '422'">
          <span class="error-code">
            <xsl:text>（错误代码 </xsl:text>
            <xsl:value-of select="$status"/>
            <xsl:text>）</xsl:text>
          </span>
        </xsl:if>
      </h1>
      <xsl:if test="normalize-space(message) != ''">
        <p class="error-message"><xsl:value-of select="message"/></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$status = '403'">
          <p>您没有执行此操作的权限，或页面已过期（登录超时、在其他窗口退出）。请返回后刷新页面重试；如仍不能操作，请联系管理员。</p>
        </xsl:when>
        <xsl:when test="$status = '404'">
          <p>您访问的页面或案件不存在，或您无权查看。</p>
        </xsl:when>
        <xsl:when test="$status = '409'">
          <p>在您打开页面之后，案件已被其他工作人员办理，本次操作未执行。请返回案件页面，查看最新状态后再操作。</p>
        </xsl:when>
        <xsl:when test="$status = '429' or $status = '503' or $status = '500'">
          <xsl:call-template name="error-status-advice"/>
        </xsl:when>
      </xsl:choose>
      <xsl:if test="field">
        <ul class="error-fields">
          <xsl:for-each select="field">
            <li><xsl:value-of select="."/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <p class="error-links">
        <xsl:choose>
          <xsl:when test="session and normalize-space(case-id) != ''">
            <a class="button" href="{$base}/admin/case?id={normalize-space(case-id)}">返回案件</a>
            <a class="button button-secondary" href="{$base}/admin/">返回工作台</a>
          </xsl:when>
          <xsl:when test="session">
            <a class="button" href="{$base}/admin/">返回工作台</a>
          </xsl:when>
          <xsl:otherwise>
            <a class="button" href="{$base}/admin/login">工作人员登录</a>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </div>
  </xsl:template>

  <!-- ============================================================= login -->

  <xsl:template match="login" mode="title">工作人员登录</xsl:template>

  <xsl:template match="login" mode="content">
    <div class="login-box">
      <h1>工作人员登录</h1>
      <xsl:if test="normalize-space(message) != ''">
        <div class="notice notice-error" role="alert">
          <p><xsl:value-of select="message"/></p>
        </div>
      </xsl:if>
      <form class="admin-form" method="post" action="{$base}/admin/login" accept-charset="UTF-8">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <div class="field">
          <label for="login">用户名</label>
          <input type="text" name="login" id="login" class="input" value="{login-name}"
                 autocomplete="username" autocapitalize="off" spellcheck="false"
                 maxlength="64" required="required">
            <xsl:if test="normalize-space(login-name) = ''">
              <xsl:attribute name="autofocus">autofocus</xsl:attribute>
            </xsl:if>
          </input>
        </div>
        <div class="field">
          <label for="password">密码</label>
          <input type="password" name="password" id="password" class="input"
                 autocomplete="current-password" maxlength="128" required="required">
            <xsl:if test="normalize-space(login-name) != ''">
              <xsl:attribute name="autofocus">autofocus</xsl:attribute>
            </xsl:if>
          </input>
        </div>
        <xsl:if test="totp">
          <div class="field">
            <label for="totp">动态验证码</label>
            <p class="hint" id="h-totp">请输入手机验证器应用中显示的6位数字。</p>
            <input type="text" name="totp" id="totp" class="input input-code input-otp"
                   inputmode="numeric" pattern="[0-9]{{6}}" minlength="6" maxlength="6"
                   autocomplete="one-time-code" required="required" aria-describedby="h-totp"/>
          </div>
        </xsl:if>
        <div class="form-submit">
          <button type="submit" class="button">登录</button>
        </div>
      </form>
      <p class="hint">本系统仅限授权工作人员使用，所有操作均记录审计日志。忘记密码请联系本单位管理员重置。</p>
    </div>
  </xsl:template>

  <!-- ========================================================== password -->

  <xsl:template match="password-form" mode="title">修改密码</xsl:template>

  <xsl:template match="password-form" mode="content">
    <div class="narrow">
      <h1>修改密码</h1>
      <xsl:if test="string(must-change) = '1'">
        <div class="notice notice-warning" role="status">
          <p><strong>首次登录或密码已被管理员重置，须先设置新密码才能继续使用。</strong></p>
        </div>
      </xsl:if>
      <xsl:if test="normalize-space(message) != '' or field">
        <div class="error-summary" id="error-summary" role="alert" tabindex="-1">
          <h2>密码未修改</h2>
          <xsl:if test="normalize-space(message) != ''">
            <p><xsl:value-of select="message"/></p>
          </xsl:if>
        </div>
      </xsl:if>
      <form class="admin-form" method="post" action="{$base}/admin/password" accept-charset="UTF-8">
        <xsl:call-template name="a-csrf"/>
        <xsl:call-template name="a-password-field">
          <xsl:with-param name="name" select="'old_password'"/>
          <xsl:with-param name="label" select="'当前密码'"/>
          <xsl:with-param name="autocomplete" select="'current-password'"/>
        </xsl:call-template>
        <xsl:call-template name="a-password-field">
          <xsl:with-param name="name" select="'new_password'"/>
          <xsl:with-param name="label" select="'新密码'"/>
          <xsl:with-param name="autocomplete" select="'new-password'"/>
          <xsl:with-param name="hint" select="'h-rules'"/>
        </xsl:call-template>
        <div class="notice password-rules" id="h-rules">
          <p>新密码要求：</p>
          <ul>
            <li>10至128个字符；</li>
            <li>至少包含小写字母、大写字母、数字、符号中的三类；</li>
            <li>不能与当前密码相同，不要使用在其他网站用过的密码。</li>
          </ul>
        </div>
        <xsl:call-template name="a-password-field">
          <xsl:with-param name="name" select="'new_password2'"/>
          <xsl:with-param name="label" select="'再次输入新密码'"/>
          <xsl:with-param name="autocomplete" select="'new-password'"/>
        </xsl:call-template>
        <div class="form-submit">
          <button type="submit" class="button">修改密码</button>
        </div>
      </form>
    </div>
  </xsl:template>

  <xsl:template name="a-password-field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="autocomplete"/>
    <xsl:param name="hint" select="''"/>
    <div id="f-{$name}">
      <xsl:call-template name="a-field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="{$name}"><xsl:value-of select="$label"/></label>
      <xsl:call-template name="a-field-error"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <input type="password" name="{$name}" id="{$name}" class="input input-short"
             autocomplete="{$autocomplete}" maxlength="128" required="required">
        <xsl:if test="$name != 'old_password'">
          <xsl:attribute name="minlength">10</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="a-field-attrs">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="hint" select="$hint"/>
        </xsl:call-template>
      </input>
    </div>
  </xsl:template>

  <!-- ============================================================== totp -->

  <xsl:template match="totp-setup" mode="title">动态验证码</xsl:template>

  <xsl:template match="totp-setup" mode="content">
    <div class="narrow">
      <h1>动态验证码</h1>
      <xsl:call-template name="a-page-message"/>
      <xsl:if test="string(enabled) = '1'">
        <div class="notice notice-success" role="status">
          <p><strong>您的账号已启用动态验证码。</strong>登录时除密码外，还需输入手机验证器应用中显示的6位数字。</p>
          <xsl:if test="normalize-space(secret) != ''">
            <p>如更换了手机，可按下面的步骤重新绑定；确认后原绑定失效。</p>
          </xsl:if>
        </div>
      </xsl:if>
      <xsl:if test="normalize-space(secret) != ''">
        <xsl:if test="not(string(enabled) = '1')">
          <p class="lead">启用动态验证码后，登录时除密码外还需输入手机验证器应用生成的6位数字，即使密码泄露，他人也无法登录。</p>
        </xsl:if>
        <ol class="steps">
          <li>
            <h2>安装验证器应用</h2>
            <p>在手机上安装支持“基于时间的动态口令（TOTP）”的验证器应用，如腾讯身份验证器、Microsoft Authenticator、FreeOTP 等。</p>
          </li>
          <li>
            <h2>添加账号，手动输入密钥</h2>
            <p>在应用中选择“添加账号”→“手动输入密钥”（类型选“基于时间”），输入下面的密钥：</p>
            <p class="totp-secret">
              <xsl:call-template name="a-groups">
                <xsl:with-param name="rest" select="translate(normalize-space(secret), ' ', '')"/>
              </xsl:call-template>
            </p>
            <xsl:if test="normalize-space(uri) != ''">
              <details class="totp-uri">
                <summary>应用需要完整的配置地址时</summary>
                <p class="code-block"><xsl:value-of select="uri"/></p>
              </details>
            </xsl:if>
          </li>
          <li>
            <h2>输入验证码确认</h2>
            <form class="admin-form" method="post" action="{$base}/admin/totp" accept-charset="UTF-8">
              <xsl:call-template name="a-csrf"/>
              <div id="f-code">
                <xsl:call-template name="a-field-class"><xsl:with-param name="name" select="'code'"/></xsl:call-template>
                <label for="code">应用中显示的6位数字</label>
                <xsl:call-template name="a-field-error"><xsl:with-param name="name" select="'code'"/></xsl:call-template>
                <input type="text" name="code" id="code" class="input input-code input-otp"
                       inputmode="numeric" pattern="[0-9]{{6}}" minlength="6" maxlength="6"
                       autocomplete="one-time-code" required="required">
                  <xsl:call-template name="a-field-attrs"><xsl:with-param name="name" select="'code'"/></xsl:call-template>
                </input>
              </div>
              <div class="form-submit">
                <button type="submit" class="button">确认启用</button>
              </div>
            </form>
          </li>
        </ol>
        <p class="hint">密钥只在本页面显示，请勿截图发送给他人。</p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- A string in groups of four, for reading it off the screen. -->
  <xsl:template name="a-groups">
    <xsl:param name="rest"/>
    <span class="group"><xsl:value-of select="substring($rest, 1, 4)"/></span>
    <xsl:if test="string-length($rest) &gt; 4">
      <xsl:text> </xsl:text>
      <xsl:call-template name="a-groups">
        <xsl:with-param name="rest" select="substring($rest, 5)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

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
    <xsl:if test="counts">
      <xsl:apply-templates select="." mode="dashboard-body"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="dashboard" mode="dashboard-body">
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

  <!-- ========================================================= case list -->

  <xsl:template match="case-list" mode="title">案件</xsl:template>

  <xsl:template match="case-list" mode="content">
    <h1>案件</h1>
    <xsl:call-template name="a-page-message"/>

    <form class="filter-form" method="get" action="{$base}/admin/cases" role="search" aria-label="筛选案件">
      <div class="filter-field">
        <label for="flt-state">状态</label>
        <select name="state" id="flt-state">
          <option value="">全部状态</option>
          <xsl:call-template name="a-state-options">
            <xsl:with-param name="current" select="string(filter/@state)"/>
          </xsl:call-template>
        </select>
      </div>
      <div class="filter-field filter-wide">
        <label for="flt-q">受理编号或被举报对象</label>
        <input type="search" name="q" id="flt-q" class="input" value="{filter/@q}" maxlength="100"/>
      </div>
      <label class="choice filter-check">
        <input type="checkbox" name="overdue" value="1">
          <xsl:if test="filter/@overdue = '1'">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
        </input>
        <span class="choice-label">只看已超期</span>
      </label>
      <div class="filter-buttons">
        <button type="submit" class="button button-small">筛选</button>
        <a class="button button-secondary button-small" href="{$base}/admin/cases">清除</a>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="case | cases/case">
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">受理编号</th>
                <th scope="col">状态</th>
                <th scope="col">类别</th>
                <th scope="col">被举报对象</th>
                <th scope="col">地区</th>
                <th scope="col">提交时间</th>
                <th scope="col">办理时限</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="case | cases/case">
                <tr>
                  <xsl:if test="@overdue = '1'">
                    <xsl:attribute name="class">row-overdue</xsl:attribute>
                  </xsl:if>
                  <td class="nowrap"><xsl:call-template name="a-case-link"/></td>
                  <td class="nowrap"><xsl:call-template name="a-state"/></td>
                  <td><xsl:value-of select="@category-label"/></td>
                  <td><xsl:value-of select="@subject"/></td>
                  <td><xsl:value-of select="@region"/></td>
                  <td class="nowrap">
                    <xsl:call-template name="a-short-datetime"><xsl:with-param name="value" select="@submitted"/></xsl:call-template>
                  </td>
                  <td class="nowrap"><xsl:call-template name="a-due"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">没有符合条件的案件。</p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="a-paging">
      <xsl:with-param name="path" select="'/admin/cases'"/>
      <xsl:with-param name="query">
        <xsl:if test="normalize-space(filter/@state) != ''">
          <xsl:text>&amp;state=</xsl:text>
          <xsl:call-template name="a-url-escape"><xsl:with-param name="s" select="string(filter/@state)"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="normalize-space(filter/@q) != ''">
          <xsl:text>&amp;q=</xsl:text>
          <xsl:call-template name="a-url-escape"><xsl:with-param name="s" select="string(filter/@q)"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="filter/@overdue = '1'">&amp;overdue=1</xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

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

  <!-- ======================================================= case actions -->

  <xsl:template name="a-action-hidden">
    <xsl:call-template name="a-csrf"/>
    <input type="hidden" name="id" value="{/case-detail/report/@id}"/>
    <input type="hidden" name="action" value="{@name}"/>
  </xsl:template>

  <xsl:template match="action" mode="box">
    <details class="action-box action-{@name}" id="act-{@name}">
      <summary><xsl:call-template name="a-opt-text"/></summary>
      <form class="action-form" method="post" action="{$base}/admin/case/action" accept-charset="UTF-8">
        <xsl:call-template name="a-action-hidden"/>
        <xsl:apply-templates select="." mode="fields"/>
        <div class="action-submit">
          <button type="submit">
            <xsl:attribute name="class">
              <xsl:text>button button-small</xsl:text>
              <xsl:if test="@name = 'reject'"> button-danger</xsl:if>
            </xsl:attribute>
            <xsl:call-template name="a-action-button"/>
          </button>
        </div>
      </form>
    </details>
  </xsl:template>

  <xsl:template name="a-action-button">
    <xsl:choose>
      <xsl:when test="@name = 'accept'">确认受理</xsl:when>
      <xsl:when test="@name = 'reject'">确认不予受理</xsl:when>
      <xsl:when test="@name = 'needs_info'">通知举报人补充</xsl:when>
      <xsl:when test="@name = 'transfer'">确认移交</xsl:when>
      <xsl:when test="@name = 'start_inspection'">确认接收</xsl:when>
      <xsl:when test="@name = 'inspect'">保存核查结果</xsl:when>
      <xsl:when test="@name = 'dispose'">保存处置决定</xsl:when>
      <xsl:when test="@name = 'progress'">保存处置进展</xsl:when>
      <xsl:when test="@name = 'feedback'">保存反馈意见</xsl:when>
      <xsl:when test="@name = 'release'">审核通过，反馈举报人</xsl:when>
      <xsl:when test="@name = 'note'">添加备注</xsl:when>
      <xsl:when test="@name = 'press'">发出督办</xsl:when>
      <xsl:when test="@name = 'set_contact'">确认指定</xsl:when>
      <xsl:when test="@name = 'notify_hazard'">记录通报</xsl:when>
      <xsl:when test="@name = 'link_duplicate'">确认关联</xsl:when>
      <xsl:otherwise><xsl:call-template name="a-opt-text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A textarea in a field.  $vis: 'public', 'staff' or ''. -->
  <xsl:template name="a-textarea">
    <xsl:param name="name" select="'text'"/>
    <xsl:param name="label"/>
    <xsl:param name="vis" select="''"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="rows" select="'4'"/>
    <xsl:param name="value" select="''"/>
    <xsl:variable name="id" select="concat('a-', @name, '-', $name)"/>
    <div class="field">
      <label for="{$id}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required"><span class="req" aria-hidden="true">*</span></xsl:if>
        <xsl:if test="not($required)"><span class="optional">（选填）</span></xsl:if>
        <xsl:choose>
          <xsl:when test="$vis = 'public'"><xsl:text> </xsl:text><xsl:call-template name="a-vis-public"/></xsl:when>
          <xsl:when test="$vis = 'staff'"><xsl:text> </xsl:text><xsl:call-template name="a-vis-staff"/></xsl:when>
        </xsl:choose>
      </label>
      <xsl:if test="$hint != ''">
        <p class="hint" id="{$id}-h"><xsl:value-of select="$hint"/></p>
      </xsl:if>
      <textarea name="{$name}" id="{$id}" rows="{$rows}" maxlength="5000">
        <xsl:if test="$required">
          <xsl:attribute name="required">required</xsl:attribute>
        </xsl:if>
        <xsl:if test="$hint != ''">
          <xsl:attribute name="aria-describedby"><xsl:value-of select="$id"/>-h</xsl:attribute>
        </xsl:if>
        <xsl:text>&#10;</xsl:text>
        <xsl:value-of select="$value"/>
      </textarea>
    </div>
  </xsl:template>

  <!-- Per-action fields.  Context: <action>. -->

  <xsl:template match="action" mode="fields"/>

  <xsl:template match="action[@name = 'accept']" mode="fields">
    <p class="hint">受理后应在2个工作日内移交责任部门。</p>
  </xsl:template>

  <xsl:template match="action[@name = 'reject']" mode="fields">
    <div class="field">
      <label for="a-reject-reason">不予受理理由<span class="req" aria-hidden="true">*</span></label>
      <select name="reason" id="a-reject-reason" required="required">
        <xsl:call-template name="a-options">
          <xsl:with-param name="options" select="option"/>
          <xsl:with-param name="empty" select="'请选择'"/>
        </xsl:call-template>
      </select>
    </div>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'告知举报人的说明'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="hint" select="'说明不予受理的理由；不属于本部门受理范围的，告知举报人向哪个部门反映。实名举报有报必受理，请慎重。'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'needs_info']" mode="fields">
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'请举报人补充的内容'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="hint" select="'写明需要补充的事实或材料，如企业具体位置、生产线或设备情况。举报人将在查询页面看到这段文字。'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'transfer']" mode="fields">
    <fieldset class="field">
      <legend>移交部门<span class="req" aria-hidden="true">*</span></legend>
      <p class="hint">勾选要移交的部门，并指定一个牵头部门（直接负责的部门）。已按移交规则预选建议的部门。应在受理后2个工作日内移交。</p>
      <xsl:if test="normalize-space(message) != ''">
        <p class="notice notice-warning"><xsl:value-of select="message"/></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="department">
          <table class="data-table transfer-table">
            <thead>
              <tr>
                <th scope="col">移交</th>
                <th scope="col">牵头</th>
                <th scope="col">部门</th>
                <th scope="col">规则建议</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="department">
                <tr>
                  <td>
                    <input type="checkbox" name="department" value="{@id}" id="a-transfer-d{@id}">
                      <xsl:if test="@suggested = 'lead' or @suggested = 'coop'">
                        <xsl:attribute name="checked">checked</xsl:attribute>
                      </xsl:if>
                    </input>
                  </td>
                  <td>
                    <input type="radio" name="lead" value="{@id}" aria-label="{concat('牵头：', @name)}">
                      <xsl:if test="@suggested = 'lead'">
                        <xsl:attribute name="checked">checked</xsl:attribute>
                      </xsl:if>
                    </input>
                  </td>
                  <td><label for="a-transfer-d{@id}"><xsl:value-of select="@name"/></label></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@suggested = 'lead'"><span class="badge badge-lead">建议牵头</span></xsl:when>
                      <xsl:when test="@suggested = 'coop'"><span class="badge badge-plain">建议配合</span></xsl:when>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="notice notice-warning">没有可移交的部门，请管理员检查移交规则和部门设置。</p>
        </xsl:otherwise>
      </xsl:choose>
    </fieldset>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'移交说明'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="hint" select="'不填写则显示“已移交有关责任部门核查处理”。'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'start_inspection']" mode="fields">
    <p class="hint">确认本部门接收本案件，并在5个工作日内组织现场核查。</p>
  </xsl:template>

  <xsl:template match="action[@name = 'inspect']" mode="fields">
    <div class="field-row">
      <div class="field">
        <label for="a-inspect-inspected_on">现场检查日期<span class="req" aria-hidden="true">*</span></label>
        <input type="date" name="inspected_on" id="a-inspect-inspected_on" class="input input-date" required="required"/>
      </div>
      <div class="field field-grow">
        <label for="a-inspect-team">核查组成员<span class="optional">（选填）</span></label>
        <input type="text" name="team" id="a-inspect-team" class="input" maxlength="200"/>
      </div>
    </div>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="name" select="'findings'"/>
      <xsl:with-param name="label" select="'现场检查情况和核查意见'"/>
      <xsl:with-param name="vis" select="'staff'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="rows" select="'6'"/>
    </xsl:call-template>
    <fieldset class="field">
      <legend>核查结论<span class="req" aria-hidden="true">*</span></legend>
      <div class="choices choices-inline">
        <xsl:call-template name="a-radio">
          <xsl:with-param name="name" select="'verdict'"/>
          <xsl:with-param name="value" select="'true'"/>
          <xsl:with-param name="label" select="'属实'"/>
        </xsl:call-template>
        <xsl:call-template name="a-radio">
          <xsl:with-param name="name" select="'verdict'"/>
          <xsl:with-param name="value" select="'partly'"/>
          <xsl:with-param name="label" select="'部分属实'"/>
        </xsl:call-template>
        <xsl:call-template name="a-radio">
          <xsl:with-param name="name" select="'verdict'"/>
          <xsl:with-param name="value" select="'false'"/>
          <xsl:with-param name="label" select="'不属实'"/>
        </xsl:call-template>
      </div>
    </fieldset>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'核查情况摘要'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="hint" select="'简要说明核查的事实和结论，不写检查人员和举报人信息。'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="a-radio">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <xsl:param name="checked" select="false()"/>
    <label class="choice">
      <input type="radio" name="{$name}" value="{$value}" required="required">
        <xsl:if test="$checked">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
      </input>
      <span class="choice-label"><xsl:value-of select="$label"/></span>
    </label>
  </xsl:template>

  <xsl:template match="action[@name = 'dispose']" mode="fields">
    <fieldset class="field">
      <legend>处置措施<span class="req" aria-hidden="true">*</span><span class="legend-note">（可多选）</span></legend>
      <div class="choices choices-stack">
        <xsl:for-each select="option">
          <label class="choice">
            <input type="checkbox" name="measure" value="{@value}"/>
            <span class="choice-label"><xsl:call-template name="a-opt-text"/></span>
          </label>
        </xsl:for-each>
      </div>
    </fieldset>
    <div class="field">
      <label for="a-dispose-deadline">整改期限<span class="optional">（选填）</span></label>
      <input type="date" name="deadline" id="a-dispose-deadline" class="input input-date"/>
    </div>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'处置决定说明'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'progress']" mode="fields">
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'处置进展'"/>
      <xsl:with-param name="vis" select="'staff'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
    <div class="field">
      <label class="choice">
        <input type="checkbox" name="complete" value="1"/>
        <span class="choice-label">处置完成（整改、退出已到位）</span>
      </label>
    </div>
  </xsl:template>

  <xsl:template match="action[@name = 'feedback']" mode="fields">
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'反馈意见'"/>
      <xsl:with-param name="vis" select="'public'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="rows" select="'8'"/>
      <xsl:with-param name="value" select="/case-detail/report/feedback-text"/>
      <xsl:with-param name="hint" select="'核实情况和处理结果，经审核后反馈举报人。应在核查完成后10个工作日内反馈。'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'release']" mode="fields">
    <xsl:variable name="fb" select="/case-detail/report/feedback-text"/>
    <xsl:choose>
      <xsl:when test="normalize-space($fb) != ''">
        <p class="hint">以下反馈意见将原样显示在举报人的查询页面上：</p>
        <blockquote class="feedback-preview"><xsl:value-of select="$fb"/></blockquote>
      </xsl:when>
      <xsl:otherwise>
        <p class="notice notice-warning">尚未起草反馈意见。</p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="action[@name = 'note']" mode="fields">
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'备注'"/>
      <xsl:with-param name="vis" select="'staff'"/>
      <xsl:with-param name="required" select="true()"/>
      <xsl:with-param name="hint" select="'请勿在备注中记录举报人身份信息。'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'press']" mode="fields">
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'督办意见'"/>
      <xsl:with-param name="vis" select="'staff'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'set_contact']" mode="fields">
    <xsl:if test="not(staff)">
      <p class="notice notice-warning">牵头部门还没有“核查组联系人”角色的工作人员，请联系管理员分配后再指定。</p>
    </xsl:if>
    <div class="field">
      <label for="a-set_contact-staff">核查组联系人<span class="req" aria-hidden="true">*</span></label>
      <p class="hint" id="a-set_contact-h">核查组中唯一可以查看举报人身份、联系举报人的人员。</p>
      <select name="staff" id="a-set_contact-staff" required="required" aria-describedby="a-set_contact-h">
        <option value="">请选择</option>
        <xsl:for-each select="staff">
          <option value="{@id}">
            <xsl:if test="string(@id) = string(/case-detail/contact/@id)">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="@name"/>
          </option>
        </xsl:for-each>
      </select>
    </div>
  </xsl:template>

  <xsl:template match="action[@name = 'notify_hazard']" mode="fields">
    <p class="hint">匿名举报涉及较重大污染、较重大安全生产隐患或可能带来后续隐患的违法生产的，应通报相关责任部门，由其决定是否办理。</p>
    <xsl:call-template name="a-textarea">
      <xsl:with-param name="label" select="'通报的部门、方式和时间'"/>
      <xsl:with-param name="vis" select="'staff'"/>
      <xsl:with-param name="required" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="action[@name = 'link_duplicate']" mode="fields">
    <div class="field">
      <label for="a-link_duplicate-ticket">在先举报的受理编号<span class="req" aria-hidden="true">*</span></label>
      <p class="hint" id="a-link_duplicate-h">本举报将作为该举报的重复举报关联办理。</p>
      <input type="text" name="ticket" id="a-link_duplicate-ticket" class="input input-code input-short"
             inputmode="numeric" maxlength="32" autocomplete="off" spellcheck="false"
             required="required" aria-describedby="a-link_duplicate-h"/>
    </div>
  </xsl:template>

  <!-- ============================================================ intake -->

  <xsl:template match="intake-form" mode="title">登记举报</xsl:template>

  <xsl:template match="intake-form" mode="content">
    <h1>登记举报</h1>
    <xsl:call-template name="a-page-message"/>
    <xsl:apply-templates select="." mode="intake"/>
  </xsl:template>

  <xsl:template match="error[intake-form]" mode="title">
    <xsl:text>请修改后重新提交 - 登记举报</xsl:text>
  </xsl:template>

  <xsl:template match="error[intake-form]" mode="content">
    <h1>登记举报</h1>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="known" select="$intake-fields"/>
      <xsl:with-param name="heading">
        <xsl:choose>
          <xsl:when test="@status = '503'">系统繁忙，举报尚未保存</xsl:when>
          <xsl:when test="field or @status = '400' or @status = '422'">登记未成功，请修改以下内容</xsl:when>
          <xsl:otherwise><xsl:call-template name="a-error-heading"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="extra">
        <p>附件需要重新选择。</p>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="intake-form" mode="intake"/>
  </xsl:template>

  <xsl:template match="intake-form" mode="intake">
    <xsl:variable name="channels" select=".//channels/option"/>
    <xsl:for-each select="submit-form">
      <xsl:variable name="max-files">
        <xsl:choose>
          <xsl:when test="number(limits/@max-files) &gt; 0"><xsl:value-of select="number(limits/@max-files)"/></xsl:when>
          <xsl:otherwise>5</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="max-mb">
        <xsl:choose>
          <xsl:when test="number(limits/@max-file-mb) &gt; 0"><xsl:value-of select="number(limits/@max-file-mb)"/></xsl:when>
          <xsl:otherwise>10</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="desc-max">
        <xsl:choose>
          <xsl:when test="number(limits/@description-max) &gt; 0"><xsl:value-of select="number(limits/@description-max)"/></xsl:when>
          <xsl:otherwise>5000</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>

      <p class="lead">登记通过电话、传真、电子邮件、信函或来访收到的举报。登记后系统生成受理编号和查询码，请告知举报人。被举报对象和问题事实应当清楚、可查；不清楚的，请向举报人问明。</p>

      <form class="report-form intake-form" id="report-form" method="post" action="{$base}/admin/intake"
            enctype="multipart/form-data" accept-charset="UTF-8">
        <xsl:call-template name="a-csrf"/>
        <!-- this form's own nonce: sending it twice records one report -->
        <input type="hidden" name="form_id" value="{csrf}"/>

        <section class="form-section" aria-labelledby="sec-source">
          <h2 id="sec-source"><span class="sec-no">一</span>来源</h2>
          <div id="f-channel">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'channel'"/></xsl:call-template>
            <label for="channel">收到举报的渠道<xsl:call-template name="req-mark"/></label>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'channel'"/></xsl:call-template>
            <select name="channel" id="channel" required="required">
              <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'channel'"/></xsl:call-template>
              <xsl:call-template name="a-options">
                <xsl:with-param name="options" select="$channels"/>
                <xsl:with-param name="current" select="string(key('val', 'channel')[1])"/>
                <xsl:with-param name="empty" select="'请选择'"/>
              </xsl:call-template>
            </select>
          </div>
        </section>

        <section class="form-section" aria-labelledby="sec-matter">
          <h2 id="sec-matter"><span class="sec-no">二</span>举报事项</h2>
          <fieldset id="f-category">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'category'"/></xsl:call-template>
            <legend>举报类别<xsl:call-template name="req-mark"/></legend>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'category'"/></xsl:call-template>
            <div class="choices choices-grid2">
              <xsl:for-each select="categories/option">
                <label class="choice choice-card">
                  <input type="radio" name="category" value="{@value}" required="required">
                    <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'category'"/></xsl:call-template>
                    <xsl:if test="key('val', 'category') = @value">
                      <xsl:attribute name="checked">checked</xsl:attribute>
                    </xsl:if>
                  </input>
                  <span class="choice-text">
                    <span class="choice-label"><xsl:call-template name="a-opt-text"/></span>
                    <xsl:call-template name="category-hint">
                      <xsl:with-param name="category" select="string(@value)"/>
                    </xsl:call-template>
                  </span>
                </label>
              </xsl:for-each>
            </div>
          </fieldset>

          <fieldset id="f-standard">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'standard'"/></xsl:call-template>
            <legend>涉及的问题<xsl:call-template name="req-mark"/><span class="legend-note">（可多选，至少选一项）</span></legend>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'standard'"/></xsl:call-template>
            <div class="choices choices-grid">
              <xsl:for-each select="standards/option">
                <label class="choice">
                  <input type="checkbox" name="standard" value="{@value}">
                    <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'standard'"/></xsl:call-template>
                    <xsl:if test="key('val', 'standard') = @value">
                      <xsl:attribute name="checked">checked</xsl:attribute>
                    </xsl:if>
                  </input>
                  <span class="choice-label"><xsl:call-template name="a-opt-text"/></span>
                </label>
              </xsl:for-each>
            </div>
          </fieldset>

          <div id="f-industry">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'industry'"/></xsl:call-template>
            <label for="industry">所属行业<xsl:call-template name="req-mark"/></label>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'industry'"/></xsl:call-template>
            <select name="industry" id="industry" required="required">
              <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'industry'"/></xsl:call-template>
              <xsl:call-template name="a-options">
                <xsl:with-param name="options" select="industries/option"/>
                <xsl:with-param name="current" select="string(key('val', 'industry')[1])"/>
                <xsl:with-param name="empty" select="'请选择行业'"/>
              </xsl:call-template>
            </select>
          </div>
        </section>

        <section class="form-section" aria-labelledby="sec-subject">
          <h2 id="sec-subject"><span class="sec-no">三</span>被举报对象</h2>
          <fieldset id="f-subject_type">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'subject_type'"/></xsl:call-template>
            <legend>被举报对象类型<xsl:call-template name="req-mark"/></legend>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'subject_type'"/></xsl:call-template>
            <div class="choices choices-inline">
              <xsl:for-each select="subject-types/option">
                <label class="choice">
                  <input type="radio" name="subject_type" value="{@value}" required="required">
                    <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'subject_type'"/></xsl:call-template>
                    <xsl:if test="key('val', 'subject_type') = @value">
                      <xsl:attribute name="checked">checked</xsl:attribute>
                    </xsl:if>
                  </input>
                  <span class="choice-label"><xsl:call-template name="a-opt-text"/></span>
                </label>
              </xsl:for-each>
            </div>
          </fieldset>

          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'subject_name'"/>
            <xsl:with-param name="label" select="'被举报企业或单位名称'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="minlength" select="'2'"/>
            <xsl:with-param name="maxlength" select="'100'"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
          </xsl:call-template>

          <div id="f-region">
            <xsl:call-template name="field-class">
              <xsl:with-param name="name" select="'region'"/>
              <xsl:with-param name="extra" select="'field-region'"/>
            </xsl:call-template>
            <label for="region" id="region-label">所在地区<xsl:call-template name="req-mark"/></label>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'region'"/></xsl:call-template>
            <select name="region" id="region" required="required" data-cascade="region">
              <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'region'"/></xsl:call-template>
              <option value="">请选择地区</option>
              <xsl:apply-templates select="regions/province" mode="region-options"/>
            </select>
          </div>

          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'subject_address'"/>
            <xsl:with-param name="label" select="'详细地址'"/>
            <xsl:with-param name="required-note" select="'被举报对象为企业时必填'"/>
            <xsl:with-param name="maxlength" select="'200'"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
            <xsl:with-param name="wide" select="true()"/>
          </xsl:call-template>

          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'credit_code'"/>
            <xsl:with-param name="label" select="'统一社会信用代码'"/>
            <xsl:with-param name="optional" select="true()"/>
            <xsl:with-param name="maxlength" select="'18'"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
            <xsl:with-param name="code" select="true()"/>
            <xsl:with-param name="size" select="'short'"/>
          </xsl:call-template>
        </section>

        <section class="form-section" aria-labelledby="sec-content">
          <h2 id="sec-content"><span class="sec-no">四</span>举报内容</h2>
          <div id="f-description">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'description'"/></xsl:call-template>
            <label for="description">主要问题和事实<xsl:call-template name="req-mark"/></label>
            <p class="hint" id="h-description">
              <xsl:text>记录举报人反映的地点、时间、涉及的生产线或设备、规模等具体情况（10至</xsl:text>
              <xsl:value-of select="$desc-max"/>
              <xsl:text>字）。不要在此记录举报人的姓名、电话等身份信息。</xsl:text>
            </p>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'description'"/></xsl:call-template>
            <textarea name="description" id="description" rows="8"
                      minlength="10" maxlength="{$desc-max}" required="required"
                      data-counter="description-count">
              <xsl:call-template name="field-invalid-attrs">
                <xsl:with-param name="name" select="'description'"/>
                <xsl:with-param name="hint" select="'h-description'"/>
              </xsl:call-template>
              <xsl:text>&#10;</xsl:text>
              <xsl:value-of select="key('val', 'description')[1]"/>
            </textarea>
            <p class="counter" id="description-count" aria-live="polite" hidden="hidden"></p>
          </div>

          <div id="f-attachment">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'attachment'"/></xsl:call-template>
            <label for="attachment">证据材料<span class="optional">（选填）</span></label>
            <p class="hint" id="h-attachment">
              <xsl:text>举报人提供的照片或文件（传真、信函可扫描后上传），最多</xsl:text>
              <xsl:value-of select="$max-files"/>
              <xsl:text>个文件，每个不超过</xsl:text>
              <xsl:value-of select="$max-mb"/>
              <xsl:text>MB，仅限JPG、PNG、PDF。</xsl:text>
            </p>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'attachment'"/></xsl:call-template>
            <input type="file" name="attachment" id="attachment" multiple="multiple"
                   accept="image/jpeg,image/png,application/pdf"
                   data-max-files="{$max-files}" data-max-mb="{$max-mb}"
                   data-status="attachment-status">
              <xsl:call-template name="field-invalid-attrs">
                <xsl:with-param name="name" select="'attachment'"/>
                <xsl:with-param name="hint" select="'h-attachment'"/>
              </xsl:call-template>
            </input>
            <p class="file-status" id="attachment-status" aria-live="polite" hidden="hidden"></p>
          </div>
        </section>

        <section class="form-section" aria-labelledby="sec-reporter">
          <h2 id="sec-reporter"><span class="sec-no">五</span>举报人</h2>
          <fieldset id="f-anonymous">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'anonymous'"/></xsl:call-template>
            <legend>举报方式<xsl:call-template name="req-mark"/></legend>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'anonymous'"/></xsl:call-template>
            <div class="choices choices-inline">
              <xsl:call-template name="anonymous-choice">
                <xsl:with-param name="value" select="'0'"/>
                <xsl:with-param name="label" select="'实名举报'"/>
              </xsl:call-template>
              <xsl:call-template name="anonymous-choice">
                <xsl:with-param name="value" select="'1'"/>
                <xsl:with-param name="label" select="'匿名举报'"/>
              </xsl:call-template>
            </div>
          </fieldset>

          <div id="f-hazard">
            <xsl:call-template name="field-class"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
            <xsl:call-template name="field-error"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
            <label class="choice">
              <input type="checkbox" name="hazard" value="1">
                <xsl:call-template name="field-invalid-attrs"><xsl:with-param name="name" select="'hazard'"/></xsl:call-template>
                <xsl:if test="key('val', 'hazard') = '1'">
                  <xsl:attribute name="checked">checked</xsl:attribute>
                </xsl:if>
              </input>
              <span class="choice-label">涉及较重大污染或较重大安全生产隐患（匿名举报也须通报相关责任部门）</span>
            </label>
          </div>

          <fieldset class="identity" id="identity">
            <legend>实名举报人信息</legend>
            <div class="secure-note">
              <p>举报人身份信息加密保存，只有接报人和核查组指定的一名联系人可以查看。请向举报人说明保密规定；不要把身份信息写入举报内容或备注。</p>
            </div>
            <div class="field-row">
              <xsl:call-template name="text-field">
                <xsl:with-param name="name" select="'reporter_name'"/>
                <xsl:with-param name="label" select="'姓名'"/>
                <xsl:with-param name="required-note" select="'实名举报必填'"/>
                <xsl:with-param name="minlength" select="'2'"/>
                <xsl:with-param name="maxlength" select="'50'"/>
                <xsl:with-param name="autocomplete" select="'off'"/>
                <xsl:with-param name="size" select="'short'"/>
                <xsl:with-param name="if-named" select="true()"/>
              </xsl:call-template>
              <xsl:call-template name="text-field">
                <xsl:with-param name="name" select="'reporter_phone'"/>
                <xsl:with-param name="label" select="'联系电话'"/>
                <xsl:with-param name="required-note" select="'实名举报必填'"/>
                <xsl:with-param name="type" select="'tel'"/>
                <xsl:with-param name="maxlength" select="'30'"/>
                <xsl:with-param name="autocomplete" select="'off'"/>
                <xsl:with-param name="size" select="'short'"/>
                <xsl:with-param name="if-named" select="true()"/>
              </xsl:call-template>
            </div>
            <div class="field-row">
              <xsl:call-template name="text-field">
                <xsl:with-param name="name" select="'reporter_id_no'"/>
                <xsl:with-param name="label" select="'居民身份证号码'"/>
                <xsl:with-param name="optional" select="true()"/>
                <xsl:with-param name="maxlength" select="'18'"/>
                <xsl:with-param name="autocomplete" select="'off'"/>
                <xsl:with-param name="code" select="true()"/>
                <xsl:with-param name="size" select="'short'"/>
              </xsl:call-template>
              <xsl:call-template name="text-field">
                <xsl:with-param name="name" select="'reporter_email'"/>
                <xsl:with-param name="label" select="'电子邮箱'"/>
                <xsl:with-param name="optional" select="true()"/>
                <xsl:with-param name="type" select="'email'"/>
                <xsl:with-param name="maxlength" select="'254'"/>
                <xsl:with-param name="autocomplete" select="'off'"/>
                <xsl:with-param name="code" select="true()"/>
                <xsl:with-param name="size" select="'short'"/>
              </xsl:call-template>
            </div>
          </fieldset>
        </section>

        <div class="form-submit">
          <button type="submit" class="button" id="submit-button">登记并生成受理编号</button>
        </div>
      </form>
    </xsl:for-each>
  </xsl:template>

  <!-- ==================================================== intake receipt -->

  <xsl:template match="intake-receipt" mode="title">登记完成</xsl:template>

  <xsl:template match="intake-receipt" mode="content">
    <div class="receipt">
      <div class="receipt-head">
        <span class="receipt-icon" aria-hidden="true">✓</span>
        <h1>登记完成</h1>
      </div>
      <p class="lead">请将受理编号和查询码告知举报人。电话中请逐位读出，并请举报人复述核对。</p>
      <dl class="credentials">
        <div class="credential">
          <dt>受理编号</dt>
          <dd class="ticket-number">
            <xsl:call-template name="ticket"><xsl:with-param name="value" select="ticket"/></xsl:call-template>
          </dd>
        </div>
        <div class="credential">
          <dt>查询码</dt>
          <dd class="query-code"><xsl:value-of select="code"/></dd>
        </div>
      </dl>
      <p class="warning-strong" role="alert">查询码只显示这一次，系统不保存原文，离开本页后无法再查看。请勿把查询码记入案件备注。</p>
      <p class="hint">举报人凭受理编号和查询码可在本平台“查询办理进度”中查看办理情况。</p>
      <p class="receipt-actions">
        <xsl:if test="normalize-space(case-id) != ''">
          <a class="button" href="{$base}/admin/case?id={normalize-space(case-id)}">查看案件</a>
        </xsl:if>
        <a class="button button-secondary" href="{$base}/admin/intake">继续登记</a>
      </p>
    </div>
  </xsl:template>

  <!-- =========================================================== routing -->

  <xsl:template match="routing" mode="title">移交规则</xsl:template>

  <xsl:template match="routing" mode="content">
    <h1>移交规则</h1>
    <xsl:call-template name="a-page-message"/>
    <p class="lead">受理后，系统按移交规则向接报人建议牵头部门和配合部门。规则按举报类别、涉及问题、行业、地区和对象类型匹配，留空表示不限；多条规则匹配时，条件最具体的规则优先。部门按举报所在地区和规则的层级（县级、市级、省级）确定。</p>

    <xsl:if test="problems/problem">
      <div class="notice notice-error" role="alert">
        <h2>规则检查发现以下问题</h2>
        <ul>
          <xsl:for-each select="problems/problem">
            <li><xsl:value-of select="."/></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>

    <section aria-labelledby="rules-title">
      <h2 id="rules-title">
        <xsl:text>现有规则</xsl:text>
        <span class="h-count"><xsl:value-of select="count(rules/rule)"/></span>
      </h2>
      <xsl:choose>
        <xsl:when test="rules/rule">
          <div class="table-wrap">
            <table class="data-table rules-table">
              <thead>
                <tr>
                  <th scope="col">编号</th>
                  <th scope="col">类别</th>
                  <th scope="col">问题</th>
                  <th scope="col">行业</th>
                  <th scope="col">地区</th>
                  <th scope="col">对象</th>
                  <th scope="col">牵头部门</th>
                  <th scope="col">配合部门</th>
                  <th scope="col">层级</th>
                  <th scope="col">备注</th>
                  <th scope="col">状态</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="rules/rule">
                  <tr>
                    <xsl:if test="@enabled = '0'">
                      <xsl:attribute name="class">row-disabled</xsl:attribute>
                    </xsl:if>
                    <td class="num"><xsl:value-of select="@id"/></td>
                    <td>
                      <xsl:call-template name="a-lookup">
                        <xsl:with-param name="value" select="string(@category)"/>
                        <xsl:with-param name="options" select="/routing/categories/option"/>
                      </xsl:call-template>
                    </td>
                    <td>
                      <xsl:call-template name="a-lookup">
                        <xsl:with-param name="value" select="string(@standard)"/>
                        <xsl:with-param name="options" select="/routing/standards/option"/>
                      </xsl:call-template>
                    </td>
                    <td>
                      <xsl:call-template name="a-lookup">
                        <xsl:with-param name="value" select="string(@industry)"/>
                        <xsl:with-param name="options" select="/routing/industries/option"/>
                      </xsl:call-template>
                    </td>
                    <td class="code">
                      <xsl:call-template name="a-any"><xsl:with-param name="v" select="string(@region-prefix)"/></xsl:call-template>
                    </td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="normalize-space(@subject-type) = ''"><span class="any">不限</span></xsl:when>
                        <xsl:otherwise>
                          <xsl:call-template name="a-subject-type"><xsl:with-param name="value" select="string(@subject-type)"/></xsl:call-template>
                        </xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td><strong><xsl:value-of select="@lead-label"/></strong></td>
                    <td><xsl:call-template name="a-or-dash"><xsl:with-param name="v" select="@coop-labels"/></xsl:call-template></td>
                    <td class="nowrap"><xsl:call-template name="a-level"><xsl:with-param name="value" select="string(@level)"/></xsl:call-template></td>
                    <td class="cell-note"><xsl:value-of select="@note"/></td>
                    <td class="nowrap">
                      <xsl:choose>
                        <xsl:when test="@enabled = '0'"><span class="badge badge-muted">已停用</span></xsl:when>
                        <xsl:otherwise><span class="badge badge-ok">启用</span></xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td class="cell-actions">
                      <form class="inline-form" method="post" action="{$base}/admin/routing">
                        <xsl:call-template name="a-csrf"/>
                        <input type="hidden" name="action" value="toggle"/>
                        <input type="hidden" name="rule" value="{@id}"/>
                        <button type="submit" class="button button-secondary button-small">
                          <xsl:choose>
                            <xsl:when test="@enabled = '0'">启用</xsl:when>
                            <xsl:otherwise>停用</xsl:otherwise>
                          </xsl:choose>
                        </button>
                      </form>
                      <details class="confirm">
                        <summary>删除</summary>
                        <form class="inline-form" method="post" action="{$base}/admin/routing">
                          <xsl:call-template name="a-csrf"/>
                          <input type="hidden" name="action" value="delete"/>
                          <input type="hidden" name="rule" value="{@id}"/>
                          <button type="submit" class="button button-danger button-small">确认删除</button>
                        </form>
                      </details>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="empty">还没有移交规则。</p></xsl:otherwise>
      </xsl:choose>
    </section>

    <div class="admin-cols">
      <section class="panel-box" aria-labelledby="preview-title">
        <h2 id="preview-title">试算</h2>
        <p class="hint">输入一件举报的情况，查看按现有规则会建议移交哪些部门。</p>
        <form class="admin-form compact-form" method="get" action="{$base}/admin/routing">
          <input type="hidden" name="preview" value="1"/>
          <xsl:variable name="in" select="preview/input"/>
          <xsl:call-template name="a-rule-selects">
            <xsl:with-param name="prefix" select="'pv'"/>
            <xsl:with-param name="category" select="string($in/@category)"/>
            <xsl:with-param name="standard" select="string($in/@standard)"/>
            <xsl:with-param name="industry" select="string($in/@industry)"/>
            <xsl:with-param name="subject-type" select="string($in/@subject-type)"/>
            <xsl:with-param name="empty" select="'请选择'"/>
          </xsl:call-template>
          <div class="field">
            <label for="pv-region">地区代码</label>
            <input type="text" name="region" id="pv-region" class="input input-code input-short"
                   inputmode="numeric" pattern="[0-9]{{6}}" maxlength="6" value="{$in/@region}"
                   aria-describedby="pv-region-h"/>
            <p class="hint" id="pv-region-h">6位行政区划代码，如 220102（长春市南关区）。</p>
          </div>
          <div class="form-submit">
            <button type="submit" class="button button-small">试算</button>
          </div>
        </form>
        <xsl:if test="preview">
          <div class="preview-result" role="status">
            <h3>试算结果</h3>
            <xsl:choose>
              <xsl:when test="preview/department">
                <ul class="dept-list">
                  <xsl:for-each select="preview/department">
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
              <xsl:when test="normalize-space(preview/message) != ''">
                <p class="notice notice-warning"><xsl:value-of select="preview/message"/></p>
              </xsl:when>
              <xsl:otherwise>
                <p class="notice notice-warning">没有匹配的规则。</p>
              </xsl:otherwise>
            </xsl:choose>
          </div>
        </xsl:if>
      </section>

      <section class="panel-box" aria-labelledby="add-title">
        <h2 id="add-title">新增规则</h2>
        <form class="admin-form compact-form" method="post" action="{$base}/admin/routing" accept-charset="UTF-8">
          <xsl:call-template name="a-csrf"/>
          <input type="hidden" name="action" value="add"/>
          <xsl:call-template name="a-rule-selects">
            <xsl:with-param name="prefix" select="'nr'"/>
            <xsl:with-param name="empty" select="'不限'"/>
          </xsl:call-template>
          <div class="field">
            <label for="nr-region_prefix">地区代码前缀<span class="optional">（选填）</span></label>
            <input type="text" name="region_prefix" id="nr-region_prefix" class="input input-code input-short"
                   inputmode="numeric" pattern="[0-9]{{2,6}}" maxlength="6" aria-describedby="nr-region_prefix-h"/>
            <p class="hint" id="nr-region_prefix-h">如 22 为吉林省全省，2201 为长春市；留空为不限。</p>
          </div>
          <div class="field">
            <label for="nr-lead_kind">牵头部门<span class="req" aria-hidden="true">*</span></label>
            <select name="lead_kind" id="nr-lead_kind" required="required">
              <xsl:call-template name="a-options">
                <xsl:with-param name="options" select="kinds/option"/>
                <xsl:with-param name="empty" select="'请选择'"/>
              </xsl:call-template>
            </select>
          </div>
          <fieldset class="field">
            <legend>配合部门<span class="optional">（选填，可多选）</span></legend>
            <div class="choices choices-grid3">
              <xsl:for-each select="kinds/option">
                <label class="choice">
                  <input type="checkbox" name="coop_kinds" value="{@value}"/>
                  <span class="choice-label"><xsl:call-template name="a-opt-text"/></span>
                </label>
              </xsl:for-each>
            </div>
          </fieldset>
          <fieldset class="field">
            <legend>部门层级<span class="req" aria-hidden="true">*</span></legend>
            <div class="choices choices-inline">
              <xsl:call-template name="a-radio">
                <xsl:with-param name="name" select="'level'"/>
                <xsl:with-param name="value" select="'county'"/>
                <xsl:with-param name="label" select="'县级'"/>
                <xsl:with-param name="checked" select="true()"/>
              </xsl:call-template>
              <xsl:call-template name="a-radio">
                <xsl:with-param name="name" select="'level'"/>
                <xsl:with-param name="value" select="'city'"/>
                <xsl:with-param name="label" select="'市级'"/>
              </xsl:call-template>
              <xsl:call-template name="a-radio">
                <xsl:with-param name="name" select="'level'"/>
                <xsl:with-param name="value" select="'province'"/>
                <xsl:with-param name="label" select="'省级'"/>
              </xsl:call-template>
            </div>
            <p class="hint">举报企业的，由县级部门核查；举报下级政府及其部门的，由上一级核查。</p>
          </fieldset>
          <div class="field">
            <label for="nr-note">备注<span class="optional">（选填）</span></label>
            <input type="text" name="note" id="nr-note" class="input" maxlength="200"/>
          </div>
          <div class="form-submit">
            <button type="submit" class="button button-small">新增规则</button>
          </div>
        </form>
      </section>
    </div>
  </xsl:template>

  <!-- category, standard, industry and subject_type selects of the
       routing forms.  Context: <routing>. -->
  <xsl:template name="a-rule-selects">
    <xsl:param name="prefix"/>
    <xsl:param name="category" select="''"/>
    <xsl:param name="standard" select="''"/>
    <xsl:param name="industry" select="''"/>
    <xsl:param name="subject-type" select="''"/>
    <xsl:param name="empty"/>
    <div class="field-row">
      <div class="field">
        <label for="{$prefix}-category">举报类别</label>
        <select name="category" id="{$prefix}-category">
          <xsl:call-template name="a-options">
            <xsl:with-param name="options" select="categories/option"/>
            <xsl:with-param name="current" select="$category"/>
            <xsl:with-param name="empty" select="$empty"/>
          </xsl:call-template>
        </select>
      </div>
      <div class="field">
        <label for="{$prefix}-standard">涉及问题</label>
        <select name="standard" id="{$prefix}-standard">
          <xsl:call-template name="a-options">
            <xsl:with-param name="options" select="standards/option"/>
            <xsl:with-param name="current" select="$standard"/>
            <xsl:with-param name="empty" select="$empty"/>
          </xsl:call-template>
        </select>
      </div>
    </div>
    <div class="field-row">
      <div class="field">
        <label for="{$prefix}-industry">行业</label>
        <select name="industry" id="{$prefix}-industry">
          <xsl:call-template name="a-options">
            <xsl:with-param name="options" select="industries/option"/>
            <xsl:with-param name="current" select="$industry"/>
            <xsl:with-param name="empty" select="$empty"/>
          </xsl:call-template>
        </select>
      </div>
      <div class="field">
        <label for="{$prefix}-subject_type">对象类型</label>
        <select name="subject_type" id="{$prefix}-subject_type">
          <option value=""><xsl:value-of select="$empty"/></option>
          <option value="enterprise">
            <xsl:if test="$subject-type = 'enterprise'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <xsl:text>企业</xsl:text>
          </option>
          <option value="government">
            <xsl:if test="$subject-type = 'government'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <xsl:text>政府或部门</xsl:text>
          </option>
        </select>
      </div>
    </div>
  </xsl:template>

  <!-- The label of $value in $options; 不限 when empty. -->
  <xsl:template name="a-lookup">
    <xsl:param name="value"/>
    <xsl:param name="options"/>
    <xsl:variable name="o" select="$options[@value = $value][1]"/>
    <xsl:choose>
      <xsl:when test="normalize-space($value) = ''"><span class="any">不限</span></xsl:when>
      <xsl:when test="$o">
        <xsl:for-each select="$o"><xsl:call-template name="a-opt-text"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="a-any">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) = ''"><span class="any">不限</span></xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========================================================== calendar -->

  <!-- ================================================== refusal reasons -->

  <xsl:template match="reasons" mode="title">不予受理理由</xsl:template>

  <xsl:template match="reasons" mode="content">
    <div class="page-head">
      <h1>不予受理理由</h1>
    </div>
    <xsl:call-template name="a-page-message"/>
    <div class="notice">
      <p>受理人员决定不予受理时，从下列理由中选择一项；“告知举报人的说明”是默认写给举报人的文字，受理人员可以修改。已经使用过的理由不能删除，不再使用时取消“启用”即可。</p>
    </div>
    <xsl:for-each select="reason">
      <section class="panel-box reason-box" aria-labelledby="{concat('reason-', @code)}">
        <h2 id="{concat('reason-', @code)}">
          <xsl:value-of select="@label"/>
          <span class="h-note">
            <xsl:text>（代码 </xsl:text><xsl:value-of select="@code"/>
            <xsl:if test="@enabled != '1'">，已停用</xsl:if>
            <xsl:text>）</xsl:text>
          </span>
        </h2>
        <xsl:call-template name="a-reason-form">
          <xsl:with-param name="r" select="."/>
        </xsl:call-template>
      </section>
    </xsl:for-each>
    <section class="panel-box" aria-labelledby="reason-new">
      <h2 id="reason-new">新增理由</h2>
      <xsl:call-template name="a-reason-form"/>
    </section>
  </xsl:template>

  <!-- The form for one reason; without $r, a new one (the code is then typed). -->
  <xsl:template name="a-reason-form">
    <xsl:param name="r" select="/.."/>
    <xsl:variable name="id" select="concat('r-', string($r/@code), substring('new', 1, 3 * not($r)))"/>
    <form class="admin-form compact-form" method="post" action="{$base}/admin/reasons" accept-charset="UTF-8">
      <xsl:call-template name="a-csrf"/>
      <xsl:choose>
        <xsl:when test="$r">
          <input type="hidden" name="code" value="{$r/@code}"/>
        </xsl:when>
        <xsl:otherwise>
          <div class="field">
            <label for="{$id}-code">代码<span class="req" aria-hidden="true">*</span></label>
            <p class="hint">小写字母、数字或下划线，保存后不能修改，如 out_of_scope。</p>
            <input type="text" name="code" id="{$id}-code" class="input input-short" maxlength="32"
                   pattern="[a-z0-9_]{{1,32}}" required="required" spellcheck="false"/>
          </div>
        </xsl:otherwise>
      </xsl:choose>
      <div class="field">
        <label for="{$id}-label">理由名称<span class="req" aria-hidden="true">*</span></label>
        <input type="text" name="label" id="{$id}-label" class="input" maxlength="100"
               required="required" value="{$r/@label}"/>
      </div>
      <div class="field">
        <label for="{$id}-text">告知举报人的说明</label>
        <textarea name="text" id="{$id}-text" class="input" rows="3" maxlength="500"><xsl:value-of select="$r"/></textarea>
      </div>
      <div class="field">
        <label for="{$id}-sort">排序</label>
        <input type="number" name="sort" id="{$id}-sort" class="input input-short" min="0" max="9999"
               value="{$r/@sort}"/>
      </div>
      <div class="field">
        <label class="choice">
          <input type="checkbox" name="enabled" value="1">
            <xsl:if test="not($r) or $r/@enabled = '1'">
              <xsl:attribute name="checked">checked</xsl:attribute>
            </xsl:if>
          </input>
          <xsl:text> 启用</xsl:text>
        </label>
      </div>
      <div class="form-submit">
        <button type="submit" class="button">保存</button>
      </div>
    </form>
  </xsl:template>

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
            <div class="field">
              <label for="cal-date">日期<span class="req" aria-hidden="true">*</span></label>
              <input type="date" name="date" id="cal-date" class="input input-date" required="required"/>
            </div>
            <fieldset class="field">
              <legend>类型<span class="req" aria-hidden="true">*</span></legend>
              <div class="choices choices-stack">
                <xsl:call-template name="a-radio">
                  <xsl:with-param name="name" select="'off'"/>
                  <xsl:with-param name="value" select="'1'"/>
                  <xsl:with-param name="label" select="'休息（法定节假日）'"/>
                  <xsl:with-param name="checked" select="true()"/>
                </xsl:call-template>
                <xsl:call-template name="a-radio">
                  <xsl:with-param name="name" select="'off'"/>
                  <xsl:with-param name="value" select="'0'"/>
                  <xsl:with-param name="label" select="'上班（周末调休）'"/>
                </xsl:call-template>
              </div>
            </fieldset>
            <div class="field">
              <label for="cal-name">名称</label>
              <input type="text" name="name" id="cal-name" class="input input-short" maxlength="50" aria-describedby="cal-name-h"/>
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
            <div class="field">
              <label for="cal-file">文件<span class="req" aria-hidden="true">*</span></label>
              <input type="file" name="file" id="cal-file" required="required"
                     accept=".json,.csv,application/json,text/csv" aria-describedby="cal-file-h"/>
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

  <!-- ========================================================= audit log -->

  <xsl:template match="audit-log" mode="title">审计日志</xsl:template>

  <xsl:template match="audit-log" mode="content">
    <h1>审计日志</h1>
    <xsl:call-template name="a-page-message"/>
    <p class="hint">记录登录、案件办理、查看举报人身份和系统设置等操作。日志只可查询，不能修改或删除。</p>

    <form class="filter-form" method="get" action="{$base}/admin/audit" role="search" aria-label="筛选日志">
      <div class="filter-field">
        <label for="au-action">操作</label>
        <xsl:choose>
          <xsl:when test="actions/option">
            <select name="action" id="au-action">
              <xsl:call-template name="a-options">
                <xsl:with-param name="options" select="actions/option"/>
                <xsl:with-param name="current" select="string(filter/@action)"/>
                <xsl:with-param name="empty" select="'全部操作'"/>
              </xsl:call-template>
            </select>
          </xsl:when>
          <xsl:otherwise>
            <input type="text" name="action" id="au-action" class="input" value="{filter/@action}" maxlength="40"/>
          </xsl:otherwise>
        </xsl:choose>
      </div>
      <div class="filter-field">
        <label for="au-login">用户名</label>
        <input type="text" name="login" id="au-login" class="input" value="{filter/@login}" maxlength="64"
               autocomplete="off" spellcheck="false"/>
      </div>
      <div class="filter-field">
        <label for="au-ticket">受理编号</label>
        <input type="text" name="ticket" id="au-ticket" class="input input-code" value="{filter/@ticket}"
               inputmode="numeric" maxlength="32" autocomplete="off"/>
      </div>
      <div class="filter-field">
        <label for="au-from">从</label>
        <input type="date" name="from" id="au-from" class="input input-date" value="{filter/@from}"/>
      </div>
      <div class="filter-field">
        <label for="au-to">到</label>
        <input type="date" name="to" id="au-to" class="input input-date" value="{filter/@to}"/>
      </div>
      <div class="filter-buttons">
        <button type="submit" class="button button-small">查询</button>
        <a class="button button-secondary button-small" href="{$base}/admin/audit">清除</a>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="entry | entries/entry">
        <div class="table-wrap">
          <table class="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">用户</th>
                <th scope="col">操作</th>
                <th scope="col">案件</th>
                <th scope="col">详情</th>
                <th scope="col">来源地址</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="entry | entries/entry">
                <tr>
                  <xsl:if test="@action = 'reveal' or @action = 'reveal_identity'">
                    <xsl:attribute name="class">row-sensitive</xsl:attribute>
                  </xsl:if>
                  <td class="nowrap">
                    <xsl:call-template name="a-short-datetime"><xsl:with-param name="value" select="@at"/></xsl:call-template>
                  </td>
                  <td class="nowrap code"><xsl:value-of select="@login"/></td>
                  <td class="nowrap">
                    <xsl:choose>
                      <xsl:when test="normalize-space(@action-label) != ''"><xsl:value-of select="@action-label"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@action"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="nowrap">
                    <xsl:choose>
                      <xsl:when test="normalize-space(@report-id) != ''">
                        <a class="ticket-inline" href="{$base}/admin/case?id={@report-id}">
                          <xsl:call-template name="ticket"><xsl:with-param name="value" select="@ticket"/></xsl:call-template>
                        </a>
                      </xsl:when>
                      <xsl:otherwise><span class="muted">—</span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="cell-note"><xsl:value-of select="@detail"/></td>
                  <td class="nowrap code"><xsl:value-of select="@client"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="empty">没有符合条件的记录。</p></xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="a-paging">
      <xsl:with-param name="path" select="'/admin/audit'"/>
      <xsl:with-param name="query">
        <xsl:for-each select="filter/@action | filter/@login | filter/@ticket | filter/@from | filter/@to">
          <xsl:if test="normalize-space(.) != ''">
            <xsl:text>&amp;</xsl:text>
            <xsl:value-of select="name()"/>
            <xsl:text>=</xsl:text>
            <xsl:call-template name="a-url-escape"><xsl:with-param name="s" select="string(.)"/></xsl:call-template>
          </xsl:if>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================= users -->

  <xsl:template match="users" mode="title">用户</xsl:template>

  <xsl:template match="users" mode="content">
    <h1>用户</h1>
    <xsl:call-template name="a-page-message"/>

    <section aria-labelledby="users-title">
      <h2 id="users-title">
        <xsl:text>用户和角色</xsl:text>
        <span class="h-count"><xsl:value-of select="count(user | user-list/user)"/></span>
      </h2>
      <div class="table-wrap">
        <table class="data-table users-table">
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名</th>
              <th scope="col">角色和所属部门</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="user | user-list/user">
              <xsl:variable name="uid" select="@id"/>
              <tr>
                <xsl:if test="@disabled = '1'">
                  <xsl:attribute name="class">row-disabled</xsl:attribute>
                </xsl:if>
                <td class="nowrap code"><xsl:value-of select="@login"/></td>
                <td>
                  <xsl:value-of select="@name"/>
                  <xsl:if test="normalize-space(@email) != ''">
                    <span class="cell-sub code"><xsl:value-of select="@email"/></span>
                  </xsl:if>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="role">
                      <ul class="role-list">
                        <xsl:for-each select="role">
                          <li>
                            <span class="role-tag">
                              <strong><xsl:value-of select="@label"/></strong>
                              <xsl:if test="normalize-space(@department) != ''">
                                <xsl:text> · </xsl:text>
                                <xsl:value-of select="@department"/>
                              </xsl:if>
                            </span>
                            <form class="inline-form" method="post" action="{$base}/admin/users">
                              <xsl:call-template name="a-csrf"/>
                              <input type="hidden" name="action" value="remove_role"/>
                              <input type="hidden" name="user" value="{$uid}"/>
                              <input type="hidden" name="role" value="{@name}"/>
                              <input type="hidden" name="department" value="{@department-id}"/>
                              <button type="submit" class="link-button"
                                      aria-label="{concat('移除角色：', @label, ' ', @department)}">移除</button>
                            </form>
                          </li>
                        </xsl:for-each>
                      </ul>
                    </xsl:when>
                    <xsl:otherwise><span class="muted">无角色</span></xsl:otherwise>
                  </xsl:choose>
                </td>
                <td>
                  <div class="badges">
                    <xsl:choose>
                      <xsl:when test="@disabled = '1'"><span class="badge badge-muted">已停用</span></xsl:when>
                      <xsl:otherwise><span class="badge badge-ok">正常</span></xsl:otherwise>
                    </xsl:choose>
                    <xsl:if test="@must-change = '1'"><span class="badge badge-warn">待改密码</span></xsl:if>
                    <xsl:if test="@totp = '1'"><span class="badge badge-plain">动态验证码</span></xsl:if>
                  </div>
                </td>
                <td class="cell-actions">
                  <form class="inline-form" method="post" action="{$base}/admin/users">
                    <xsl:call-template name="a-csrf"/>
                    <input type="hidden" name="action" value="toggle"/>
                    <input type="hidden" name="user" value="{@id}"/>
                    <button type="submit" class="button button-secondary button-small">
                      <xsl:choose>
                        <xsl:when test="@disabled = '1'">启用</xsl:when>
                        <xsl:otherwise>停用</xsl:otherwise>
                      </xsl:choose>
                    </button>
                  </form>
                  <details class="confirm">
                    <summary>重置密码</summary>
                    <form class="inline-form reset-form" method="post" action="{$base}/admin/users" accept-charset="UTF-8">
                      <xsl:call-template name="a-csrf"/>
                      <input type="hidden" name="action" value="reset"/>
                      <input type="hidden" name="user" value="{@id}"/>
                      <label class="visually-hidden" for="reset-{@id}">新的临时密码</label>
                      <input type="password" name="password" id="reset-{@id}" class="input input-small"
                             placeholder="临时密码" autocomplete="new-password" minlength="10" maxlength="128" required="required"/>
                      <button type="submit" class="button button-small">重置</button>
                    </form>
                  </details>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <p class="hint">重置后用户须用临时密码登录并立即修改。停用的用户不能登录，已有的办理记录保留。</p>
    </section>

    <div class="admin-cols">
      <section class="panel-box" aria-labelledby="role-title">
        <h2 id="role-title">分配角色</h2>
        <form class="admin-form compact-form" method="post" action="{$base}/admin/users" accept-charset="UTF-8">
          <xsl:call-template name="a-csrf"/>
          <input type="hidden" name="action" value="add_role"/>
          <div class="field">
            <label for="ar-user">用户<span class="req" aria-hidden="true">*</span></label>
            <select name="user" id="ar-user" required="required">
              <option value="">请选择</option>
              <xsl:for-each select="user | user-list/user">
                <option value="{@id}">
                  <xsl:value-of select="@name"/>
                  <xsl:text>（</xsl:text>
                  <xsl:value-of select="@login"/>
                  <xsl:text>）</xsl:text>
                </option>
              </xsl:for-each>
            </select>
          </div>
          <div class="field">
            <label for="ar-role">角色<span class="req" aria-hidden="true">*</span></label>
            <select name="role" id="ar-role" required="required">
              <xsl:call-template name="a-options">
                <xsl:with-param name="options" select="roles/option"/>
                <xsl:with-param name="empty" select="'请选择'"/>
              </xsl:call-template>
            </select>
          </div>
          <div class="field">
            <label for="ar-department">所属部门<span class="req" aria-hidden="true">*</span></label>
            <select name="department" id="ar-department" required="required" class="select-wide">
              <option value="">请选择</option>
              <!-- By region code, so that a province's, a city's and a
                   county's departments stand together. -->
              <xsl:for-each select="departments/department">
                <xsl:sort select="@region"/>
                <xsl:sort select="@name"/>
                <option value="{@id}"><xsl:value-of select="@name"/></option>
              </xsl:for-each>
            </select>
          </div>
          <div class="form-submit">
            <button type="submit" class="button button-small">分配角色</button>
          </div>
        </form>
        <dl class="role-help">
          <dt>接报</dt><dd>登记、审查、受理和移交举报，可查看所受理举报的举报人身份</dd>
          <dt>责任部门承办</dt><dd>接收移交的案件，组织核查、录入核查结论和处置情况</dd>
          <dt>核查组联系人</dt><dd>被指定的案件中，可查看举报人身份并与其联系</dd>
          <dt>上级督办</dt><dd>查看下级案件和期限，督办超期案件，查看审计日志</dd>
          <dt>信息公开</dt><dd>维护公示公告名单</dd>
          <dt>管理员</dt><dd>用户、移交规则和工作日历</dd>
        </dl>
      </section>

      <section class="panel-box" aria-labelledby="create-title">
        <h2 id="create-title">新建用户</h2>
        <form class="admin-form compact-form" method="post" action="{$base}/admin/users" accept-charset="UTF-8">
          <xsl:call-template name="a-csrf"/>
          <input type="hidden" name="action" value="create"/>
          <div class="field">
            <label for="nu-login">用户名<span class="req" aria-hidden="true">*</span></label>
            <input type="text" name="login" id="nu-login" class="input input-short input-code" required="required"
                   maxlength="64" autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="nu-login-h"/>
            <p class="hint" id="nu-login-h">小写字母、数字、点、横线或下划线，创建后不能修改。</p>
          </div>
          <div class="field">
            <label for="nu-name">姓名<span class="req" aria-hidden="true">*</span></label>
            <input type="text" name="name" id="nu-name" class="input input-short" required="required" maxlength="50" autocomplete="off"/>
          </div>
          <div class="field">
            <label for="nu-email">电子邮箱<span class="optional">（选填）</span></label>
            <input type="email" name="email" id="nu-email" class="input input-code" maxlength="254" autocomplete="off"/>
          </div>
          <div class="field">
            <label for="nu-password">临时密码<span class="req" aria-hidden="true">*</span></label>
            <input type="password" name="password" id="nu-password" class="input input-short" required="required"
                   minlength="10" maxlength="128" autocomplete="new-password" aria-describedby="nu-password-h"/>
            <p class="hint" id="nu-password-h">10至128个字符，含小写字母、大写字母、数字、符号中的三类。用户首次登录时须修改。请当面或电话告知，不要用电子邮件发送。</p>
          </div>
          <div class="form-submit">
            <button type="submit" class="button button-small">新建用户</button>
          </div>
        </form>
      </section>
    </div>
  </xsl:template>

</xsl:stylesheet>
