<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/lists.xsl: the publisher's pages (信息公开, 公示公告):
    <lists-dashboard>   entries due and late per department, counts per list
                        and state, closed cases without an entry
    <lists-entries>     the entries with filters; drafts published as a batch
    <list-entry>        one entry: its fields, items, moves, review, and the
                        edit form of a draft
    <list-entry-form>   a new entry, typed in or filled from a closed case

  The form's fields come from the C program (<form-fields><f name label
  kind required/>): lib/lists.c decides what each list shows and requires.
  Values come from /*/values (stored, prefilled or posted again with a 400),
  errors from /*/field, as on every console form.

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ========================================================= dashboard -->

  <xsl:template match="lists-dashboard" mode="title">公示公告</xsl:template>

  <xsl:template match="lists-dashboard" mode="content">
    <div class="page-head">
      <h1>公示公告</h1>
      <p class="page-head-note">
        <a class="button button-small" href="{$base}/admin/lists/new">新建条目</a>
        <xsl:text> </xsl:text>
        <a class="button button-secondary button-small" href="{$base}/admin/lists/entries">全部条目</a>
        <xsl:text> </xsl:text>
        <a class="button button-secondary button-small" href="{$base}/admin/lists/credit">信用信息推送（逾期未退出，XML）</a>
      </p>
    </div>
    <xsl:call-template name="a-page-message"/>

    <section aria-labelledby="due-title">
      <h2 id="due-title">待发布的条目（按部门）</h2>
      <p class="hint">每个条目应在检查或验收后 10 个工作日内公示（今天：<xsl:value-of select="@today"/>）。</p>
      <xsl:choose>
        <xsl:when test="drafts/department">
          <xsl:for-each select="drafts/department">
            <h3>
              <xsl:value-of select="@name"/>
              <span class="h-count">待发布 <xsl:value-of select="@due"/></span>
              <xsl:if test="@late &gt; 0">
                <span class="badge badge-danger">已超期 <xsl:value-of select="@late"/></span>
              </xsl:if>
            </h3>
            <xsl:call-template name="l-draft-table"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><p class="empty">没有待发布的条目。</p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="counts-title">
      <h2 id="counts-title">各名单条目数</h2>
      <xsl:variable name="counts" select="counts/count"/>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">名单</th>
              <xsl:for-each select="states/option">
                <th scope="col"><xsl:value-of select="@label"/></th>
              </xsl:for-each>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="lists/list">
              <xsl:variable name="code" select="string(@code)"/>
              <tr>
                <th scope="row">
                  <a href="{$base}/admin/lists/entries?list={$code}"><xsl:value-of select="."/></a>
                </th>
                <xsl:for-each select="/*/states/option">
                  <xsl:variable name="st" select="string(@value)"/>
                  <td class="num">
                    <xsl:value-of select="sum($counts[@list = $code and @state = $st]/@n)"/>
                  </td>
                </xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>

    <section aria-labelledby="closed-title">
      <h2 id="closed-title">已办结、尚未生成条目的案件</h2>
      <xsl:choose>
        <xsl:when test="closed-cases/case">
          <ul class="plain-list">
            <xsl:for-each select="closed-cases/case">
              <li>
                <xsl:call-template name="a-case-link"/>
                <xsl:text> </xsl:text>
                <xsl:value-of select="@subject"/>
                <xsl:text> </xsl:text>
                <a class="button button-secondary button-small" href="{$base}/admin/lists/new?case={@id}">生成条目</a>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="empty">暂无。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="l-draft-table">
    <div class="table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">编号</th>
            <th scope="col">名单</th>
            <th scope="col">企业</th>
            <th scope="col">应公示日期</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="entry">
            <tr>
              <xsl:if test="@late = '1'"><xsl:attribute name="class">row-overdue</xsl:attribute></xsl:if>
              <td><a href="{$base}/admin/lists/entry?id={@id}"><xsl:value-of select="@id"/></a></td>
              <td><xsl:value-of select="@list-label"/></td>
              <td><xsl:value-of select="@enterprise"/></td>
              <td class="nowrap">
                <xsl:call-template name="a-due">
                  <xsl:with-param name="overdue" select="string(@late)"/>
                </xsl:call-template>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- ======================================================= entry list -->

  <xsl:template match="lists-entries" mode="title">公示公告条目</xsl:template>

  <xsl:template match="lists-entries" mode="content">
    <h1>公示公告条目</h1>
    <xsl:call-template name="a-page-message"/>
    <form class="filter-form" method="get" action="{$base}/admin/lists/entries" role="search" aria-label="筛选条目">
      <div class="filter-field">
        <label for="flt-list">名单</label>
        <select name="list" id="flt-list">
          <option value="">全部名单</option>
          <xsl:for-each select="lists/list">
            <option value="{@code}">
              <xsl:if test="@code = /*/filter/@list"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-field">
        <label for="flt-state">状态</label>
        <select name="state" id="flt-state">
          <xsl:call-template name="a-options">
            <xsl:with-param name="options" select="states/option"/>
            <xsl:with-param name="current" select="string(filter/@state)"/>
            <xsl:with-param name="empty" select="'全部状态'"/>
          </xsl:call-template>
        </select>
      </div>
      <div class="filter-field">
        <label for="flt-year">年度</label>
        <input type="number" name="year" id="flt-year" class="input" min="2000" max="2100" value="{filter/@year}"/>
      </div>
      <div class="filter-field filter-wide">
        <label for="flt-q">企业名称</label>
        <input type="search" name="q" id="flt-q" class="input" value="{filter/@q}">
          <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
      </div>
      <div class="filter-buttons">
        <button type="submit" class="button button-small">筛选</button>
        <a class="button button-secondary button-small" href="{$base}/admin/lists/entries">清除</a>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="entries/entry">
        <form method="post" action="{$base}/admin/lists/move">
          <xsl:call-template name="a-csrf"/>
          <input type="hidden" name="action" value="notice"/>
          <div class="table-wrap">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col"><span class="visually-hidden">选择</span></th>
                  <th scope="col">编号</th>
                  <th scope="col">名单</th>
                  <th scope="col">状态</th>
                  <th scope="col">企业</th>
                  <th scope="col">地区</th>
                  <th scope="col">部门</th>
                  <th scope="col">应公示日期</th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="entries/entry">
                  <tr>
                    <xsl:if test="@late = '1'"><xsl:attribute name="class">row-overdue</xsl:attribute></xsl:if>
                    <td>
                      <xsl:if test="@state = 'draft'">
                        <input type="checkbox" name="id" value="{@id}" id="sel-{@id}"
                               aria-label="{concat('选择条目 ', @id)}"/>
                      </xsl:if>
                    </td>
                    <td><a href="{$base}/admin/lists/entry?id={@id}"><xsl:value-of select="@id"/></a></td>
                    <td><xsl:value-of select="@list-label"/></td>
                    <td class="nowrap">
                      <span class="state state-{@state}"><xsl:value-of select="@state-label"/></span>
                      <xsl:if test="@reviewed = '1'"><xsl:text> </xsl:text><span class="badge">已复核</span></xsl:if>
                    </td>
                    <td><xsl:value-of select="@enterprise"/></td>
                    <td><xsl:value-of select="@region"/></td>
                    <td><xsl:value-of select="@department"/></td>
                    <td class="nowrap">
                      <xsl:call-template name="a-due">
                        <xsl:with-param name="overdue" select="string(@late)"/>
                      </xsl:call-template>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <xsl:if test="entries/entry[@state = 'draft']">
            <p class="hint">勾选同一名单、同一部门的草稿，作为一个批次发布公示。</p>
            <button type="submit" class="button button-small">选中的草稿发布公示</button>
          </xsl:if>
        </form>
        <xsl:call-template name="a-paging">
          <xsl:with-param name="path" select="'/admin/lists/entries'"/>
          <xsl:with-param name="query">
            <xsl:if test="filter/@list != ''">&amp;list=<xsl:value-of select="filter/@list"/></xsl:if>
            <xsl:if test="filter/@state != ''">&amp;state=<xsl:value-of select="filter/@state"/></xsl:if>
            <xsl:if test="filter/@year != ''">&amp;year=<xsl:value-of select="filter/@year"/></xsl:if>
            <xsl:if test="filter/@q != ''">&amp;q=<xsl:call-template name="a-url-escape"><xsl:with-param name="s" select="string(filter/@q)"/></xsl:call-template></xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><p class="empty">没有符合条件的条目。</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ entry -->

  <xsl:template match="list-entry" mode="title">
    <xsl:value-of select="entry/@list-label"/>
    <xsl:text>条目 </xsl:text>
    <xsl:value-of select="entry/@id"/>
  </xsl:template>

  <xsl:template match="list-entry" mode="content">
    <xsl:variable name="e" select="entry"/>
    <h1>
      <xsl:value-of select="$e/@list-label"/>
      <xsl:if test="$e/@card"><xsl:text>（</xsl:text><xsl:value-of select="$e/@card"/><xsl:text>）</xsl:text></xsl:if>
      <xsl:text>：</xsl:text>
      <xsl:value-of select="$e/f[@name = 'enterprise']"/>
    </h1>
    <xsl:call-template name="a-page-message">
      <xsl:with-param name="kind" select="'error'"/>
    </xsl:call-template>
    <xsl:if test="/*/field[not(@name = 'reason' or @name = 'note' or @name = 'completion')] and not(form-fields)">
      <xsl:call-template name="l-errors"/>
    </xsl:if>

    <dl class="facts">
      <dt>状态</dt>
      <dd><span class="state state-{$e/@state}"><xsl:value-of select="$e/@state-label"/></span></dd>
      <dt>发布部门</dt><dd><xsl:value-of select="$e/@department"/></dd>
      <xsl:if test="$e/@ticket">
        <dt>来源案件</dt>
        <dd><a class="ticket-inline" href="{$base}/admin/case?id={$e/@case}"><xsl:call-template name="ticket"><xsl:with-param name="value" select="$e/@ticket"/></xsl:call-template></a></dd>
      </xsl:if>
      <dt>检查或验收日期</dt><dd><xsl:value-of select="$e/@basis-date"/></dd>
      <dt>应公示日期</dt><dd><xsl:value-of select="$e/@due-date"/></dd>
      <xsl:if test="$e/@noticed-on != ''"><dt>公示日期</dt><dd><xsl:value-of select="$e/@noticed-on"/><xsl:if test="$e/@batch">（批次 <xsl:value-of select="$e/@batch"/>）</xsl:if></dd></xsl:if>
      <xsl:if test="$e/@announced-on != ''"><dt>公告日期</dt><dd><xsl:value-of select="$e/@announced-on"/></dd></xsl:if>
      <xsl:if test="$e/@archived-on != ''"><dt>归档日期</dt><dd><xsl:value-of select="$e/@archived-on"/></dd></xsl:if>
      <xsl:if test="$e/@withdrawn-on != ''">
        <dt>撤回</dt>
        <dd>于 <xsl:value-of select="$e/@withdrawn-on"/> 撤回。理由：<xsl:value-of select="$e/withdraw-reason"/></dd>
      </xsl:if>
      <xsl:for-each select="$e/f">
        <dt><xsl:value-of select="@label"/></dt>
        <dd class="pre-line">
          <xsl:choose>
            <xsl:when test="normalize-space(.) != ''"><xsl:value-of select="."/></xsl:when>
            <xsl:otherwise><span class="muted">—</span></xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
      <xsl:if test="$e/review">
        <dt>复核、抽查</dt>
        <dd><xsl:value-of select="$e/review/@on"/>，<xsl:value-of select="$e/review/@by"/>：<xsl:value-of select="$e/review"/></dd>
      </xsl:if>
    </dl>

    <xsl:if test="$e/items">
      <xsl:call-template name="l-items"/>
    </xsl:if>
    <xsl:if test="moves/move">
      <xsl:call-template name="l-moves"/>
    </xsl:if>
    <xsl:if test="@access = 'review'">
      <xsl:call-template name="l-review"/>
    </xsl:if>
    <xsl:if test="form-fields">
      <section aria-labelledby="edit-title">
        <h2 id="edit-title">修改草稿</h2>
        <xsl:call-template name="l-entry-form">
          <xsl:with-param name="id" select="string($e/@id)"/>
        </xsl:call-template>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="l-errors">
    <ul class="field-errors">
      <xsl:for-each select="/*/field">
        <li><span class="code"><xsl:value-of select="@name"/></span>：<xsl:value-of select="."/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template name="l-items">
    <xsl:variable name="e" select="entry"/>
    <xsl:variable name="edit" select="@access = 'own' and $e/@state = 'draft'"/>
    <section aria-labelledby="items-title">
      <h2 id="items-title"><xsl:value-of select="$e/items/@label"/></h2>
      <xsl:choose>
        <xsl:when test="$e/items/item">
          <div class="table-wrap">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">项目</th><th scope="col">实测值</th><th scope="col">标准限值</th>
                  <th scope="col">标准编号</th>
                  <xsl:if test="$edit"><th scope="col">操作</th></xsl:if>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$e/items/item">
                  <tr>
                    <td><xsl:value-of select="@item"/></td>
                    <td><xsl:value-of select="@measured"/></td>
                    <td><xsl:value-of select="@limit"/></td>
                    <td class="code"><xsl:value-of select="@standard"/></td>
                    <xsl:if test="$edit">
                      <td>
                        <form class="inline-form" method="post" action="{$base}/admin/lists/item">
                          <xsl:call-template name="a-csrf"/>
                          <input type="hidden" name="action" value="remove"/>
                          <input type="hidden" name="id" value="{$e/@id}"/>
                          <input type="hidden" name="seq" value="{@seq}"/>
                          <button type="submit" class="link-button">删除</button>
                        </form>
                      </td>
                    </xsl:if>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="empty">尚未添加。</p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$edit">
        <form class="stack-form" method="post" action="{$base}/admin/lists/item">
          <xsl:call-template name="a-csrf"/>
          <input type="hidden" name="action" value="add"/>
          <input type="hidden" name="id" value="{$e/@id}"/>
          <xsl:call-template name="l-input"><xsl:with-param name="name" select="'item'"/><xsl:with-param name="label" select="'不达标项目'"/></xsl:call-template>
          <xsl:call-template name="l-input"><xsl:with-param name="name" select="'measured'"/><xsl:with-param name="label" select="'实测值（含单位）'"/></xsl:call-template>
          <xsl:call-template name="l-input"><xsl:with-param name="name" select="'limit_value'"/><xsl:with-param name="label" select="'标准限值（含单位）'"/></xsl:call-template>
          <xsl:call-template name="l-input"><xsl:with-param name="name" select="'standard_no'"/><xsl:with-param name="label" select="'标准编号'"/></xsl:call-template>
          <button type="submit" class="button button-small">添加项目</button>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="l-moves">
    <xsl:variable name="e" select="entry"/>
    <section aria-labelledby="moves-title">
      <h2 id="moves-title">发布操作</h2>
      <xsl:for-each select="moves/move">
        <form class="stack-form" method="post" action="{$base}/admin/lists/move">
          <xsl:call-template name="a-csrf"/>
          <input type="hidden" name="action" value="{@name}"/>
          <input type="hidden" name="id" value="{$e/@id}"/>
          <xsl:if test="@needs-completion = '1'">
            <xsl:call-template name="l-input">
              <xsl:with-param name="name" select="'completion'"/>
              <xsl:with-param name="label" select="'完成情况（完成并经验收后公告）'"/>
              <xsl:with-param name="kind" select="'textarea'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="@needs-reason = '1'">
            <xsl:call-template name="l-input">
              <xsl:with-param name="name" select="'reason'"/>
              <xsl:with-param name="label" select="'撤回理由（将公开显示）'"/>
            </xsl:call-template>
          </xsl:if>
          <button type="submit" class="button button-small"><xsl:value-of select="@label"/></button>
          <xsl:if test="normalize-space(.) != '' and not(@needs-completion = '1')">
            <p class="hint"><xsl:value-of select="."/></p>
          </xsl:if>
        </form>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template name="l-review">
    <section aria-labelledby="review-title">
      <h2 id="review-title">复核、抽查</h2>
      <form class="stack-form" method="post" action="{$base}/admin/lists/move">
        <xsl:call-template name="a-csrf"/>
        <input type="hidden" name="action" value="review"/>
        <input type="hidden" name="id" value="{entry/@id}"/>
        <xsl:call-template name="l-input"><xsl:with-param name="name" select="'note'"/><xsl:with-param name="label" select="'复核或抽查意见'"/></xsl:call-template>
        <button type="submit" class="button button-small">记录复核</button>
      </form>
    </section>
  </xsl:template>

  <!-- One labelled input with its error and its posted or stored value. -->
  <xsl:template name="l-input">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="kind" select="'text'"/>
    <xsl:param name="required" select="false()"/>
    <div>
      <xsl:call-template name="a-field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="f-{$name}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required"><span class="req" aria-hidden="true">*</span></xsl:if>
      </label>
      <xsl:call-template name="a-field-error"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <xsl:variable name="v" select="/*/values/value[@name = $name][1]"/>
      <xsl:choose>
        <xsl:when test="$kind = 'textarea'">
          <textarea name="{$name}" id="f-{$name}" rows="4" class="input">
            <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="$name"/></xsl:call-template>
            <xsl:call-template name="a-field-attrs"><xsl:with-param name="name" select="$name"/></xsl:call-template>
            <xsl:value-of select="$v"/>
          </textarea>
        </xsl:when>
        <xsl:when test="$kind = 'unit' or $kind = 'industry' or $kind = 'region'">
          <select name="{$name}" id="f-{$name}">
            <xsl:call-template name="a-field-attrs"><xsl:with-param name="name" select="$name"/></xsl:call-template>
            <xsl:call-template name="a-options">
              <xsl:with-param name="options" select="/*/units/option[$kind = 'unit'] | /*/industries/option[$kind = 'industry'] | /*/regions/option[$kind = 'region']"/>
              <xsl:with-param name="current" select="string($v)"/>
              <xsl:with-param name="empty" select="'请选择'"/>
            </xsl:call-template>
          </select>
        </xsl:when>
        <xsl:otherwise>
          <input name="{$name}" id="f-{$name}" class="input">
            <xsl:attribute name="type">
              <xsl:choose>
                <xsl:when test="$kind = 'date'">date</xsl:when>
                <xsl:otherwise>text</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:if test="$kind = 'number' or $kind = 'decimal'">
              <xsl:attribute name="inputmode">decimal</xsl:attribute>
            </xsl:if>
            <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="$name"/></xsl:call-template>
            <xsl:call-template name="a-field-attrs"><xsl:with-param name="name" select="$name"/></xsl:call-template>
            <xsl:call-template name="a-value-attr"><xsl:with-param name="name" select="$name"/></xsl:call-template>
          </input>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- The entry form (new or a draft): the list's fields, then the basis date. -->
  <xsl:template name="l-entry-form">
    <xsl:param name="id" select="''"/>
    <form class="stack-form" method="post" action="{$base}/admin/lists/entry">
      <xsl:call-template name="a-csrf"/>
      <input type="hidden" name="list" value="{form-fields/@list}"/>
      <xsl:if test="$id != ''"><input type="hidden" name="id" value="{$id}"/></xsl:if>
      <xsl:if test="case"><input type="hidden" name="case" value="{case/@id}"/></xsl:if>
      <xsl:if test="count(departments/option) &gt; 1">
        <div>
          <label for="f-department">发布部门</label>
          <xsl:call-template name="a-field-error"><xsl:with-param name="name" select="'department'"/></xsl:call-template>
          <select name="department" id="f-department">
            <xsl:call-template name="a-options">
              <xsl:with-param name="options" select="departments/option"/>
              <xsl:with-param name="current" select="string(/*/values/value[@name = 'department'])"/>
            </xsl:call-template>
          </select>
        </div>
      </xsl:if>
      <xsl:for-each select="form-fields/f">
        <xsl:call-template name="l-input">
          <xsl:with-param name="name" select="string(@name)"/>
          <xsl:with-param name="label" select="string(@label)"/>
          <xsl:with-param name="kind" select="string(@kind)"/>
          <xsl:with-param name="required" select="@required = '1'"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="l-input">
        <xsl:with-param name="name" select="'basis_date'"/>
        <xsl:with-param name="label" select="'检查或验收日期（应公示日期由此按10个工作日计算）'"/>
        <xsl:with-param name="kind" select="'date'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <button type="submit" class="button">保存草稿</button>
    </form>
  </xsl:template>

  <!-- ========================================================= new entry -->

  <xsl:template match="list-entry-form" mode="title">新建公示条目</xsl:template>

  <xsl:template match="list-entry-form" mode="content">
    <h1>
      <xsl:text>新建公示条目</xsl:text>
      <xsl:if test="form-fields"><xsl:text>：</xsl:text><xsl:value-of select="form-fields/@list-label"/></xsl:if>
    </h1>
    <xsl:call-template name="a-page-message">
      <xsl:with-param name="kind" select="'error'"/>
    </xsl:call-template>
    <xsl:if test="case">
      <p class="hint">
        <xsl:text>由已办结案件 </xsl:text>
        <xsl:call-template name="ticket"><xsl:with-param name="value" select="case/@ticket"/></xsl:call-template>
        <xsl:text> 的核查结果生成：企业、信用代码、地区、行业、核查结论和处置决定已自动填入。举报人的任何信息都不会出现在条目中。</xsl:text>
      </p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="form-fields">
        <xsl:call-template name="l-entry-form"/>
      </xsl:when>
      <xsl:otherwise>
        <p>请选择名单：</p>
        <ul class="plain-list">
          <xsl:for-each select="lists/list">
            <li>
              <a>
                <xsl:attribute name="href">
                  <xsl:value-of select="concat($base, '/admin/lists/new?list=', @code)"/>
                  <xsl:if test="/*/case">&amp;case=<xsl:value-of select="/*/case/@id"/></xsl:if>
                </xsl:attribute>
                <xsl:value-of select="."/>
                <xsl:if test="@card"><xsl:text>（</xsl:text><xsl:value-of select="@card"/><xsl:text>）</xsl:text></xsl:if>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
