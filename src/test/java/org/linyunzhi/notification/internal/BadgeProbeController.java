package org.linyunzhi.notification.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Renders the inbox badge fragment alone, as the page shell will include it (tests only). */
@Controller
class BadgeProbeController {

    @GetMapping("/test/notification/badge")
    String badge() {
        return "fragments/inbox :: badge";
    }
}
