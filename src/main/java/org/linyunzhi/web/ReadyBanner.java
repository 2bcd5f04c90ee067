package org.linyunzhi.web;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the person who just started the platform where to open it and how to log in: the first
 * thing a newcomer needs, printed last so it is not lost in the start-up log.
 */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : env.getProperty("server.port", Integer.class, 8080);
        boolean demo = Arrays.asList(env.getActiveProfiles()).contains("demo");
        String login = demo
                ? "log in as admin / Linpu@2026 (demo accounts for every role are listed in README.md)"
                : "log in as admin with the password printed once at first start";
        log.info("\n\n  Linyunzhi (临云智) is ready: http://localhost:{}/\n  {}\n", port, login);
    }
}
