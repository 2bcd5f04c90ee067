/**
 * Linyunzhi root: the application class and the embedded database that lets the platform start
 * with nothing but a JDK. Everything with business meaning lives in a module below.
 */
package org.linyunzhi;
