package org.linyunzhi.task.internal.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The timers as the whole platform wires them: the scheduler runs in the application and fires a
 * deadline (its firing record appears and its row leaves the timer table), whatever listeners the
 * task lifecycle registers.
 */
@IntegrationTest
class TimersInThePlatformTest {

    @Autowired
    DeadlineTimers timers;
    @Autowired
    ScheduledTimers scheduled;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeadlineSetInThePlatformFiresThere() {
        UUID task = UUID.randomUUID();
        Instant deadline = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1);
        timers.schedule(task, deadline);
        assertThat(scheduled.of(task)).extracting(ScheduledTimers.Pending::kind).contains(DeadlineKind.PASSED);

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM task_deadline_firing WHERE task_id = ? AND kind = 'PASSED'")
                .param(task).query(Long.class).single() == 1);
        assertThat(scheduled.of(task)).extracting(ScheduledTimers.Pending::kind).doesNotContain(DeadlineKind.PASSED);

        timers.cancel(task);
        assertThat(scheduled.of(task)).isEmpty();
    }

    /** New tasks' timers, written with one statement for many tasks, are the ones set one by one. */
    @Test
    void timersOfManyNewTasksAreTheTimersOfEachSetAlone() {
        Instant deadline = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(3));
        Instant later = deadline.plus(Duration.ofDays(2));
        UUID alone = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        timers.schedule(alone, deadline);
        timers.scheduleNew(java.util.Map.of(first, deadline, second, later));

        assertThat(scheduled.of(first)).hasSize(3).isEqualTo(scheduled.of(alone));
        assertThat(scheduled.of(second)).extracting(ScheduledTimers.Pending::kind)
                .containsExactly(DeadlineKind.NEAR, DeadlineKind.PASSED, DeadlineKind.ESCALATION);
        assertThat(scheduled.of(second)).extracting(ScheduledTimers.Pending::deadline).containsOnly(later);
        for (UUID task : java.util.List.of(alone, first, second)) {
            timers.cancel(task);
            assertThat(scheduled.of(task)).isEmpty();
        }
    }
}
