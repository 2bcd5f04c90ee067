package org.linyunzhi.points.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.web.HomePanel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Points on the home dashboard: the user's own balance and this month's top five of their area. */
@Component
class PointsHomePanel implements HomePanel {

    static final int TOP = 5;

    private final Areas areas;
    private final Boards boards;
    private final Ledger ledger;
    private final MessageSource messages;

    PointsHomePanel(Areas areas, Boards boards, Ledger ledger, MessageSource messages) {
        this.areas = areas;
        this.boards = boards;
        this.ledger = ledger;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean visibleTo(CurrentUser user) {
        return user.can("points:view");
    }

    @Override
    public String fragment() {
        return "points/home :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user) {
        Locale locale = LocaleContextHolder.getLocale();
        Boards.Board board = areas.resolve(null, user.scope())
                .map(area -> boards.of(area, user.scope(), Period.MONTH, TOP)).orElse(null);
        List<Boards.Person> top = board == null ? List.of() : board.people().stream()
                .map(x -> x.name() != null ? x : new Boards.Person(x.rank(), x.holder(),
                        messages.getMessage("points.unnamed", new Object[] {HolderNames.shortId(x.holder())}, locale),
                        x.points(), x.entries()))
                .toList();
        return Map.of("mine", ledger.balanceOfUser(user.id()),
                "areaName", board == null ? "" : board.area().node().name(),
                "monthTotal", board == null ? 0L : board.total(),
                "top", top);
    }
}
