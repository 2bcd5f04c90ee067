package org.linyunzhi.grid.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The region index checks the stored tree version on a schedule (see {@link LiveRegionIndex}).
 * Enabling scheduling is idempotent, so another module enabling it too does no harm.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GridConfiguration {
}
