package org.linyunzhi.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.linyunzhi.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the second-factor step that may follow the password. */
@Controller
class LoginController {

    static final String LOGIN_VIEW = "identity/login";
    static final String TOTP_VIEW = "identity/login-totp";

    private final Accounts accounts;
    private final SecondFactor secondFactor;
    private final Lockout lockout;
    private final LoginLog log;
    private final SignIn signIn;
    private final TownTime time;

    LoginController(Accounts accounts, SecondFactor secondFactor, Lockout lockout, LoginLog log, SignIn signIn,
                    TownTime time) {
        this.time = time;
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.lockout = lockout;
        this.log = log;
        this.signIn = signIn;
    }

    @GetMapping("/login")
    String login(Authentication authentication, HttpSession session, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof CurrentUser && LoginStep.of(authentication).isEmpty()) {
            return "redirect:/";
        }
        Object failure = session.getAttribute(LoginOutcomes.FAILURE);
        if (failure instanceof LoginOutcomes.Failure f) {
            session.removeAttribute(LoginOutcomes.FAILURE);
            model.addAttribute("failure", f.kind().name());
            model.addAttribute("lockedUntil", time.minutes(f.lockedUntil()));
        }
        return LOGIN_VIEW;
    }

    @GetMapping("/login/totp")
    String codeForm(Authentication authentication) {
        return LoginStep.of(authentication).filter(s -> s == LoginStep.SECOND_FACTOR).isPresent()
                ? TOTP_VIEW : "redirect:/";
    }

    @PostMapping("/login/totp")
    String verifyCode(@RequestParam(defaultValue = "") String code, Authentication authentication,
                      HttpServletRequest request, HttpServletResponse response, Model model) {
        if (LoginStep.of(authentication).filter(s -> s == LoginStep.SECOND_FACTOR).isEmpty()) {
            return "redirect:/";
        }
        CurrentUser pending = (CurrentUser) authentication.getPrincipal();
        Account account = accounts.byId(pending.id()).orElseThrow();
        LoginDetails details = LoginDetails.from(authentication.getDetails());
        Optional<Instant> locked = lockout.lockedUntil(account);
        if (locked.isEmpty()) {
            OptionalLong step = secondFactor.verify(account.totpSecret(), code, account.totpLastStep());
            if (step.isPresent() && accounts.useTotpStep(account.id(), step.getAsLong())) {
                log.record(account.username(), account, details, LoginLog.Result.SUCCESS);
                lockout.succeed(account);
                return "redirect:" + signIn.advance(account, authentication, request, response);
            }
            log.record(account.username(), account, details, LoginLog.Result.BAD_TOTP);
            locked = lockout.fail(account);
        } else {
            log.record(account.username(), account, details, LoginLog.Result.LOCKED);
        }
        if (locked.isPresent()) {
            // the pending login ends; the login page says until when the account stays locked
            new SecurityContextLogoutHandler().logout(request, response, authentication);
            request.getSession(true).setAttribute(LoginOutcomes.FAILURE,
                    new LoginOutcomes.Failure(LoginOutcomes.Failure.Kind.LOCKED, locked.get()));
            return "redirect:/login?error";
        }
        model.addAttribute("badCode", true);
        return TOTP_VIEW;
    }
}
