package org.linyunzhi.notification.internal;

import org.linyunzhi.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The unread count the page shell's inbox badge shows when a page is rendered (the
 * {@code fragments/inbox :: badge} fragment calls it as {@code @notificationBadge}); the live
 * stream keeps it current afterwards. Public so that the template's expression can call it.
 */
@Component("notificationBadge")
public class InboxBadge {

    private final Inbox inbox;

    InboxBadge(Inbox inbox) {
        this.inbox = inbox;
    }

    public long unreadCount() {
        return CurrentUser.current().map(user -> inbox.unreadCount(user.id())).orElse(0L);
    }
}
