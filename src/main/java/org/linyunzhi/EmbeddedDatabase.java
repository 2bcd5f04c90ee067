package org.linyunzhi;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.zaxxer.hikari.HikariDataSource;

/**
 * With no {@code spring.datasource.url} the platform brings its own PostgreSQL, so a newcomer
 * needs nothing but a JDK. The data directory lives under the data folder and survives restarts.
 * One server per data directory per JVM: test contexts that differ share it instead of starting
 * a second server on the same files.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();
    /** Tests use one throw-away server per JVM, whatever contexts they start. */
    private static final Path EPHEMERAL_DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "linyunzhi-test-db-" + ProcessHandle.current().pid());

    @Bean
    DataSource dataSource(@Value("${linyunzhi.data-dir:./data}") String dataDir,
                          @Value("${linyunzhi.embedded-db.port:54329}") int port,
                          @Value("${linyunzhi.embedded-db.ephemeral:false}") boolean ephemeral,
                          @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        Path dir = ephemeral ? EPHEMERAL_DIR : Path.of(dataDir, "pgdata").toAbsolutePath().normalize();
        EmbeddedPostgres pg = start(dir, port);
        HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(pg.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("embedded-pg");
        return ds;
    }

    static EmbeddedPostgres start(Path dir, int port) {
        return RUNNING.computeIfAbsent(dir, d -> {
            try {
                File folder = d.toFile();
                folder.mkdirs();
                log.info("Starting embedded PostgreSQL with data in {}", d);
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(folder)
                        .setCleanDataDirectory(d.equals(EPHEMERAL_DIR))
                        .setPort(port)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("timezone", "UTC")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the server stops with it
                    }
                }, "embedded-pg-stop"));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL in " + d, e);
            }
        });
    }
}
