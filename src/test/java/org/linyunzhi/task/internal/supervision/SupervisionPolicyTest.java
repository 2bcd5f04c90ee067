package org.linyunzhi.task.internal.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.task.internal.calendar.TestCalendars;
import org.linyunzhi.task.internal.supervision.SupervisionPolicy.Timer;

/** When a deadline's timers are due, on the default week with the 2026 National Day bridge. */
class SupervisionPolicyTest {

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static SupervisionPolicy policy(Duration reminderBefore, int escalationDays) {
        SupervisionProperties properties = new SupervisionProperties(reminderBefore, escalationDays, true,
                Duration.ofSeconds(1), 10, Duration.ofSeconds(15), 4, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofDays(90), "test");
        return new SupervisionPolicy(TestCalendars.defaultWeekWithNationalDay2026(), properties, TestCalendars.workingDay());
    }

    private final SupervisionPolicy defaults = policy(Duration.ofHours(2), 1);

    @Test
    void remindsTwoWorkingHoursBeforeAndEscalatesOneWorkingDayAfter() {
        List<Timer> timers = defaults.timersFor(at("2026-11-30T10:00"), at("2026-11-27T09:00"));
        assertThat(timers).containsExactly(
                // Monday 08:30-10:00 is 1.5 hours; the other half hour is Friday's last
                new Timer(DeadlineKind.NEAR, at("2026-11-27T17:00")),
                new Timer(DeadlineKind.PASSED, at("2026-11-30T10:00")),
                new Timer(DeadlineKind.ESCALATION, at("2026-12-01T10:00")));
    }

    @Test
    void escalationAfterADeadlineBeforeNationalDayWaitsForTheBridgeToEnd() {
        List<Timer> timers = defaults.timersFor(at("2026-09-30T17:30"), at("2026-09-28T09:00"));
        assertThat(timers).extracting(Timer::dueAt).containsExactly(
                at("2026-09-30T15:30"), at("2026-09-30T17:30"), at("2026-10-08T17:30"));
    }

    @Test
    void aDeadlineAlreadyPassedGetsNoReminderButItsOverdueMarkAtOnce() {
        Instant deadline = at("2026-12-01T10:00");
        assertThat(defaults.timersFor(deadline, deadline.plusSeconds(1))).extracting(Timer::kind)
                .containsExactly(DeadlineKind.PASSED, DeadlineKind.ESCALATION);
    }

    @Test
    void zeroTurnsRemindersAndEscalationOff() {
        assertThat(policy(Duration.ZERO, 0).timersFor(at("2026-12-01T10:00"), at("2026-11-27T09:00")))
                .extracting(Timer::kind).containsExactly(DeadlineKind.PASSED);
    }

    @Test
    void timerInstancesCarryTaskAndDeadlineExactly() {
        UUID task = UUID.randomUUID();
        Instant deadline = Instant.parse("2026-12-04T09:30:00.123456789Z");
        TimerInstance instance = new TimerInstance(task, deadline);
        assertThat(instance.id()).startsWith(task + "@");
        assertThat(TimerInstance.parse(instance.id())).isEqualTo(instance);
        assertThatThrownBy(() -> TimerInstance.parse("recurring")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimerInstance.parse(task + "@tomorrow")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedFiringsAreRetriedAfterDoublingDelaysUpToTheMaximum() {
        DoublingRetry<Void> retry = new DoublingRetry<>(Duration.ofSeconds(30), Duration.ofHours(1));
        assertThat(List.of(0, 1, 2, 6, 7, 60)).map(retry::delayAfter).containsExactly(
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofMinutes(32),
                Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void nonsenseSettingsStopTheStart() {
        assertThatThrownBy(() -> policy(Duration.ofHours(-1), 1)).hasMessageContaining("reminder-before");
        assertThatThrownBy(() -> policy(Duration.ofHours(1), -1)).hasMessageContaining("escalation-after-working-days");
    }
}
