/**
 * Notifications: an in-app inbox per user filled from other modules' events (tasks now; hazards,
 * incidents and mediation cases later), live page updates over server-sent events, and an
 * outbound webhook for an SMS or messaging gateway, retried with backoff. See
 * docs/decisions/notification-module.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.linyunzhi.notification;
