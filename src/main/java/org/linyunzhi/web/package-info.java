/**
 * The page shell: layout, navigation, language switching, error pages, the home dashboard, and the
 * dictionaries and parameters every other module's pages draw on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package org.linyunzhi.web;
