package org.linyunzhi.points.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Module listeners ({@code @ApplicationModuleListener}) are {@code @Async}: without async support
 * they would run on the publisher's thread right after its commit and slow the task's request.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class PointsConfiguration {
}
