package org.linyunzhi.notification.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Module listeners are asynchronous, so that filing a notice never slows the request that changed
 * the task. (The pollers run on {@link NotificationTimers}' own threads.)
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class NotificationConfiguration {
}
