package org.linyunzhi.grid;

import java.util.List;

/**
 * The answer to "whose is this point": the micro-grid holding it (a dedicated micro-grid wins over
 * the ordinary one it lies in), the grid, village and town above it, and the people responsible.
 * When no micro-grid holds the point, {@code found} is false and every node is null.
 */
public record Location(boolean found, RegionNode microGrid, RegionNode grid, RegionNode village,
                       RegionNode town, List<Responsible> responsible) {

    public static Location notFound() {
        return new Location(false, null, null, null, null, List.of());
    }

    /**
     * Someone responsible for the point: the micro-grid's head and members first, then the grid's
     * head and workers. The phone is the work phone; callers showing it to people apply their own
     * permission (the HTTP API shows it only with {@code grid:staff:view}).
     */
    public record Responsible(StaffRole role, String name, String phone, String nodeCode) {
    }
}
