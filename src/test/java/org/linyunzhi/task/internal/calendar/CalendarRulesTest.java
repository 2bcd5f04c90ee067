package org.linyunzhi.task.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The counting rules on the default week (Monday to Friday, 08:30–12:00 and 13:30–17:30, Shanghai)
 * with the 2026 National Day bridge: 20 Sep (Sunday) worked, 1–7 Oct off, 10 Oct (Saturday) worked.
 */
class CalendarRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WorkingHours DEFAULT_HOURS = WorkingHours.parse(SHANGHAI,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of("08:30-12:00", "13:30-17:30"));

    /** Read through the import format, so the file reader is exercised on the same dates. */
    static final String NATIONAL_DAY_2026 = """
            # 2026 国庆节
            2026-09-20,WORKDAY,国庆节调休上班
            2026-10-01,HOLIDAY,国庆节
            2026-10-02,休,国庆节
            2026-10-03,HOLIDAY,国庆节
            2026-10-04,HOLIDAY,国庆节
            2026-10-05,HOLIDAY,国庆节
            2026-10-06,HOLIDAY,国庆节
            2026-10-07,HOLIDAY,国庆节
            2026-10-10,班,国庆节调休上班
            """;

    private final CalendarRules rules = new CalendarRules(DEFAULT_HOURS, nationalDayDays());

    Map<LocalDate, DayKind> nationalDayDays() {
        try {
            return new CalendarFile(DEFAULT_HOURS).read(2026, NATIONAL_DAY_2026.getBytes(StandardCharsets.UTF_8)).stream()
                    .collect(Collectors.toMap(SpecialDay::date, SpecialDay::kind));
        } catch (CalendarFile.Rejected e) {
            throw new AssertionError(e.problems());
        }
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private Instant plusHours(String start, double hours) {
        return rules.addWorkingHours(at(start), Duration.ofMinutes(Math.round(hours * 60)));
    }

    @Test
    void fourWorkingHoursOverLunchSkipTheBreak() {
        // Tuesday 10:00: two hours until noon, two more from 13:30
        assertThat(plusHours("2026-12-01T10:00", 4)).isEqualTo(at("2026-12-01T15:30"));
    }

    @Test
    void fourWorkingHoursOverAWeekendContinueOnMonday() {
        // Friday 15:30: two hours until closing, two more on Monday morning
        assertThat(plusHours("2026-11-27T15:30", 4)).isEqualTo(at("2026-11-30T10:30"));
    }

    @Test
    void fourWorkingHoursOverNationalDaySkipTheWholeBridge() {
        // Wednesday 30 Sep 16:00: 1.5 hours that day, then nothing until Thursday 8 Oct
        assertThat(plusHours("2026-09-30T16:00", 4)).isEqualTo(at("2026-10-08T11:00"));
    }

    @Test
    void fourWorkingHoursRunOnAMakeUpSaturday() {
        // Friday 9 Oct 16:30: one hour that day, three on Saturday 10 Oct, which is worked
        assertThat(plusHours("2026-10-09T16:30", 4)).isEqualTo(at("2026-10-10T11:30"));
        // a task given on the make-up Sunday itself is counted from then
        assertThat(plusHours("2026-09-20T09:00", 4)).isEqualTo(at("2026-09-20T14:30"));
        // an ordinary Saturday is not worked
        assertThat(plusHours("2026-10-16T16:30", 4)).isEqualTo(at("2026-10-19T11:30"));
    }

    @Test
    void aLimitRunningOutAtClosingTimeEndsThere() {
        assertThat(plusHours("2026-12-01T08:30", 3.5)).isEqualTo(at("2026-12-01T12:00"));
        assertThat(plusHours("2026-12-01T08:30", 7.5)).isEqualTo(at("2026-12-01T17:30"));
    }

    @Test
    void timeBeforeOpeningOrAtNightStartsCountingAtTheNextOpening() {
        assertThat(plusHours("2026-12-01T07:00", 1)).isEqualTo(at("2026-12-01T09:30"));
        assertThat(plusHours("2026-12-01T12:30", 1)).isEqualTo(at("2026-12-01T14:30"));
        assertThat(plusHours("2026-12-01T22:00", 1)).isEqualTo(at("2026-12-02T09:30"));
        assertThat(rules.addWorkingHours(at("2026-12-05T10:00"), Duration.ZERO)).isEqualTo(at("2026-12-05T10:00"));
    }

    @Test
    void negativeHoursCountBackThroughTheSameCalendar() {
        // two working hours before Monday 09:30 lie on Friday afternoon
        assertThat(plusHours("2026-11-30T09:30", -2)).isEqualTo(at("2026-11-27T16:30"));
        // and before Thursday 8 Oct 09:00 they reach back across the bridge to 30 Sep
        assertThat(plusHours("2026-10-08T09:00", -2)).isEqualTo(at("2026-09-30T16:00"));
        // exactly a morning back from noon is the opening of that morning
        assertThat(plusHours("2026-12-01T12:00", -3.5)).isEqualTo(at("2026-12-01T08:30"));
    }

    @Test
    void workingDaysEndAtClosingTimeAndDoNotCountTheStartingDay() {
        assertThat(rules.addWorkingDays(at("2026-09-30T10:00"), 1)).isEqualTo(at("2026-10-08T17:30"));
        assertThat(rules.addWorkingDays(at("2026-09-30T10:00"), 3)).isEqualTo(at("2026-10-10T17:30"));
        assertThat(rules.addWorkingDays(at("2026-11-27T10:00"), 7)).isEqualTo(at("2026-12-08T17:30"));
        // a task given on a day off starts counting after that day as well
        assertThat(rules.addWorkingDays(at("2026-11-28T10:00"), 1)).isEqualTo(at("2026-11-30T17:30"));
    }

    @Test
    void zeroWorkingDaysMeansTheCloseOfTheCurrentOrNextWorkingDay() {
        assertThat(rules.addWorkingDays(at("2026-11-27T10:00"), 0)).isEqualTo(at("2026-11-27T17:30"));
        assertThat(rules.addWorkingDays(at("2026-11-27T18:00"), 0)).isEqualTo(at("2026-11-30T17:30"));
        assertThat(rules.addWorkingDays(at("2026-10-03T10:00"), 0)).isEqualTo(at("2026-10-08T17:30"));
        assertThatThrownBy(() -> rules.addWorkingDays(at("2026-11-27T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingTimeBetweenCountsOnlyWorkingPeriods() {
        assertThat(rules.workingTimeBetween(at("2026-12-01T11:00"), at("2026-12-01T14:00"))).isEqualTo(Duration.ofMinutes(90));
        assertThat(rules.workingTimeBetween(at("2026-09-30T16:00"), at("2026-10-08T11:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(rules.workingTimeBetween(at("2026-10-08T11:00"), at("2026-09-30T16:00"))).isEqualTo(Duration.ofHours(-4));
        assertThat(rules.workingTimeBetween(at("2026-10-03T08:00"), at("2026-10-04T20:00"))).isZero();
    }

    @Test
    void isWorkingDayFollowsTheListThenTheWeek() {
        assertThat(rules.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(rules.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(rules.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(rules.isWorkingDay(LocalDate.of(2026, 10, 17))).isFalse();
        assertThat(rules.isWorkingDay(LocalDate.of(2026, 10, 12))).isTrue();
    }

    @Test
    void addingAndMeasuringAgreeEverywhere() {
        // the working time between a start and the limit computed from it is the amount asked for
        Random random = new Random(20261001);
        Instant from = at("2026-09-01T00:00");
        for (int i = 0; i < 2_000; i++) {
            Instant start = from.plusSeconds(random.nextInt(120 * 24 * 3600));
            Duration amount = Duration.ofMinutes(random.nextInt(60 * 60));
            Instant end = rules.addWorkingHours(start, amount);
            assertThat(rules.workingTimeBetween(start, end)).as("%s + %s", start, amount).isEqualTo(amount);
            assertThat(rules.workingTimeBetween(rules.addWorkingHours(end, amount.negated()), end)).isEqualTo(amount);
        }
    }

    @Test
    void aCalendarWithoutWorkingTimeSaysSoInsteadOfLoopingForever() {
        Map<LocalDate, DayKind> allOff = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2037, 1, 1))
                .collect(Collectors.toMap(Function.identity(), d -> DayKind.HOLIDAY));
        CalendarRules never = new CalendarRules(DEFAULT_HOURS, allOff);
        assertThatThrownBy(() -> never.addWorkingHours(at("2026-03-02T09:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void workingHoursRefuseNonsense() {
        assertThatThrownBy(() -> WorkingHours.parse(SHANGHAI, EnumSet.of(DayOfWeek.MONDAY), List.of("12:00-08:30")))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> WorkingHours.parse(SHANGHAI, EnumSet.of(DayOfWeek.MONDAY), List.of("08:30-12:00", "11:00-17:00")))
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> WorkingHours.parse(SHANGHAI, EnumSet.of(DayOfWeek.MONDAY), List.of("8.30 to 12")))
                .hasMessageContaining("is not a period");
        assertThatThrownBy(() -> WorkingHours.parse(SHANGHAI, EnumSet.noneOf(DayOfWeek.class), List.of("08:30-12:00")))
                .hasMessageContaining("at least one weekday");
        assertThat(DEFAULT_HOURS.dayLength()).isEqualTo(Duration.ofMinutes(450));
    }
}
