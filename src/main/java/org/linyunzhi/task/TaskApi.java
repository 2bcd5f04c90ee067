package org.linyunzhi.task;

import java.util.List;

/**
 * What other modules use to hand work to the grids. The calling module has already checked its own
 * permission for the business act (a campaign officer issuing a round); the task goes through the
 * same lifecycle, numbering, timeline, events and deadline timers as one issued on the task pages.
 */
public interface TaskApi {

    /**
     * Issues a dispatched task for another module.
     *
     * @throws IllegalArgumentException when the order names no known node, a person not on its roster,
     *                                  an unknown source kind, or a deadline in the past
     */
    IssuedTask issue(TaskOrder order);

    /**
     * Issues several orders at once (a campaign's tasks, one per micro-grid), all or none: one block of
     * numbers and one batch insert, so hundreds of micro-grids take a moment, not hundreds of round trips.
     * The answers are in the orders' order; all are issued on behalf of the first order's issuer.
     *
     * @throws IllegalArgumentException as {@link #issue}, naming the first bad order
     */
    List<IssuedTask> issueAll(List<TaskOrder> orders);
}
