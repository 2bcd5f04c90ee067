package org.linyunzhi.task.internal.supervision;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One app node with nothing but the deadline timers, the business calendar and a listener that
 * writes every call into {@code timer_test.firing}, on a PostgreSQL the test started. Deliberately
 * not a {@code @Configuration}: the platform's component scan must not find it, and the task
 * lifecycle's own listener is not part of these nodes, so counts here are the timers' alone.
 * Public for the benchmark in the {@code bench} package.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        FlywayAutoConfiguration.class})
@Import(SupervisionConfiguration.class)
public class TimerNode {

    /** Task ids whose listener call fails once, to show that a failed firing is rolled back and retried. */
    static final Set<UUID> FAIL_ONCE = ConcurrentHashMap.newKeySet();

    public static EmbeddedPostgres startDatabase() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            // a schema of its own: Flyway expects the public schema to be its alone
            JdbcClient.create(pg.getPostgresDatabase()).sql("CREATE SCHEMA timer_test").update();
            JdbcClient.create(pg.getPostgresDatabase()).sql("""
                    CREATE TABLE timer_test.firing (
                        node     TEXT        NOT NULL,
                        kind     TEXT        NOT NULL,
                        task_id  UUID        NOT NULL,
                        deadline TIMESTAMPTZ NOT NULL,
                        fired_at TIMESTAMPTZ NOT NULL)""").update();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a node called {@code name}; extra properties override the defaults used by the tests. */
    public static ConfigurableApplicationContext start(EmbeddedPostgres pg, String name, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.flyway.locations", "classpath:db/migration/task");
        properties.put("spring.flyway.table", "flyway_schema_history_task");
        properties.put("linyunzhi.task.supervision.node-name", name);
        properties.put("linyunzhi.task.supervision.retry-delay", "1s");
        properties.put("logging.level.com.github.kagkarlsson", "WARN");
        properties.putAll(extra);
        // as command-line arguments: they must win over application.yml, which the node reads too
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(TimerNode.class)
                .web(WebApplicationType.NONE)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args);
    }

    @Bean
    RecordingListener recordingListener(JdbcClient jdbc, SupervisionProperties properties) {
        return new RecordingListener(jdbc, properties.nodeName());
    }

    /** Writes each call in the firing's transaction: a rolled-back firing leaves no row. */
    static final class RecordingListener implements DeadlineListener {

        private final JdbcClient jdbc;
        private final String node;

        RecordingListener(JdbcClient jdbc, String node) {
            this.jdbc = jdbc;
            this.node = node;
        }

        @Override
        public void deadlineNear(UUID taskId, Instant deadline) {
            record(DeadlineKind.NEAR, taskId, deadline);
        }

        @Override
        public void deadlinePassed(UUID taskId, Instant deadline) {
            record(DeadlineKind.PASSED, taskId, deadline);
        }

        @Override
        public void escalationDue(UUID taskId, Instant deadline) {
            record(DeadlineKind.ESCALATION, taskId, deadline);
        }

        private void record(DeadlineKind kind, UUID taskId, Instant deadline) {
            jdbc.sql("INSERT INTO timer_test.firing (node, kind, task_id, deadline, fired_at) VALUES (?, ?, ?, ?, ?)")
                    .params(node, kind.name(), taskId, utc(deadline), utc(Instant.now()))
                    .update();
            if (FAIL_ONCE.remove(taskId)) {
                throw new IllegalStateException("listener failure wanted by the test for " + taskId);
            }
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
