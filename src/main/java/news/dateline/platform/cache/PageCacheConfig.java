package news.dateline.platform.cache;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PageCacheConfig {

    /** Ahead of Spring Security (order -100): a cache hit needs no security context, only the stored headers. */
    static final int ORDER = -200;

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, CacheProperties properties, Clock clock) {
        var registration = new FilterRegistrationBean<>(new PageCacheFilter(cache, properties, clock));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
