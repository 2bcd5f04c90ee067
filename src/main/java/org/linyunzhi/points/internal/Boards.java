package org.linyunzhi.points.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A leaderboard as both the page and the API show it: the area's total, its people ranked with
 * their names, and its child areas' totals with theirs. A name is null when the roster has none.
 */
@Component
class Boards {

    private final Leaderboards boards;
    private final HolderNames names;
    private final Clock clock;

    Boards(Leaderboards boards, HolderNames names, ObjectProvider<Clock> clock) {
        this.boards = boards;
        this.names = names;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    record Person(int rank, UUID holder, String name, long points, int entries) {
    }

    record AreaTotal(String code, String name, long points, int people) {
    }

    record Board(Areas.Area area, Period period, long total, List<Person> people, List<AreaTotal> children) {
    }

    Board of(Areas.Area area, DataScope scope, Period period, int limit) {
        Instant from = period.from(clock);
        List<Leaderboards.Standing> standings = boards.people(area.code(), scope, from, limit);
        Map<UUID, String> holderNames = names.of(standings.stream().map(Leaderboards.Standing::holder).toList());
        List<Person> people = standings.stream().map(s -> new Person(s.rank(), s.holder(), holderNames.get(s.holder()),
                s.points(), s.entries())).toList();
        List<AreaTotal> children = !area.hasChildren() ? List.of()
                : boards.children(area.code(), area.childLength(), scope, from).stream()
                        .map(t -> new AreaTotal(t.code(), area.childNames().getOrDefault(t.code(), t.code()), t.points(),
                                t.people()))
                        .toList();
        return new Board(area, period, boards.total(area.code(), scope, from), people, children);
    }
}
