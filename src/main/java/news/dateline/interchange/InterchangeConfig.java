package news.dateline.interchange;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InterchangeConfig {

    /** Ahead of the page cache (order -200), which would answer /?p=123 with the cached home page. */
    static final int LEGACY_URL_ORDER = -300;

    @Bean
    FilterRegistrationBean<LegacyUrlFilter> legacyUrlFilter(LegacyUrlRepository urls) {
        var registration = new FilterRegistrationBean<>(new LegacyUrlFilter(urls));
        registration.setOrder(LEGACY_URL_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
