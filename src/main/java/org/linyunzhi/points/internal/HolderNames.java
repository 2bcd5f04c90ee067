package org.linyunzhi.points.internal;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.linyunzhi.grid.GridApi;
import org.springframework.stereotype.Component;

/**
 * Names for ledger holders. The ledger keeps only ids (a name may change; the entry does not), so
 * names come from the grid roster when shown. A holder who is an account without a roster entry,
 * or who left the roster, has no name and is shown by a short id.
 */
@Component
class HolderNames {

    private final GridApi grid;

    HolderNames(GridApi grid) {
        this.grid = grid;
    }

    Map<UUID, String> of(Collection<UUID> holders) {
        return holders.isEmpty() ? Map.of() : grid.staffNames(holders);
    }

    static String shortId(UUID holder) {
        return holder.toString().substring(0, 8);
    }
}
