package org.linyunzhi.registry.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A file is checked in a background thread of the node that received it; if that node stopped,
 * the job would say "checking" for ever. At start-up, jobs checking for longer than any file
 * takes (the largest take well under a minute) are marked failed, so the page asks for a new upload.
 */
@Component
class StuckImports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StuckImports.class);

    private final JdbcClient jdbc;

    StuckImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        int stuck = jdbc.sql("UPDATE registry_import SET status = 'FAILED', failure = 'interrupted', file_cipher = NULL, "
                + "finished_at = now() WHERE status = 'PARSING' AND created_at < now() - interval '15 minutes'").update();
        if (stuck > 0) {
            log.warn("{} registry import(s) were interrupted while being checked and are marked failed", stuck);
        }
    }
}
