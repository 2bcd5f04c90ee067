package org.linyunzhi.audit.internal;

import java.time.Instant;
import java.util.UUID;

/** Operation-log entries for chain tests, as the filter would have captured them. */
final class Entries {

    private Entries() {
    }

    static OperationEntry write(String username, Instant at) {
        return new OperationEntry(OperationEntry.Kind.OPERATION, at, UUID.nameUUIDFromBytes(username.getBytes()),
                username, "GRID_WORKER", "POST", "POST grid.RegionNodeController#update", "grid.node.update",
                "/grid/nodes/330109107201003", "{\"code\":\"330109107201003\"}", "{\"name\":\"Grid 3\"}", null, null,
                "10.0.0.7", "test", 200, true, null, 12, null, null);
    }
}
