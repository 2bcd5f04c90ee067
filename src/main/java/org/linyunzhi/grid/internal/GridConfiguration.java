package org.linyunzhi.grid.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The grid's controllers are guarded with {@code @PreAuthorize}, and the region index checks the
 * tree version on a schedule. Both switches are idempotent, so another module enabling them too
 * does no harm.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableScheduling
class GridConfiguration {
}
