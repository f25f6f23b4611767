<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/login.xsl: the login page (<login>), the password change form (<password-form>)
  and the TOTP page (<totp-setup>: set-up with password and code, or switching it off).

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

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
        <xsl:if test="normalize-space(secret) = '' and not(string(required) = '1')">
          <h2>停用动态验证码</h2>
          <p>停用需要当前密码和一个当前的动态验证码；停用后登录只需密码。此操作记入审计日志。</p>
          <form class="admin-form" method="post" action="{$base}/admin/totp" accept-charset="UTF-8">
            <xsl:call-template name="a-csrf"/>
            <input type="hidden" name="action" value="disable"/>
            <div id="f-password">
              <xsl:call-template name="a-field-class"><xsl:with-param name="name" select="'password'"/></xsl:call-template>
              <label for="password">当前密码</label>
              <xsl:call-template name="a-field-error"><xsl:with-param name="name" select="'password'"/></xsl:call-template>
              <input type="password" name="password" id="password" class="input"
                     autocomplete="current-password" maxlength="128" required="required">
                <xsl:call-template name="a-field-attrs"><xsl:with-param name="name" select="'password'"/></xsl:call-template>
              </input>
            </div>
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
              <button type="submit" class="button button-secondary">停用动态验证码</button>
            </div>
          </form>
        </xsl:if>
      </xsl:if>
      <xsl:if test="normalize-space(secret) != ''">
        <xsl:if test="string(required) = '1' and not(string(enabled) = '1')">
          <div class="notice notice-warning" role="alert">
            <p><strong>您的账户必须启用动态验证码后才能使用。</strong>接报、核查组联系人和各类管理员账户可以接触举报人身份或管理权限，登录须同时使用密码和手机验证器。</p>
          </div>
        </xsl:if>
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
              <input type="hidden" name="action" value="enable"/>
              <div id="f-password">
                <xsl:call-template name="a-field-class"><xsl:with-param name="name" select="'password'"/></xsl:call-template>
                <label for="password">当前密码</label>
                <xsl:call-template name="a-field-error"><xsl:with-param name="name" select="'password'"/></xsl:call-template>
                <input type="password" name="password" id="password" class="input"
                       autocomplete="current-password" maxlength="128" required="required">
                  <xsl:call-template name="a-field-attrs"><xsl:with-param name="name" select="'password'"/></xsl:call-template>
                </input>
              </div>
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

</xsl:stylesheet>
