package org.linyunzhi.audit.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Puts the operation-log filter into every security filter chain. Spring Security applies
 * {@code Customizer<HttpSecurity>} beans to each chain it builds, so identity's configuration
 * needs no knowledge of audit. The filter is deliberately not a bean: a Filter bean would also
 * be registered with the servlet container and run outside the security context.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    @Bean
    Customizer<HttpSecurity> operationLogInSecurityChain(OperationCapture capture, OperationLog operationLog,
                                                         AuditProperties properties) {
        OperationLogFilter filter = new OperationLogFilter(capture, operationLog, properties, Clock.systemUTC());
        return http -> http.addFilterAfter(filter, SecurityContextHolderFilter.class);
    }
}
