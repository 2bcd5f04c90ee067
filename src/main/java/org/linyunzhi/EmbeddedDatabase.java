package org.linyunzhi;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} the platform brings its own PostgreSQL, so a newcomer
 * needs nothing but a JDK. The data directory lives under the data folder and survives restarts.
 * The server is a bean the data source depends on, so the context closes the pool first and the
 * server last; a JVM-wide shutdown hook would race the pool and stall the exit.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final AtomicInteger EPHEMERAL_SERVERS = new AtomicInteger();

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${linyunzhi.data-dir:./data}") String dataDir,
                                      @Value("${linyunzhi.embedded-db.port:54329}") int port,
                                      @Value("${linyunzhi.embedded-db.ephemeral:false}") boolean ephemeral) {
        // Tests: a throw-away cluster per context, so contexts cached side by side never share files.
        Path dir = ephemeral
                ? Path.of(System.getProperty("java.io.tmpdir"), "linyunzhi-test-db-" + ProcessHandle.current().pid()
                        + "-" + EPHEMERAL_SERVERS.incrementAndGet())
                : Path.of(dataDir, "pgdata").toAbsolutePath().normalize();
        try {
            File folder = dir.toFile();
            folder.mkdirs();
            log.info("Starting embedded PostgreSQL with data in {}", dir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(ephemeral)
                    // the context closes the server after the pool; zonky's own hook would race it
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dir
                    + " (is another instance using it or port " + port + "?)", e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg,
                          @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(pg.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("embedded-pg");
        return ds;
    }
}
