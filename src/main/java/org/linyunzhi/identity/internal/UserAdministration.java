package org.linyunzhi.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an administrator may do to accounts, and within which limits: only accounts inside the actor's
 * data scope, only into regions inside it, only roles the actor could hold anyway (least privilege:
 * nobody hands out more than they have, except the security administrator, who owns roles), and never
 * their own roles or scope.
 */
@Service
class UserAdministration {

    private static final String USERNAME = "[A-Za-z0-9_.@-]{3,64}";

    private final Accounts accounts;
    private final Roles roles;
    private final Departments departments;
    private final Regions regions;
    private final PasswordPolicy passwords;
    private final PasswordEncoder encoder;
    private final OnlineSessions sessions;
    private final Clock clock;

    UserAdministration(Accounts accounts, Roles roles, Departments departments, Regions regions,
                       PasswordPolicy passwords, PasswordEncoder encoder, OnlineSessions sessions,
                       ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.departments = departments;
        this.regions = regions;
        this.passwords = passwords;
        this.encoder = encoder;
        this.sessions = sessions;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** The account if it is inside the actor's scope; otherwise 404, as if it did not exist. */
    Account visible(UUID id, CurrentUser actor) {
        return accounts.byId(id, actor.scope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * Roles the actor may give: the security administrator any; the holder of {@code system:user:grant}
     * (the system administrator) every working role, not the administrator roles (三员); others only
     * roles within their own permissions.
     */
    List<Roles.Role> grantableBy(CurrentUser actor) {
        return roles.all().stream()
                .filter(r -> actor.can("system:role:edit")
                        || (actor.can("system:user:grant") && !r.admin())
                        || actor.permissions().containsAll(roles.permissionsOf(Set.of(r.code()))))
                .toList();
    }

    /** Scope kinds the actor may give: never wider than their own. */
    Set<DataScope.Kind> scopeKindsFor(CurrentUser actor) {
        return switch (actor.scope().kind()) {
            case ALL -> EnumSet.allOf(DataScope.Kind.class);
            case REGION -> EnumSet.of(DataScope.Kind.REGION, DataScope.Kind.DEPARTMENT, DataScope.Kind.SELF);
            case DEPARTMENT -> EnumSet.of(DataScope.Kind.DEPARTMENT, DataScope.Kind.SELF);
            case SELF -> EnumSet.of(DataScope.Kind.SELF);
        };
    }

    /**
     * Creates an account with a random initial password that must be changed at the first login.
     *
     * @return the account and its initial password, or empty when the form has errors
     */
    @Transactional
    Optional<NewAccount> create(UserForm form, CurrentUser actor, Errors errors) {
        UUID id = UUID.randomUUID();
        if (form.getUsername() == null || !form.getUsername().matches(USERNAME)) {
            errors.rejectValue("username", "user.error.username");
        } else if (accounts.usernameTaken(form.getUsername())) {
            errors.rejectValue("username", "user.error.usernameTaken");
        }
        check(form, id, actor, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String initial = passwords.initialPassword();
        Account account = new Account(id, form.getUsername(), form.getDisplayName(), encoder.encode(initial), true,
                clock.instant(), true, form.getRegionCode(), form.getDepartmentId(), form.getScopeKind(), 0, null,
                null, false, null, 0, new LinkedHashSet<>(form.getRoles()));
        accounts.create(account, clock.instant());
        return Optional.of(new NewAccount(id, form.getUsername(), initial));
    }

    /**
     * Saves an edit. An account outside the scope answers 404; one saved by someone else since the
     * form was loaded is reported as a form error.
     *
     * @return whether it was saved
     */
    @Transactional
    boolean update(UUID id, UserForm form, CurrentUser actor, Errors errors) {
        Account current = visible(id, actor);
        if (current.id().equals(actor.id())) {
            // changing one's own roles or scope is how privileges creep: another administrator must do it
            boolean same = Objects.equals(current.regionCode(), form.getRegionCode())
                    && Objects.equals(current.departmentId(), form.getDepartmentId())
                    && current.scopeKind() == form.getScopeKind()
                    && current.roles().equals(new LinkedHashSet<>(form.getRoles()));
            if (!same) {
                errors.reject("user.error.self");
            }
        }
        check(form, id, actor, errors);
        if (form.getVersion() == null) {
            errors.reject("user.error.conflict");
        }
        if (errors.hasErrors()) {
            return false;
        }
        boolean saved = accounts.update(id, form.getVersion(), new Accounts.AccountChanges(form.getDisplayName(),
                form.getRegionCode(), form.getDepartmentId(), form.getScopeKind(),
                new LinkedHashSet<>(form.getRoles()), clock.instant()), actor.scope());
        if (!saved) {
            errors.reject("user.error.conflict");
            return false;
        }
        boolean privilegesChanged = !current.roles().equals(new LinkedHashSet<>(form.getRoles()))
                || current.scopeKind() != form.getScopeKind()
                || !Objects.equals(current.regionCode(), form.getRegionCode())
                || !Objects.equals(current.departmentId(), form.getDepartmentId());
        if (privilegesChanged) {
            // the sessions carry the old permissions: sign the user in again with the new ones
            sessions.endAllOf(current.username(), null);
        }
        return true;
    }

    /** Gives the account a new initial password; the user must change it at the next login. */
    @Transactional
    NewAccount resetPassword(UUID id, CurrentUser actor) {
        Account account = visible(id, actor);
        String initial = passwords.initialPassword();
        if (!accounts.resetPassword(id, encoder.encode(initial), actor.scope(), clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        sessions.endAllOf(account.username(), null);
        return new NewAccount(id, account.username(), initial);
    }

    /** Disables (and signs out) or re-enables an account; nobody disables themselves. */
    @Transactional
    boolean setEnabled(UUID id, boolean enabled, CurrentUser actor) {
        Account account = visible(id, actor);
        if (!enabled && account.id().equals(actor.id())) {
            return false;
        }
        if (!accounts.setEnabled(id, enabled, actor.scope(), clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!enabled) {
            sessions.endAllOf(account.username(), null);
        }
        return true;
    }

    @Transactional
    void unlock(UUID id, CurrentUser actor) {
        visible(id, actor);
        if (!accounts.unlock(id, actor.scope(), clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** The checks shared by create and edit; each problem lands beside its field. */
    private void check(UserForm form, UUID id, CurrentUser actor, Errors errors) {
        if (form.getDisplayName() == null || form.getDisplayName().isBlank() || form.getDisplayName().length() > 64) {
            errors.rejectValue("displayName", "user.error.displayName");
        }
        String region = form.getRegionCode();
        if (!Regions.wellFormed(region)) {
            errors.rejectValue("regionCode", "user.error.regionFormat");
        } else if (!actor.scope().coversRegion(region)) {
            errors.rejectValue("regionCode", "user.error.regionOutOfScope");
        } else if (!regions.exists(region)) {
            errors.rejectValue("regionCode", "user.error.regionUnknown");
        }
        if (form.getScopeKind() == null || !scopeKindsFor(actor).contains(form.getScopeKind())) {
            errors.rejectValue("scopeKind", "user.error.scopeKind");
        }
        if (form.getDepartmentId() != null) {
            boolean visible = departments.visibleTo(actor.scope()).stream()
                    .anyMatch(d -> d.id().equals(form.getDepartmentId()));
            if (!visible) {
                errors.rejectValue("departmentId", "user.error.department");
            }
        } else if (form.getScopeKind() == DataScope.Kind.DEPARTMENT) {
            errors.rejectValue("departmentId", "user.error.departmentRequired");
        }
        // the account must land inside the actor's own scope, or the actor could create what they cannot see
        DataScope scope = actor.scope();
        if (scope.kind() == DataScope.Kind.DEPARTMENT && !Objects.equals(form.getDepartmentId(), scope.departmentId())) {
            errors.rejectValue("departmentId", "user.error.department");
        }
        if (scope.kind() == DataScope.Kind.SELF && !id.equals(scope.userId())) {
            errors.reject("user.error.selfScope");
        }
        if (form.getRoles().isEmpty()) {
            errors.rejectValue("roles", "user.error.rolesRequired");
        } else {
            Set<String> grantable = new LinkedHashSet<>();
            grantableBy(actor).forEach(r -> grantable.add(r.code()));
            Account before = accounts.byId(id).orElse(null);
            for (String role : form.getRoles()) {
                // a role the account already has may stay even if the actor could not grant it
                boolean kept = before != null && before.roles().contains(role);
                if (!grantable.contains(role) && !kept) {
                    errors.rejectValue("roles", "user.error.role", new Object[] {role}, null);
                }
            }
        }
    }

    /** A created or reset account and its initial password, shown once to the administrator. */
    record NewAccount(UUID id, String username, String initialPassword) {
    }
}
