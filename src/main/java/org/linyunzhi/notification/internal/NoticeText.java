package org.linyunzhi.notification.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a notification in a reader's language. Rows keep the facts (kind, number, name,
 * a person's own words), never text, so the same row reads in Chinese or English.
 */
@Component
class NoticeText {

    /** The language of outbound messages (SMS through the gateway). */
    static final Locale GATEWAY = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    NoticeText(MessageSource messages) {
        this.messages = messages;
    }

    String title(InboxEntry e, Locale locale) {
        return messages.getMessage("notification.kind." + e.kind().name(),
                new Object[] {nullToEmpty(e.subjectNumber()), nullToEmpty(e.subjectName())}, locale).strip();
    }

    /** The title and, when there is one, the person's own words: what a toast or an SMS says. */
    String sentence(InboxEntry e, Locale locale) {
        String title = title(e, locale);
        return e.detail() == null || e.detail().isBlank() ? title
                : messages.getMessage("notification.withDetail", new Object[] {title, e.detail()}, locale);
    }

    String kindLabel(NotificationKind kind, Locale locale) {
        return messages.getMessage("notification.kindLabel." + kind.name(), null, kind.name(), locale);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
