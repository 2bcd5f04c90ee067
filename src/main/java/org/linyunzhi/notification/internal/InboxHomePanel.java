package org.linyunzhi.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.web.HomePanel;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The inbox on the home dashboard, first: what is waiting for the user, newest three unread. */
@Component
class InboxHomePanel implements HomePanel {

    static final int SHOWN = 3;

    private final Inbox inbox;
    private final NoticeText text;

    InboxHomePanel(Inbox inbox, NoticeText text) {
        this.inbox = inbox;
        this.text = text;
    }

    @Override
    public int order() {
        return 1;
    }

    /** Everybody signed in has an inbox. */
    @Override
    public boolean visibleTo(CurrentUser user) {
        return true;
    }

    @Override
    public String fragment() {
        return "notification/home :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user) {
        Locale locale = LocaleContextHolder.getLocale();
        List<InboxPages.Item> latest = inbox.list(user.id(), true, null, SHOWN).stream()
                .map(e -> new InboxPages.Item(e, text.title(e, locale), text.kindLabel(e.kind(), locale))).toList();
        return Map.of("unread", inbox.unreadCount(user.id()), "latest", latest);
    }
}
