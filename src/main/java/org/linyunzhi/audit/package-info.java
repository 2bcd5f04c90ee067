/**
 * The operation log: every write through the platform, masked, hash-chained and append-only, and
 * a verification that finds the first edited, deleted or inserted row. Other modules may use only
 * {@link org.linyunzhi.audit.Audited}, to give their handlers a readable name in the log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "identity")
package org.linyunzhi.audit;
