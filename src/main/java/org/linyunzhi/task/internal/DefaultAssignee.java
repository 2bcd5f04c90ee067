package org.linyunzhi.task.internal;

import java.util.List;
import java.util.Optional;
import org.linyunzhi.grid.RegionLevel;
import org.linyunzhi.grid.StaffMember;
import org.linyunzhi.grid.StaffRole;

/**
 * Who is responsible when a task is sent to a node without naming a person. A grid's full-time
 * worker takes the town's tasks (the seed: 网格员承接镇级各部门下派任务), a micro-grid's head takes
 * the grid's; a village has no roster of its own, so its tasks wait for its cadres to forward them.
 */
final class DefaultAssignee {

    private DefaultAssignee() {
    }

    static Optional<StaffMember> of(RegionLevel level, List<StaffMember> roster) {
        StaffRole role = switch (level) {
            case GRID -> StaffRole.FULL_TIME_WORKER;
            case MICRO_GRID, DEDICATED_MICRO_GRID -> StaffRole.MICRO_GRID_HEAD;
            case TOWN, VILLAGE -> null;
        };
        if (role == null) {
            return Optional.empty();
        }
        Optional<StaffMember> holder = roster.stream().filter(m -> m.role() == role).findFirst();
        // a post left empty falls to the grid head, so a task never lands on nobody in a staffed node
        return holder.isPresent() ? holder
                : roster.stream().filter(m -> m.role() == StaffRole.GRID_HEAD).findFirst();
    }

    static Assignee toAssignee(StaffMember m) {
        return new Assignee(m.staffId(), m.name(), m.userId());
    }
}
