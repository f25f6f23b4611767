<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: templates shared by every page stylesheet (included, not
  imported, so that they have the page's own import precedence).

  Named templates:
    state-label      param state      -> 已提交, 已受理 ...
    category-label   param category   -> 违法违规行为 ...
    format-datetime  param value      "2026-11-22T09:30:00+08:00" -> 2026年11月22日 09:30
    format-date      param value      "2026-11-24" -> 2026年11月24日
    ticket           param value      "1234567890123452" -> 1234 5678 9012 3456
    field-error      param name       the message of /error/field[@name=$name], if any
    field-invalid-attrs  param name   aria-invalid/aria-describedby for an input
    error-summary    the list of field problems, linked to #f-{name}
  Modes "title" and "content" for the generic <error> page.

  Nothing here copies document text into href or src.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ============================================================ labels -->

  <xsl:template name="state-label">
    <xsl:param name="state" select="."/>
    <xsl:choose>
      <xsl:when test="$state = 'submitted'">已提交</xsl:when>
      <xsl:when test="$state = 'accepted'">已受理</xsl:when>
      <xsl:when test="$state = 'rejected'">不予受理</xsl:when>
      <xsl:when test="$state = 'needs_info'">待补充材料</xsl:when>
      <xsl:when test="$state = 'transferred'">已移交</xsl:when>
      <xsl:when test="$state = 'inspecting'">核查中</xsl:when>
      <xsl:when test="$state = 'verified'">已核实</xsl:when>
      <xsl:when test="$state = 'disposing'">处置中</xsl:when>
      <xsl:when test="$state = 'closed'">已办结</xsl:when>
      <xsl:otherwise><xsl:value-of select="$state"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="category-label">
    <xsl:param name="category" select="."/>
    <xsl:choose>
      <xsl:when test="$category = 'violation'">违法违规行为</xsl:when>
      <xsl:when test="$category = 'backward'">落后产能</xsl:when>
      <xsl:when test="$category = 'false_exit'">虚假整改退出/死灰复燃</xsl:when>
      <xsl:when test="$category = 'dereliction'">政府部门失职失责</xsl:when>
      <xsl:otherwise><xsl:value-of select="$category"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ====================================================== dates, ticket -->

  <!-- "2026-11-22T09:30:00+08:00" -> "2026年11月22日 09:30".  The clock time
       is shown as written (the C side sends Beijing time, +08:00).
       Anything not shaped like an ISO date is shown unchanged.  Each is one
       XPath expression: these run for every date on every page, and one
       evaluation costs a fraction of a chain of instructions. -->
  <xsl:template name="format-datetime">
    <xsl:param name="value" select="."/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:choose>
      <xsl:when test="string-length($v) &gt;= 16
                      and translate(substring($v, 1, 10), '0123456789', '') = '--'
                      and substring($v, 5, 1) = '-'
                      and (substring($v, 11, 1) = 'T' or substring($v, 11, 1) = ' ')
                      and substring($v, 14, 1) = ':'">
        <xsl:value-of select="concat(substring($v, 1, 4), '年', number(substring($v, 6, 2)), '月',
                                     number(substring($v, 9, 2)), '日 ', substring($v, 12, 5))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="format-date">
          <xsl:with-param name="value" select="$v"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "2026-11-24" -> "2026年11月24日"; "2026-01-05" -> "2026年1月5日"
       (no leading zeros, as in official documents, GB/T 9704). -->
  <xsl:template name="format-date">
    <xsl:param name="value" select="."/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:choose>
      <xsl:when test="string-length($v) = 10
                      and substring($v, 5, 1) = '-' and substring($v, 8, 1) = '-'
                      and translate($v, '0123456789', '') = '--'">
        <xsl:value-of select="concat(substring($v, 1, 4), '年', number(substring($v, 6, 2)), '月',
                                     number(substring($v, 9, 2)), '日')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A ticket in groups of four: "1234 5678 9012 3456".  Spaces already in
       the value are dropped first. -->
  <xsl:template name="ticket">
    <xsl:param name="value" select="."/>
    <xsl:variable name="t" select="translate(normalize-space($value), ' ', '')"/>
    <xsl:choose>
      <xsl:when test="string-length($t) = 16">
        <xsl:value-of select="concat(substring($t, 1, 4), ' ', substring($t, 5, 4), ' ',
                                     substring($t, 9, 4), ' ', substring($t, 13, 4))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ticket-groups">
          <xsl:with-param name="rest" select="$t"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ticket-groups">
    <xsl:param name="rest"/>
    <xsl:value-of select="substring($rest, 1, 4)"/>
    <xsl:if test="string-length($rest) &gt; 4">
      <xsl:text> </xsl:text>
      <xsl:call-template name="ticket-groups">
        <xsl:with-param name="rest" select="substring($rest, 5)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Retry-After seconds as whole minutes, rounded up, at least 1. -->
  <xsl:template name="retry-minutes">
    <xsl:param name="seconds" select="."/>
    <xsl:variable name="m" select="ceiling(number($seconds) div 60)"/>
    <xsl:choose>
      <xsl:when test="string($m) = 'NaN' or $m &lt; 1">1</xsl:when>
      <xsl:otherwise><xsl:value-of select="$m"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================= field errors -->

  <!-- The message for one field, placed beside it.  The id lets the input
       point at it with aria-describedby (see field-invalid-attrs). -->
  <xsl:template name="field-error">
    <xsl:param name="name"/>
    <xsl:variable name="f" select="/error/field[@name = $name]"/>
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

  <!-- Call first thing inside an <input>, <select> or <textarea>. -->
  <xsl:template name="field-invalid-attrs">
    <xsl:param name="name"/>
    <xsl:param name="hint"/>
    <xsl:variable name="bad" select="boolean(/error/field[@name = $name])"/>
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

  <!-- Class of a field container: "field" or "field has-error". -->
  <xsl:template name="field-class">
    <xsl:param name="name"/>
    <xsl:param name="extra"/>
    <xsl:attribute name="class">
      <xsl:text>field</xsl:text>
      <xsl:if test="$extra != ''"><xsl:text> </xsl:text><xsl:value-of select="$extra"/></xsl:if>
      <xsl:if test="/error/field[@name = $name]"> has-error</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <!-- The box at the top of a form shown again: a heading, the message,
       the problems and $extra (a result fragment, e.g. advice).  A field whose name is in $known (space separated, with
       a space before and after each name) links to its container
       #f-{name}; other names are listed without a link. -->
  <xsl:template name="error-summary">
    <xsl:param name="known" select="''"/>
    <xsl:param name="heading" select="'提交未成功'"/>
    <xsl:param name="extra"/>
    <div class="error-summary" id="error-summary" role="alert" tabindex="-1"
         aria-labelledby="error-summary-title">
      <h2 id="error-summary-title"><xsl:value-of select="$heading"/></h2>
      <xsl:if test="normalize-space(/error/message) != ''">
        <p><xsl:value-of select="/error/message"/></p>
      </xsl:if>
      <xsl:if test="/error/field">
        <ul>
          <xsl:for-each select="/error/field">
            <li>
              <xsl:choose>
                <xsl:when test="string(@name) != ''
                                and contains($known, concat(' ', @name, ' '))">
                  <a href="#f-{@name}"><xsl:value-of select="."/></a>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:copy-of select="$extra"/>
    </div>
  </xsl:template>

  <!-- ====================================================== generic error -->

  <xsl:template name="error-heading">
    <xsl:param name="status" select="string(/error/@status)"/>
    <xsl:choose>
      <xsl:when test="$status = '400' or $status = '422'">请求无效</xsl:when>
      <xsl:when test="$status = '403'">页面已过期</xsl:when>
      <xsl:when test="$status = '404'">页面不存在</xsl:when>
      <xsl:when test="$status = '405'">不支持的请求方式</xsl:when>
      <xsl:when test="$status = '413'">提交内容过大</xsl:when>
      <xsl:when test="$status = '429'">请求过于频繁</xsl:when>
      <xsl:when test="$status = '503'">系统繁忙</xsl:when>
      <xsl:otherwise>出错了</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="error" mode="title">
    <xsl:call-template name="error-heading"/>
  </xsl:template>

  <xsl:template match="error" mode="content">
    <xsl:variable name="status" select="string(@status)"/>
    <div class="page-error">
      <h1>
        <xsl:call-template name="error-heading"/>
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

      <xsl:call-template name="error-status-advice"/>

      <xsl:if test="field">
        <ul class="error-fields">
          <xsl:for-each select="field">
            <li><xsl:value-of select="."/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>

      <p class="error-links">
        <xsl:call-template name="error-status-action"/>
        <a class="button button-secondary" href="{$base}/">返回首页</a>
      </p>
    </div>
  </xsl:template>

  <!-- The main way out of an error page, by status (a button or nothing). -->
  <xsl:template name="error-status-action">
    <xsl:variable name="status" select="string(/error/@status)"/>
    <xsl:choose>
      <xsl:when test="$status = '403' or $status = '413'">
        <a class="button" href="{$base}/submit">重新打开举报表单</a>
      </xsl:when>
      <xsl:when test="$status = '429' or $status = '503' or $status = '500'">
        <a class="button" href="{$base}/channels">查看其他举报渠道</a>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- What the user can do, by status.  Used by the generic page and by
       the pages that show a form again. -->
  <xsl:template name="error-status-advice">
    <xsl:variable name="status" select="string(/error/@status)"/>
    <xsl:choose>
      <xsl:when test="$status = '403'">
        <p>为保护您的信息安全，举报表单在打开一段时间后会失效；如果浏览器禁用了 Cookie，表单也无法提交。请确认浏览器允许本网站使用 Cookie，然后重新打开表单填写。</p>
        <p>刚才填写的内容没有保存。您可以先点击浏览器的“后退”按钮，把填写的内容复制保存，再重新打开表单提交。</p>
      </xsl:when>
      <xsl:when test="$status = '404' and not(/error/lookup-form)">
        <p>您访问的页面不存在，可能是网址有误或页面已被移除。</p>
      </xsl:when>
      <xsl:when test="$status = '413'">
        <p>提交的内容超过了允许的大小。附件最多5个文件，每个不超过10MB，仅限JPG、PNG、PDF。</p>
        <p>刚才填写的内容没有保存。您可以先点击浏览器的“后退”按钮，减少或压缩附件后重新提交。</p>
      </xsl:when>
      <xsl:when test="$status = '429'">
        <p>
          <xsl:text>您的操作过于频繁，请</xsl:text>
          <xsl:choose>
            <xsl:when test="/error/retry-after">
              <strong>
                <xsl:text> </xsl:text>
                <xsl:call-template name="retry-minutes">
                  <xsl:with-param name="seconds" select="/error/retry-after"/>
                </xsl:call-template>
                <xsl:text> 分钟</xsl:text>
              </strong>
              <xsl:text>后再试。</xsl:text>
            </xsl:when>
            <xsl:otherwise>稍后再试。</xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:when>
      <xsl:when test="$status = '503'">
        <p>系统暂时无法处理您的请求，请稍后再试。如情况紧急，也可通过其他举报渠道反映。</p>
      </xsl:when>
      <xsl:when test="$status = '500'">
        <p>系统发生错误，请稍后再试。</p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
