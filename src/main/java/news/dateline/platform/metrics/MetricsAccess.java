package news.dateline.platform.metrics;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} for scrapers, not people: a chain of its own, ahead of the site's, that lets in the
 * configured bearer token or a request from loopback ({@link MetricsProperties}) and answers everyone else 401,
 * without a session, a sign-in page or a redirect. The rest of /actuator stays as the site's chain has it.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    static final String PATH = "/actuator/prometheus";

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
