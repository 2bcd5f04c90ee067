package org.linyunzhi.web.internal.parameter;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /system/params: every parameter with its value, editable in place where allowed. */
@Controller
@RequestMapping("/system/params")
class ParameterController {

    static final String LIST = "web/parameter/list";

    private final ParameterAdmin admin;
    private final MessageSource messages;

    ParameterController(ParameterAdmin admin, MessageSource messages) {
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('system:param:view')")
    String list(Model model) {
        model.addAttribute("parameters", admin.all());
        return LIST;
    }

    @PostMapping("/{key}")
    @PreAuthorize("hasAuthority('system:param:edit')")
    String change(@PathVariable String key, @RequestParam(defaultValue = "") String value, Model model,
                  RedirectAttributes flash, HttpServletResponse response, Locale locale) {
        try {
            admin.change(key, value).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no parameter " + key));
        } catch (ParameterRejected rejected) {
            // the row keeps what the user typed, with the reason beside it
            response.setStatus(rejected.getStatusCode().value());
            model.addAttribute("errorKey", key);
            model.addAttribute("errorMessage", messages.getMessage(rejected.getDetailMessageCode(),
                    rejected.getDetailMessageArguments(), locale));
            model.addAttribute("typedValue", value);
            return list(model);
        }
        flash.addFlashAttribute("savedKey", key);
        return "redirect:/system/params";
    }
}
