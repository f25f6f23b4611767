<?xml version="1.0" encoding="UTF-8"?>
<!--
  portal.xsl: the page layout of jubao, and the only place that has one.

  A deployer replaces this file with their own portal's header, footer and
  style sheet links.  The replacement must keep this contract:

  1. It matches "/" and writes one complete HTML page.  Output settings:
       <xsl:output method="html" encoding="UTF-8"
                   doctype-system="about:legacy-compat" indent="no"/>

  2. It declares these global parameters (the C programs set them by name;
     a parameter not set keeps its default):
       base       the URL prefix of the platform, no trailing slash
                  (default '/jubao').  Every link and form action is built
                  as {$base}/...; nothing else ever goes into href or src.
       site-name  the publishing authority shown in the header and footer
                  (default '省工业和信息化厅').
       platform-name  the name of the platform
                  (default '淘汰落后产能和产能违规置换举报平台').
       hotline    the reporting hotline (jubao.conf's hotline), shown in
                  the header and footer when not empty (default '').
     Parameters are XPath expressions: the C side passes strings quoted,
     e.g. with xsltQuoteUserParams() or as "'/jubao'".

  3. The page stylesheets (pages.xsl, submit.xsl, status.xsl) import this
     file and provide templates for the document element in two modes only:
       mode="title"    text only: the page's own title, without site name;
       mode="content"  the body of the page, placed inside <main>.
     The layout calls them as
       <xsl:apply-templates select="*" mode="title"/>
       <xsl:apply-templates select="*" mode="content"/>
     from the root, so the context node is the document element
     (<landing>, <submit-form>, <receipt>, <lookup-form>, <case>,
     <channels>, <error> ...).

  4. It links the platform's own assets, which the page content relies on:
       <link rel="stylesheet" href="{$base}/static/jubao.css"/>
       <script src="{$base}/static/jubao.js" defer="defer"></script>
     The pages are served with a Content-Security-Policy of
     script-src 'self' and style-src 'self': no inline <script>, no
     <style> element, no style="" attribute, no external resources.

  5. It never turns output escaping off and never copies document
     text into href or src (the one exception: the console menu's
     paths, which it takes only when they start with /admin/).

  6. The staff console (admin.xsl) uses the same layout.  Its documents
     carry console="1" on the document element and a <session> child
     (name, csrf, <role name=".."/>...).  For them the layout adds
     class="console" to <body> and shows the console navigation
     (template portal-console-nav) instead of the public one: the
     entries of <session><menu><item key path label/>...</menu>, which
     the console writes for the session's roles (key: the section of
     the page, as for portal-nav-item; path: under /admin/, appended to
     $base; label), the user's name and a logout form
     (POST {$base}/admin/logout with the hidden csrf field).

  Everything else (header, navigation, footer, extra links to the
  provincial portal) is the deployer's to change.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="html" encoding="UTF-8"
              doctype-system="about:legacy-compat" indent="no"/>

  <xsl:param name="base" select="'/jubao'"/>
  <xsl:param name="site-name" select="'省工业和信息化厅'"/>
  <xsl:param name="platform-name" select="'淘汰落后产能和产能违规置换举报平台'"/>
  <xsl:param name="hotline" select="''"/>

  <!-- The navigation entry the current page belongs to, from the document
       element's name only (never from document text). -->
  <xsl:variable name="section-rtf">
    <xsl:choose>
      <xsl:when test="/landing">home</xsl:when>
      <xsl:when test="/submit-form or /receipt or /error[submit-form]">submit</xsl:when>
      <xsl:when test="/lookup-form or /case or /error[lookup-form]">status</xsl:when>
      <xsl:when test="/channels">channels</xsl:when>
      <xsl:when test="/help">help</xsl:when>
      <xsl:when test="/lists or /list or /list-entry or /annual-exit">lists</xsl:when>
      <xsl:when test="/dashboard">admin</xsl:when>
      <xsl:when test="/case-list or /case-detail">admin-cases</xsl:when>
      <xsl:when test="/intake-form or /intake-receipt or /error[intake-form]">admin-intake</xsl:when>
      <xsl:when test="/routing">admin-routing</xsl:when>
      <xsl:when test="/calendar">admin-calendar</xsl:when>
      <xsl:when test="/reasons">admin-reasons</xsl:when>
      <xsl:when test="/audit-log">admin-audit</xsl:when>
      <xsl:when test="/users">admin-users</xsl:when>
      <xsl:when test="/password-form or /totp-setup">admin-account</xsl:when>
      <xsl:otherwise>none</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- As a string once, not a tree fragment converted at every navigation entry. -->
  <xsl:variable name="section" select="string($section-rtf)"/>

  <xsl:template match="/">
    <html lang="zh-CN">
      <head>
        <!-- libxslt's HTML serialiser (xsltSaveResultTo, htmlSetMetaEncoding
             of libxml2 2.9) always puts a <meta http-equiv="Content-Type">
             first in <head>; it does not see a <meta charset>, so writing
             one as well would give two encoding declarations.  This one is
             the page's meta charset. -->
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="format-detection" content="telephone=no"/>
        <title>
          <xsl:apply-templates select="*" mode="title"/>
          <xsl:text> - 落后产能和产能违规置换举报平台</xsl:text>
        </title>
        <link rel="stylesheet" href="{$base}/static/jubao.css"/>
        <script src="{$base}/static/jubao.js" defer="defer"></script>
      </head>
      <body>
        <xsl:if test="/*/@console = '1'">
          <xsl:attribute name="class">console</xsl:attribute>
        </xsl:if>
        <a class="skip-link" href="#main">跳至正文</a>
        <header class="site-header">
          <div class="topbar">
            <div class="wrap">
              <span class="topbar-note">举报人身份信息严格保密</span>
              <span class="topbar-site">实名举报有报必受理、有报必查</span>
              <xsl:if test="normalize-space($hotline) != ''">
                <span class="topbar-hotline">举报电话：<span class="hotline"><xsl:value-of select="$hotline"/></span></span>
              </xsl:if>
            </div>
          </div>
          <div class="banner">
            <div class="wrap">
              <a class="brand" href="{$base}/">
                <span class="brand-site"><xsl:value-of select="$site-name"/></span>
                <span class="brand-name"><xsl:value-of select="$platform-name"/></span>
              </a>
            </div>
          </div>
          <xsl:choose>
            <xsl:when test="/*/@console = '1'">
              <xsl:call-template name="portal-console-nav"/>
            </xsl:when>
            <xsl:otherwise>
              <nav class="site-nav" aria-label="主导航">
                <div class="wrap">
                  <ul>
                    <xsl:call-template name="portal-nav-item">
                      <xsl:with-param name="key" select="'home'"/>
                      <xsl:with-param name="path" select="'/'"/>
                      <xsl:with-param name="label" select="'首页'"/>
                    </xsl:call-template>
                    <xsl:call-template name="portal-nav-item">
                      <xsl:with-param name="key" select="'submit'"/>
                      <xsl:with-param name="path" select="'/submit'"/>
                      <xsl:with-param name="label" select="'我要举报'"/>
                    </xsl:call-template>
                    <xsl:call-template name="portal-nav-item">
                      <xsl:with-param name="key" select="'status'"/>
                      <xsl:with-param name="path" select="'/status'"/>
                      <xsl:with-param name="label" select="'查询办理进度'"/>
                    </xsl:call-template>
                    <xsl:call-template name="portal-nav-item">
                      <xsl:with-param name="key" select="'lists'"/>
                      <xsl:with-param name="path" select="'/lists'"/>
                      <xsl:with-param name="label" select="'公示公告'"/>
                    </xsl:call-template>
                    <xsl:call-template name="portal-nav-item">
                      <xsl:with-param name="key" select="'channels'"/>
                      <xsl:with-param name="path" select="'/channels'"/>
                      <xsl:with-param name="label" select="'举报渠道'"/>
                    </xsl:call-template>
                    <xsl:call-template name="portal-nav-item">
                      <xsl:with-param name="key" select="'help'"/>
                      <xsl:with-param name="path" select="'/help'"/>
                      <xsl:with-param name="label" select="'举报须知'"/>
                    </xsl:call-template>
                  </ul>
                </div>
              </nav>
            </xsl:otherwise>
          </xsl:choose>
        </header>
        <main id="main" class="wrap" tabindex="-1">
          <xsl:apply-templates select="*" mode="content"/>
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p class="footer-secret">举报人身份信息严格保密。未经举报人同意，任何单位和个人不得泄露举报人身份信息，不得以任何方式询问举报人身份。</p>
            <p>主办单位：<xsl:value-of select="$site-name"/></p>
            <xsl:if test="normalize-space($hotline) != ''">
              <p class="footer-hotline">举报电话：<xsl:value-of select="$hotline"/></p>
            </xsl:if>
            <p class="footer-links"><a href="{$base}/help">举报须知：如何举报、办理时限、匿名与隐私保护</a></p>
            <p>请如实举报。捏造事实、诬告陷害他人的，依法承担相应责任。</p>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- One navigation link; the current section gets aria-current. -->
  <xsl:template name="portal-nav-item">
    <xsl:param name="key"/>
    <xsl:param name="path"/>
    <xsl:param name="label"/>
    <li>
      <a href="{$base}{$path}">
        <xsl:if test="$section = $key">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <!-- The staff console's navigation: the entries of /*/session/menu, in
       their order (the console decides by the session's roles which ones
       there are), then the user's name, account links and logout.
       Without a session (an error before login) only the login link.
       A menu path is the console's own, from a fixed table; one not under
       /admin/ is left out all the same, so that no document text can make
       a link elsewhere. -->
  <xsl:template name="portal-console-nav">
    <nav class="site-nav console-nav" aria-label="工作台导航">
      <div class="wrap">
        <ul>
          <xsl:choose>
            <xsl:when test="/*/session/menu">
              <xsl:for-each select="/*/session/menu/item[starts-with(@path, '/admin/')]">
                <xsl:call-template name="portal-nav-item">
                  <xsl:with-param name="key" select="string(@key)"/>
                  <xsl:with-param name="path" select="string(@path)"/>
                  <xsl:with-param name="label" select="string(@label)"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:when>
            <!-- A session without a menu (a console that does not write one
                 yet): the two entries every user has. -->
            <xsl:when test="/*/session">
              <xsl:call-template name="portal-nav-item">
                <xsl:with-param name="key" select="'admin'"/>
                <xsl:with-param name="path" select="'/admin/'"/>
                <xsl:with-param name="label" select="'工作台'"/>
              </xsl:call-template>
              <xsl:call-template name="portal-nav-item">
                <xsl:with-param name="key" select="'admin-cases'"/>
                <xsl:with-param name="path" select="'/admin/cases'"/>
                <xsl:with-param name="label" select="'案件'"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="portal-nav-item">
                <xsl:with-param name="key" select="'admin-login'"/>
                <xsl:with-param name="path" select="'/admin/login'"/>
                <xsl:with-param name="label" select="'工作人员登录'"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </ul>
        <xsl:if test="/*/session">
          <div class="console-user">
            <span class="console-user-name"><xsl:value-of select="/*/session/@name"/></span>
            <a href="{$base}/admin/password">
              <xsl:if test="/password-form">
                <xsl:attribute name="aria-current">page</xsl:attribute>
              </xsl:if>
              <xsl:text>修改密码</xsl:text>
            </a>
            <a href="{$base}/admin/totp">
              <xsl:if test="/totp-setup">
                <xsl:attribute name="aria-current">page</xsl:attribute>
              </xsl:if>
              <xsl:text>动态验证码</xsl:text>
            </a>
            <form class="console-logout" method="post" action="{$base}/admin/logout">
              <input type="hidden" name="csrf" value="{/*/session/@csrf}"/>
              <button type="submit" class="button button-secondary button-small">退出</button>
            </form>
          </div>
        </xsl:if>
      </div>
    </nav>
  </xsl:template>

  <!-- Fallbacks for a document element no page stylesheet knows. -->
  <xsl:template match="*" mode="title" priority="-10">页面</xsl:template>
  <xsl:template match="*" mode="content" priority="-10">
    <h1>页面</h1>
    <p>暂无内容。</p>
  </xsl:template>

</xsl:stylesheet>
