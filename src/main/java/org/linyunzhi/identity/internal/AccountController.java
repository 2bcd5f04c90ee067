package org.linyunzhi.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My account: the user's own details, password change and second-factor enrolment. The password and
 * enrolment pages double as login steps (see {@link LoginStep}), reached before any other page.
 */
@Controller
class AccountController {

    static final String ACCOUNT_VIEW = "identity/account";
    static final String PASSWORD_VIEW = "identity/password";
    static final String TOTP_VIEW = "identity/totp";
    /** The secret being enrolled, kept in the session until a code from it is confirmed. */
    static final String PENDING_SECRET = AccountController.class.getName() + ".secret";

    private final Accounts accounts;
    private final Roles roles;
    private final Departments departments;
    private final Regions regions;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final SecondFactor secondFactor;
    private final SignIn signIn;
    private final OnlineSessions sessions;
    private final Clock clock;

    AccountController(Accounts accounts, Roles roles, Departments departments, Regions regions, PasswordPolicy policy,
                      PasswordEncoder encoder, SecondFactor secondFactor, SignIn signIn, OnlineSessions sessions,
                      ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.departments = departments;
        this.regions = regions;
        this.policy = policy;
        this.encoder = encoder;
        this.secondFactor = secondFactor;
        this.signIn = signIn;
        this.sessions = sessions;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @GetMapping("/account")
    String account(Authentication authentication, Model model) {
        Account account = mine(authentication);
        model.addAttribute("account", account);
        model.addAttribute("regionName", regions.name(account.regionCode()));
        model.addAttribute("department", account.departmentId() == null ? null
                : departments.byId(account.departmentId()).orElse(null));
        model.addAttribute("secondFactorRequired", signIn.secondFactorRequired(account));
        model.addAttribute("passwordExpired", policy.expired(account.passwordChangedAt(), clock));
        model.addAttribute("roleList", roles.all().stream().filter(r -> account.roles().contains(r.code())).toList());
        return ACCOUNT_VIEW;
    }

    @GetMapping("/account/password")
    String passwordForm(Authentication authentication, Model model) {
        model.addAttribute("form", new PasswordChangeForm());
        return showPasswordForm(authentication, model);
    }

    @PostMapping("/account/password")
    String changePassword(@ModelAttribute("form") PasswordChangeForm form, BindingResult errors,
                          Authentication authentication, HttpServletRequest request, HttpServletResponse response,
                          Model model, RedirectAttributes flash) {
        Account account = mine(authentication);
        if (form.getCurrentPassword() == null || !encoder.matches(form.getCurrentPassword(), account.passwordHash())) {
            errors.rejectValue("currentPassword", "password.error.current");
        }
        String next = form.getNewPassword() == null ? "" : form.getNewPassword();
        for (PasswordPolicy.Violation v : policy.check(next, account.username())) {
            errors.rejectValue("newPassword", v.messageKey(), new Object[] {v.limit()}, null);
        }
        if (!next.isEmpty() && form.getCurrentPassword() != null && next.equals(form.getCurrentPassword())) {
            errors.rejectValue("newPassword", "password.error.same");
        }
        if (!next.equals(form.getConfirmPassword())) {
            errors.rejectValue("confirmPassword", "password.error.confirm");
        }
        if (errors.hasErrors()) {
            return showPasswordForm(authentication, model);
        }
        accounts.changePassword(account.id(), encoder.encode(next), clock.instant());
        // other sessions may be someone who knew the old password
        sessions.endAllOf(account.username(), request.getSession().getId());
        if (LoginStep.of(authentication).isPresent()) {
            Account changed = accounts.byId(account.id()).orElseThrow();
            return "redirect:" + signIn.advance(changed, authentication, request, response);
        }
        flash.addFlashAttribute("passwordChanged", true);
        return "redirect:/account";
    }

    @GetMapping("/account/totp")
    String totpPage(Authentication authentication, HttpSession session, Model model) {
        return showTotp(mine(authentication), session, model);
    }

    @PostMapping("/account/totp")
    String enrol(@RequestParam(defaultValue = "") String code, Authentication authentication, HttpSession session,
                 HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
        Account account = mine(authentication);
        Object pending = session.getAttribute(PENDING_SECRET);
        if (account.totpEnabled() || !(pending instanceof String secret)) {
            return "redirect:/account/totp";
        }
        OptionalLong step = secondFactor.verify(secret, code, null);
        if (step.isEmpty()) {
            model.addAttribute("badCode", true);
            return showTotp(account, session, model);
        }
        accounts.enableTotp(account.id(), secret, step.getAsLong(), clock.instant());
        session.removeAttribute(PENDING_SECRET);
        if (LoginStep.of(authentication).isPresent()) {
            Account enrolled = accounts.byId(account.id()).orElseThrow();
            return "redirect:" + signIn.advance(enrolled, authentication, request, response);
        }
        flash.addFlashAttribute("totpEnabled", true);
        return "redirect:/account";
    }

    @PostMapping("/account/totp/disable")
    String disable(@RequestParam(defaultValue = "") String currentPassword, Authentication authentication,
                   HttpSession session, Model model, RedirectAttributes flash) {
        Account account = mine(authentication);
        if (signIn.secondFactorRequired(account)) {
            model.addAttribute("disableError", "totp.error.required");
            return showTotp(account, session, model);
        }
        if (!encoder.matches(currentPassword, account.passwordHash())) {
            model.addAttribute("disableError", "password.error.current");
            return showTotp(account, session, model);
        }
        accounts.disableTotp(account.id(), clock.instant());
        flash.addFlashAttribute("totpDisabled", true);
        return "redirect:/account";
    }

    private String showTotp(Account account, HttpSession session, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("required", signIn.secondFactorRequired(account));
        if (!account.totpEnabled()) {
            String secret = Optional.ofNullable(session.getAttribute(PENDING_SECRET)).map(Object::toString)
                    .orElseGet(secondFactor::newSecret);
            session.setAttribute(PENDING_SECRET, secret);
            model.addAttribute("qrCode", secondFactor.qrCode(account.username(), secret));
            // grouped in fours so it can be typed into an app by hand
            model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        }
        return TOTP_VIEW;
    }

    private String showPasswordForm(Authentication authentication, Model model) {
        Account account = mine(authentication);
        model.addAttribute("forced", LoginStep.of(authentication).isPresent());
        model.addAttribute("initial", account.mustChangePassword());
        model.addAttribute("minLength", policy.minLength());
        model.addAttribute("minKinds", policy.minKinds());
        return PASSWORD_VIEW;
    }

    private Account mine(Authentication authentication) {
        CurrentUser user = (CurrentUser) authentication.getPrincipal();
        return accounts.byId(user.id()).orElseThrow();
    }
}
