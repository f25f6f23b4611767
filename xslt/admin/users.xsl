<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin/users.xsl: the user administration page (<users>, 用户).

  Included by admin.xsl, with every other file of this directory: all
  share one import precedence, so a template name is defined once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ============================================================= users -->

  <xsl:template match="users" mode="title">用户</xsl:template>

  <xsl:template match="users" mode="content">
    <h1>用户</h1>
    <xsl:call-template name="a-page-message"/>

    <!-- Changes that wait for a second security administrator (三员分立): a grant
         of 接报, 联系人 or an administrator role, and a password or second-factor
         reset of such an account. The one who asked may only withdraw. -->
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">
        <xsl:text>待批准的变更</xsl:text>
        <span class="h-count"><xsl:value-of select="count(changes/change)"/></span>
      </h2>
      <xsl:choose>
        <xsl:when test="changes/change">
          <div class="table-wrap">
            <table class="data-table changes-table">
              <thead>
                <tr>
                  <th scope="col">申请时间</th>
                  <th scope="col">账户</th>
                  <th scope="col">变更</th>
                  <th scope="col">申请人</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="changes/change">
                  <tr>
                    <td class="nowrap"><xsl:value-of select="@at"/></td>
                    <td class="nowrap code"><xsl:value-of select="@login"/></td>
                    <td>
                      <xsl:value-of select="@kind-label"/>
                      <xsl:if test="normalize-space(@role) != ''">
                        <xsl:text>：</xsl:text>
                        <xsl:value-of select="@role"/>
                        <xsl:text> · </xsl:text>
                        <xsl:value-of select="@department"/>
                      </xsl:if>
                    </td>
                    <td><xsl:value-of select="@by"/>（<span class="code"><xsl:value-of select="@by-login"/></span>）</td>
                    <td class="cell-actions">
                      <xsl:choose>
                        <xsl:when test="@mine = '1'">
                          <xsl:call-template name="u-change-button">
                            <xsl:with-param name="action" select="'withdraw'"/>
                            <xsl:with-param name="label" select="'撤回'"/>
                          </xsl:call-template>
                        </xsl:when>
                        <xsl:otherwise>
                          <xsl:call-template name="u-change-button">
                            <xsl:with-param name="action" select="'approve'"/>
                            <xsl:with-param name="label" select="'批准'"/>
                          </xsl:call-template>
                          <xsl:call-template name="u-change-button">
                            <xsl:with-param name="action" select="'refuse'"/>
                            <xsl:with-param name="label" select="'拒绝'"/>
                          </xsl:call-template>
                        </xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <p class="hint">批准前请核实申请人和账户使用人的身份。申请人本人和被变更的账户不能批准。</p>
        </xsl:when>
        <xsl:otherwise><p class="muted">没有待批准的变更。</p></xsl:otherwise>
      </xsl:choose>
    </section>

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
                  <form class="inline-form" method="post" action="{$base}/admin/users">
                    <xsl:call-template name="a-csrf"/>
                    <input type="hidden" name="action" value="reset_totp"/>
                    <input type="hidden" name="user" value="{@id}"/>
                    <button type="submit" class="button button-secondary button-small">重置动态验证码</button>
                  </form>
                  <xsl:variable name="reset" select="$posted-action = 'reset' and
                                                     string(@id) = string($posted[@name = 'user'][1])"/>
                  <details class="confirm">
                    <xsl:if test="$reset">
                      <xsl:attribute name="open">open</xsl:attribute>
                    </xsl:if>
                    <summary>重置密码</summary>
                    <form class="inline-form reset-form" method="post" action="{$base}/admin/users" accept-charset="UTF-8">
                      <xsl:call-template name="a-csrf"/>
                      <input type="hidden" name="action" value="reset"/>
                      <input type="hidden" name="user" value="{@id}"/>
                      <label class="visually-hidden" for="reset-{@id}">新的临时密码</label>
                      <xsl:call-template name="a-field-error">
                        <xsl:with-param name="name" select="'password'"/>
                        <xsl:with-param name="on" select="$reset"/>
                      </xsl:call-template>
                      <input type="password" name="password" id="reset-{@id}" class="input input-small"
                             placeholder="临时密码" autocomplete="new-password" minlength="10" maxlength="128" required="required">
                        <xsl:call-template name="a-field-attrs">
                          <xsl:with-param name="name" select="'password'"/>
                          <xsl:with-param name="on" select="$reset"/>
                        </xsl:call-template>
                      </input>
                      <button type="submit" class="button button-small">重置</button>
                    </form>
                  </details>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <p class="hint">重置后用户须用临时密码登录并立即修改。接报、联系人和管理员账户的重置须另一位安全管理员批准。停用的用户不能登录，已有的办理记录保留。</p>
    </section>

    <!-- After a failed post (400), the form that was posted keeps what was
         typed (never a password) and shows the errors beside the fields. -->
    <xsl:variable name="on-role" select="$posted-action = 'add_role'"/>
    <xsl:variable name="on-create" select="$posted-action = 'create'"/>
    <div class="admin-cols">
      <section class="panel-box" aria-labelledby="role-title">
        <h2 id="role-title">分配角色</h2>
        <form class="admin-form compact-form" method="post" action="{$base}/admin/users" accept-charset="UTF-8">
          <xsl:call-template name="a-csrf"/>
          <input type="hidden" name="action" value="add_role"/>
          <div>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'user'"/>
              <xsl:with-param name="on" select="$on-role"/>
            </xsl:call-template>
            <label for="ar-user">用户<span class="req" aria-hidden="true">*</span></label>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'user'"/>
              <xsl:with-param name="on" select="$on-role"/>
            </xsl:call-template>
            <select name="user" id="ar-user" required="required">
              <xsl:call-template name="a-field-attrs">
                <xsl:with-param name="name" select="'user'"/>
                <xsl:with-param name="on" select="$on-role"/>
              </xsl:call-template>
              <option value="">请选择</option>
              <xsl:for-each select="user | user-list/user">
                <option value="{@id}">
                  <xsl:if test="$on-role and string(@id) = string($posted[@name = 'user'][1])">
                    <xsl:attribute name="selected">selected</xsl:attribute>
                  </xsl:if>
                  <xsl:value-of select="@name"/>
                  <xsl:text>（</xsl:text>
                  <xsl:value-of select="@login"/>
                  <xsl:text>）</xsl:text>
                </option>
              </xsl:for-each>
            </select>
          </div>
          <div>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'role'"/>
              <xsl:with-param name="on" select="$on-role"/>
            </xsl:call-template>
            <label for="ar-role">角色<span class="req" aria-hidden="true">*</span></label>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'role'"/>
              <xsl:with-param name="on" select="$on-role"/>
            </xsl:call-template>
            <select name="role" id="ar-role" required="required">
              <xsl:call-template name="a-field-attrs">
                <xsl:with-param name="name" select="'role'"/>
                <xsl:with-param name="on" select="$on-role"/>
              </xsl:call-template>
              <xsl:call-template name="a-options">
                <xsl:with-param name="options" select="roles/option"/>
                <xsl:with-param name="current" select="string($posted[@name = 'role'][$on-role][1])"/>
                <xsl:with-param name="empty" select="'请选择'"/>
              </xsl:call-template>
            </select>
          </div>
          <div>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'department'"/>
              <xsl:with-param name="on" select="$on-role"/>
            </xsl:call-template>
            <label for="ar-department">所属部门<span class="req" aria-hidden="true">*</span></label>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'department'"/>
              <xsl:with-param name="on" select="$on-role"/>
            </xsl:call-template>
            <select name="department" id="ar-department" required="required" class="select-wide">
              <xsl:call-template name="a-field-attrs">
                <xsl:with-param name="name" select="'department'"/>
                <xsl:with-param name="on" select="$on-role"/>
              </xsl:call-template>
              <option value="">请选择</option>
              <!-- By region code, so that a province's, a city's and a
                   county's departments stand together. -->
              <xsl:for-each select="departments/department">
                <xsl:sort select="@region"/>
                <xsl:sort select="@name"/>
                <option value="{@id}">
                  <xsl:if test="$on-role and string(@id) = string($posted[@name = 'department'][1])">
                    <xsl:attribute name="selected">selected</xsl:attribute>
                  </xsl:if>
                  <xsl:value-of select="@name"/>
                </option>
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
          <dt>系统管理员</dt><dd>移交规则、工作日历和不予受理理由（全省统一，由省级维护）</dd>
          <dt>安全管理员</dt><dd>本地区的用户、角色和重置</dd>
          <dt>审计管理员</dt><dd>查阅本地区的审计日志</dd>
        </dl>
        <p class="hint">三员分立：管理员不办理案件；一个账户只能担任一种管理员角色。授予接报、联系人或管理员角色须另一位安全管理员批准。</p>
      </section>

      <section class="panel-box" aria-labelledby="create-title">
        <h2 id="create-title">新建用户</h2>
        <form class="admin-form compact-form" method="post" action="{$base}/admin/users" accept-charset="UTF-8">
          <xsl:call-template name="a-csrf"/>
          <input type="hidden" name="action" value="create"/>
          <div>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'login'"/>
              <xsl:with-param name="on" select="$on-create"/>
            </xsl:call-template>
            <label for="nu-login">用户名<span class="req" aria-hidden="true">*</span></label>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'login'"/>
              <xsl:with-param name="on" select="$on-create"/>
            </xsl:call-template>
            <input type="text" name="login" id="nu-login" class="input input-short input-code" required="required"
                   autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="nu-login-h">
              <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'login'"/></xsl:call-template>
              <xsl:call-template name="a-value-attr">
                <xsl:with-param name="name" select="'login'"/>
                <xsl:with-param name="on" select="$on-create"/>
              </xsl:call-template>
              <xsl:call-template name="a-field-attrs">
                <xsl:with-param name="name" select="'login'"/>
                <xsl:with-param name="on" select="$on-create"/>
                <xsl:with-param name="hint" select="'nu-login-h'"/>
              </xsl:call-template>
            </input>
            <p class="hint" id="nu-login-h">小写字母、数字、点、横线或下划线，创建后不能修改。</p>
          </div>
          <div>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'name'"/>
              <xsl:with-param name="on" select="$on-create"/>
            </xsl:call-template>
            <label for="nu-name">姓名<span class="req" aria-hidden="true">*</span></label>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'name'"/>
              <xsl:with-param name="on" select="$on-create"/>
            </xsl:call-template>
            <input type="text" name="name" id="nu-name" class="input input-short" required="required" autocomplete="off">
              <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'name'"/></xsl:call-template>
              <xsl:call-template name="a-value-attr">
                <xsl:with-param name="name" select="'name'"/>
                <xsl:with-param name="on" select="$on-create"/>
              </xsl:call-template>
              <xsl:call-template name="a-field-attrs">
                <xsl:with-param name="name" select="'name'"/>
                <xsl:with-param name="on" select="$on-create"/>
              </xsl:call-template>
            </input>
          </div>
          <div>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'email'"/>
              <xsl:with-param name="on" select="$on-create"/>
            </xsl:call-template>
            <label for="nu-email">电子邮箱<span class="optional">（选填）</span></label>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'email'"/>
              <xsl:with-param name="on" select="$on-create"/>
            </xsl:call-template>
            <input type="email" name="email" id="nu-email" class="input input-code" autocomplete="off">
              <xsl:call-template name="a-length-attrs"><xsl:with-param name="name" select="'email'"/></xsl:call-template>
              <xsl:call-template name="a-value-attr">
                <xsl:with-param name="name" select="'email'"/>
                <xsl:with-param name="on" select="$on-create"/>
              </xsl:call-template>
              <xsl:call-template name="a-field-attrs">
                <xsl:with-param name="name" select="'email'"/>
                <xsl:with-param name="on" select="$on-create"/>
              </xsl:call-template>
            </input>
          </div>
          <div>
            <xsl:call-template name="a-field-class">
              <xsl:with-param name="name" select="'password'"/>
              <xsl:with-param name="on" select="$on-create"/>
            </xsl:call-template>
            <label for="nu-password">临时密码<span class="req" aria-hidden="true">*</span></label>
            <xsl:call-template name="a-field-error">
              <xsl:with-param name="name" select="'password'"/>
              <xsl:with-param name="on" select="$on-create"/>
            </xsl:call-template>
            <input type="password" name="password" id="nu-password" class="input input-short" required="required"
                   minlength="10" maxlength="128" autocomplete="new-password" aria-describedby="nu-password-h">
              <xsl:call-template name="a-field-attrs">
                <xsl:with-param name="name" select="'password'"/>
                <xsl:with-param name="on" select="$on-create"/>
                <xsl:with-param name="hint" select="'nu-password-h'"/>
              </xsl:call-template>
            </input>
            <p class="hint" id="nu-password-h">10至128个字符，含小写字母、大写字母、数字、符号中的三类。用户首次登录时须修改。请当面或电话告知，不要用电子邮件发送。</p>
          </div>
          <div class="form-submit">
            <button type="submit" class="button button-small">新建用户</button>
          </div>
        </form>
      </section>
    </div>
  </xsl:template>

  <xsl:template name="u-change-button">
    <xsl:param name="action"/>
    <xsl:param name="label"/>
    <form class="inline-form" method="post" action="{$base}/admin/users">
      <xsl:call-template name="a-csrf"/>
      <input type="hidden" name="action" value="{$action}"/>
      <input type="hidden" name="change" value="{@id}"/>
      <button type="submit" class="button button-small">
        <xsl:if test="$action != 'approve'">
          <xsl:attribute name="class">button button-secondary button-small</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$label"/>
      </button>
    </form>
  </xsl:template>

</xsl:stylesheet>
