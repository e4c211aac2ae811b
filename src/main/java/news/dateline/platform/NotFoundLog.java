package news.dateline.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One INFO line per 404: {@code 404 GET /path}. Spring MVC's own two WARN lines for an address nothing maps ("No
 * mapping for GET /x" from the DispatcherServlet, then "No endpoint GET /x." from the exception resolver, both on
 * the org.springframework.web.servlet.PageNotFound logger) are switched off in application.properties: a missing
 * page is a reader's typo or a bot's probe, not a warning. Only the path is logged, never the query string.
 */
@Configuration(proxyBeanMethods = false)
class NotFoundLog {

    private static final Logger log = LoggerFactory.getLogger(NotFoundLog.class);
    private static final int MAX_PATH = 300;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> notFoundLogFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                chain.doFilter(request, response);
                if (response.getStatus() == HttpServletResponse.SC_NOT_FOUND && log.isInfoEnabled()) {
                    String path = request.getRequestURI();
                    log.info("404 {} {}", request.getMethod(),
                            path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path);
                }
            }
        });
        registration.setOrder(-300); // outside the page cache (-200) and Spring Security (-100)
        registration.addUrlPatterns("/*");
        return registration;
    }
}
