package org.linyunzhi.task.internal.supervision;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.linyunzhi.task.BusinessCalendar;
import org.linyunzhi.task.internal.calendar.CalendarConfiguration;
import org.linyunzhi.task.internal.calendar.WorkingHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline timers: db-scheduler's core library, built here rather than by its Spring Boot
 * starter, whose auto-configuration is written against Boot 3's package names (see
 * docs/decisions/task-deadline-timers.md). Polls every second with lock-and-fetch, so a timer fires
 * within about a second of being due and on exactly one node.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionProperties.class)
@Import(CalendarConfiguration.class)
public class SupervisionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SupervisionConfiguration.class);
    /** A shutdown waits this long for firings in progress; a firing cut short is run again elsewhere. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final LocalTime FORGET_FIRINGS_AT = LocalTime.of(3, 0);

    @Bean
    ScheduledTimers scheduledTimers(JdbcClient jdbc) {
        return new ScheduledTimers(jdbc);
    }

    @Bean
    DeadlineFirings deadlineFirings(JdbcClient jdbc) {
        return new DeadlineFirings(jdbc);
    }

    @Bean
    SupervisionPolicy supervisionPolicy(BusinessCalendar calendar, SupervisionProperties properties, WorkingHours hours) {
        return new SupervisionPolicy(calendar, properties, hours.dayLength());
    }

    @Bean
    DeadlineTimers deadlineTimers(PlatformTransactionManager transactions, ScheduledTimers timers, SupervisionPolicy policy) {
        return new PersistentDeadlineTimers(new TransactionTemplate(transactions), timers, policy, Clock.systemUTC());
    }

    @Bean
    FireDeadline fireDeadline(PlatformTransactionManager transactions, DeadlineFirings firings,
                              ObjectProvider<DeadlineListener> listeners, SupervisionProperties properties) {
        return new FireDeadline(new TransactionTemplate(transactions), firings, listeners, nodeName(properties));
    }

    @Bean
    TimerSchedulerLifecycle timerSchedulerLifecycle(DataSource dataSource, FireDeadline fire, DeadlineFirings firings,
                                                    SupervisionProperties properties, WorkingHours hours) {
        return new TimerSchedulerLifecycle(() -> newScheduler(dataSource, fire, firings, properties, hours),
                properties.executeTimers());
    }

    private static Scheduler newScheduler(DataSource dataSource, FireDeadline fire, DeadlineFirings firings,
                                          SupervisionProperties properties, WorkingHours hours) {
        DoublingRetry<Void> retry = new DoublingRetry<>(properties.retryDelay(), properties.maxRetryDelay());
        List<Task<?>> timers = new ArrayList<>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            timers.add(Tasks.oneTime(kind.taskName())
                    .onFailure(retry)
                    .execute((instance, context) -> fire.fire(kind, TimerInstance.parse(instance.getId()))));
        }
        RecurringTask<Void> forgetOldFirings = Tasks.recurring("task-deadline-firings-forget",
                        Schedules.daily(hours.zone(), FORGET_FIRINGS_AT))
                .execute((instance, context) -> {
                    int forgotten = firings.forgetBefore(context.getExecution().executionTime.minus(properties.firingsKept()));
                    log.info("Forgot {} deadline firings older than {}", forgotten, properties.firingsKept());
                });
        return Scheduler.create(dataSource, timers)
                .startTasks(forgetOldFirings)
                .schedulerName(new SchedulerName.Fixed(nodeName(properties)))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                // one statement locks and fetches due timers (FOR UPDATE SKIP LOCKED): no two nodes get the same one
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .shutdownMaxWait(SHUTDOWN_WAIT)
                .failureLogging(LogLevel.WARN, true)
                .build();
    }

    private static String nodeName(SupervisionProperties properties) {
        if (properties.nodeName() != null && !properties.nodeName().isBlank()) {
            return properties.nodeName();
        }
        return new SchedulerName.Hostname().getName();
    }
}
