package org.linyunzhi.identity.internal;

import java.util.ArrayList;
import java.util.List;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * The one filter chain of the platform. Pages sign in through the login form and are protected by a
 * session and a CSRF token; the API under {@code /api/**} uses the same session with the CSRF token
 * in a header and answers 401/403 as problem details; htmx requests of an expired session get
 * {@code HX-Refresh} so the login page replaces the whole page, not a table cell. Every action is
 * also checked by its permission on the method ({@code @PreAuthorize}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** What anybody may fetch without signing in. */
    static final String[] OPEN = {"/login", "/css/**", "/js/**", "/webjars/**", "/images/**", "/favicon.ico",
            "/error", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html"};

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, PasswordLogin passwordLogin, LoginOutcomes outcomes,
                                    ApiProblems problems, WebSecurityProperties web) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher htmx = new RequestHeaderRequestMatcher("HX-Request");
        List<RequestMatcher> open = new ArrayList<>();
        for (String pattern : OPEN) {
            open.add(PathPatternRequestMatcher.withDefaults().matcher(pattern));
        }
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // only a page the user navigated to is worth returning to after login
        requestCache.setRequestMatcher(new AndRequestMatcher(new NegatedRequestMatcher(api),
                new NegatedRequestMatcher(htmx)));

        http
                // one provider and no parent manager, so a failed attempt is counted exactly once
                .authenticationManager(new ProviderManager(passwordLogin))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers("/actuator/**").hasRole("SYS_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .authenticationDetailsSource(LoginDetails.source())
                        .successHandler(outcomes)
                        .failureHandler(outcomes)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
                                .addEntryPointFor(problems, api)
                                .addEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(), htmx)
                                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                                .build())
                        .defaultAccessDeniedHandlerFor(problems, api))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(web)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frames -> frames.deny()))
                .addFilterBefore(new LoginGate(new OrRequestMatcher(open), api, problems), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Scripts and styles only from this server (page scripts take their data from the markup), images
     * also from data: URIs (QR codes) and the configured tile host, no framing by anybody.
     */
    static String contentSecurityPolicy(WebSecurityProperties web) {
        String images = String.join(" ", web.extraImgSrc()).strip();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:" + (images.isEmpty() ? "" : " " + images) + "; "
                + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    /** BCrypt today, with the algorithm named in each hash so it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Attribute writes as upserts, so two requests of one session saving at once do not collide. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresSessionQueries() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
