package org.linyunzhi.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.web.HomePanel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the panels every module contributes, each computed for the signed-in user's scope. */
@Controller
class HomeController {

    static final String VIEW = "web/home";

    private final List<HomePanel> panels;

    HomeController(List<HomePanel> panels) {
        this.panels = panels;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.require();
        List<Rendered> visible = panels.stream()
                .filter(p -> p.visibleTo(user))
                .sorted(Comparator.comparingInt(HomePanel::order))
                .map(p -> new Rendered(p.fragment(), p.model(user)))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("panels", visible);
        return VIEW;
    }

    /** A panel's fragment with its model, ready for the template. */
    record Rendered(String fragment, Map<String, Object> model) {
    }
}
