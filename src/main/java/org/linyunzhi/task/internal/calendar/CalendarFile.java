package org.linyunzhi.task.internal.calendar;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a year's holiday list from a small text or CSV file, one date a line:
 * {@code 2027-01-01,HOLIDAY,元旦}. The kind may also be written 休 (day off) or 班 (make-up working
 * day), as Chinese calendars print them; {@code #} starts a comment. The whole file is checked
 * before anything is stored, and every wrong line is reported with its number.
 */
class CalendarFile {

    /** A year's list is a few dozen lines; anything far larger is not such a list. */
    static final int MAX_BYTES = 64 * 1024;

    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,\\t，;；]\\s*");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");

    /** One wrong line: a message code of the taskcal bundle with its arguments (the line number first). */
    record Problem(int line, String code, List<Object> args) {
    }

    /** The file holds mistakes; nothing was stored. */
    static final class Rejected extends Exception {

        private final transient List<Problem> problems;

        Rejected(List<Problem> problems) {
            super(problems.size() + " problems in the calendar file");
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    private final WorkingHours hours;

    CalendarFile(WorkingHours hours) {
        this.hours = hours;
    }

    /** The year's dates in the file, or every mistake in it. */
    List<SpecialDay> read(int year, byte[] file) throws Rejected {
        List<Problem> problems = new ArrayList<>();
        if (file.length == 0) {
            throw new Rejected(List.of(new Problem(0, "taskcal.import.empty", List.of())));
        }
        if (file.length > MAX_BYTES) {
            throw new Rejected(List.of(new Problem(0, "taskcal.import.tooLarge", List.of(MAX_BYTES / 1024))));
        }
        String[] lines = decode(file).split("\\R", -1);
        List<SpecialDay> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = stripComment(lines[i]);
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = SEPARATOR.split(line, -1);
            if (fields.length != 3) {
                problems.add(new Problem(number, "taskcal.import.fields", List.of(number)));
                continue;
            }
            LocalDate date = date(fields[0]);
            DayKind kind = kind(fields[1]);
            String name = fields[2].strip();
            if (date == null) {
                problems.add(new Problem(number, "taskcal.import.date", List.of(number, fields[0])));
            } else if (date.getYear() != year) {
                problems.add(new Problem(number, "taskcal.import.otherYear", List.of(number, date.toString(), year)));
            } else if (!seen.add(date)) {
                problems.add(new Problem(number, "taskcal.import.twice", List.of(number, date.toString())));
            }
            if (kind == null) {
                problems.add(new Problem(number, "taskcal.import.kind", List.of(number, fields[1])));
            }
            if (name.isEmpty() || name.length() > CalendarEditing.NAME_MAX) {
                problems.add(new Problem(number, "taskcal.import.name", List.of(number, CalendarEditing.NAME_MAX)));
            }
            if (date != null && kind != null) {
                SpecialDay day = new SpecialDay(date, kind, name);
                hours.objectionTo(day).ifPresent(code ->
                        problems.add(new Problem(number, "taskcal.import.rule", List.of(number, date.toString()))));
                days.add(day);
            }
        }
        if (days.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "taskcal.import.empty", List.of()));
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        return days;
    }

    /** UTF-8 (with or without a byte-order mark) or, as Excel saves CSV on Chinese Windows, GB18030. */
    private static String decode(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(file, Charset.forName("GB18030"));
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).strip();
    }

    private static LocalDate date(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static DayKind kind(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "HOLIDAY", "休" -> DayKind.HOLIDAY;
            case "WORKDAY", "班" -> DayKind.WORKDAY;
            default -> null;
        };
    }
}
