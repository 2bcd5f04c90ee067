package org.linyunzhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Linyunzhi (临云智): the platform a town uses to govern through its grids.
 * One deployable; each top-level package below this one is an application module.
 */
@Modulithic(systemName = "Linyunzhi", sharedModules = "web")
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
