/**
 * Accounts, roles, permissions and data scope; login, password policy, lockout, second factor and
 * sessions. Other modules use only {@link org.linyunzhi.identity.CurrentUser} and
 * {@link org.linyunzhi.identity.DataScope}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.linyunzhi.identity;
