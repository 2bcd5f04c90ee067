package org.linyunzhi.hazard.internal.hazards;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.StaffMember;
import org.linyunzhi.grid.StaffRole;
import org.linyunzhi.hazard.HazardLevel;
import org.springframework.stereotype.Component;

/**
 * Who is told about a hazard, by the body its level names: level 1 the micro-grid's people, level 2
 * also the grid head (the village leader in flat management), from level 3 the grid head and the
 * finder, whose department and town leaders read the overdue and upstream lists. Only people with a
 * linked login account can be told.
 */
@Component
class HazardRecipients {

    private static final int GRID_CODE_LENGTH = 15;

    private final GridApi grid;

    HazardRecipients(GridApi grid) {
        this.grid = grid;
    }

    Set<UUID> forLevel(HazardLevel level, String regionCode, UUID finder) {
        Set<UUID> users = new LinkedHashSet<>();
        if (finder != null) {
            users.add(finder);
        }
        List<String> nodes = regionCode.length() > GRID_CODE_LENGTH
                ? List.of(regionCode, regionCode.substring(0, GRID_CODE_LENGTH)) : List.of(regionCode);
        for (StaffMember member : grid.rosters(nodes)) {
            boolean microGridPerson = member.nodeCode().equals(regionCode) && level == HazardLevel.MICRO_GRID;
            boolean gridHead = member.role() == StaffRole.GRID_HEAD && level != HazardLevel.MICRO_GRID;
            if ((microGridPerson || gridHead) && member.userId() != null) {
                users.add(member.userId());
            }
        }
        users.removeIf(Objects::isNull);
        return Set.copyOf(users);
    }
}
