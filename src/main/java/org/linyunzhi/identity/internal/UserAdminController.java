package org.linyunzhi.identity.internal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.identity.RegionDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * System › Users: the accounts of the actor's part of the town, found through the region tree (loaded
 * a level at a time) or the department list, and created, edited, disabled, unlocked or reset there.
 */
@Controller
@RequestMapping("/system/users")
class UserAdminController {

    static final String LIST_VIEW = "identity/users";
    static final String FORM_VIEW = "identity/user-form";
    static final String PASSWORD_VIEW = "identity/user-password";
    static final int PAGE_SIZE = 20;

    private final Accounts accounts;
    private final UserAdministration admin;
    private final Departments departments;
    private final Regions regions;
    private final Clock clock;

    UserAdminController(Accounts accounts, UserAdministration admin, Departments departments, Regions regions,
                        ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.admin = admin;
        this.departments = departments;
        this.regions = regions;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('system:user:view')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(required = false) UUID department,
                @RequestParam(required = false) Accounts.UserFilter.Status status,
                @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser actor,
                HtmxRequest htmx, HttpServletRequest request, Model model) {
        String regionFilter = Regions.wellFormed(region) ? region : null;
        Accounts.UserFilter filter = new Accounts.UserFilter(q, regionFilter, department, status);
        model.addAttribute("users", accounts.search(filter, actor.scope(), PageOf.page(page), PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("now", clock.instant());
        model.addAttribute("pageBase", PageOf.linkBase(request));
        model.addAttribute("statuses", Accounts.UserFilter.Status.values());
        if (htmx.isHtmxRequest() && "user-table".equals(htmx.getTarget())) {
            return LIST_VIEW + " :: table";
        }
        model.addAttribute("roots", roots(actor.scope()));
        model.addAttribute("regionsAvailable", regions.available());
        model.addAttribute("departments", departments.visibleTo(actor.scope()));
        return LIST_VIEW;
    }

    /** One level of the region tree, below {@code parent}; only inside the actor's scope. */
    @GetMapping("/regions")
    @PreAuthorize("hasAuthority('system:user:view')")
    String regionChildren(@RequestParam String parent, @AuthenticationPrincipal CurrentUser actor, Model model) {
        if (!Regions.wellFormed(parent) || !actor.scope().coversRegion(parent)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("nodes", regions.children(parent));
        return LIST_VIEW + " :: nodes";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('system:user:edit')")
    String newUser(@RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser actor,
                   Model model) {
        UserForm form = new UserForm();
        form.setRegionCode(Regions.wellFormed(region) && actor.scope().coversRegion(region) ? region
                : actor.scope().regionCode());
        return showForm(form, null, actor, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('system:user:edit')")
    String create(@ModelAttribute("form") UserForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser actor, Model model) {
        Optional<UserAdministration.NewAccount> created = errors.hasErrors() ? Optional.empty()
                : admin.create(form, actor, errors);
        if (created.isEmpty()) {
            return showForm(form, null, actor, model);
        }
        // shown once, on this response only: the initial password is never stored in clear anywhere
        model.addAttribute("account", created.get());
        model.addAttribute("created", true);
        return PASSWORD_VIEW;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('system:user:view')")
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser actor, Model model) {
        Account account = admin.visible(id, actor);
        return showForm(UserForm.of(account), account, actor, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('system:user:edit')")
    String update(@PathVariable UUID id, @ModelAttribute("form") UserForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser actor, Model model, RedirectAttributes flash) {
        Account account = admin.visible(id, actor);
        // the user name is the login and the audit trail's key: it never changes
        form.setUsername(account.username());
        if (errors.hasErrors() || !admin.update(id, form, actor, errors)) {
            return showForm(form, account, actor, model);
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/system/users/" + id;
    }

    @PostMapping("/{id}/enabled")
    @PreAuthorize("hasAuthority('system:user:edit')")
    String setEnabled(@PathVariable UUID id, @RequestParam boolean enabled,
                      @AuthenticationPrincipal CurrentUser actor, RedirectAttributes flash) {
        flash.addFlashAttribute(admin.setEnabled(id, enabled, actor) ? "saved" : "selfDisable", true);
        return "redirect:/system/users/" + id;
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('system:user:edit')")
    String unlock(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser actor, RedirectAttributes flash) {
        admin.unlock(id, actor);
        flash.addFlashAttribute("saved", true);
        return "redirect:/system/users/" + id;
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasAuthority('system:user:edit')")
    String resetPassword(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser actor, Model model) {
        model.addAttribute("account", admin.resetPassword(id, actor));
        model.addAttribute("created", false);
        return PASSWORD_VIEW;
    }

    private String showForm(UserForm form, Account account, CurrentUser actor, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("account", account);
        model.addAttribute("now", clock.instant());
        model.addAttribute("grantable", admin.grantableBy(actor));
        model.addAttribute("scopeKinds", admin.scopeKindsFor(actor));
        model.addAttribute("departments", departments.visibleTo(actor.scope()));
        model.addAttribute("regionName", form.getRegionCode() == null ? null : regions.name(form.getRegionCode()));
        return FORM_VIEW;
    }

    /** The top of the tree the actor may browse: the whole tree, or the node their scope is bound to. */
    private List<RegionDirectory.Region> roots(DataScope scope) {
        if (scope.kind() == DataScope.Kind.ALL) {
            return regions.children(null);
        }
        return regions.find(scope.regionCode()).map(List::of).orElse(List.of());
    }
}
