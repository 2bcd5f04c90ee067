package org.linyunzhi.resource.internal;

/**
 * A rescue team's readiness. People set ON_DUTY, STANDBY and OFF; DEPLOYED belongs to the team's
 * dispatch and is set and cleared only by it.
 */
enum TeamStatus {
    ON_DUTY, STANDBY, DEPLOYED, OFF;

    /** The colour of the status tag on the pages (classes of app.css). */
    public String tag() {
        return switch (this) {
            case ON_DUTY -> "tag-green";
            case STANDBY -> "tag-blue";
            case DEPLOYED -> "tag-orange";
            case OFF -> "tag-grey";
        };
    }

    boolean isSetByPeople() {
        return this != DEPLOYED;
    }
}
