package org.linyunzhi.audit.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the operation log ({@code linyunzhi.audit.*}).
 *
 * @param retention      how long rows are kept; at least 184 days, the longest six months (the
 *                       Cybersecurity Law, Art. 21, and 等保 2.0 ask for six months of logs)
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is
 *                       believed; empty means the header is ignored, because anyone can send it
 * @param ignoredPaths   path patterns not logged here: login and logout go to identity's login log
 * @param bodyLimit      the most of a masked JSON body (and of the parameters) that is stored
 * @param captureLimit   the most of a request body held in memory for masking; larger bodies are
 *                       noted by size only, since a body cut short cannot be parsed and masked
 */
@ConfigurationProperties("linyunzhi.audit")
record AuditProperties(@DefaultValue("184d") Duration retention,
                       @DefaultValue List<String> trustedProxies,
                       @DefaultValue({"/login", "/logout"}) List<String> ignoredPaths,
                       @DefaultValue("2KB") DataSize bodyLimit,
                       @DefaultValue("64KB") DataSize captureLimit) {

    static final Duration MINIMUM_RETENTION = Duration.ofDays(184);

    AuditProperties {
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("linyunzhi.audit.retention must be at least 184 days "
                    + "(operation logs are kept six months by law); configured: " + retention);
        }
    }
}
