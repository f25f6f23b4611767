<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/helpers.xsl: the named templates the console pages share (a-csrf, a-url-escape,
  a-state, a-case-table, a-paging ...) and the $session and $csrf variables.

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:variable name="session" select="/*/session"/>
  <xsl:variable name="csrf" select="string(/*/session/@csrf)"/>
  <!-- What a form posted, on the 400 page that returns it: the fields the
       user filled in, and which form it was (the action field). -->
  <xsl:variable name="posted" select="/*/values/value"/>
  <xsl:variable name="posted-action" select="string($posted[@name = 'action'][1])"/>

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
       carry their own <field> children (password-form) and for <error>.
       A page with several forms posting the same names passes $on, true
       only for the form that was posted (a-field-attrs, a-field-class and
       a-value-attr take it too), so that one form shows the errors. -->
  <xsl:template name="a-field-error">
    <xsl:param name="name"/>
    <xsl:param name="on" select="true()"/>
    <xsl:variable name="f" select="/*/field[@name = $name]"/>
    <xsl:if test="$on and $f">
      <p class="field-error" id="e-{$name}">
        <span class="field-error-mark" aria-hidden="true">!</span>
        <xsl:for-each select="$f">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- maxlength of a console input or textarea, from the <limit> of its
       field in /*/limits: the C program writes one per key with a maximum,
       from the key table of the form the page posts to (form_limits_xml;
       the first wins where two tables share a name).  No <limit>, no
       maxlength.  With $with-min also minlength, when the key's minimum is
       more than 1.  Call before any child of the element. -->
  <xsl:template name="a-length-attrs">
    <xsl:param name="name"/>
    <xsl:param name="with-min" select="false()"/>
    <xsl:variable name="limit" select="/*/limits/limit[@name = $name][1]"/>
    <xsl:if test="$with-min and number($limit/@min) &gt; 1">
      <xsl:attribute name="minlength"><xsl:value-of select="number($limit/@min)"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="number($limit/@max) &gt; 0">
      <xsl:attribute name="maxlength"><xsl:value-of select="number($limit/@max)"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="a-field-attrs">
    <xsl:param name="name"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="on" select="true()"/>
    <xsl:variable name="bad" select="$on and boolean(/*/field[@name = $name])"/>
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
    <xsl:param name="class" select="'field'"/>
    <xsl:param name="on" select="true()"/>
    <xsl:attribute name="class">
      <xsl:value-of select="$class"/>
      <xsl:if test="$on and /*/field[@name = $name]"> has-error</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <!-- The value the user typed into $name, as the value attribute of an
       input, on a 400 page that returns the form (/*/values; secrets are
       never there).  Nothing when not posted: the input keeps its own. -->
  <xsl:template name="a-value-attr">
    <xsl:param name="name"/>
    <xsl:param name="on" select="true()"/>
    <xsl:variable name="v" select="/*/values/value[@name = $name]"/>
    <xsl:if test="$on and $v">
      <xsl:attribute name="value"><xsl:value-of select="$v[1]"/></xsl:attribute>
    </xsl:if>
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

</xsl:stylesheet>
