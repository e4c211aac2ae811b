package news.dateline.account;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import news.dateline.account.twofactor.SecondFactorGate;
import news.dateline.account.twofactor.SecondFactors;
import news.dateline.account.token.ApiTokenFilter;
import news.dateline.account.token.ApiTokens;
import news.dateline.edge.Refusals;
import news.dateline.edge.ContentSecurityPolicy;
import news.dateline.edge.SecurityHeaders;
import news.dateline.edge.SessionlessReads;

import news.dateline.platform.ApiProblems;
import news.dateline.platform.Role;
import news.dateline.platform.audit.AuditLog;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Readers need no account; everything under /newsroom does, the users screen wants an admin and the comment
 * moderation API an editor or admin. CSRF stays on for every form but one (the comment form, see below).
 * Sign-in is throttled per account and per address ({@link LoginThrottle}); docs/newsroom.md explains it all.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** One policy for every response, also those answered before this chain runs (edge/SecurityHeaders). */
    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    private static final RequestMatcher NEWSROOM = PathPatternRequestMatcher.withDefaults().matcher("/newsroom/**");
    /** POST /{section}/{slug}/comments, and nothing under /api or /newsroom that happens to have that shape. */
    private static final RequestMatcher COMMENT_POST = new AndRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/*/*/comments"),
            new NegatedRequestMatcher(API),
            new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/newsroom/**")));

    /**
     * The editor's background calls (autosave, preview, session check): a redirect to the sign-in page would reach
     * fetch as the sign-in form with status 200, so they are told in JSON that the session is gone.
     */
    private static final RequestMatcher NEWSROOM_BACKGROUND = new AndRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/newsroom/**"),
            new OrRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With"), request -> {
                String accept = request.getHeader("Accept");
                return accept != null && accept.contains("application/json");
            }));
    static final String SIGNED_OUT = "You have been signed out: sign in again to save.";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, Accounts accounts,
            UploadGate uploads, SecondStepController secondStep, SecondFactors secondFactors,
            AuditLog audit, ApiTokens tokens, ContentSecurityPolicy policy) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/newsroom/login", SecondStepController.PAGE).permitAll()
                        // a passkey sign-in, alone or as the second step (account.passkey.PasskeySignInController)
                        .requestMatchers("/newsroom/login/passkey", "/newsroom/login/passkey/options").permitAll()
                        // a password reset and an invitation are for people who cannot sign in (docs/mail.md)
                        .requestMatchers("/newsroom/forgot", "/newsroom/reset/*", "/newsroom/welcome/*").permitAll()
                        .requestMatchers("/newsroom/users", "/newsroom/users/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/newsroom/audit", "/newsroom/audit.csv").hasRole(Role.ADMIN.name())
                        .requestMatchers("/newsroom/tokens", "/newsroom/tokens/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/newsroom/**").authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/comments/**").hasAnyRole(Role.ADMIN.name(), Role.EDITOR.name())
                        // a bearer token only (account.token.ApiTokenFilter); the roles are the story rules' business
                        .requestMatchers(ApiTokenFilter.PATHS).authenticated()
                        // the photo library's API (news.dateline.media): authors up, as for the newsroom's uploads
                        .requestMatchers("/api/v1/media", "/api/v1/media/**").hasAnyRole(Role.ADMIN.name(),
                                Role.EDITOR.name(), Role.AUTHOR.name())
                        .anyRequest().permitAll())
                // before the CSRF check reads a parameter, and with it a whole multipart body: see edge/Uploads
                .addFilterBefore(uploads, CsrfFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SignedInAccountFilter(accounts), AnonymousAuthenticationFilter.class)
                // after the account was read: one that must set up a second factor may do nothing else
                .addFilterAfter(new SecondFactorGate(secondFactors), SignedInAccountFilter.class)
                .addFilterAfter(new ApiTokenFilter(tokens), SignedInAccountFilter.class)
                .formLogin(form -> form
                        .loginPage("/newsroom/login")
                        // its own entry point (for the actuator) redirects by a relative Location too
                        .withObjectPostProcessor(RELATIVE_SIGN_IN)
                        .successHandler(new SignInHandlers.Success(throttle, secondStep, audit, accounts))
                        .failureHandler(new SignInHandlers.Failure(throttle, audit))
                        .permitAll())
                // Spring's default session fixation protection stays on: signing in gives the session a new id.
                .logout(logout -> logout.logoutUrl("/newsroom/logout").logoutSuccessUrl("/newsroom/login?signed-out"))
                // The Leave A Reply form sits on article pages served from a shared cache, so it cannot carry a
                // per-visitor CSRF token. That one POST is protected by a strict same-origin check instead
                // (news.dateline.comment.SameOrigin; docs/comments.md). Every other state change keeps the token.
                // The admin API takes a bearer token and no cookie (ApiTokenFilter), so no other site can make a
                // browser use it: no CSRF token there either.
                // A reply mail's one-click unsubscribe (RFC 8058) is posted by mail programs with no cookie or token:
                // its signed link is the permission (news.dateline.notify.UnsubscribeController).
                .csrf(csrf -> csrf.ignoringRequestMatchers(COMMENT_POST,
                        PathPatternRequestMatcher.withDefaults().matcher(ApiTokenFilter.PATHS),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/unsubscribe/*")))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor((request, response, e) -> json(response, 401,
                                "Sign in to the newsroom first"), API)
                        // the editor's background calls first: entry points are tried in the order they are added
                        .defaultAuthenticationEntryPointFor((request, response, e) -> signedOut(response),
                                NEWSROOM_BACKGROUND)
                        // whatever the Accept header says (Spring's default keys on it), a newsroom page
                        // without a session goes to the sign-in page, by a relative Location: never one built
                        // from the request's Host
                        .defaultAuthenticationEntryPointFor(signInPage(), NEWSROOM)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> json(response, 403,
                                e instanceof CsrfException
                                        ? "Missing or invalid CSRF token: send it in the X-CSRF-TOKEN header"
                                        : "Your role may not do this"), API)
                        // Without a session the CSRF check fails before sign-in is even asked for: that is a
                        // signed-out page too. Signed in (again, elsewhere), the page's token is simply out of date.
                        .defaultAccessDeniedHandlerFor((request, response, e) -> {
                            if (!signedIn()) {
                                signedOut(response);
                            } else if (e instanceof CsrfException) {
                                json(response, 403, "This page's security token is out of date.", "csrf");
                            } else {
                                json(response, 403, "Your role may not do this", "forbidden");
                            }
                        }, NEWSROOM_BACKGROUND))
                .headers(headers -> headers(headers, policy));
        return http.build();
    }

    /** Every response's security headers, written by Spring Security's own writers on both chains. */
    private static void headers(HeadersConfigurer<HttpSecurity> headers, ContentSecurityPolicy policy) {
        headers
                // Cache-Control is the page cache's business: public for reader pages, no-store for staff.
                .cacheControl(cache -> cache.disable())
                // CONTENT_SECURITY_POLICY with the outside image hosts the settings allow (docs/security.md)
                .addHeaderWriter(policy)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    /**
     * Issue 20: a reader's GET or HEAD that no session can change ({@link SessionlessReads}: no session cookie, no
     * Authorization, nothing under /newsroom, /api, /actuator, /unsubscribe) has nothing for the chain above to
     * decide. It gets a chain of its own that writes the same headers with the same writers, so the bytes stay the
     * same, and skips the rest: the security context, CSRF, the request cache, the anonymous token, the
     * authorization rules, the account, second-factor and token filters. Spring Security's firewall still runs
     * first, as for every request.
     */
    @Bean
    @Order(2)
    SecurityFilterChain sessionlessReadsChain(HttpSecurity http, SessionlessReads reads, ContentSecurityPolicy policy)
            throws Exception {
        http.securityMatcher(reads)
                .csrf(csrf -> csrf.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(sessions -> sessions.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(api -> api.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.disable())
                .headers(headers -> headers(headers, policy));
        return http.build();
    }

    /**
     * No observation of the security chain, so Spring Security does not wrap each of its filters in an observing
     * decorator on every request (the observations themselves were already off:
     * {@code management.observations.enable.spring.security=false}). The HTTP request metrics are not these.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private static final ObjectPostProcessor<LoginUrlAuthenticationEntryPoint> RELATIVE_SIGN_IN =
            new ObjectPostProcessor<>() {
                @Override
                public <O extends LoginUrlAuthenticationEntryPoint> O postProcess(O entryPoint) {
                    entryPoint.setFavorRelativeUris(true);
                    return entryPoint;
                }
            };

    private static LoginUrlAuthenticationEntryPoint signInPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint(SignInOutcome.LOGIN_PAGE);
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /** The JSON API answers authentication problems as it answers every refusal (problem+json), never with a page. */
    private static void json(HttpServletResponse response, int status, String reason) throws IOException {
        ApiProblems.write(response, HttpStatus.valueOf(status), reason);
    }

    /**
     * Checks the password before saying an account is disabled, so only its owner learns that; Spring's
     * default order would tell anyone who guesses the username. The only provider bean, so Spring Security
     * builds the one AuthenticationManager from it (no second password check behind it).
     */
    @Bean
    AuthenticationProvider signInProvider(AccountDetailsService details, PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(details);
        provider.setPasswordEncoder(passwords);
        provider.setPreAuthenticationChecks(user -> {
        });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException(AccountMessages.DISABLED);
            }
        });
        return provider;
    }

    /** The newsroom's JSON ({@code error}) and a code the editor's script acts on: {@code signed-out}, {@code csrf}. */
    private static void json(HttpServletResponse response, int status, String reason, String code)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + reason + "\",\"reason\":\"" + code + "\"}");
    }

    private static void signedOut(HttpServletResponse response) throws IOException {
        json(response, 401, SIGNED_OUT, "signed-out");
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    UploadGate uploadGate(Accounts accounts, Refusals refusals) {
        return new UploadGate(accounts, refusals);
    }

    /** The gate runs inside Spring Security's chain (account/SecurityConfig), not as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<UploadGate> uploadGateOutsideTheServletChain(UploadGate gate) {
        var registration = new FilterRegistrationBean<>(gate);
        registration.setEnabled(false);
        return registration;
    }
}
