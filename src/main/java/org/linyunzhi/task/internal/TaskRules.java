package org.linyunzhi.task.internal;

import java.time.Instant;

/** Checks of what people type, each naming the field at fault. */
final class TaskRules {

    static final int MAX_COMMENT = 500;

    private TaskRules() {
    }

    static void checkText(String name, String description) {
        if (name == null || name.isBlank()) {
            throw TaskRefused.badInput("name", "task.error.nameRequired");
        }
        if (name.strip().length() > NewTask.MAX_NAME) {
            throw TaskRefused.badInput("name", "task.error.tooLong", NewTask.MAX_NAME);
        }
        if (description != null && description.length() > NewTask.MAX_TEXT) {
            throw TaskRefused.badInput("description", "task.error.tooLong", NewTask.MAX_TEXT);
        }
    }

    /** A deadline, when given, lies ahead: a task born overdue is a typing error. */
    static void checkDeadline(Instant deadline, Instant now) {
        if (deadline != null && !deadline.isAfter(now)) {
            throw TaskRefused.badInput("deadline", "task.error.deadlinePast");
        }
    }

    static void checkPosition(Double lon, Double lat) {
        if ((lon == null) != (lat == null)) {
            throw TaskRefused.badInput(lon == null ? "lon" : "lat", "task.error.positionHalf");
        }
        if (lon != null && !(lon >= -180 && lon <= 180)) {
            throw TaskRefused.badInput("lon", "task.error.lon");
        }
        if (lat != null && !(lat >= -90 && lat <= 90)) {
            throw TaskRefused.badInput("lat", "task.error.lat");
        }
    }

    static void checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw TaskRefused.badInput("reason", "task.error.reasonRequired");
        }
        if (reason.length() > MAX_COMMENT) {
            throw TaskRefused.badInput("reason", "task.error.tooLong", MAX_COMMENT);
        }
    }

    static void checkComment(String comment) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw TaskRefused.badInput("message", "task.error.tooLong", MAX_COMMENT);
        }
    }

    static void checkResult(String result) {
        if (result != null && result.length() > NewTask.MAX_TEXT) {
            throw TaskRefused.badInput("result", "task.error.tooLong", NewTask.MAX_TEXT);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
