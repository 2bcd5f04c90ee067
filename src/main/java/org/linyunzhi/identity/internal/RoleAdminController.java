package org.linyunzhi.identity.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * System › Roles: which permissions each role grants, as a checklist grouped by module, and the data
 * scope its users get by default. Roles are platform-wide, so only a platform-wide administrator
 * changes them.
 */
@Controller
@RequestMapping("/system/roles")
class RoleAdminController {

    static final String LIST_VIEW = "identity/roles";
    static final String ROLE_VIEW = "identity/role";

    private final Roles roles;

    RoleAdminController(Roles roles) {
        this.roles = roles;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('system:role:view')")
    String list(Model model) {
        model.addAttribute("roles", roles.all());
        return LIST_VIEW;
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('system:role:view')")
    String show(@PathVariable String code, Model model) {
        Roles.Role role = roles.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return showRole(role, roles.permissionsOf(Set.of(code)), role.scopeKind(), model);
    }

    @PostMapping("/{code}")
    @PreAuthorize("hasAuthority('system:role:edit')")
    String save(@PathVariable String code, @RequestParam(required = false) List<String> permissions,
                @RequestParam(required = false) String scopeKind, @RequestParam int version,
                @AuthenticationPrincipal CurrentUser actor, Model model, RedirectAttributes flash) {
        Roles.Role role = roles.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (actor.scope().kind() != DataScope.Kind.ALL) {
            // a role applies everywhere: someone bound to one village must not reshape it for the town
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Set<String> chosen = new LinkedHashSet<>(permissions == null ? List.of() : permissions);
        Set<String> known = new LinkedHashSet<>();
        roles.catalogue().forEach(p -> known.add(p.code()));
        DataScope.Kind kind = parseKind(scopeKind);
        if (!known.containsAll(chosen) || kind == null) {
            model.addAttribute("error", kind == null ? "role.error.scopeKind" : "role.error.permission");
            return showRole(role, chosen, kind == null ? role.scopeKind() : kind, model);
        }
        if (!roles.update(code, version, kind, chosen)) {
            model.addAttribute("error", "role.error.conflict");
            return showRole(role, chosen, kind, model);
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/system/roles/" + code;
    }

    private String showRole(Roles.Role role, Set<String> granted, DataScope.Kind kind, Model model) {
        Map<String, List<Roles.Permission>> byModule = new LinkedHashMap<>();
        for (Roles.Permission p : roles.catalogue()) {
            byModule.computeIfAbsent(p.module(), m -> new ArrayList<>()).add(p);
        }
        model.addAttribute("role", role);
        model.addAttribute("modules", byModule);
        model.addAttribute("granted", granted);
        model.addAttribute("scopeKind", kind);
        model.addAttribute("scopeKinds", DataScope.Kind.values());
        return ROLE_VIEW;
    }

    private static DataScope.Kind parseKind(String value) {
        for (DataScope.Kind k : DataScope.Kind.values()) {
            if (k.name().equals(value)) {
                return k;
            }
        }
        return null;
    }
}
