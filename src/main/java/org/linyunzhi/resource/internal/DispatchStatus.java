package org.linyunzhi.resource.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a dispatch and its one transition table: sent out, on site, back home; a dispatch
 * that never got there may be cancelled, one on site can only come back.
 */
enum DispatchStatus {
    DISPATCHED, ARRIVED, RETURNED, CANCELLED;

    private static final Map<DispatchStatus, Set<DispatchStatus>> NEXT = Map.of(
            DISPATCHED, EnumSet.of(ARRIVED, RETURNED, CANCELLED),
            ARRIVED, EnumSet.of(RETURNED),
            RETURNED, EnumSet.noneOf(DispatchStatus.class),
            CANCELLED, EnumSet.noneOf(DispatchStatus.class));

    boolean canMoveTo(DispatchStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the resource is still out: a team stays DEPLOYED, a warehouse DISPATCHED. */
    boolean isOpen() {
        return this == DISPATCHED || this == ARRIVED;
    }

    Set<DispatchStatus> next() {
        return NEXT.get(this);
    }
}
