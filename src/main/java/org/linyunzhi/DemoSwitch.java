package org.linyunzhi;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets a newcomer type {@code --demo} instead of {@code --spring.profiles.active=demo}:
 * the README promises one short command that starts the demo town.
 */
final class DemoSwitch {

    private DemoSwitch() {
    }

    static String[] apply(String[] args) {
        List<String> out = new ArrayList<>();
        boolean demo = false;
        for (String arg : args) {
            if ("--demo".equals(arg)) {
                demo = true;
            } else {
                out.add(arg);
            }
        }
        if (demo) {
            out.add("--spring.profiles.include=demo");
        }
        return out.toArray(String[]::new);
    }
}
