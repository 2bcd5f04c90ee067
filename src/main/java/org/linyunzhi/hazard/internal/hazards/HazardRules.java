package org.linyunzhi.hazard.internal.hazards;

/** Checks of what people and callers type, each naming the field at fault. */
final class HazardRules {

    static final int MAX_NOTE = 2000;

    private HazardRules() {
    }

    static HazardSource source(String source) {
        if (source == null || source.isBlank()) {
            throw HazardRefused.badInput("source", "hazard.error.sourceRequired");
        }
        try {
            return HazardSource.valueOf(source.strip());
        } catch (IllegalArgumentException e) {
            throw HazardRefused.badInput("source", "hazard.error.sourceUnknown", source);
        }
    }

    static void checkReport(HazardReport report) {
        if (report.title() == null || report.title().isBlank()) {
            throw HazardRefused.badInput("title", "hazard.error.titleRequired");
        }
        if (report.title().strip().length() > HazardReport.MAX_TITLE) {
            throw HazardRefused.badInput("title", "hazard.error.tooLong", HazardReport.MAX_TITLE);
        }
        if (report.description() != null && report.description().length() > HazardReport.MAX_TEXT) {
            throw HazardRefused.badInput("description", "hazard.error.tooLong", HazardReport.MAX_TEXT);
        }
        if (report.categoryCode() == null || report.categoryCode().isBlank()) {
            throw HazardRefused.badInput("categoryCode", "hazard.error.categoryRequired");
        }
        if (report.level() != null && (report.level() < 1 || report.level() > 5)) {
            throw HazardRefused.badInput("level", "hazard.error.level");
        }
        if (report.sourceRef() != null && report.sourceRef().length() > HazardReport.MAX_REF) {
            throw HazardRefused.badInput("sourceRef", "hazard.error.tooLong", HazardReport.MAX_REF);
        }
        if (report.responsibleParty() != null && report.responsibleParty().length() > HazardReport.MAX_PARTY) {
            throw HazardRefused.badInput("responsibleParty", "hazard.error.tooLong", HazardReport.MAX_PARTY);
        }
        if (!(report.lon() >= -180 && report.lon() <= 180)) {
            throw HazardRefused.badInput("lon", "hazard.error.lon");
        }
        if (!(report.lat() >= -90 && report.lat() <= 90)) {
            throw HazardRefused.badInput("lat", "hazard.error.lat");
        }
    }

    /** A note, required for evidence and for a failed re-inspection (the reason). */
    static void checkNote(String note, String field, boolean required) {
        if (required && (note == null || note.isBlank())) {
            throw HazardRefused.badInput(field, "hazard.error.noteRequired");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw HazardRefused.badInput(field, "hazard.error.tooLong", MAX_NOTE);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
