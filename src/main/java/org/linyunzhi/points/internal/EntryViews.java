package org.linyunzhi.points.internal;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Ledger entries in the words of the reader: the rule named in their language, the place by name. */
@Component
class EntryViews {

    private final MessageSource messages;
    private final GridApi grid;

    EntryViews(MessageSource messages, GridApi grid) {
        this.messages = messages;
        this.grid = grid;
    }

    record EntryView(long seq, int points, String rule, String reason, String sourceNumber, UUID sourceId,
                     String regionCode, String regionName, ZonedDateTime earnedAt) {
    }

    List<EntryView> of(List<LedgerEntry> entries, Locale locale) {
        // a history page shows few places many times: look each up once
        Map<String, String> places = new HashMap<>();
        return entries.stream().map(e -> new EntryView(e.seq(), e.points(), ruleLabel(e.ruleCode(), locale), e.reason(),
                e.sourceNumber(), e.sourceId(), e.regionCode(),
                places.computeIfAbsent(e.regionCode(), code -> grid.node(code).map(RegionNode::name).orElse(code)),
                e.earnedAt().atZone(Period.TOWN_TIME))).toList();
    }

    /** "APPROVAL:PATROL:URGENT" reads as the approval rule with the type's and priority's names. */
    String ruleLabel(String ruleCode, Locale locale) {
        String[] parts = ruleCode.split(":");
        Object[] args = new Object[parts.length - 1];
        if (parts.length == 3) {
            args[0] = messages.getMessage("points.taskType." + parts[1], null, parts[1], locale);
            args[1] = messages.getMessage("points.priority." + parts[2], null, parts[2], locale);
        }
        return messages.getMessage("points.rule." + parts[0], args, ruleCode, locale);
    }
}
