package org.linyunzhi.task.internal.supervision;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A timer's instance id in the timer table: the task and the deadline it was set for, e.g.
 * {@code 0f8e…-…@2026-12-04T09:30:00Z}. Keying by deadline as well as task lets a new deadline be
 * scheduled while a timer of the old one is firing, and lets "fired once" mean once per deadline.
 */
record TimerInstance(UUID taskId, Instant deadline) {

    private static final char SEPARATOR = '@';

    String id() {
        return taskId.toString() + SEPARATOR + deadline;
    }

    /** The LIKE pattern matching every timer instance of a task (a UUID holds no LIKE wildcard). */
    static String prefixPattern(UUID taskId) {
        return taskId.toString() + SEPARATOR + "%";
    }

    static TimerInstance parse(String id) {
        int at = id.indexOf(SEPARATOR);
        try {
            return new TimerInstance(UUID.fromString(id.substring(0, at)), Instant.parse(id.substring(at + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a deadline timer instance: " + id, e);
        }
    }
}
