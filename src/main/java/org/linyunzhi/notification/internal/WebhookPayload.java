package org.linyunzhi.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a gateway receives per notification: the facts for a program (kind, subject, recipient
 * account) and the sentence for a person (in Chinese, the language of the town's SMS).
 */
@Component
class WebhookPayload {

    private final NoticeText text;
    private final JsonMapper json;

    WebhookPayload(NoticeText text, JsonMapper json) {
        this.text = text;
        this.json = json;
    }

    String of(UUID deliveryId, InboxEntry e) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", e.subjectType());
        subject.put("id", e.subjectId());
        subject.put("number", e.subjectNumber());
        subject.put("name", e.subjectName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", deliveryId);
        body.put("notificationId", e.id());
        body.put("kind", e.kind().name());
        body.put("userId", e.userId());
        body.put("subject", subject);
        body.put("title", text.title(e, NoticeText.GATEWAY));
        body.put("text", text.sentence(e, NoticeText.GATEWAY));
        body.put("detail", e.detail());
        body.put("link", e.link());
        body.put("occurredAt", e.occurredAt().toString());
        return json.writeValueAsString(body);
    }
}
