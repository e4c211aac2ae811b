package news.dateline.platform.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} for scrapers, not people: a chain of its own, ahead of the site's, that lets in the
 * configured bearer token or a request from loopback ({@link MetricsProperties}) and answers everyone else 401,
 * without a session, a sign-in page or a redirect. The same callers see what is inside health. The rest of
 * /actuator stays as the site's chain has it.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    static final String PATH = "/actuator/prometheus";
    static final String HEALTH = "/actuator/health";
    private static final Authentication MONITOR = new PreAuthenticatedAuthenticationToken("monitor", null,
            AuthorityUtils.createAuthorityList("ROLE_MONITOR"));

    @Bean
    @Order(1)
    SecurityFilterChain metricsChain(HttpSecurity http, MetricsProperties metrics) throws Exception {
        http.securityMatcher(PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .access((authentication, context) -> new AuthorizationDecision(
                                allowed(context.getRequest(), metrics))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(401);
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dateline-metrics\"");
                    response.setContentType("text/plain;charset=UTF-8");
                    response.getWriter().write("Metrics need Authorization: Bearer <DATELINE_METRICS_TOKEN>.\n");
                }));
        return http.build();
    }

    /**
     * Health answers everyone UP or DOWN (a load balancer needs no more), but what is inside — the data directory's
     * path and free bytes, the database, the follower's lag — only to those who may scrape metrics: they are made
     * a {@code MONITOR} for this one request, which {@code management.endpoint.health.roles} names.
     */
    @Bean
    @Order(1)
    SecurityFilterChain healthChain(HttpSecurity http, MetricsProperties metrics) throws Exception {
        http.securityMatcher(HEALTH, HEALTH + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        if (allowed(request, metrics)) {
                            SecurityContextHolder.getContext().setAuthentication(MONITOR);
                        }
                        chain.doFilter(request, response);
                    }
                }, AuthorizationFilter.class);
        return http.build();
    }

    static boolean allowed(HttpServletRequest request, MetricsProperties metrics) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!metrics.token().isBlank() && authorization != null && authorization.startsWith("Bearer ")) {
            byte[] sent = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(sent, metrics.token().getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return metrics.allowLoopback() && loopback(request.getRemoteAddr());
    }

    /** The address Tomcat resolved (after a trusted proxy's X-Forwarded-For); a literal, so no DNS lookup. */
    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
